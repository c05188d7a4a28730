import Foundation
import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct EvaluatorTests {
    // primary, 5 records (as MetricsTests.confusionMatrixAndAccuracy):
    //   gold dc dc pay ut ins / predicted dc ut pay dc ins
    // dc: tp 1 fp 1 fn 1 -> P R F1 1/2, support 2; payment: tp 1 -> 1, support 1;
    // ut: fp 1 fn 1 -> 0, support 1; insurtech: tp 1 -> 1, support 1;
    // innovative_banking, securities_wealth_capital_markets: absent -> excluded from macro.
    // micro: tp 3 fp 2 fn 2 -> 3/5 (= accuracy); macro over 4 labels: (1/2 + 1 + 0 + 1)/4 = 5/8
    // (with the 2 absent labels counted it would be 2.5/6 = 5/12); weighted (2,1,1,1):
    // (1 + 1 + 0 + 1)/5 = 3/5.
    // technologies, 5 records: gold {big_data}, {blockchain, cloud_computing}, {}, {}, {};
    // predicted {big_data}, {blockchain}, {rpa}, {}, {}
    // big_data tp 1, blockchain tp 1, cloud_computing fn 1, rpa fp 1 (support 0, but present);
    // 9 other labels absent. micro: tp 2 fp 1 fn 1 -> P R F1 2/3; macro F1 (1+1+0+0)/4 = 1/2;
    // weighted F1 (1+1+0)/3 = 2/3; exact match: r1 r4 r5 -> 3/5; Hamming: 0+1+1+0+0 = 2 over 5·13 -> 2/65.
    static func records() -> (gold: [GoldRecord], predicted: [GoldRecord]) {
        let ids = ["r1", "r2", "r3", "r4", "r5"]
        let gp = ["digital_credit", "digital_credit", "payment", "underlying_technology", "insurtech"]
        let pp = ["digital_credit", "underlying_technology", "payment", "digital_credit", "insurtech"]
        let gt: [Set<String>] = [["big_data"], ["blockchain", "cloud_computing"], [], [], []]
        let pt: [Set<String>] = [["big_data"], ["blockchain"], ["rpa"], [], []]
        let gold = ids.indices.map {
            GoldRecord(id: ids[$0], primary: gp[$0], technologies: gt[$0], applicationType: "unstated",
                           participation: "financial_institutions_only")
        }
        let predicted = ids.indices.map {
            GoldRecord(id: ids[$0], primary: pp[$0], technologies: pt[$0], applicationType: "unstated",
                           participation: "financial_institutions_only")
        }
        return (gold, predicted)
    }

    @Test func primaryFamily() throws {
        let (gold, predicted) = Self.records()
        let report = Evaluator.evaluate(gold: gold, predictions: predicted)
        let primary = try #require(report.family(.primary))
        #expect(primary.records == 5)
        #expect(close(primary.accuracy, 0.6))
        #expect(primary.exactMatch == nil && primary.hammingLoss == nil)
        #expect(primary.labels.map(\.label) == LabelScheme.primary)
        #expect(primary.labels.map(\.support) == [2, 1, 0, 1, 0, 1])
        #expect(close(primary.micro.f1, 0.6))
        #expect(close(primary.macro.f1, 5.0 / 8))
        #expect(close(primary.weighted.f1, 0.6))
        let matrix = try #require(primary.confusionMatrix)
        #expect(matrix.labels.count == 6 && matrix.counts.count == 6)
        #expect(matrix[gold: "digital_credit", predicted: "digital_credit"] == 1)
        #expect(matrix[gold: "digital_credit", predicted: "underlying_technology"] == 1)
        #expect(matrix[gold: "underlying_technology", predicted: "digital_credit"] == 1)
        #expect(matrix[gold: "payment", predicted: "payment"] == 1)
        #expect(matrix[gold: "insurtech", predicted: "insurtech"] == 1)
        #expect(matrix.total == 5)
        #expect(report.value(of: .accuracy, in: .primary) == primary.accuracy)
    }

    @Test func technologiesFamily() throws {
        let (gold, predicted) = Self.records()
        let report = Evaluator.evaluate(gold: gold, predictions: predicted)
        let tech = try #require(report.family(.technologies))
        #expect(tech.accuracy == nil && tech.confusionMatrix == nil)
        #expect(close(tech.exactMatch, 3.0 / 5))
        #expect(close(tech.hammingLoss, 2.0 / 65))
        #expect(close(tech.micro.precision, 2.0 / 3) && close(tech.micro.recall, 2.0 / 3) && close(tech.micro.f1, 2.0 / 3))
        #expect(close(tech.macro.f1, 0.5))
        #expect(close(tech.weighted.f1, 2.0 / 3))
        let rpa = try #require(tech.labels.first { $0.label == "rpa" })
        #expect(rpa.fp == 1 && rpa.support == 0 && !rpa.isAbsent)
        #expect(tech.labels.filter(\.isAbsent).count == 9)
        // Agreeing families score 1 everywhere.
        let participation = try #require(report.family(.participation))
        #expect(participation.accuracy == 1 && participation.micro.f1 == 1 && participation.macro.f1 == 1)
    }

    @Test func disagreementsFromInMemoryRecords() {
        let (gold, predicted) = Self.records()
        let report = Evaluator.evaluate(gold: gold, predictions: predicted)
        let summary = report.disagreements.map { "\($0.id) \($0.family.rawValue) -\($0.missing) +\($0.spurious)" }
        #expect(summary == [
            "r2 primary -[\"digital_credit\"] +[\"underlying_technology\"]",
            "r2 technologies -[\"cloud_computing\"] +[]",
            "r3 technologies -[] +[\"rpa\"]",
            "r4 primary -[\"underlying_technology\"] +[\"digital_credit\"]",
        ])
        #expect(!report.hasErrors)
    }

    @Test func oneSideOnlyAndDuplicateIdsAreReported() {
        let a = GoldRecord(id: "a", primary: "payment")
        let b = GoldRecord(id: "b", primary: "payment")
        let c = GoldRecord(id: "c", primary: "payment")
        let report = Evaluator.evaluate(gold: [a, b, a], predictions: [c, b, c])
        #expect(report.onlyInGold == ["a"])
        #expect(report.onlyInPredictions == ["c"])
        #expect(report.duplicateGoldIds == ["a"])
        #expect(report.duplicatePredictionIds == ["c"])
        #expect(report.evaluatedCount == 1)
        #expect(report.goldCount == 3 && report.predictionCount == 3)
        #expect(report.hasErrors)
    }

    @Test func sameFileOnBothSidesListsItsIssuesOnce() throws {
        let read = try GoldReader.read(data: Data("{\"id\":\"a\"}\n{}\n".utf8), fileName: "g.jsonl")
        let report = Evaluator.evaluate(gold: read, predictions: read)
        #expect(report.issues == [Diagnostic(code: .malformedRecord, file: "g.jsonl", line: 2, message: #"missing "id""#)])
        #expect(report.evaluatedCount == 1 && report.disagreements.isEmpty)
    }

    // gold.jsonl vs predictions.jsonl (see the comments in predictions.jsonl's test below).
    @Test func fixtureEvaluationWithEvidence() throws {
        let gold = try GoldReader.read(contentsOf: fixtureURL("gold.jsonl"))
        let predictions = try PredictionReader.read(contentsOf: fixtureURL("predictions.jsonl"))
        #expect(predictions.issues.isEmpty)
        let report = Evaluator.evaluate(gold: gold, predictions: predictions)
        #expect(report.onlyInGold == ["chongqing-2021-b2-03"])
        #expect(report.onlyInPredictions == ["xiamen-2021-b1-01"])
        #expect(report.evaluatedCount == 2)
        #expect(report.hasErrors)

        // beijing: technologies + artificial_intelligence, given by the non-negated 人脸识别.
        // shanghai: primary digital_credit (evidence 贷款; the negated 信贷 is not listed) instead of
        // payment; small_micro_enterprises dropped because 小微企业 was negated.
        #expect(report.disagreements.map { "\($0.id) \($0.family.rawValue)" } == [
            "beijing-2020-b1-01 technologies",
            "shanghai-2020-b1-02 primary",
            "shanghai-2020-b1-02 inclusive_markers",
        ])
        let tech = report.disagreements[0]
        #expect(tech.gold == ["blockchain", "internet_of_things"])
        #expect(tech.predicted == ["artificial_intelligence", "blockchain", "internet_of_things"])
        #expect(tech.missing == [] && tech.spurious == ["artificial_intelligence"])
        #expect(tech.spuriousEvidence == [LabelEvidence(label: "artificial_intelligence", evidence: [
            Evidence(label: "artificial_intelligence", term: "人脸识别", field: "body", start: 40, end: 44, negated: false),
        ])])
        #expect(tech.missingEvidence == [])

        let primary = report.disagreements[1]
        #expect(primary.gold == ["payment"] && primary.predicted == ["digital_credit"])
        #expect(primary.missing == ["payment"] && primary.spurious == ["digital_credit"])
        #expect(primary.spuriousEvidence == [LabelEvidence(label: "digital_credit", evidence: [
            Evidence(label: "digital_credit", term: "贷款", field: "name", start: 0, end: 2, negated: false),
        ])])
        #expect(primary.missingEvidence == [LabelEvidence(label: "payment", evidence: [])])

        let inclusive = report.disagreements[2]
        #expect(inclusive.missing == ["small_micro_enterprises"] && inclusive.spurious == [])
        #expect(inclusive.missingEvidence == [LabelEvidence(label: "small_micro_enterprises", evidence: [
            Evidence(label: "small_micro_enterprises", term: "小微企业", field: "body", start: 20, end: 24, negated: true),
        ])])

        // Primary over the 2 joined records: gold dc, pay / predicted dc, dc -> accuracy 1/2.
        #expect(close(report.value(of: .accuracy, in: .primary), 0.5))
    }

    @Test func prefixedEvidenceLabelsMatchToo() throws {
        let gold = GoldRecord(id: "a", technologies: [])
        let e = Evidence(label: "technologies:big_data", term: "大数据", field: "body", start: 1, end: 4)
        let predicted = GoldRecord(id: "a", technologies: ["big_data"], evidence: [e])
        let d = try #require(Evaluator.disagreement(.technologies, gold: gold, predicted: predicted))
        #expect(d.spuriousEvidence == [LabelEvidence(label: "big_data", evidence: [e])])
    }
}
