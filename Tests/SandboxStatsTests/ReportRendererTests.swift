import Foundation
import FoundationXML
import SandboxSchema
import Testing
@testable import SandboxStats

@Suite struct ReportRendererTests {
    struct Bar: Equatable { var chart: String; var label: String; var value: Int; var title: String; var height: Double }

    static func parse(_ html: String) throws -> XMLDocument {
        // No .documentTidyHTML: strict XML parsing, which fails on any ill-formed markup.
        try XMLDocument(data: Data(html.utf8), options: [])
    }

    /// Attribute value by name. (swift-corelibs-foundation's `attribute(forName:)` returns nil
    /// for elements in a default namespace, as XHTML and SVG elements are, so scan instead.)
    static func attr(_ e: XMLElement, _ name: String) -> String? {
        e.attributes?.first { $0.name == name }?.stringValue
    }

    static func elements(_ node: XMLNode, named name: String) -> [XMLElement] {
        var out: [XMLElement] = []
        func walk(_ n: XMLNode) {
            if let e = n as? XMLElement, e.localName == name { out.append(e) }
            for child in n.children ?? [] { walk(child) }
        }
        walk(node)
        return out
    }

    static func bars(_ doc: XMLDocument) -> [Bar] {
        elements(doc, named: "rect").filter { Self.attr($0, "class") == "bar" }.map { e in
            Bar(chart: Self.attr(e, "data-chart") ?? "",
                label: Self.attr(e, "data-label") ?? "",
                value: Int(Self.attr(e, "data-value") ?? "") ?? -1,
                title: elements(e, named: "title").first?.stringValue ?? "",
                height: Double(Self.attr(e, "height") ?? "") ?? -1)
        }
    }

    let records: [LabelledRecord]
    let html: String
    init() throws {
        records = try Fixture.small()
        html = ReportRenderer.render(records: records, comparison: try Fixture.compare(records))
    }

    @Test func isWellFormedSelfContainedXHTML() throws {
        let doc = try Self.parse(html)
        #expect(doc.rootElement()?.localName == "html")
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("font-family: \"Noto Sans CJK SC\", sans-serif"))
        #expect(!html.contains("<script"))
        // No network: the only URLs are the XHTML and SVG namespace names.
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http"))
        #expect(!html.contains("<link") && !html.contains("src="))
        // The escaped record name never appears raw.
        #expect(!html.contains("<Pay>"))
    }

    @Test func barsPerChartWithValues() throws {
        let bars = Self.bars(try Self.parse(html))
        let city = bars.filter { $0.chart == "applications_by_city" }
        #expect(city.map(\.label) == ["beijing", "shanghai", "suzhou"])
        #expect(city.map(\.value) == [3, 3, 2])
        #expect(city.map(\.title) == ["北京 beijing: 3", "上海 shanghai: 3", "苏州 suzhou: 2"])
        // Heights are proportional to values (axis max 3: 260 px for 3).
        #expect(city.map(\.height) == [260, 260, 173.3])

        let tech = bars.filter { $0.chart == "technology_mentions" }
        #expect(tech.count == 13)
        #expect(tech.map(\.value) == [3, 2, 3, 0, 0, 2, 1, 0, 1, 0, 0, 0, 0])
        let first = try #require(tech.first)
        #expect(first.label == "big_data" && first.title == "大数据 big_data: 3")

        let stacked = bars.filter { $0.chart == "primary_by_city" }
        #expect(stacked.count == 8)
        #expect(stacked.map(\.label) == [
            "beijing/digital_credit", "beijing/payment", "beijing/underlying_technology",
            "shanghai/digital_credit", "shanghai/underlying_technology", "shanghai/insurtech",
            "suzhou/digital_credit", "suzhou/innovative_banking",
        ])
        #expect(stacked.allSatisfy { $0.value == 1 })
        #expect(bars.count == 3 + 13 + 8)
    }

    @Test func differingCellsAreMarked() throws {
        let doc = try Self.parse(html)
        let diffCells = Self.elements(doc, named: "td").filter {
            (Self.attr($0, "class") ?? "").split(separator: " ").contains("diff")
        }
        let comparison = try Fixture.compare(records)
        #expect(diffCells.count == 2 * comparison.rows.filter(\.differs).count)
        #expect(comparison.rows.filter(\.differs).count == 26)
        // Realistic data: some rows agree and carry no highlight.
        let real = try Fixture.realistic()
        let realHTML = ReportRenderer.render(records: real, comparison: try Fixture.compare(real))
        let realDoc = try Self.parse(realHTML)
        let rows = Self.elements(realDoc, named: "tr").filter { Self.attr($0, "data-figure") != nil }
        #expect(rows.count == 26)
        let agreeing = rows.filter { row in
            !Self.elements(row, named: "td").contains { (Self.attr($0, "class") ?? "").contains("diff") }
        }.compactMap { Self.attr($0, "data-figure") }
        #expect(agreeing == ["city_shanghai", "city_chongqing", "city_hangzhou", "city_shenzhen", "ratio_chongqing", "ratio_hangzhou"])
    }

    @Test func realisticChartsMatchCounts() throws {
        let real = try Fixture.realistic()
        let doc = try Self.parse(ReportRenderer.render(records: real, comparison: try Fixture.compare(real)))
        let bars = Self.bars(doc)
        let city = bars.filter { $0.chart == "applications_by_city" }
        #expect(city.map(\.label) == ["beijing", "shanghai", "shenzhen", "chongqing", "hangzhou", "suzhou"])
        #expect(city.map(\.value) == [17, 13, 4, 5, 5, 2])
        #expect(bars.filter { $0.chart == "technology_mentions" }.map(\.value) == [9, 8, 13, 2, 2, 9, 0, 1, 3, 0, 0, 4, 0])
        let stacked = bars.filter { $0.chart == "primary_by_city" }
        #expect(stacked.reduce(0) { $0 + $1.value } == 46)
        #expect(stacked.filter { $0.label.hasPrefix("beijing/") }.map(\.value) == [7, 3, 3, 3, 1])
    }

    @Test func escaping() throws {
        #expect(ReportRenderer.esc("a<b & \"c\" 'd'>\u{1}") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\u{FFFD}")
        var r = records
        r[0].city = "x<&\"y"
        let html = ReportRenderer.render(records: r, comparison: try Fixture.compare(r))
        let bars = Self.bars(try Self.parse(html))
        #expect(bars.contains { $0.label == "x<&\"y" && $0.chart == "applications_by_city" })
    }
}
