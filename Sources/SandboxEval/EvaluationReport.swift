import SandboxSchema

/// Everything one evaluation found: join problems, reader issues, scores per family, and
/// the disagreements. Codable (snake_case keys); see the render methods for text,
/// Markdown and JSON.
public struct EvaluationReport: Codable, Sendable, Hashable {
    /// Name of the gold source (file name), when known.
    public var goldSource: String?
    /// Name of the prediction source, when known.
    public var predictionSource: String?
    /// Gold records given (after reading).
    public var goldCount: Int
    /// Prediction records given (after reading).
    public var predictionCount: Int
    /// Records present on both sides: the ones scored.
    public var evaluatedCount: Int
    /// Ids only in gold, in gold order — an error: the pipeline lost or renamed them.
    public var onlyInGold: [String]
    /// Ids only in predictions, in prediction order — an error: gold lacks them.
    public var onlyInPredictions: [String]
    /// Ids that occur more than once in the gold given (first occurrence scored).
    public var duplicateGoldIds: [String]
    /// Ids that occur more than once in the predictions given (first occurrence scored).
    public var duplicatePredictionIds: [String]
    /// Line-level issues of the files read (gold and predictions).
    public var issues: [Diagnostic]
    /// One report per family, in ``ScoredFamily/allCases`` order.
    public var families: [FamilyReport]
    /// Disagreements, in gold order then family order.
    public var disagreements: [Disagreement]

    /// Memberwise initialiser.
    public init(
        goldSource: String?, predictionSource: String?, goldCount: Int, predictionCount: Int, evaluatedCount: Int,
        onlyInGold: [String], onlyInPredictions: [String], duplicateGoldIds: [String], duplicatePredictionIds: [String],
        issues: [Diagnostic], families: [FamilyReport], disagreements: [Disagreement]
    ) {
        self.goldSource = goldSource
        self.predictionSource = predictionSource
        self.goldCount = goldCount
        self.predictionCount = predictionCount
        self.evaluatedCount = evaluatedCount
        self.onlyInGold = onlyInGold
        self.onlyInPredictions = onlyInPredictions
        self.duplicateGoldIds = duplicateGoldIds
        self.duplicatePredictionIds = duplicatePredictionIds
        self.issues = issues
        self.families = families
        self.disagreements = disagreements
    }

    /// `true` when anything was not scored as given: ids on one side only, duplicate ids,
    /// or reader issues. A CLI should exit non-zero then (scores are still valid for the
    /// records that joined).
    public var hasErrors: Bool { hasErrors(goldIsSample: goldIsSample) }

    /// Set when the gold set labels only a sample of the predictions (`--gold-is-sample`):
    /// predictions outside it are listed apart, not as errors. Not encoded.
    public var goldIsSample = false

    /// As `hasErrors`; with `goldIsSample`, predictions whose ids the gold set lacks are
    /// expected (the gold set labels a sample of the dataset) and are listed, not errors.
    public func hasErrors(goldIsSample: Bool) -> Bool {
        !onlyInGold.isEmpty || (!goldIsSample && !onlyInPredictions.isEmpty) || !duplicateGoldIds.isEmpty
            || !duplicatePredictionIds.isEmpty || !issues.isEmpty
    }

    /// The report of `family`.
    public func family(_ family: ScoredFamily) -> FamilyReport? {
        families.first { $0.family == family }
    }

    /// `family`'s value of `metric`, or `nil` when not defined for that family.
    public func value(of metric: FloorMetric, in family: ScoredFamily) -> Double? {
        self.family(family)?.value(of: metric)
    }

    enum CodingKeys: String, CodingKey {
        case issues, families, disagreements
        case goldSource = "gold_source"
        case predictionSource = "prediction_source"
        case goldCount = "gold_count"
        case predictionCount = "prediction_count"
        case evaluatedCount = "evaluated_count"
        case onlyInGold = "only_in_gold"
        case onlyInPredictions = "only_in_predictions"
        case duplicateGoldIds = "duplicate_gold_ids"
        case duplicatePredictionIds = "duplicate_prediction_ids"
    }
}
