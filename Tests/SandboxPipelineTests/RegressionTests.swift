import Foundation
import SandboxExport
import SandboxPipeline
import Testing

/// Inputs that once crashed the tool or lost data silently (found by a tester breaking it
/// on purpose, and by the fuzzer); each is kept with the exact outcome it must have now.
@Suite struct RegressionTests {
    static let dir = repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/regressions")

    func process(_ name: String) -> PageResult {
        projectPipeline.process(fileAt: Self.dir.appendingPathComponent(name), name: name)
    }

    @Test func dateSplitAcrossTableCellsDoesNotCrash() {
        // "31" | "July 2020" in one row: the row's text holds a tab between day and month.
        let r = process("date-tab-crash-min.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01"])
        #expect(r.records.map(\.announced) == ["2020-01-14"])
    }

    @Test func longChineseNumeralsDoNotOverflow() {
        // 一 × 20 before 个创新应用: no count is read (it was an Int overflow).
        let count = process("numeral-overflow-count.html")
        #expect(count.info?.declaredApplications == nil)
        #expect(count.records.map(\.name) == ["测试应用"])
        // 第一…一批 (20 一) in the title: no batch, so no ids — a clear error, not a crash.
        let batch = process("numeral-overflow-batch.html")
        #expect(batch.errors == [ErrorEntry(file: "numeral-overflow-batch.html", kind: "missing_metadata",
                                            message: "cannot build record ids: missing batch (no 首批/第N批/Nth batch)")])
    }

    @Test func wordEmptyParagraphTagsInsideASentenceDoNotCutIt() {
        // <o:p></o:p> (read by libxml2 as a <p>) inside 创新应用名称<o:p></o:p>：微捷贷产品.
        let r = process("word-op-min.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品", "快审快贷产品", "手机POS创新应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"], ["建设银行"], ["中国银联"]])
    }

    @Test func contentBeyondLibxml2sDepthLimitIsAnErrorNotSilence() {
        let r = process("min-deep-256.html")
        #expect(r.records.isEmpty)
        #expect(r.errors == [ErrorEntry(file: "min-deep-256.html", kind: "parse",
            message: "no application read: libxml2 stopped reading part of the page (Excessive depth in document: 256 use XML_PARSE_HUGE option)")])
    }

    @Test func fullWidthDigitsInTheDate() {
        // 发布时间：２０２０年１月１４日
        let r = process("fullwidth-date.html")
        #expect(r.errors.isEmpty)
        #expect(Set(r.records.map(\.announced)) == ["2020-01-14"])
        #expect(r.records.count == 6)
    }
}
