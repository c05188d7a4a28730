import SandboxSchema

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
        gold: [GoldRecord], predictions: [GoldRecord], goldSource: String? = nil,
        predictionSource: String? = nil, issues: [Diagnostic] = []
    ) -> EvaluationReport {
        let (goldByID, goldOrder, goldDuplicates) = index(gold)
        let (predictionByID, predictionOrder, predictionDuplicates) = index(predictions)
        let joined = goldOrder.compactMap { id -> (GoldRecord, GoldRecord)? in
            guard let g = goldByID[id], let p = predictionByID[id] else { return nil }
            return (g, p)
        }
        let families = ScoredFamily.allCases.map { familyReport($0, joined) }
        var disagreements: [Disagreement] = []
        for (g, p) in joined {
            for family in ScoredFamily.allCases {
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
    public static func familyReport(_ family: ScoredFamily, _ joined: [(gold: GoldRecord, predicted: GoldRecord)]) -> FamilyReport {
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
    public static func disagreement(_ family: ScoredFamily, gold: GoldRecord, predicted: GoldRecord) -> Disagreement? {
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
    private static func unique(_ issues: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return issues.filter { seen.insert($0).inserted }
    }

    private static func index(_ records: [GoldRecord]) -> ([String: GoldRecord], [String], [String]) {
        var byID: [String: GoldRecord] = [:]
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
