import Foundation
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct RecordTests {
    @Test func loadsSmallFixtureIgnoringExtraKeysAndBlankLines() throws {
        let records = try Fixture.small()
        #expect(records.count == 8)
        #expect(records.map(\.id).first == "beijing-2020-b1-01")
        #expect(records[0].technologies == ["big_data", "blockchain"])
        #expect(records[0].inclusiveMarkers == ["small_micro_enterprises"])
        #expect(records[1].name == "刷脸付 <Pay> & \"Go\"")
        #expect(records[3].applicationType == "financial_service")
        #expect(records[3].month == "2020-07")
    }

    @Test func malformedLineNamesFileAndLine() {
        let url = Fixture.url("malformed.jsonl")
        #expect(throws: StatsError.invalidRecord(Diagnostic(code: .malformedRecord, file: url.path, line: 2, message: "\"batch\": expected Int"))) {
            try RecordsLoader.load(from: url)
        }
    }

    @Test func badJSONAndMissingKey() throws {
        let good = String(decoding: try JSONLinesWriter.encode([record(id: "x-1", city: "x", batch: 1, primary: "payment")]), as: UTF8.self)
            .trimmingCharacters(in: .newlines)
        #expect(throws: StatsError.invalidRecord(Diagnostic(code: .malformedJSON, file: "r.jsonl", line: 3, message: "not valid JSON"))) {
            try RecordsLoader.parse(Data("\(good)\n\n{oops\n".utf8), path: "r.jsonl")
        }
        let noCity = good.replacingOccurrences(of: #""city":"x","#, with: "")
        #expect(throws: StatsError.invalidRecord(Diagnostic(code: .malformedRecord, file: "r.jsonl", line: 1, message: "missing key \"city\""))) {
            try RecordsLoader.parse(Data(noCity.utf8), path: "r.jsonl")
        }
        #expect(throws: StatsError.invalidRecord(Diagnostic(code: .duplicateID, file: "r.jsonl", line: 2, message: #"duplicate id "x-1" (first on line 1)"#))) {
            try RecordsLoader.parse(Data("\(good)\n\(good)\n".utf8), path: "r.jsonl")
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect {
            try RecordsLoader.load(from: URL(fileURLWithPath: "/nonexistent/records.jsonl"))
        } throws: { error in
            if case .unreadableFile(let path, _) = error as? StatsError { return path == "/nonexistent/records.jsonl" }
            return false
        }
    }

    @Test func errorDescriptionHasFileAndLine() {
        #expect(StatsError.invalidRecord(Diagnostic(code: .malformedJSON, file: "Output/records.jsonl", line: 7, message: "not valid JSON")).description
                == "Output/records.jsonl:7: malformed record: not valid JSON")
    }

    @Test(arguments: [("2020-01-14", "2020-01"), ("2020-12", "2020-12"), ("14/01/2020", "unknown"), ("", "unknown")])
    func month(announced: String, expected: String) {
        #expect(record(id: "x", city: "x", batch: 1, announced: announced, primary: "payment").month == expected)
    }
}
