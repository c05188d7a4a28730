import Foundation
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct CrossTabTests {
    let records: [LabelledRecord]
    init() throws { records = try Fixture.small() }

    @Test func cityByPrimary() {
        let t = CrossTabs.cityByPrimary(records)
        #expect(t.rowKeys == ["beijing", "shanghai", "suzhou"])
        #expect(t.columnKeys == Labels.primaries.map(\.id))
        #expect(t.counts == [[1, 1, 0, 1, 0, 0], [1, 0, 0, 1, 0, 1], [1, 0, 1, 0, 0, 0]])
        #expect(t.count(row: "suzhou", column: "innovative_banking") == 1)
        #expect(t.rowTotals == [3, 3, 2])
        #expect(t.columnTotals == [3, 1, 1, 2, 0, 1])
    }

    @Test func cityByTechnologyCountsMentions() {
        let t = CrossTabs.cityByTechnology(records)
        #expect(t.columnKeys.count == 13)
        #expect(t.count(row: "beijing", column: "blockchain") == 2)
        #expect(t.count(row: "beijing", column: "biometrics") == 1)
        #expect(t.count(row: "shanghai", column: "privacy_computing") == 2)
        #expect(t.count(row: "suzhou", column: "mobile_5g") == 1)
        #expect(t.rowTotals == [5, 5, 2])
        #expect(Array(t.columnTotals.prefix(7)) == [3, 2, 3, 0, 0, 2, 1])
    }

    @Test func monthByTechnology() {
        let t = CrossTabs.monthByTechnology(records)
        #expect(t.rowKeys == ["2020-01", "2020-06", "2020-07", "2020-08", "2020-12"])
        #expect(t.count(row: "2020-06", column: "artificial_intelligence") == 1)
        #expect(t.count(row: "2020-12", column: "blockchain") == 1)
        #expect(t.count(row: "2020-07", column: "big_data") == 1)
        #expect(t.rowTotals == [2, 3, 3, 2, 2])
    }

    @Test func inclusiveShare() {
        let s = CrossTabs.inclusiveShareByCity(records)
        #expect(s.rows.map(\.key) == ["beijing", "shanghai", "suzhou"])
        #expect(s.rows.map(\.count) == [1, 1, 2])
        #expect(s.rows.map(\.total) == [3, 3, 2])
        #expect(s.rows[2].share == 1.0)
        #expect(s.overall == ShareRow(key: "all", total: 8, count: 4, share: 0.5))
        #expect(s.table().rows.last == ["all", "8", "4", "50.0%"])
    }

    @Test func unknownCitiesAreKeptAfterKnownOnes() {
        let r = [record(id: "a", city: "lanzhou", batch: 1, primary: "insurtech"),
                 record(id: "b", city: "beijing", batch: 1, primary: "payment")]
        let t = CrossTabs.cityByPrimary(r)
        #expect(t.rowKeys == ["beijing", "lanzhou"])
        #expect(t.columnKeys == Category.ids)
    }

    @Test func unknownLabelIdIsAMalformedLine() throws {
        let line = try String(decoding: JSONLinesWriter.encode([record(id: "a", city: "a", batch: 1, primary: "payment")]), as: UTF8.self)
            .replacingOccurrences(of: #""primary":"payment""#, with: #""primary":"crowdfunding""#)
        #expect(throws: StatsError.invalidRecord(Diagnostic(code: .malformedRecord, file: "r.jsonl", line: 1, message: "\"primary\": Cannot initialize Category from invalid String value crowdfunding"))) {
            try RecordsLoader.parse(Data(line.utf8), path: "r.jsonl")
        }
    }
}
