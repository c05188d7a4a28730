import SandboxSchema

/// The metrics a quality floor can name, as `<family>.<metric>`. `rawValue` is the key part.
public enum FloorMetric: String, CaseIterable, Codable, Sendable {
    /// Fraction of records with the right value; single-label families only.
    case accuracy
    /// Micro-averaged F1 (any family).
    case microF1 = "micro_f1"
    /// Macro-averaged F1 (any family).
    case macroF1 = "macro_f1"
    /// Support-weighted F1 (any family).
    case weightedF1 = "weighted_f1"
    /// Exact-match ratio (subset accuracy); multi-label families only.
    case exactMatch = "exact_match"

    /// `true` when the metric is defined for `family` (accuracy for single-label,
    /// exact_match for multi-label, the F1s for all).
    public func applies(to family: ScoredFamily) -> Bool {
        switch self {
        case .accuracy: return !family.isMultiLabel
        case .exactMatch: return family.isMultiLabel
        case .microF1, .macroF1, .weightedF1: return true
        }
    }
}
