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
    public func applies(to family: LabelFamily) -> Bool {
        switch self {
        case .accuracy: return !family.isMultiLabel
        case .exactMatch: return family.isMultiLabel
        case .microF1, .macroF1, .weightedF1: return true
        }
    }
}

/// All scores of one label family over the joined records.
///
/// `labels` holds one ``LabelScore`` per label in the family's order (plus, after them, any
/// id outside the scheme that occurred — only possible with records that did not come
/// through a reader). Single-label families have `accuracy` and `confusionMatrix`;
/// multi-label families have `exactMatch` and `hammingLoss`; the others are `nil`.
public struct FamilyReport: Codable, Sendable, Hashable {
    /// The family.
    public var family: LabelFamily
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
        family: LabelFamily, records: Int, labels: [LabelScore], micro: AverageScore, macro: AverageScore,
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
    public func value(of metric: FloorMetric) -> Double? {
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

/// The evidence of one label, attached to a disagreement.
public struct LabelEvidence: Codable, Sendable, Hashable {
    /// Label id.
    public var label: String
    /// Matching evidence entries in the prediction's order (may be empty).
    public var evidence: [Evidence]

    /// Memberwise initialiser.
    public init(label: String, evidence: [Evidence]) {
        self.label = label
        self.evidence = evidence
    }
}

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
    public var family: LabelFamily
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
        id: String, family: LabelFamily, gold: [String], predicted: [String], missing: [String],
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
    public var issues: [GoldIssue]
    /// One report per family, in ``LabelFamily/allCases`` order.
    public var families: [FamilyReport]
    /// Disagreements, in gold order then family order.
    public var disagreements: [Disagreement]

    /// Memberwise initialiser.
    public init(
        goldSource: String?, predictionSource: String?, goldCount: Int, predictionCount: Int, evaluatedCount: Int,
        onlyInGold: [String], onlyInPredictions: [String], duplicateGoldIds: [String], duplicatePredictionIds: [String],
        issues: [GoldIssue], families: [FamilyReport], disagreements: [Disagreement]
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
    public func family(_ family: LabelFamily) -> FamilyReport? {
        families.first { $0.family == family }
    }

    /// `family`'s value of `metric`, or `nil` when not defined for that family.
    public func value(of metric: FloorMetric, in family: LabelFamily) -> Double? {
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

/// Joins gold and predictions on `id` and scores every family. Pure: no I/O.
public enum Evaluator {
    /// Evaluates two read results, carrying both files' issues into the report (an issue
    /// present in both, as when one file is given for both sides, is listed once).
    public static func evaluate(gold: ReadResult, predictions: ReadResult) -> EvaluationReport {
        evaluate(
            gold: gold.records, predictions: predictions.records, goldSource: gold.file,
            predictionSource: predictions.file, issues: unique(gold.issues + predictions.issues))
    }

    /// Evaluates `predictions` against `gold`.
    ///
    /// Records join on `id`; ids on one side only are listed in the report (never dropped
    /// silently) and metrics use the intersection, in gold order. A repeated id on either
    /// side is listed as a duplicate and its first occurrence used. `issues` are copied into
    /// the report as given.
    public static func evaluate(
        gold: [LabelledRecord], predictions: [LabelledRecord], goldSource: String? = nil,
        predictionSource: String? = nil, issues: [GoldIssue] = []
    ) -> EvaluationReport {
        let (goldByID, goldOrder, goldDuplicates) = index(gold)
        let (predictionByID, predictionOrder, predictionDuplicates) = index(predictions)
        let joined = goldOrder.compactMap { id -> (LabelledRecord, LabelledRecord)? in
            guard let g = goldByID[id], let p = predictionByID[id] else { return nil }
            return (g, p)
        }
        let families = LabelFamily.allCases.map { familyReport($0, joined) }
        var disagreements: [Disagreement] = []
        for (g, p) in joined {
            for family in LabelFamily.allCases {
                if let d = disagreement(family, gold: g, predicted: p) { disagreements.append(d) }
            }
        }
        return EvaluationReport(
            goldSource: goldSource, predictionSource: predictionSource, goldCount: gold.count,
            predictionCount: predictions.count, evaluatedCount: joined.count,
            onlyInGold: goldOrder.filter { predictionByID[$0] == nil },
            onlyInPredictions: predictionOrder.filter { goldByID[$0] == nil },
            duplicateGoldIds: goldDuplicates, duplicatePredictionIds: predictionDuplicates,
            issues: issues, families: families, disagreements: disagreements)
    }

    /// Scores one family over joined (gold, prediction) pairs.
    public static func familyReport(_ family: LabelFamily, _ joined: [(gold: LabelledRecord, predicted: LabelledRecord)]) -> FamilyReport {
        let goldSets = joined.map { $0.gold.labels(for: family) }
        let predictedSets = joined.map { $0.predicted.labels(for: family) }
        let extra = Set(goldSets.flatMap { $0 } + predictedSets.flatMap { $0 }).subtracting(family.labels).sorted()
        let labels = family.labels + extra
        let scores = Metrics.labelScores(gold: goldSets, predicted: predictedSets, labels: labels)
        var report = FamilyReport(
            family: family, records: joined.count, labels: scores, micro: Metrics.microAverage(scores),
            macro: Metrics.macroAverage(scores), weighted: Metrics.weightedAverage(scores))
        if family.isMultiLabel {
            report.exactMatch = Metrics.exactMatchRatio(gold: goldSets, predicted: predictedSets)
            report.hammingLoss = Metrics.hammingLoss(gold: goldSets, predicted: predictedSets, labelCount: labels.count)
        } else {
            let g = joined.map { $0.gold.singleLabel(for: family) }
            let p = joined.map { $0.predicted.singleLabel(for: family) }
            report.accuracy = Metrics.accuracy(gold: g, predicted: p)
            report.confusionMatrix = Metrics.confusionMatrix(gold: g, predicted: p, labels: family.labels)
        }
        return report
    }

    /// The disagreement of one record in one family, or `nil` when they agree.
    public static func disagreement(_ family: LabelFamily, gold: LabelledRecord, predicted: LabelledRecord) -> Disagreement? {
        let g = gold.labels(for: family)
        let p = predicted.labels(for: family)
        guard g != p else { return nil }
        let missing = g.subtracting(p).sorted()
        let spurious = p.subtracting(g).sorted()
        let evidence = predicted.evidence ?? []
        return Disagreement(
            id: gold.id, family: family, gold: g.sorted(), predicted: p.sorted(), missing: missing, spurious: spurious,
            spuriousEvidence: spurious.map { label in
                LabelEvidence(label: label, evidence: evidence.filter { !$0.negated && $0.isFor(label, in: family) })
            },
            missingEvidence: missing.map { label in
                LabelEvidence(label: label, evidence: evidence.filter { $0.negated && $0.isFor(label, in: family) })
            })
    }

    /// Issues without repeats (the same file given as gold and predictions), in order.
    private static func unique(_ issues: [GoldIssue]) -> [GoldIssue] {
        var seen: Set<GoldIssue> = []
        return issues.filter { seen.insert($0).inserted }
    }

    private static func index(_ records: [LabelledRecord]) -> ([String: LabelledRecord], [String], [String]) {
        var byID: [String: LabelledRecord] = [:]
        var order: [String] = []
        var duplicates: [String] = []
        for record in records {
            if byID[record.id] == nil {
                byID[record.id] = record
                order.append(record.id)
            } else if !duplicates.contains(record.id) {
                duplicates.append(record.id)
            }
        }
        return (byID, order, duplicates)
    }
}
