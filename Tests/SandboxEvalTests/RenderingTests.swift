import Foundation
import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct RenderingTests {
    @Test func evidenceNamesItsSection() {
        let e = [Evidence(label: "big_data", term: "大数据", field: .riskControl, section: 2, start: 1, end: 4),
                 Evidence(label: "big_data", term: "大数据", field: .name, start: 0, end: 3)]
        #expect(EvaluationReport.describe(e, none: "no evidence", prefix: "evidence")
                == "  evidence: \"大数据\" risk_control#2[1-4]; \"大数据\" name[0-3]")
    }

    static func report() throws -> EvaluationReport {
        let gold = try GoldReader.read(contentsOf: fixtureURL("gold.jsonl"))
        var predictions = try PredictionReader.read(contentsOf: fixtureURL("predictions.jsonl"))
        predictions.file = "records.jsonl"
        var report = Evaluator.evaluate(gold: gold, predictions: predictions)
        report.goldSource = "gold.jsonl"
        return report
    }

    @Test func textHasAlignedTablesAndDisagreements() throws {
        let text = try Self.report().renderText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("errors: none") == false)
        #expect(lines.contains("  only in gold (1): chongqing-2021-b2-03"))
        #expect(lines.contains("  only in predictions (1): xiamen-2021-b1-01"))
        #expect(lines.contains("primary — single-label, 2 records, accuracy 0.5000"))
        // Header and rows of the primary table line up on the right edge of each column.
        let header = try #require(lines.first { $0.hasPrefix("label") && $0.contains("precision") })
        let dc = try #require(lines.first { $0.hasPrefix("digital_credit ") })
        #expect(header.range(of: "precision")?.upperBound.utf16Offset(in: header)
                == dc.range(of: "0.5000")?.upperBound.utf16Offset(in: dc))
        #expect(lines.contains("  spurious digital_credit  evidence: \"贷款\" name[0-2]"))
        #expect(lines.contains("  missing  small_micro_enterprises  negated: \"小微企业\" body[20-24]"))
        #expect(lines.contains("  missing  payment  (no negated evidence)"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func markdownHasTables() throws {
        let md = try Self.report().renderMarkdown()
        #expect(md.hasPrefix("# SandboxLens evaluation\n"))
        #expect(md.contains("| label | precision | recall | f1 | support | tp | fp | fn |\n|---|---:|---:|---:|---:|---:|---:|---:|"))
        #expect(md.contains("| digital_credit | 0.5000 | 1.0000 | 0.6667 | 1 | 1 | 1 | 0 |"))
        #expect(md.contains("- **shanghai-2020-b1-02** · primary: gold `payment`; predicted `digital_credit`"))
    }

    @Test func jsonIsSortedSnakeCaseAndRoundTrips() throws {
        let report = try Self.report()
        let json = try report.renderJSON()
        #expect(json.contains("\"only_in_gold\" : [\n    \"chongqing-2021-b2-03\"\n  ]"))
        #expect(json.contains("\"confusion_matrix\""))
        #expect(json.contains("\"spurious_evidence\""))
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }
}
