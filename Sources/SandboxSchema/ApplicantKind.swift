/// Applicant kinds (LABELS.md §4), one per applicant, in the guideline's order.
public enum ApplicantKind: String, SchemaLabel {
    /// Banks (rural credit cooperatives and their unions included).
    case bank
    /// Insurers.
    case insurer
    /// Securities and fund companies.
    case securitiesFund = "securities_fund"
    /// Payment companies (支付).
    case paymentInstitution = "payment_institution"
    /// 银联, 网联.
    case clearingOrganization = "clearing_organization"
    /// 征信 companies.
    case creditBureau = "credit_bureau"
    /// Technology firms, telecoms, certification authorities.
    case technologyCompany = "technology_company"
    /// Associations, government bodies, non-tech firms.
    case other

    /// Whether the kind counts as a financial institution for `participation` (LABELS.md §4).
    public var isFinancialInstitution: Bool { self != .technologyCompany && self != .other }
}
