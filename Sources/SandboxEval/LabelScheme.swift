import SandboxSchema

/// The label ids of LABELS.md as evaluation groups them (the lists themselves live in
/// SandboxSchema's types). Gold readers reject any id not listed here.
///
/// Ids are stable snake_case ASCII strings and are unique across families, so a bare id
/// identifies its family (see ``family(ofLabel:)``).
public enum LabelScheme {
    /// Business categories (KPMG China six), LABELS.md §1, in table order.
    public static let primary: [String] = Category.ids
    /// Technology tags, LABELS.md §2, in table order (13 ids).
    public static let technologies: [String] = Technology.ids
    /// Inclusive-finance markers, LABELS.md §3, in table order (4 ids).
    public static let inclusiveMarkers: [String] = InclusiveMarker.ids
    /// `application_type` values, LABELS.md §4 (3 ids; `unstated` is a value, not a gap).
    public static let applicationType: [String] = ApplicationType.ids
    /// `participation` values, LABELS.md §4 (2 ids).
    public static let participation: [String] = Participation.ids

    /// The label ids of `family`, in canonical order.
    public static func labels(for family: ScoredFamily) -> [String] {
        switch family {
        case .primary: return primary
        case .technologies: return technologies
        case .inclusiveMarkers: return inclusiveMarkers
        case .applicationType: return applicationType
        case .participation: return participation
        }
    }

    /// `true` when `label` is one of `family`'s ids (exact, case-sensitive match).
    public static func isValid(_ label: String, in family: ScoredFamily) -> Bool {
        labelSets[family]?.contains(label) ?? false
    }

    /// The family a bare label id belongs to, or `nil` for an unknown id.
    public static func family(ofLabel label: String) -> ScoredFamily? {
        ScoredFamily.allCases.first { isValid(label, in: $0) }
    }

    private static let labelSets: [ScoredFamily: Set<String>] = Dictionary(
        uniqueKeysWithValues: ScoredFamily.allCases.map { ($0, Set(labels(for: $0))) })
}
