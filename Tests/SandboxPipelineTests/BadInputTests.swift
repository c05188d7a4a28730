import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema
import Testing

/// One batch holding a good page and one fixture per bad-input class (issue 5): the run
/// finishes, every failure is one precise error, and every good record is exported.
@Suite(.serialized) struct BadInputTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/bad-input")

    /// A temporary corpus: the fixtures, a good corpus page, a directory named like a
    /// page, and a file over the size limit.
    static func makeCorpus() throws -> URL {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("bad-corpus-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".html") {
            try fm.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try fm.copyItem(at: repositoryRoot.appendingPathComponent("Corpus/pages/beijing-2020-b1.html"),
                        to: dir.appendingPathComponent("good-beijing.html"))
        try fm.createDirectory(at: dir.appendingPathComponent("folder.html"), withIntermediateDirectories: false)
        try Data(repeating: 0x20, count: 20_000).write(to: dir.appendingPathComponent("huge.html"))
        return dir
    }

    static let result: RunResult = {
        do {
            var pipeline = projectPipeline
            pipeline.maxFileBytes = 10_000
            return try pipeline.run(corpus: try makeCorpus(), jobs: 2)
        } catch { fatalError("run failed: \(error)") }
    }()

    @Test func everyFailureIsOnePreciseError() {
        #expect(Self.result.errors == [
            Diagnostic(code: "missing_name", file: "broken-markup.html", line: 12, message: "application 3 (line 12) has no name; skipped, its siblings are kept"),
            Diagnostic(code: "empty", file: "empty.html", message: "empty file"),
            Diagnostic(code: "unreadable", file: "folder.html", message: "is a directory, not a file"),
            Diagnostic(code: "too_large", file: "huge.html", message: "file is 20000 bytes, over the limit of 10000 bytes"),
            Diagnostic(code: "missing_metadata", file: "no-metadata.html", message: "cannot build record ids: missing place (no gazetteer name in title or header), batch (no 首批/第N批/Nth batch), announcement date"),
            Diagnostic(code: "binary", file: "renamed-pdf.html", message: "not HTML: PDF signature"),
            Diagnostic(code: "binary", file: "renamed-png.html", message: "not HTML: PNG signature"),
            Diagnostic(code: "binary", file: "renamed-zip.html", message: "not HTML: ZIP signature"),
        ])
    }

    @Test func everyGoodRecordIsExported() {
        // In input order (file names' bytes: broken-markup, gb18030-unlabelled,
        // gbk-labelled-utf8, good-beijing, invalid-utf8, traditional-big5, -utf16be,
        // -utf16le, -utf8), then page order.
        #expect(Self.result.records.map(\.id) == [
            "chengdu-2020-b1-01", "chengdu-2020-b1-02", "chongqing-2021-b2-01", "chongqing-2021-b1-01",
            "beijing-2020-b1-01", "beijing-2020-b1-02", "beijing-2020-b1-03", "beijing-2020-b1-04", "beijing-2020-b1-05",
            "beijing-2020-b1-06", "chongqing-2021-b3-01", "suzhou-2020-b2-01", "suzhou-2020-b2-02", "suzhou-2020-b4-01",
            "suzhou-2020-b4-02", "suzhou-2020-b3-01", "suzhou-2020-b3-02", "suzhou-2020-b1-01", "suzhou-2020-b1-02",
        ])
        // The good page's records are exactly those of the real corpus run.
        let good = Self.result.records.filter { $0.city == "beijing" }.map { [$0.primary.rawValue] + $0.technologies.map(\.rawValue) }
        let reference = CorpusLabelsTests.result.records.filter { $0.id.hasPrefix("beijing-2020-b1") }.map { [$0.primary.rawValue] + $0.technologies.map(\.rawValue) }
        #expect(good == reference)
    }

    func record(_ id: String) throws -> LabelledRecord {
        try #require(Self.result.records.first { $0.id == id })
    }

    @Test func encodingsDecodeToTheSameRecords() throws {
        // Traditional characters in UTF-8, Big5 (declared) and UTF-16 LE/BE (BOM, no label).
        for (batch, declared, used) in [(1, "utf-8", "UTF-8"), (2, "big5", "BIG5"), (3, nil, "UTF-16LE"), (4, nil, "UTF-16BE")] as [(Int, String?, String)] {
            let r = try record("suzhou-2020-b\(batch)-01")
            #expect(r.name == "基於區塊鏈的供應鏈融資服務")
            #expect(r.applicants.map(\.name) == ["蘇州銀行", "蘇州某某科技有限公司"])
            #expect(r.applicationType == "financial_service")
            #expect(r.technologies == ["big_data", "blockchain"])
            #expect(r.inclusiveMarkers == ["small_micro_enterprises"])
            #expect(r.source.declaredEncoding == declared)
            #expect(r.source.usedEncoding == used)
            #expect(r.warnings == [])
            // Matching ran on simplified text; the evidence points into the original.
            let chain = try #require(r.evidence.first { $0.label == "blockchain" && $0.field == "function" })
            let text = Array(r.sections[try #require(chain.section)].text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(text[chain.start..<chain.end])) == "區塊鏈")
            #expect(chain.term == "区块链")
        }
        let second = try record("suzhou-2020-b2-02")
        #expect(second.applicationType == "technology_product")
        #expect(second.technologies == ["artificial_intelligence"])
        #expect(second.inclusiveMarkers == ["underserved_groups"])
    }

    @Test func conflictsAndInvalidBytesAreWarnings() throws {
        let conflict = try record("chongqing-2021-b1-01")
        #expect(conflict.name == "基于大数据的小微企业信贷服务")
        #expect(conflict.source.usedEncoding == "GB18030")
        #expect(conflict.warnings == ["charset_conflict: page declares utf-8 but its bytes are not UTF-8; decoded as GB18030"])
        let unlabelled = try record("chongqing-2021-b2-01")
        #expect(unlabelled.source.declaredEncoding == nil)
        #expect(unlabelled.source.usedEncoding == "GB18030")
        let invalid = try record("chongqing-2021-b3-01")
        #expect(invalid.warnings == ["invalid_bytes: 3 byte(s) not valid UTF-8 replaced with U+FFFD"])
        // The stray byte inside the text, and the truncated character after </html> (which
        // libxml2 puts at the end of the body, so it continues the last section).
        #expect(invalid.sections[0].text == "运用大数据技术为小微企业提供线上\u{FFFD}贷款。\n\u{FFFD}")
    }

    @Test func brokenMarkupStillYieldsItsApplications() throws {
        // A layout table around everything, <td> without <tr>, unclosed <p>, <br>-separated
        // fields, &nbsp; and U+3000, a comment and a <script> inside a field.
        let first = try record("chengdu-2020-b1-01")
        // &nbsp; and U+3000 are spaces the author typed: kept (as one space), unlike a
        // source line break between Chinese characters.
        #expect(first.name == "基于物联网的 农业信贷服务")
        #expect(first.applicants.map(\.kind) == ["bank", "technology_company"])
        #expect(first.sections.map(\.text) == ["面向农户提供线上贷款，运用物联网 传感器采集数据。"])
        #expect(first.technologies == ["internet_of_things"])  // 区块链 only in the comment and script
        #expect(first.inclusiveMarkers == ["agriculture_rural"])
        let second = try record("chengdu-2020-b1-02")
        #expect(second.name == "基于区块链的供应链融资服务")
        #expect(second.applicationType == "financial_service")
        #expect(second.sections.map(\.field) == ["function", "risk_control"])
        #expect(second.technologies == ["blockchain"])
        #expect(second.evidence.filter(\.negated).map(\.label) == ["digital_currency"])
    }

    @Test func pageWithoutApplicationsIsRecordedNotAnError() throws {
        let input = try #require(Self.result.manifest.inputs.first { $0.file == "no-applications.html" })
        #expect(input.applications == 0)
        #expect(!input.failed)
        #expect(input.warnings == ["no_applications: no application found on the page"])
        #expect(Self.result.manifest.counts == ["pages": 17, "pages_failed": 7, "records": 19, "errors": 8])
    }
}
