/// Display names (zh / en) of every LABELS.md id and of the pilot cities: the one table
/// that the CLI, the statistics and the HTML report show. Ids are the contract; names are
/// for display only.
public enum DisplayNames {
    /// Cities in the order of the 2020 pilot table (`Corpus/coverage.json`).
    public static let cities: [(id: String, zh: String, en: String)] = [
        ("beijing", "北京", "Beijing"), ("shanghai", "上海", "Shanghai"),
        ("shenzhen", "深圳", "Shenzhen"), ("chongqing", "重庆", "Chongqing"),
        ("hangzhou", "杭州", "Hangzhou"), ("suzhou", "苏州", "Suzhou"),
        ("xiongan", "雄安新区", "Xiong'an"), ("guangzhou", "广州", "Guangzhou"),
        ("chengdu", "成都", "Chengdu"),
    ]

    /// Label id → (zh, en).
    static let labels: [String: (zh: String, en: String)] = [
        "digital_credit": ("数字信贷", "digital credit"), "payment": ("支付", "payment"),
        "innovative_banking": ("创新银行业务", "innovative banking"),
        "underlying_technology": ("底层技术", "underlying technology"),
        "securities_wealth_capital_markets": ("证券、财富与资本市场", "securities, wealth and capital markets"),
        "insurtech": ("保险科技", "insurance technology"),
        "big_data": ("大数据", "big data"), "artificial_intelligence": ("人工智能", "artificial intelligence"),
        "blockchain": ("区块链", "blockchain / DLT"), "cloud_computing": ("云计算", "cloud computing"),
        "internet_of_things": ("物联网", "Internet of Things"), "privacy_computing": ("隐私计算", "privacy computing"),
        "biometrics": ("生物识别", "biometrics"), "api_open_banking": ("开放银行", "API / open banking"),
        "mobile_5g": ("5G", "5G"), "digital_currency": ("数字人民币", "digital RMB"),
        "rpa": ("机器人流程自动化", "robotic process automation"),
        "information_security": ("信息安全", "information security"),
        "autonomous_driving": ("自动驾驶", "autonomous driving"),
        "inclusive_finance": ("普惠金融", "inclusive finance"),
        "small_micro_enterprises": ("小微企业", "small and micro enterprises"),
        "agriculture_rural": ("三农", "agriculture and rural"),
        "underserved_groups": ("特殊群体", "underserved groups"),
        "bank": ("银行", "bank"), "insurer": ("保险公司", "insurer"), "securities_fund": ("证券基金", "securities / fund"),
        "payment_institution": ("支付机构", "payment institution"), "clearing_organization": ("清算机构", "clearing organization"),
        "credit_bureau": ("征信机构", "credit bureau"), "technology_company": ("科技公司", "technology company"),
        "other": ("其他", "other"),
        "financial_service": ("金融服务", "financial service"),
        "technology_product": ("科技产品", "technology product"),
        "unstated": ("未说明", "unstated"),
        "financial_institutions_only": ("金融机构独立", "financial institutions only"),
        "joint_with_technology_company": ("与科技公司联合", "joint with technology company"),
    ]

    private static let all: [String: (zh: String, en: String)] = {
        var d = labels
        for c in cities { d[c.id] = (c.zh, c.en) }
        return d
    }()

    /// Chinese display name of a label or city id, or nil when unknown.
    public static func zh(_ id: String) -> String? { all[id]?.zh }
    /// English display name of a label or city id; the id itself when unknown.
    public static func en(_ id: String) -> String { all[id]?.en ?? id }
}
