import SandboxSchema

/// The five label families that evaluation scores (not to be confused with
/// `SandboxLexicon.LabelFamily`, the lexicon files), named by the JSON key they use in the
/// gold files and exported records (`../LABELS.md` §1–§4).
///
/// `rawValue` is the family's key: `primary`, `technologies`, `inclusive_markers`,
/// `application_type`, `participation`. It is also the `<family>` part of quality-floor
/// keys and the prefix of doccano labels (`technologies:big_data`).
public enum ScoredFamily: String, CaseIterable, Codable, Sendable, Hashable {
    /// Business category, single-label, 6 ids (LABELS.md §1).
    case primary
    /// Technology tags, multi-label, 13 ids (LABELS.md §2).
    case technologies
    /// Inclusive-finance markers, multi-label, 4 ids (LABELS.md §3).
    case inclusiveMarkers = "inclusive_markers"
    /// Application type as stated by the page, single-label, 3 ids (LABELS.md §4).
    case applicationType = "application_type"
    /// Who applied, single-label, 2 ids (LABELS.md §4).
    case participation

    /// `true` for `technologies` and `inclusive_markers` (zero or more labels a record);
    /// `false` for the single-label families (at most one label a record).
    public var isMultiLabel: Bool {
        switch self {
        case .technologies, .inclusiveMarkers: return true
        case .primary, .applicationType, .participation: return false
        }
    }

    /// The family's label ids in their canonical order (the order of LABELS.md), which is
    /// also the row/column order of confusion matrices and of per-label tables.
    public var labels: [String] { LabelScheme.labels(for: self) }
}
