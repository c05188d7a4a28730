import Foundation
import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct ReaderTests {
    @Test(arguments: [
        ("gold.jsonl", GoldFormat.jsonl),
        ("gold.csv", .csv),
        ("gold-labelstudio.json", .labelStudio),
        ("gold-doccano.jsonl", .doccano),
    ])
    func everyFormatReadsTheSameRecords(name: String, format: GoldFormat) throws {
        let result = try GoldReader.read(contentsOf: fixtureURL(name))
        #expect(result.format == format)
        #expect(result.issues == [])
        #expect(result.records == fixtureRecords)
    }

    @Test func detection() {
        let ours = Data(#"{"id":"a","primary":"payment"}"#.utf8)
        let doccano = Data(#"{"id":1,"text":"t","label":["primary:payment"]}"#.utf8)
        #expect(GoldFormat.detect(fileName: "g.jsonl", data: ours) == .jsonl)
        #expect(GoldFormat.detect(fileName: "g.jsonl", data: doccano) == .doccano)
        #expect(GoldFormat.detect(fileName: "g.ndjson", data: doccano) == .doccano)
        #expect(GoldFormat.detect(fileName: "g.csv", data: Data()) == .csv)
        #expect(GoldFormat.detect(fileName: "g.json", data: Data("\n [ ]".utf8)) == .labelStudio)
        #expect(GoldFormat.detect(fileName: "g.json", data: ours) == .jsonl)
        #expect(GoldFormat.detect(fileName: "g.txt", data: Data("id,primary\n".utf8)) == .csv)
        #expect(GoldFormat.detect(fileName: "g.txt", data: Data("[]".utf8)) == .labelStudio)
        #expect(GoldFormat.detect(fileName: "g.txt", data: Data("hello".utf8)) == nil)
        #expect(throws: EvalError.unknownFormat(file: "g.txt")) {
            try GoldReader.read(data: Data("hello".utf8), fileName: "g.txt")
        }
    }

    @Test func formatOverrideWins() throws {
        // A doccano-looking file read as our JSONL: no primary etc., but the id is there.
        let data = Data(#"{"id":"a","text":"t","label":["primary:payment"]}"#.utf8)
        let result = try GoldReader.read(data: data, fileName: "x.jsonl", format: .jsonl)
        #expect(result.records == [GoldRecord(id: "a")])
    }

    @Test func malformedJSONLines() throws {
        let result = try GoldReader.read(contentsOf: fixtureURL("malformed.jsonl"))
        let file = fixtureURL("malformed.jsonl").relativePath
        #expect(result.records.map(\.id) == ["beijing-2020-b1-01", "shanghai-2020-b1-02", "chongqing-2021-b2-03"])
        #expect(result.issues.map(\.location.line) == [3, 4, 6, 7, 8])
        #expect(result.issues.allSatisfy { $0.location.file == file && $0.location.column == nil })
        #expect(result.issues[0].message.hasPrefix("not valid JSON"))
        #expect(result.issues[1].message == #"missing "id""#)
        #expect(result.issues[2].message == #"duplicate id "beijing-2020-b1-01" (first on line 1)"#)
        #expect(result.issues[3].message == #"unknown primary label "lending"; unknown technologies label "quantum""#)
        #expect(result.issues[4].message == "expected a JSON object, found an array")
        #expect(result.issues.map(\.code) == [.malformedJSON, .malformedRecord, .duplicateID, .unknownLabel, .malformedJSON])
        #expect(result.issues.allSatisfy { $0.severity == .error })
    }

    @Test func malformedCSV() throws {
        let result = try GoldReader.read(data: fixtureData("malformed.csv"), fileName: "malformed.csv")
        #expect(result.records.map(\.id) == ["beijing-2020-b1-01", "shanghai-2020-b1-02", "chongqing-2021-b2-03"])
        #expect(result.records[1].inclusiveMarkers == ["small_micro_enterprises", "inclusive_finance"])
        let found = result.issues.map { "\($0.location.file):\($0.location.line ?? 0):\($0.location.column.map(String.init) ?? "-") \($0.message)" }
        #expect(found == [
            #"malformed.csv:3:14 unknown primary label "lending""#,
            "malformed.csv:4:- expected 6 fields, found 5",
            "malformed.csv:5:23 unexpected character after a closing quote (a quote inside a quoted field must be doubled)",
            #"malformed.csv:9:1 duplicate id "shanghai-2020-b1-02" (first on line 6)"#,
        ])
    }

    @Test func csvWithoutRequiredColumnsIsAnError() {
        let data = Data("id,primary\na,payment\n".utf8)
        #expect(throws: EvalError.malformedFile(
            file: "g.csv", line: 1,
            message: "header lacks column(s) technologies, inclusive_markers, application_type, participation (expected id,primary,technologies,inclusive_markers,application_type,participation)"
        )) {
            try GoldReader.read(data: data, fileName: "g.csv")
        }
    }

    @Test func malformedLabelStudio() throws {
        let result = try GoldReader.read(data: fixtureData("malformed-labelstudio.json"), fileName: "ls.json")
        #expect(result.records == [fixtureRecords[0]])
        let found = result.issues.map { "\($0.location.line ?? 0) \($0.message)" }
        #expect(found == [
            "8 no annotation that is not cancelled",
            #"15 choices result has unknown from_name "technology" (expected one of primary, technologies, inclusive_markers, application_type, participation)"#,
            "22 primary has 2 labels (insurtech, payment); it takes one",
            "29 expected a task object, found a string",
        ])
        #expect(result.issues.allSatisfy { $0.location.file == "ls.json" })
    }

    @Test func labelStudioMustBeAnArray() {
        #expect(throws: EvalError.malformedFile(file: "ls.json", line: 2, message: "a Label Studio export must be a JSON array of tasks")) {
            try GoldReader.read(data: Data("\n{}".utf8), fileName: "ls.json", format: .labelStudio)
        }
    }

    @Test func labelStudioUnclosedArrayKeepsEarlierTasks() throws {
        let text = """
        [
          {"data": {"id": "a"}, "annotations": [{"result": []}]},
          {"data": {"id": "b"}, "annotations": [{"result": [
        """
        let result = try GoldReader.read(data: Data(text.utf8), fileName: "ls.json", format: .labelStudio)
        #expect(result.records == [GoldRecord(id: "a")])
        #expect(result.issues.map(\.location.line) == [3, 3])
        #expect(result.issues[0].message.hasPrefix("not valid JSON"))
        #expect(result.issues[1].message == "JSON array is not closed")
    }

    @Test func malformedDoccano() throws {
        let result = try GoldReader.read(data: fixtureData("malformed-doccano.jsonl"), fileName: "d.jsonl")
        #expect(result.format == .doccano)
        #expect(result.records == [fixtureRecords[0]])
        let found = result.issues.map { "\($0.location.line ?? 0) \($0.message)" }
        #expect(found == [
            #"2 label "payment" has no family prefix (expected e.g. "technologies:big_data")"#,
            #"3 label "technology:big_data" has an unknown family prefix "technology""#,
            #"4 missing "record_id" and "id""#,
        ])
    }

    // JSONSerialization reports "Invalid value around character 17": the 0-based byte offset
    // of the x in {"a":"人民币",x}. Before it: 17 bytes = 11 scalars (人民币 is 3 scalars in
    // 9 bytes), so the x is at scalar column 12.
    @Test func jsonSyntaxErrorsCarryAColumnWhereKnown() throws {
        let text = "{\"a\":\"人民币\",x}\n{\"id\":\"ok\"}\n{\"id\": \"b\", \"primary\": \n"
        let result = try GoldReader.read(data: Data(text.utf8), fileName: "g.jsonl")
        #expect(result.records == [GoldRecord(id: "ok")])
        #expect(result.issues.map(\.description) == [
            "g.jsonl:1:12: not valid JSON: invalid value",
            "g.jsonl:3: not valid JSON: unexpected end of file during JSON parse",
        ])
    }

    @Test func wrongFieldTypesAreIssues() throws {
        let text = """
        {"id": "a", "technologies": "big_data"}
        {"id": "b", "primary": ["payment"]}
        {"id": 7}
        {"id": "c", "evidence": "ignored by the gold reader"}
        """
        let result = try GoldReader.read(data: Data(text.utf8), fileName: "g.jsonl")
        #expect(result.records == [GoldRecord(id: "c")])
        #expect(result.issues.map(\.message) == [
            #""technologies" must be an array of strings, found a string"#,
            #""primary" must be a string or null, found an array"#,
            #""id" must be a non-empty string, found a number"#,
        ])
    }

    @Test func predictionsCarryEvidenceAndIgnoreExtraKeys() throws {
        let result = try PredictionReader.read(contentsOf: fixtureURL("predictions.jsonl"))
        #expect(result.issues == [])
        #expect(result.records.map(\.id) == ["beijing-2020-b1-01", "shanghai-2020-b1-02", "xiamen-2021-b1-01"])
        let shanghai = result.records[1]
        #expect(shanghai.primary == "digital_credit")
        #expect(shanghai.inclusiveMarkers == ["inclusive_finance"])
        #expect(shanghai.evidence?.count == 4)
        // `negated` missing -> false.
        #expect(shanghai.evidence?.last == Evidence(label: "inclusive_finance", term: "普惠", field: "body", start: 30, end: 32))
        #expect(result.records[2].evidence == [])
    }

    @Test func malformedPredictions() throws {
        // Line 3 of the fixture is a whole exported record; each line below breaks it once.
        let good = try String(contentsOf: fixtureURL("predictions.jsonl"), encoding: .utf8).split(separator: "\n")[2]
        func with(_ old: String, _ new: String) -> String { good.replacingOccurrences(of: old, with: new) }
        let text = [
            with(#""evidence":[]"#, #""evidence":[{"label":"payment","term":"支付","field":"body","start":"1","end":3}]"#),
            with(#""primary":"insurtech""#, #""primary":"paying""#),
            with(#""city":"xiamen","#, ""),
            String(good),
            String(good),
        ].joined(separator: "\n")
        let result = PredictionReader.read(data: Data(text.utf8), fileName: "records.jsonl")
        #expect(result.records.map(\.id) == ["xiamen-2021-b1-01"])
        #expect(result.issues.map(\.description) == [
            #"records.jsonl:1: "evidence.0.start": expected Int"#,
            #"records.jsonl:2: "primary": Cannot initialize Category from invalid String value paying"#,
            #"records.jsonl:3: missing key "city""#,
            #"records.jsonl:5: duplicate id "xiamen-2021-b1-01" (first on line 4)"#,
        ])
    }

    @Test func missingFileIsUnreadable() {
        let url = fixtureURL("no-such-file.jsonl")
        #expect {
            try GoldReader.read(contentsOf: url)
        } throws: { error in
            guard case let .unreadable(file, _) = error as? EvalError else { return false }
            return file == url.relativePath
        }
    }

    @Test func recordRoundTripsThroughCodable() throws {
        let record = GoldRecord(
            id: "a", primary: "payment", technologies: ["rpa", "big_data"],
            evidence: [Evidence(label: "rpa", term: "RPA", field: "body", start: 0, end: 3)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json == #"{"application_type":null,"evidence":[{"end":3,"field":"body","label":"rpa","negated":false,"start":0,"term":"RPA"}],"id":"a","inclusive_markers":[],"participation":null,"primary":"payment","technologies":["big_data","rpa"]}"#)
        #expect(try JSONDecoder().decode(GoldRecord.self, from: Data(json.utf8)) == record)
    }
}
