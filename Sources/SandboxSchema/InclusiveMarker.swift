/// Inclusive-finance markers (LABELS.md §3), multi-label, in the guideline's order.
public enum InclusiveMarker: String, SchemaLabel {
    /// 普惠金融.
    case inclusiveFinance = "inclusive_finance"
    /// 小微企业 (small merchants included).
    case smallMicroEnterprises = "small_micro_enterprises"
    /// 三农 / 农村.
    case agricultureRural = "agriculture_rural"
    /// Elderly, disabled and other underserved users; does not make a record `inclusive`.
    case underservedGroups = "underserved_groups"

    /// Whether this marker makes a record `inclusive` (LABELS.md §3: any of the first three).
    public var makesInclusive: Bool { self != .underservedGroups }
}
