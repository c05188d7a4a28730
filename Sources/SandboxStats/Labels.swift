/// Display names (zh / en) and canonical orders of the ids of LABELS.md and of the cities.
///
/// Ids are the contract; names are for display only. Unknown ids are displayed as
/// themselves and sorted after the known ones, alphabetically.
public enum Labels {
    /// Cities in the order of the 2020 pilot table (coverage.json), with zh and en names.
    public static let cities: [(id: String, zh: String, en: String)] = [
        ("beijing", "北京", "Beijing"), ("shanghai", "上海", "Shanghai"),
        ("shenzhen", "深圳", "Shenzhen"), ("chongqing", "重庆", "Chongqing"),
        ("hangzhou", "杭州", "Hangzhou"), ("suzhou", "苏州", "Suzhou"),
        ("xiongan", "雄安新区", "Xiong'an"), ("guangzhou", "广州", "Guangzhou"),
        ("chengdu", "成都", "Chengdu"),
    ]
    /// The six business categories (LABELS.md §1).
    public static let primaries: [(id: String, zh: String, en: String)] = [
        ("digital_credit", "数字信贷", "digital credit"), ("payment", "支付", "payment"),
        ("innovative_banking", "创新银行业务", "innovative banking"),
        ("underlying_technology", "底层技术", "underlying technology"),
        ("securities_wealth_capital_markets", "证券、财富与资本市场", "securities, wealth and capital markets"),
        ("insurtech", "保险科技", "insurance technology"),
    ]
    /// The technology tags (LABELS.md §2).
    public static let technologies: [(id: String, zh: String, en: String)] = [
        ("big_data", "大数据", "big data"), ("artificial_intelligence", "人工智能", "artificial intelligence"),
        ("blockchain", "区块链", "blockchain / DLT"), ("cloud_computing", "云计算", "cloud computing"),
        ("internet_of_things", "物联网", "Internet of Things"), ("privacy_computing", "隐私计算", "privacy computing"),
        ("biometrics", "生物识别", "biometrics"), ("api_open_banking", "开放银行", "API / open banking"),
        ("mobile_5g", "5G", "5G"), ("digital_currency", "数字人民币", "digital RMB"),
        ("rpa", "机器人流程自动化", "robotic process automation"),
        ("information_security", "信息安全", "information security"),
        ("autonomous_driving", "自动驾驶", "autonomous driving"),
    ]
    /// The inclusive-finance markers (LABELS.md §3).
    public static let inclusiveMarkers: [(id: String, zh: String, en: String)] = [
        ("inclusive_finance", "普惠金融", "inclusive finance"),
        ("small_micro_enterprises", "小微企业", "small and micro enterprises"),
        ("agriculture_rural", "三农", "agriculture and rural"),
        ("underserved_groups", "特殊群体", "underserved groups"),
    ]
    /// Application types and participation values (LABELS.md §4).
    public static let others: [(id: String, zh: String, en: String)] = [
        ("financial_service", "金融服务", "financial service"),
        ("technology_product", "科技产品", "technology product"),
        ("unstated", "未说明", "unstated"),
        ("financial_institutions_only", "金融机构独立", "financial institutions only"),
        ("joint_with_technology_company", "与科技公司联合", "joint with technology company"),
    ]

    private static let all: [String: (zh: String, en: String)] = {
        var d: [String: (zh: String, en: String)] = [:]
        for t in cities + primaries + technologies + inclusiveMarkers + others { d[t.id] = (t.zh, t.en) }
        return d
    }()

    /// Chinese display name of an id, or nil when unknown.
    public static func zh(_ id: String) -> String? { all[id]?.zh }
    /// English display name of an id; the id itself when unknown.
    public static func en(_ id: String) -> String { all[id]?.en ?? id }

    /// Sorts `ids` by the canonical order of `known`, unknown ids last (alphabetically),
    /// duplicates removed.
    public static func ordered(_ ids: some Sequence<String>, by known: [(id: String, zh: String, en: String)]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1.id, $0) })
        return Set(ids).sorted { a, b in
            switch (rank[a], rank[b]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
    }
}
