/// Technology tags (LABELS.md §2), multi-label, in the guideline's order.
public enum Technology: String, SchemaLabel {
    /// 大数据.
    case bigData = "big_data"
    /// 人工智能 (biometrics included in the published "AI" roll-up).
    case artificialIntelligence = "artificial_intelligence"
    /// 区块链 / 分布式账本.
    case blockchain
    /// 云计算.
    case cloudComputing = "cloud_computing"
    /// 物联网.
    case internetOfThings = "internet_of_things"
    /// 隐私计算.
    case privacyComputing = "privacy_computing"
    /// 生物识别 (also tagged `artificial_intelligence`).
    case biometrics
    /// API / 开放银行 / SDK.
    case apiOpenBanking = "api_open_banking"
    /// 5G.
    case mobile5G = "mobile_5g"
    /// 数字人民币.
    case digitalCurrency = "digital_currency"
    /// 机器人流程自动化.
    case rpa
    /// 信息安全 (cryptography as a named component, certificates, tokenisation).
    case informationSecurity = "information_security"
    /// 自动驾驶.
    case autonomousDriving = "autonomous_driving"
}
