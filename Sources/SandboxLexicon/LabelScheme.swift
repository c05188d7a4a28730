/// The label ids of `../shared/LABELS.md`: the contract between the classifier, the gold
/// sets and the exported records. Ids never change once data has been published with
/// them; lexicon files are validated against these lists.
public enum LabelScheme {
    /// KPMG China's six business categories (LABELS.md §1), in the guideline's order.
    public static let categories = [
        "digital_credit", "payment", "innovative_banking", "underlying_technology",
        "securities_wealth_capital_markets", "insurtech",
    ]
    /// Technology tags (LABELS.md §2), in the guideline's order.
    public static let technologies = [
        "big_data", "artificial_intelligence", "blockchain", "cloud_computing",
        "internet_of_things", "privacy_computing", "biometrics", "api_open_banking",
        "mobile_5g", "digital_currency", "rpa", "information_security", "autonomous_driving",
    ]
    /// Inclusive-finance markers (LABELS.md §3).
    public static let inclusiveMarkers = [
        "inclusive_finance", "small_micro_enterprises", "agriculture_rural", "underserved_groups",
    ]
    /// Markers that make a record `inclusive` (LABELS.md §3: any of the first three).
    public static let inclusiveMakers: Set<String> = [
        "inclusive_finance", "small_micro_enterprises", "agriculture_rural",
    ]
    /// Applicant kinds (LABELS.md §4).
    public static let applicantKinds = [
        "bank", "insurer", "securities_fund", "payment_institution", "clearing_organization",
        "credit_bureau", "technology_company", "other",
    ]
    /// Applicant kinds that are financial institutions (LABELS.md §4, `participation`).
    public static let financialInstitutionKinds: Set<String> = [
        "bank", "insurer", "securities_fund", "payment_institution", "clearing_organization", "credit_bureau",
    ]
    /// `application_type` values (LABELS.md §4).
    public static let applicationTypes = ["financial_service", "technology_product", "unstated"]
    /// `participation` values (LABELS.md §4).
    public static let participations = ["financial_institutions_only", "joint_with_technology_company"]
}

/// A family of labels, one lexicon file each.
public enum LabelFamily: String, Sendable, CaseIterable, Codable {
    /// Business categories; single choice (one `primary`).
    case categories
    /// Technology tags; multi-label.
    case technologies
    /// Inclusive-finance markers; multi-label.
    case inclusiveMarkers = "inclusive_markers"
    /// Applicant kinds; single choice per applicant.
    case applicantKinds = "applicant_kinds"
    /// Entity names (institutions, brands) that contain marker or technology words but
    /// are names: a match here consumes its span and yields no label.
    case entities

    /// The label ids allowed in this family (LABELS.md); `entities` has the one id `entity`.
    public var allowedIDs: [String] {
        switch self {
        case .categories: return LabelScheme.categories
        case .technologies: return LabelScheme.technologies
        case .inclusiveMarkers: return LabelScheme.inclusiveMarkers
        case .applicantKinds: return LabelScheme.applicantKinds
        case .entities: return ["entity"]
        }
    }

    /// Whether a record takes exactly one label of this family.
    public var isSingleChoice: Bool { self == .categories || self == .applicantKinds }
}
