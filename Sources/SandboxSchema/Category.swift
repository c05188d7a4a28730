/// KPMG China's six business categories (LABELS.md §1), single choice (`primary`,
/// optional `secondary`), in the guideline's order.
public enum Category: String, SchemaLabel, CodingKeyRepresentable {
    /// 数字信贷.
    case digitalCredit = "digital_credit"
    /// 支付.
    case payment
    /// 创新银行业务.
    case innovativeBanking = "innovative_banking"
    /// 底层技术.
    case underlyingTechnology = "underlying_technology"
    /// 证券、财富与资本市场.
    case securitiesWealthCapitalMarkets = "securities_wealth_capital_markets"
    /// 保险科技.
    case insurtech
}
