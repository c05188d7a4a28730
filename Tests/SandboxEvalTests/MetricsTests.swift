import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct MetricsTests {
    // Multi-label, 4 records, labels a, b, c.
    //   record  gold    predicted
    //   r1      {a,b}   {a}
    //   r2      {a}     {a,b}
    //   r3      {b,c}   {b}
    //   r4      {}      {b,c}
    // a: tp r1 r2                    -> tp 2 fp 0 fn 0, P 1,   R 1,   F1 1,  support 2
    // b: fn r1, fp r2, tp r3, fp r4  -> tp 1 fp 2 fn 1, P 1/3, R 1/2, F1 2·(1/6)/(5/6) = 2/5, support 2
    // c: fn r3, fp r4                -> tp 0 fp 1 fn 1, P 0,   R 0,   F1 0,  support 1
    // micro: tp 3 fp 3 fn 2 -> P 3/6 = 1/2, R 3/5, F1 2·(3/10)/(11/10) = 6/11
    // macro: P (1 + 1/3 + 0)/3 = 4/9, R (1 + 1/2 + 0)/3 = 1/2, F1 (1 + 2/5 + 0)/3 = 7/15
    // weighted (2,2,1 of 5): P (2 + 2/3)/5 = 8/15, R (2 + 1)/5 = 3/5, F1 (2 + 4/5)/5 = 14/25
    // exact match: none of 4 -> 0; Hamming: |Δ| = 1+1+1+2 = 5 over 4·3 -> 5/12
    let gold: [Set<String>] = [["a", "b"], ["a"], ["b", "c"], []]
    let predicted: [Set<String>] = [["a"], ["a", "b"], ["b"], ["b", "c"]]

    @Test func perLabelScores() {
        let s = Metrics.labelScores(gold: gold, predicted: predicted, labels: ["a", "b", "c"])
        #expect(s.map(\.label) == ["a", "b", "c"])
        #expect(s.map(\.tp) == [2, 1, 0])
        #expect(s.map(\.fp) == [0, 2, 1])
        #expect(s.map(\.fn) == [0, 1, 1])
        #expect(s.map(\.support) == [2, 2, 1])
        #expect(close(s[0].precision, 1) && close(s[0].recall, 1) && close(s[0].f1, 1))
        #expect(close(s[1].precision, 1.0 / 3) && close(s[1].recall, 0.5) && close(s[1].f1, 0.4))
        #expect(close(s[2].precision, 0) && close(s[2].recall, 0) && close(s[2].f1, 0))
    }

    @Test func averages() {
        let s = Metrics.labelScores(gold: gold, predicted: predicted, labels: ["a", "b", "c"])
        let micro = Metrics.microAverage(s)
        #expect(close(micro.precision, 0.5) && close(micro.recall, 0.6) && close(micro.f1, 6.0 / 11))
        let macro = Metrics.macroAverage(s)
        #expect(close(macro.precision, 4.0 / 9) && close(macro.recall, 0.5) && close(macro.f1, 7.0 / 15))
        let weighted = Metrics.weightedAverage(s)
        #expect(close(weighted.precision, 8.0 / 15) && close(weighted.recall, 0.6) && close(weighted.f1, 14.0 / 25))
    }

    @Test func exactMatchAndHamming() {
        #expect(close(Metrics.exactMatchRatio(gold: gold, predicted: predicted), 0))
        #expect(close(Metrics.hammingLoss(gold: gold, predicted: predicted, labelCount: 3), 5.0 / 12))
    }

    // Adding a label "d" that is neither in gold nor predicted (tp = fp = fn = 0) must not
    // change the macro average: it is excluded. Counting it would give F1 (1 + 2/5 + 0 + 0)/4
    // = 7/20 instead of 7/15. Weighted is unchanged too (support 0 = weight 0); micro is
    // unchanged (it adds no counts).
    @Test func zeroSupportLabelIsExcludedFromMacro() {
        let without = Metrics.labelScores(gold: gold, predicted: predicted, labels: ["a", "b", "c"])
        let with = Metrics.labelScores(gold: gold, predicted: predicted, labels: ["a", "b", "c", "d"])
        #expect(with[3].isAbsent && with[3].precision == 0 && with[3].recall == 0 && with[3].f1 == 0)
        #expect(close(Metrics.macroAverage(without).f1, 7.0 / 15))
        #expect(close(Metrics.macroAverage(with).f1, 7.0 / 15))
        #expect(close(Metrics.macroAverage(with).precision, 4.0 / 9))
        let naiveMean = with.reduce(0) { $0 + $1.f1 } / Double(with.count)
        #expect(close(naiveMean, 7.0 / 20))
        #expect(Metrics.weightedAverage(with) == Metrics.weightedAverage(without))
        #expect(Metrics.microAverage(with) == Metrics.microAverage(without))
    }

    // A label with no support but a false positive stays in the macro average (P = R = F1 = 0).
    // labels x (gold r1, predicted r1), y (predicted r2 only):
    // x: tp 1 -> F1 1; y: fp 1, support 0 -> F1 0; macro F1 = 1/2; weighted F1 = 1 (y has weight 0).
    @Test func zeroSupportWithFalsePositiveStaysInMacro() {
        let s = Metrics.labelScores(gold: [["x"], []], predicted: [["x"], ["y"]], labels: ["x", "y"])
        #expect(s[1].support == 0 && !s[1].isAbsent)
        #expect(close(Metrics.macroAverage(s).f1, 0.5))
        #expect(close(Metrics.weightedAverage(s).f1, 1))
    }

    @Test func emptyInputIsAllZero() {
        let s = Metrics.labelScores(gold: [Set<String>](), predicted: [], labels: ["a"])
        #expect(Metrics.microAverage(s) == .zero)
        #expect(Metrics.macroAverage(s) == .zero)
        #expect(Metrics.weightedAverage(s) == .zero)
        #expect(Metrics.accuracy(gold: [String?](), predicted: []) == 0)
        #expect(Metrics.hammingLoss(gold: [Set<String>](), predicted: [], labelCount: 3) == 0)
    }

    // Single-label, 5 records:
    //   gold   dc dc  pay ut  ins
    //   pred   dc ut  pay dc  ins
    // cells: [dc][dc] 1, [dc][ut] 1, [pay][pay] 1, [ut][dc] 1, [ins][ins] 1; accuracy 3/5.
    @Test func confusionMatrixAndAccuracy() {
        let g: [String?] = ["digital_credit", "digital_credit", "payment", "underlying_technology", "insurtech"]
        let p: [String?] = ["digital_credit", "underlying_technology", "payment", "digital_credit", "insurtech"]
        let m = Metrics.confusionMatrix(gold: g, predicted: p, labels: LabelScheme.primary)
        #expect(m.labels == LabelScheme.primary)
        #expect(m.counts == [
            [1, 0, 0, 1, 0, 0],
            [0, 1, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [1, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 1],
        ])
        #expect(m[gold: "digital_credit", predicted: "underlying_technology"] == 1)
        #expect(m.correct == 3 && m.total == 5)
        #expect(close(Metrics.accuracy(gold: g, predicted: p), 0.6))
    }

    // A missing value on either side gets the "(none)" row/column, appended last.
    //   gold payment / predicted nil; gold nil / predicted nil -> accuracy 1/2.
    @Test func missingValuesGetANoneRow() {
        let m = Metrics.confusionMatrix(gold: ["payment", nil], predicted: [nil, nil], labels: ["payment", "insurtech"])
        #expect(m.labels == ["payment", "insurtech", ConfusionMatrix.noLabel])
        #expect(m.counts == [[0, 0, 1], [0, 0, 0], [0, 0, 1]])
        #expect(close(Metrics.accuracy(gold: ["payment", nil], predicted: [nil, nil]), 0.5))
    }
}
