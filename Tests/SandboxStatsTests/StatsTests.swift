import Foundation
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct StatsSmallFixtureTests {
    let c: Comparison
    init() throws { c = try Fixture.compare(try Fixture.small()) }

    @Test func counts() throws {
        let total = try #require(c["applications_total"])
        #expect(total.ours == [8] && total.published == [70] && total.differences == [62])
        let bj = try #require(c["city_beijing"])
        #expect(bj.ours == [3])
        #expect(bj.cells[0].ids == ["beijing-2020-b1-01", "beijing-2020-b2-01", "beijing-2020-b2-02"])
        #expect(bj.differences == [19])
        #expect(c["city_shanghai"]?.ours == [3])
        #expect(c["city_suzhou"]?.ours == [2])
        #expect(c["city_chengdu"]?.ours == [0])
        #expect(c["technology_big_data"]?.cells[0].ids == ["beijing-2020-b1-01", "shanghai-2020-b1-01", "suzhou-2020-b1-01"])
        #expect(c["technology_big_data"]?.differences == [47])
        #expect(c["technology_ai"]?.cells[0].ids == ["beijing-2020-b2-01", "shanghai-2020-b1-02"])
        #expect(c["technology_blockchain"]?.cells[0].ids == ["beijing-2020-b1-01", "beijing-2020-b2-02", "shanghai-2020-b2-01"])
        // underserved_groups alone (shanghai-2020-b1-02) is not inclusive.
        #expect(c["inclusive"]?.cells[0].ids == ["beijing-2020-b1-01", "shanghai-2020-b1-01", "suzhou-2020-b1-01", "suzhou-2020-b1-02"])
        #expect(c["inclusive"]?.differences == [30])
    }

    @Test func ratios() throws {
        let t = try #require(c["application_type_outside_beijing_b1"])
        #expect(t.cells.map(\.key) == ["financial_service", "technology_product"])
        #expect(t.ours == [2, 3])
        #expect(t.differences == [31, 28])
        #expect(t.cells[0].ids == ["shanghai-2020-b1-01", "suzhou-2020-b1-01"])
        #expect(t.cells[1].ids == ["shanghai-2020-b1-02", "shanghai-2020-b2-01", "suzhou-2020-b1-02"])
        #expect(t.otherIds == ["unstated": ["beijing-2020-b2-01", "beijing-2020-b2-02"]])
        #expect(t.scopePublished == 64 && t.scopeHere == 40 && t.scopeRecords == 7)
        let p = try #require(c["participation"])
        #expect(p.ours == [3, 5] && p.differences == [31, 31])
        #expect(p.cells[0].ids == ["beijing-2020-b1-01", "shanghai-2020-b1-02", "suzhou-2020-b1-01"])
        #expect(c["ratio_shanghai"]?.ours == [1, 2])
        #expect(c["ratio_shanghai"]?.differences == [5, 5])
        #expect(c["ratio_suzhou"]?.ours == [1, 1])
        #expect(c["ratio_beijing"]?.ours == [0, 0])
        #expect(c["ratio_beijing"]?.otherIds == ["unstated": ["beijing-2020-b2-01", "beijing-2020-b2-02"]])
        let bb = try #require(c["beijing_blockchain_by_batch"])
        #expect(bb.cells.map(\.key) == ["1", "2", "3"])
        #expect(bb.ours == [1, 1, 0] && bb.differences == [0, 1, 4])
        #expect(bb.cells.map(\.ids) == [["beijing-2020-b1-01"], ["beijing-2020-b2-02"], []])
    }

    @Test func explanations() throws {
        #expect(c["city_beijing"]?.explanation == "Beijing 3 of 22: batch 1: records hold 1 of the corpus's 6; "
            + "batch 2: records hold 2 of the corpus's 11; batch 3 (5) not in corpus (no public list found)")
        #expect(c["city_suzhou"]?.explanation == "Suzhou 2 of 5: batch 1: 2 of 5 in corpus (three names not found; the page still declares 5)")
        #expect(c["city_shenzhen"]?.explanation == "Shenzhen 0 of 4: batch 1: records hold 0 of the corpus's 4")
        #expect(c["ratio_suzhou"]?.explanation == "Suzhou technology_product 1 of 4: batch 1: 2 of 5 in corpus "
            + "(three names not found; the page still declares 5); these account for the whole difference of 3")
        #expect(c["beijing_blockchain_by_batch"]?.explanation == "Beijing batch 2 1 of 2, batch 3 0 of 4: "
            + "5 applications in scope not in corpus (batch 3: 5); 14 corpus applications not in records "
            + "(batch 1: 1 of 6, batch 2: 2 of 11); the difference of 5 lies within these 19")
        let total = try #require(c["applications_total"])
        #expect(total.gaps.count == 12)
        #expect(total.gaps.reduce(0) { $0 + $1.missingFromCorpus } == 24)
        #expect(total.gaps.reduce(0) { $0 + $1.missingFromRecords } == 38)
    }

    @Test func noExplanationWhenEqual() {
        let r = record(id: "shenzhen-2020-b1-01", city: "shenzhen", batch: 1, primary: "payment")
        let records = (1...4).map { i in var x = r; x.id = "shenzhen-2020-b1-0\(i)"; return x }
        let figure = PublishedFigure(id: "sz", group: "table", label: .init(en: "Shenzhen"), published: [4],
                                     definition: .init(kind: .count, filter: .init(city: "shenzhen")), note: nil)
        let row = Stats.evaluate(figure, records: records, coverage: Coverage(year: 2020, source: "", entries: []))
        #expect(row.differences == [0] && row.explanation == nil && !row.differs)
    }

    @Test func oursExceedingPublishedIsSaid() {
        let records = (1...3).map { record(id: "x-\($0)", city: "x", batch: 1, primary: "payment") }
        let figure = PublishedFigure(id: "x", group: "table", label: .init(en: "X"), published: [2],
                                     definition: .init(kind: .count, filter: .init(city: "x")), note: nil)
        let row = Stats.evaluate(figure, records: records, coverage: Coverage(year: 2020, source: "", entries: []))
        #expect(row.differences == [-1])
        #expect(row.explanation == "x 3 of 2: ours exceeds published by 1")
    }
}

