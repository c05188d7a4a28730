import SandboxSchema

/// All scores of one label family over the joined records.
///
/// `labels` holds one ``LabelScore`` per label in the family's order (plus, after them, any
/// id outside the scheme that occurred — only possible with records that did not come
/// through a reader). Single-label families have `accuracy` and `confusionMatrix`;
/// multi-label families have `exactMatch` and `hammingLoss`; the others are `nil`.
public struct FamilyReport: Codable, Sendable, Hashable {
    /// The family.
    public var family: ScoredFamily
    /// `family.isMultiLabel`, repeated for JSON readers.
    public var multiLabel: Bool
    /// Number of joined records scored.
    public var records: Int
    /// Per-label scores.
    public var labels: [LabelScore]
    /// Micro average (see ``Metrics/microAverage(_:)``).
    public var micro: AverageScore
    /// Macro average, labels absent on both sides excluded (see ``Metrics/macroAverage(_:)``).
    public var macro: AverageScore
    /// Support-weighted average (see ``Metrics/weightedAverage(_:)``).
    public var weighted: AverageScore
    /// Single-label: fraction of records with the gold value.
    public var accuracy: Double?
    /// Single-label: gold (rows) × predicted (columns).
    public var confusionMatrix: ConfusionMatrix?
    /// Multi-label: subset accuracy.
    public var exactMatch: Double?
    /// Multi-label: mismatched decisions / (records × labels).
    public var hammingLoss: Double?

    /// Memberwise initialiser.
    public init(
        family: ScoredFamily, records: Int, labels: [LabelScore], micro: AverageScore, macro: AverageScore,
        weighted: AverageScore, accuracy: Double? = nil, confusionMatrix: ConfusionMatrix? = nil,
        exactMatch: Double? = nil, hammingLoss: Double? = nil
    ) {
        self.family = family
        self.multiLabel = family.isMultiLabel
        self.records = records
        self.labels = labels
        self.micro = micro
        self.macro = macro
        self.weighted = weighted
        self.accuracy = accuracy
        self.confusionMatrix = confusionMatrix
        self.exactMatch = exactMatch
        self.hammingLoss = hammingLoss
    }

    /// True when F1 is undefined for this family: a multi-label family whose gold and
    /// predictions are both empty on every record (no label occurs on either side).
    /// scikit-learn calls this the `zero_division` case; the report shows "undefined" for
    /// the averages and a quality floor on an F1 of this family counts as met, since
    /// gold and predictions agree perfectly.
    public var f1IsUndefined: Bool { multiLabel && labels.allSatisfy(\.isAbsent) }

    /// The value of `metric`, or `nil` when it is not defined for this family.
    public func value(of metric: FloorMetric) -> Double?  {
        switch metric {
        case .accuracy: return accuracy
        case .microF1: return micro.f1
        case .macroF1: return macro.f1
        case .weightedF1: return weighted.f1
        case .exactMatch: return exactMatch
        }
    }

    enum CodingKeys: String, CodingKey {
        case family, records, labels, micro, macro, weighted, accuracy
        case multiLabel = "multi_label"
        case confusionMatrix = "confusion_matrix"
        case exactMatch = "exact_match"
        case hammingLoss = "hamming_loss"
    }
}
