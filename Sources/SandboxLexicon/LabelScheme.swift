import SandboxSchema

/// The label ids of `../shared/LABELS.md` as strings (the types live in SandboxSchema): the contract between the classifier, the gold
/// sets and the exported records. Ids never change once data has been published with
/// them; lexicon files are validated against these lists.
public enum LabelScheme {
    /// KPMG China's six business categories (LABELS.md §1), in the guideline's order.
    public static let categories = Category.ids
    /// Technology tags (LABELS.md §2), in the guideline's order.
    public static let technologies = Technology.ids
    /// Inclusive-finance markers (LABELS.md §3).
    public static let inclusiveMarkers = InclusiveMarker.ids
    /// Markers that make a record `inclusive` (LABELS.md §3: any of the first three).
    public static let inclusiveMakers = Set(InclusiveMarker.allCases.filter(\.makesInclusive).map(\.rawValue))
    /// Applicant kinds (LABELS.md §4).
    public static let applicantKinds = ApplicantKind.ids
    /// Applicant kinds that are financial institutions (LABELS.md §4, `participation`).
    public static let financialInstitutionKinds = Set(ApplicantKind.allCases.filter(\.isFinancialInstitution).map(\.rawValue))
    /// `application_type` values (LABELS.md §4).
    public static let applicationTypes = ApplicationType.ids
    /// `participation` values (LABELS.md §4).
    public static let participations = Participation.ids
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
