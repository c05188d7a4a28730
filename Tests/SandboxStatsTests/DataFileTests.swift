import Foundation
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct DataFileTests {
    /// PUBLISHED.md has a 17-row table (one figure per row; "33 / 31" is one figure with
    /// two values) and 9 city ratios: 26 figures.
    static let tableRows: [(id: String, values: [Int])] = [
        ("applications_total", [70]), ("city_beijing", [22]), ("city_shanghai", [13]), ("city_chengdu", [6]),
        ("city_chongqing", [5]), ("city_hangzhou", [5]), ("city_suzhou", [5]), ("city_xiongan", [5]),
        ("city_guangzhou", [5]), ("city_shenzhen", [4]), ("application_type_outside_beijing_b1", [33, 31]),
        ("inclusive", [34]), ("technology_big_data", [50]), ("technology_ai", [42]),
        ("technology_blockchain", [26]), ("participation", [34, 36]), ("beijing_blockchain_by_batch", [1, 2, 4]),
    ]
    static let cityRatios: [(id: String, values: [Int])] = [
        ("ratio_beijing", [5, 6]), ("ratio_shanghai", [6, 7]), ("ratio_shenzhen", [2, 2]), ("ratio_chongqing", [3, 2]),
        ("ratio_hangzhou", [2, 3]), ("ratio_xiongan", [3, 2]), ("ratio_chengdu", [3, 3]), ("ratio_suzhou", [1, 4]),
        ("ratio_guangzhou", [5, 0]),
    ]

    @Test func publishedHasEveryRowOfPublishedMD() throws {
        let p = try Fixture.published()
        #expect(p.source.hasPrefix("The Paper, December 2020 news analysis"))
        #expect(p.figures.count == 26)
        let table = p.figures.filter { $0.group == "table" }
        let ratios = p.figures.filter { $0.group == "city_ratio" }
        #expect(table.map(\.id) == Self.tableRows.map(\.id))
        #expect(table.map(\.published) == Self.tableRows.map(\.values))
        #expect(ratios.map(\.id) == Self.cityRatios.map(\.id))
        #expect(ratios.map(\.published) == Self.cityRatios.map(\.values))
        #expect(ratios.allSatisfy { $0.definition.kind == .ratio && $0.definition.of == "application_type" })
        #expect(p["ratio_beijing"]?.definition.filter == RecordFilter(city: "beijing", batches: [2, 3]))
        #expect(p["application_type_outside_beijing_b1"]?.definition.filter == RecordFilter(exclude: [RecordFilter(city: "beijing", batch: 1)]))
        #expect(p["technology_ai"]?.definition.filter == RecordFilter(technology: "artificial_intelligence"))
        #expect(p["inclusive"]?.definition.filter == RecordFilter(inclusive: true))
        #expect(p["beijing_blockchain_by_batch"]?.definition == FigureDefinition(
            kind: .countBy, filter: RecordFilter(city: "beijing", technology: "blockchain"), by: "batch", values: ["1", "2", "3"]))
        #expect(p.consistency.map(\.id).contains("city_ratios_vs_outside_beijing_b1"))
    }

    /// Cross-checks the transcription against PUBLISHED.md itself when the shared folder is present.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixture.sharedPublished.path)))
    func publishedMarkdownRowCount() throws {
        let md = try String(contentsOf: Fixture.sharedPublished, encoding: .utf8)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| figure") }
        #expect(rows.count == Self.tableRows.count)
        for (row, expected) in zip(rows, Self.tableRows) {
            let last = row.split(separator: "|").last!.trimmingCharacters(in: .whitespaces)
            #expect(last.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) } == expected.values.map(Optional.some))
        }
        let ratioLine = md.components(separatedBy: "as published:\n")[1].components(separatedBy: "\n\n")[0]
        let pairs = try Regex(#"(\d+):(\d+)"#)
        let found = ratioLine.matches(of: pairs).map { [Int($0.output[1].substring!)!, Int($0.output[2].substring!)!] }
        #expect(found == Self.cityRatios.map(\.values))
    }

    @Test func coverageTranscribesTheCorpusTable() throws {
        let c = try Fixture.coverage()
        #expect(c.entries.count == 12)
        #expect(c.entries.reduce(0) { $0 + $1.published } == 70)
        #expect(c.entries.reduce(0) { $0 + $1.here } == 46)
        #expect(c.entries.filter { $0.city == "beijing" }.map(\.published) == [6, 11, 5])
        #expect(c.entries.filter { $0.city == "shanghai" }.map(\.published) == [8, 5])
        #expect(c.entry(city: "beijing", batch: 3) == CoverageEntry(city: "beijing", cityZh: "北京", batch: 3, announced: "2020-12-25",
                                                                    published: 5, here: 0, file: nil, why: "no public list found"))
        #expect(c.entry(city: "suzhou", batch: 1)?.here == 2)
        #expect(c.entries.filter { $0.here == 0 }.map(\.city) == ["beijing", "xiongan", "guangzhou", "chengdu"])
    }

    @Test func invalidPublishedIsRejected() throws {
        var p = try Fixture.published()
        p.figures[0].published = [70, 1]
        #expect(throws: StatsError.malformedDataFile(path: "p.json", reason: "figure applications_total: a count has one published value")) {
            try p.validate(path: "p.json")
        }
        p = try Fixture.published()
        p.consistency[0].whole = "nope"
        #expect(throws: StatsError.malformedDataFile(path: "p.json", reason: "check city_counts_vs_total: unknown figure nope")) {
            try p.validate(path: "p.json")
        }
    }
}
