import SandboxSchema

/// Counts and scores for one label of one family.
///
/// Each record contributes one yes/no decision per label (for single-label families, a
/// one-vs-rest decision): `tp` gold and predicted, `fp` predicted only, `fn` gold only.
/// `support` = `tp + fn` (records whose gold has the label). Scores are in `0...1`.
/// Convention (scikit-learn's `zero_division=0`): precision is 0 when `tp + fp == 0`,
/// recall is 0 when `tp + fn == 0`, F1 is 0 when precision + recall is 0.
public struct LabelScore: Codable, Sendable, Hashable {
    /// Label id.
    public var label: String
    /// True positives (records).
    public var tp: Int
    /// False positives (records).
    public var fp: Int
    /// False negatives (records).
    public var fn: Int
    /// `tp / (tp + fp)`, 0 when undefined.
    public var precision: Double
    /// `tp / (tp + fn)`, 0 when undefined.
    public var recall: Double
    /// `2·P·R / (P + R)`, 0 when undefined.
    public var f1: Double

    /// Gold occurrences: `tp + fn`.
    public var support: Int { tp + fn }

    /// `true` when the label occurred on neither side (`tp == fp == fn == 0`); such a label
    /// is left out of the macro average.
    public var isAbsent: Bool { tp == 0 && fp == 0 && fn == 0 }

    /// Builds the score from counts (precision, recall and F1 are derived).
    public init(label: String, tp: Int, fp: Int, fn: Int) {
        self.label = label
        self.tp = tp
        self.fp = fp
        self.fn = fn
        precision = Metrics.ratio(tp, tp + fp)
        recall = Metrics.ratio(tp, tp + fn)
        f1 = Metrics.f1(precision: precision, recall: recall)
    }

    enum CodingKeys: String, CodingKey {
        case label, tp, fp, fn, support, precision, recall, f1
    }

    /// Decodes `{label, tp, fp, fn, …}`; `support`, `precision`, `recall`, `f1` are
    /// recomputed from the counts. - Throws: `DecodingError` for missing counts.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            label: try c.decode(String.self, forKey: .label), tp: try c.decode(Int.self, forKey: .tp),
            fp: try c.decode(Int.self, forKey: .fp), fn: try c.decode(Int.self, forKey: .fn))
    }

    /// Encodes `{label, tp, fp, fn, support, precision, recall, f1}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(tp, forKey: .tp)
        try c.encode(fp, forKey: .fp)
        try c.encode(fn, forKey: .fn)
        try c.encode(support, forKey: .support)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
    }
}