@Suite struct StatsRealisticTests {
    let c: Comparison
    init() throws { c = try Fixture.compare(try Fixture.realistic()) }

    @Test func figuresOnTheGold46() {
        #expect(c.recordCount == 46)
        #expect(c["applications_total"]?.ours == [46])
        #expect(["beijing", "shanghai", "shenzhen", "chongqing", "hangzhou", "suzhou", "xiongan", "guangzhou", "chengdu"]
            .map { c["city_\($0)"]!.ours[0] } == [17, 13, 4, 5, 5, 2, 0, 0, 0])
        #expect(c["technology_big_data"]?.ours == [9])
        #expect(c["technology_ai"]?.ours == [8])
        #expect(c["technology_blockchain"]?.ours == [13])
        #expect(c["inclusive"]?.ours == [13])
        #expect(c["participation"]?.ours == [24, 22])
        #expect(c["application_type_outside_beijing_b1"]?.ours == [13, 11])
        #expect(c["application_type_outside_beijing_b1"]?.otherIds["unstated"]?.count == 16)
        #expect(c["beijing_blockchain_by_batch"]?.ours == [1, 2, 0])
        #expect(c["ratio_shenzhen"]?.ours == [3, 1])
        #expect(c["ratio_chongqing"]?.differences == [0, 0])
    }

    @Test func structuralExplanations() {
        #expect(c["city_beijing"]?.explanation == "Beijing 17 of 22: batch 3 (5) not in corpus (no public list found)")
        #expect(c["applications_total"]?.explanation == "46 of 70: Beijing batch 3 (5) not in corpus (no public list found); "
            + "Suzhou batch 1: 2 of 5 in corpus (three names not found; the page still declares 5); "
            + "Xiong'an batch 1 (5) not in corpus (no public list found); Guangzhou batch 1 (5) not in corpus (no public list found); "
            + "Chengdu batch 1 (6) not in corpus (no public list found)")
        #expect(c["city_shanghai"]?.explanation == nil)
        #expect(c["ratio_shanghai"]?.explanation == "Shanghai financial_service 4 of 6, technology_product 4 of 7: "
            + "5 with application_type unstated (Shanghai batch 2: 5); these account for the whole difference of 5")
    }

    @Test func consistencyArithmetic() throws {
        let ratios = try #require(c.checks.first { $0.id == "city_ratios_vs_outside_beijing_b1" })
        #expect(!ratios.consistent)
        #expect(ratios.arithmetic == [
            "financial_service: 5 + 6 + 2 + 3 + 2 + 3 + 3 + 1 + 5 = 30",
            "technology_product: 6 + 7 + 2 + 2 + 3 + 2 + 3 + 4 + 0 = 29",
            "parts: 30 + 29 = 59 applications",
            "application_type_outside_beijing_b1: 33 + 31 = 64 applications",
            "gap: 64 - 59 = 5 (financial_service 33 - 30 = 3, technology_product 31 - 29 = 2)",
        ])
        let bj = try #require(c.checks.first { $0.id == "beijing_ratio_vs_batches" })
        #expect(!bj.consistent)
        #expect(bj.arithmetic == [
            "ratio_beijing: 5 + 6 = 11 applications",
            "its own scope: Beijing 2 (11) + Beijing 3 (5) = 16 published -> differs by 5",
            "alternative Beijing batch 2: Beijing 2 (11) = 11 published -> matches",
        ])
        #expect(c.checks.first { $0.id == "city_counts_vs_total" }?.consistent == true)
        #expect(c.checks.first { $0.id == "participation_vs_total" }?.arithmetic == ["participation: 34 + 36 = 70", "applications_total: 70"])
        #expect(c.checks.first { $0.id == "outside_beijing_b1_vs_coverage" }?.consistent == true)
    }
}

@Suite struct IDsListingTests {
    @Test func everyCellListsItsRecords() throws {
        let records = try Fixture.small()
        let report = StatsReport.make(records: records, published: try Fixture.published(), coverage: try Fixture.coverage())
        let lines = report.idsText(.text).split(separator: "\n").map(String.init)
        #expect(lines.contains("- city_beijing (3): beijing-2020-b1-01 beijing-2020-b2-01 beijing-2020-b2-02"))
        #expect(lines.contains("- technology_blockchain (3): beijing-2020-b1-01 beijing-2020-b2-02 shanghai-2020-b2-01"))
        #expect(lines.contains("- city_chengdu (0): (none)"))
        // AI roll-up: artificial_intelligence (biometrics are tagged AI too, LABELS.md §2).
        #expect(lines.contains("- technology_ai (2): beijing-2020-b2-01 shanghai-2020-b1-02"))
    }
}
