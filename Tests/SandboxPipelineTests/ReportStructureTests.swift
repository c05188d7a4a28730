import Foundation
import SandboxIngest
import SandboxLexicon
import SandboxStats
import SandboxSchema
import Testing

/// The HTML report of the committed dataset, parsed with libxml2's HTML parser (the
/// project's own wrapper): the bars and their values are what the records say.
@Suite struct ReportStructureTests {
    func bars(_ root: HTMLElement, chart: String) -> [(label: String, value: Int, title: String)] {
        root.descendants { $0.name == "rect" && $0.attributes["class"] == "bar" && $0.attributes["data-chart"] == chart }
            .map { ($0.attributes["data-label"] ?? "", Int($0.attributes["data-value"] ?? "") ?? -1, TextCleaner.clean($0.textContent)) }
    }

    @Test func barsCarryTheDatasetsCounts() throws {
        let records = try RecordsLoader.load(from: repositoryRoot.appendingPathComponent("Output/records.jsonl"))
        let published = try PublishedFigures.load(from: repositoryRoot.appendingPathComponent("Corpus/published.json"))
        let coverage = try Coverage.load(from: repositoryRoot.appendingPathComponent("Corpus/coverage.json"))
        let html = ReportRenderer.render(records: records, comparison: Stats.compare(records: records, published: published, coverage: coverage))
        let doc = try HTMLDocument.parse(bytes: Array(html.utf8), encoding: "UTF-8", file: "report.html")
        let root = try #require(doc.root)
        // (libxml2's HTML 4 parser flags every SVG tag as unknown, so its error count says
        // nothing here; strict XML well-formedness is checked in SandboxStatsTests.)

        // Applications per city: the corpus manifest's counts.
        let city = bars(root, chart: "applications_by_city")
        #expect(city.map(\.label) == ["beijing", "shanghai", "shenzhen", "chongqing", "hangzhou", "suzhou"])
        #expect(city.map(\.value) == [17, 13, 4, 5, 5, 2])
        #expect(city.first?.title == "北京 beijing: 17")

        // Technology mentions: one bar per LABELS.md tag, zero bars included, each the
        // number of records carrying the tag (counted here from the records, so that a
        // lexicon change that moves a label does not break this structural test).
        let tech = bars(root, chart: "technology_mentions")
        #expect(tech.map(\.label) == SandboxLexicon.LabelScheme.technologies)
        #expect(tech.map(\.value) == SandboxLexicon.LabelScheme.technologies.map { t in records.filter { $0.technologies.map(\.rawValue).contains(t) }.count })

        // Primary categories per city: stacked segments add up to every record, per city.
        let stacked = bars(root, chart: "primary_by_city")
        #expect(stacked.reduce(0) { $0 + $1.value } == records.count)
        #expect(stacked.filter { $0.label.hasPrefix("beijing/") }.reduce(0) { $0 + $1.value } == 17)

        // No network, no scripts.
        #expect(root.descendants { $0.name == "script" || $0.name == "link" || $0.attributes["src"] != nil }.isEmpty)
    }
}

/// `stats` on the committed dataset: per-city counts equal the corpus manifest, and the
/// shortfalls are explained by the coverage file.
@Suite struct CommittedStatsTests {
    @Test func cityCountsAndTheirExplanations() throws {
        let records = try RecordsLoader.load(from: repositoryRoot.appendingPathComponent("Output/records.jsonl"))
        let published = try PublishedFigures.load(from: repositoryRoot.appendingPathComponent("Corpus/published.json"))
        let coverage = try Coverage.load(from: repositoryRoot.appendingPathComponent("Corpus/coverage.json"))
        let rows = Dictionary(uniqueKeysWithValues: Stats.compare(records: records, published: published, coverage: coverage).rows.map { ($0.id, $0) })
        let ours = ["city_beijing": 17, "city_shanghai": 13, "city_shenzhen": 4, "city_chongqing": 5, "city_hangzhou": 5,
                    "city_suzhou": 2, "city_xiongan": 0, "city_guangzhou": 0, "city_chengdu": 0, "applications_total": 46]
        for (id, n) in ours { #expect(rows[id]?.cells.first?.ours == n, "\(id)") }
        #expect(rows["city_beijing"]?.explanation == "Beijing 17 of 22: batch 3 (5) not in corpus (no public list found)")
        #expect(rows["city_shanghai"]?.explanation == nil)
        // Beijing's blockchain count per batch: batch 3 is not in the corpus.
        let blockchain = [1, 2, 3].map { b in records.filter { $0.city == "beijing" && $0.batch == b && $0.technologies.contains(.blockchain) }.count }
        #expect(rows["beijing_blockchain_by_batch"]?.cells.map(\.ours) == blockchain)
        #expect(blockchain[2] == 0)
    }
}
