import SandboxSchema

/// One record and family where the prediction differs from gold — what a lexicon author
/// needs to act on it.
///
/// `gold` and `predicted` are sorted label lists (0 or 1 element for single-label
/// families). `missing` = gold − predicted (false negatives), `spurious` = predicted − gold
/// (false positives), both sorted. `spuriousEvidence` has one entry per spurious label
/// with the prediction's **non-negated** evidence for it (why it was given);
/// `missingEvidence` has one entry per missing label with the prediction's **negated**
/// evidence for it (why it was dropped). Entries may have empty evidence.
public struct Disagreement: Codable, Sendable, Hashable {
    /// Record id.
    public var id: String
    /// Family that differs.
    public var family: ScoredFamily
    /// Gold labels, sorted.
    public var gold: [String]
    /// Predicted labels, sorted.
    public var predicted: [String]
    /// False negatives, sorted.
    public var missing: [String]
    /// False positives, sorted.
    public var spurious: [String]
    /// For each spurious label, its non-negated evidence.
    public var spuriousEvidence: [LabelEvidence]
    /// For each missing label, its negated evidence.
    public var missingEvidence: [LabelEvidence]

    /// Memberwise initialiser.
    public init(
        id: String, family: ScoredFamily, gold: [String], predicted: [String], missing: [String],
        spurious: [String], spuriousEvidence: [LabelEvidence], missingEvidence: [LabelEvidence]
    ) {
        self.id = id
        self.family = family
        self.gold = gold
        self.predicted = predicted
        self.missing = missing
        self.spurious = spurious
        self.spuriousEvidence = spuriousEvidence
        self.missingEvidence = missingEvidence
    }

    enum CodingKeys: String, CodingKey {
        case id, family, gold, predicted, missing, spurious
        case spuriousEvidence = "spurious_evidence"
        case missingEvidence = "missing_evidence"
    }
}
