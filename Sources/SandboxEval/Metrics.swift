import SandboxSchema

/// Pure metric functions. Gold and prediction arrays are parallel (index `i` is the same
/// record on both sides); a length mismatch uses the common prefix.
public enum Metrics {
    /// `numerator / denominator`, or 0 when the denominator is 0.
    public static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    /// Harmonic mean `2PR / (P + R)`, 0 when `P + R == 0`.
    public static func f1(precision: Double, recall: Double) -> Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Per-label counts and scores, one ``LabelScore`` per entry of `labels`, in that order.
    /// Labels that occur in the data but not in `labels` are not scored here (the
    /// ``Evaluator`` appends them to the label list so that none is dropped).
    public static func labelScores(gold: [Set<String>], predicted: [Set<String>], labels: [String]) -> [LabelScore] {
        labels.map { label in
            var tp = 0, fp = 0, fn = 0
            for (g, p) in zip(gold, predicted) {
                switch (g.contains(label), p.contains(label)) {
                case (true, true): tp += 1
                case (false, true): fp += 1
                case (true, false): fn += 1
                case (false, false): break
                }
            }
            return LabelScore(label: label, tp: tp, fp: fp, fn: fn)
        }
    }

    /// Single-label convenience: each value becomes a set of 0 or 1 label.
    public static func labelScores(gold: [String?], predicted: [String?], labels: [String]) -> [LabelScore] {
        labelScores(gold: gold.map(asSet), predicted: predicted.map(asSet), labels: labels)
    }

    /// Micro average: precision, recall and F1 of the summed `tp`, `fp`, `fn` of all labels.
    public static func microAverage(_ scores: [LabelScore]) -> AverageScore {
        let tp = scores.reduce(0) { $0 + $1.tp }
        let fp = scores.reduce(0) { $0 + $1.fp }
        let fn = scores.reduce(0) { $0 + $1.fn }
        let p = ratio(tp, tp + fp), r = ratio(tp, tp + fn)
        return AverageScore(precision: p, recall: r, f1: f1(precision: p, recall: r))
    }

    /// Macro average: unweighted mean of per-label precision, recall and F1 over the labels
    /// that occurred on either side. A label with `tp == fp == fn == 0` (never in gold, never
    /// predicted) is **excluded**; a label with support 0 but false positives is included
    /// (with P = R = F1 = 0). No label left → all zero.
    public static func macroAverage(_ scores: [LabelScore]) -> AverageScore {
        let present = scores.filter { !$0.isAbsent }
        guard !present.isEmpty else { return .zero }
        let n = Double(present.count)
        return AverageScore(
            precision: present.reduce(0) { $0 + $1.precision } / n,
            recall: present.reduce(0) { $0 + $1.recall } / n,
            f1: present.reduce(0) { $0 + $1.f1 } / n)
    }

    /// Weighted average: mean of per-label precision, recall and F1 weighted by support
    /// (`tp + fn`); labels with support 0 get weight 0. Total support 0 → all zero.
    public static func weightedAverage(_ scores: [LabelScore]) -> AverageScore {
        let total = scores.reduce(0) { $0 + $1.support }
        guard total > 0 else { return .zero }
        func weighted(_ value: (LabelScore) -> Double) -> Double {
            scores.reduce(0) { $0 + Double($1.support) * value($1) } / Double(total)
        }
        return AverageScore(precision: weighted(\.precision), recall: weighted(\.recall), f1: weighted(\.f1))
    }

    /// Confusion matrix of a single-label family. Rows/columns are `labels`, then any other
    /// values seen (sorted), then ``ConfusionMatrix/noLabel`` if a `nil` occurs.
    public static func confusionMatrix(gold: [String?], predicted: [String?], labels: [String]) -> ConfusionMatrix {
        let pairs = Array(zip(gold, predicted))
        let known = Set(labels)
        let seen = Set(pairs.flatMap { [$0.0, $0.1] }.compactMap { $0 })
        var all = labels + seen.subtracting(known).sorted()
        if pairs.contains(where: { $0.0 == nil || $0.1 == nil }) { all.append(ConfusionMatrix.noLabel) }
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: all.count), count: all.count)
        for (g, p) in pairs {
            if let gi = index[g ?? ConfusionMatrix.noLabel], let pi = index[p ?? ConfusionMatrix.noLabel] {
                counts[gi][pi] += 1
            }
        }
        return ConfusionMatrix(labels: all, counts: counts)
    }

    /// Fraction of records whose prediction equals the gold value (`nil == nil` counts as
    /// equal); 0 for no records.
    public static func accuracy(gold: [String?], predicted: [String?]) -> Double {
        let pairs = Array(zip(gold, predicted))
        return ratio(pairs.filter { $0.0 == $0.1 }.count, pairs.count)
    }

    /// Exact-match ratio (subset accuracy): fraction of records whose predicted label set
    /// equals the gold set; 0 for no records.
    public static func exactMatchRatio(gold: [Set<String>], predicted: [Set<String>]) -> Double {
        let pairs = Array(zip(gold, predicted))
        return ratio(pairs.filter { $0.0 == $0.1 }.count, pairs.count)
    }

    /// Hamming loss: mismatched label decisions / (records × `labelCount`), i.e. the summed
    /// sizes of the symmetric differences over that product; 0 for no records or labels.
    public static func hammingLoss(gold: [Set<String>], predicted: [Set<String>], labelCount: Int) -> Double {
        let pairs = Array(zip(gold, predicted))
        let wrong = pairs.reduce(0) { $0 + $1.0.symmetricDifference($1.1).count }
        return ratio(wrong, pairs.count * labelCount)
    }

    private static func asSet(_ value: String?) -> Set<String> {
        value.map { [$0] } ?? []
    }
}
