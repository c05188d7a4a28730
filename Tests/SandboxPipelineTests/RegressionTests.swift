import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema
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

    /// Found by the fuzzer: preformatted text (`<pre>`, `white-space:pre`) with CRLF line
    /// ends recursed without end ("\r\n" is one Character) and crashed the process.
    @Test func preformattedCRLFLinesAreRead() {
        let r = process("fuzz-pre-crlf.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["行式应用", "样式应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["某某银行"], ["另一银行"]])
        #expect(r.records.map(\.technologies) == [["blockchain"], ["artificial_intelligence"]])
    }

    @Test func longChineseNumeralsDoNotOverflow() {
        // 一 × 20 before 个创新应用: no count is read (it was an Int overflow).
        let count = process("numeral-overflow-count.html")
        #expect(count.info?.declaredApplications == nil)
        #expect(count.records.map(\.name) == ["测试应用"])
        // 第一…一批 (20 一) in the title: no batch number is read (no crash); the page's
        // application is kept under batch 1, and the record says the batch was assumed.
        let batch = process("numeral-overflow-batch.html")
        #expect(batch.errors.isEmpty)
        #expect(batch.records.map(\.batch) == [1])
        #expect(batch.records.first?.warnings.map(\.code.rawValue).contains("batch_assumed") == true)
    }

    @Test func wordEmptyParagraphTagsInsideASentenceDoNotCutIt() {
        // <o:p></o:p> (read by libxml2 as a <p>) inside 创新应用名称<o:p></o:p>：微捷贷产品.
        let r = process("word-op-min.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品", "快审快贷产品", "手机POS创新应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"], ["建设银行"], ["中国银联"]])
    }

    /// Nesting beyond libxml2's default limit of 256 (XML_PARSE_HUGE) is read, not dropped.
    @Test func contentBeyondLibxml2sDefaultDepthLimitIsRead() {
        let r = process("min-deep-256.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"]])
    }

    /// A page nested 10,000 and 100,000 levels deep (closed, unclosed, mixed inline and
    /// block wrappers) gives its application; the tree is flattened below a fixed depth,
    /// so neither parsing nor freeing recurses with the page's depth.
    @Test(arguments: [(10_000, true), (10_000, false), (100_000, false)])
    func deeplyNestedPagesAreRead(_ depth: Int, _ closed: Bool) {
        let open = String(repeating: "<span><div>", count: depth)
        let close = closed ? String(repeating: "</div></span>", count: depth) : ""
        let html = "<html><head><meta charset=\"utf-8\"><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body>"
            + "<p>发布时间：2020-01-14</p>\(open)<p>创新应用名称：深层应用</p><p>申请机构：某某银行</p><p>功能描述：运用区块链技术提供融资。</p>\(close)</body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "deep.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["深层应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["某某银行"]])
        #expect(r.records.map { $0.technologies.map(\.rawValue) } == [["blockchain"]])
    }

    @Test func fullWidthDigitsInTheDate() {
        // 发布时间：２０２０年１月１４日
        let r = process("fullwidth-date.html")
        #expect(r.errors.isEmpty)
        #expect(Set(r.records.map(\.announced)) == ["2020-01-14"])
        #expect(r.records.count == 6)
    }
}

/// Second round of a tester's bad input: each file, the exact outcome it must have.
@Suite struct RegressionRoundTwoTests {
    func process(_ name: String) -> PageResult {
        projectPipeline.process(fileAt: RegressionTests.dir.appendingPathComponent(name), name: name)
    }

    @Test func fieldLabelsOnTheirOwnLine() {
        // <p><strong>创新应用名称</strong></p><p>手机POS创新应用</p>… and 创新应用名称：<empty>
        for file in ["label-strong-own-line.html", "label-own-line.html"] {
            let r = process(file)
            #expect(r.errors.isEmpty, "\(file)")
            #expect(r.records.map(\.name) == ["手机POS创新应用"], "\(file)")
            #expect(r.records.map { $0.applicants.map(\.name) } == [["中国银联"]], "\(file)")
            #expect(r.records.map(\.technologies) == [["blockchain"]], "\(file)")
        }
    }

    @Test func headingsThatNameNoApplication() {
        let trailing = process("trailing-heading.html")
        #expect(trailing.records.map(\.name) == ["微捷贷产品"])
        #expect(trailing.records.first?.sections.map(\.text) == ["线上信用贷款。"])
        #expect(trailing.records.first?.warnings.map(\.description) == ["non_application_heading: line 7: '联系方式' has no application fields after it; its text is not part of any application"])
        let twoLists = process("two-lists-min.html")
        #expect(twoLists.records.map(\.name) == ["微捷贷产品", "手机POS创新应用"])
    }

    @Test func applicantsOnePerLineOrSpaceSeparated() {
        for file in ["applicants-br-min.html", "applicants-space-min.html"] {
            let r = process(file)
            #expect(r.records.map { $0.applicants.map(\.name) } == [["中国银联", "小米数科", "京东数科"]], "\(file)")
            #expect(r.records.map(\.participation) == ["joint_with_technology_company"], "\(file)")
        }
    }

    @Test func invisibleCharactersAndFullWidthSpacesDoNotHideTerms() {
        // 大U+200D数据, 区U+00AD块链; ＢＩＧ ＤＡＴＡ with a typed space.
        #expect(process("zwj-keyword-min.html").records.map(\.technologies) == [["big_data", "blockchain"]])
        let fw = process("fw-space-fw.html").records
        #expect(fw.map(\.technologies) == [["big_data"]])
        #expect(fw.first?.sections.first?.text == "采用ＢＩＧ ＤＡＴＡ技术")
    }

    @Test func moreDateForms() {
        #expect(process("date-cn-numerals-zero.html").records.map(\.announced) == ["2020-01-14"])  // 二○二○年一月十四日
        #expect(process("en-date-mdy-abbr.html").records.map(\.announced) == ["2020-01-14"])       // Jan. 14, 2020
        // 2020年2月30日 is no date: the page cannot have ids (it was "2020-02-30").
        #expect(process("date-invalid-feb30.html").errors.map(\.message) == ["cannot build record ids: missing announcement date"])
    }

    @Test func encodingsAndEnglishLabels() {
        let utf16 = process("utf16le-nobom-leading-ws.html").records
        #expect(utf16.map(\.source.usedEncoding) == ["UTF-16LE"])
        #expect(utf16.map(\.name) == ["微捷贷产品"])
        let hkscs = process("big5hkscs-min.html").records
        #expect(hkscs.map(\.source.usedEncoding) == ["BIG5-HKSCS"])
        #expect(hkscs.first?.sections.first?.text == "呢個係香港嘅綫上信用貸款，運用區塊鏈技術。")
        #expect(hkscs.first?.warnings == [])
        let english = process("english-name-label-min.html").records
        #expect(english.map(\.name) == ["Micro Loan Product"])
        #expect(english.map { $0.applicants.map(\.kind) } == [["bank"]])
    }
}

/// Inputs from a tester breaking the new reader on purpose (each once lost records, took
/// the wrong text, or blew up in time or memory).
@Suite struct BreakerRoundThreeTests {
    static let dir = repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/regressions")

    func process(_ name: String) -> PageResult {
        projectPipeline.process(fileAt: Self.dir.appendingPathComponent(name), name: name)
    }
    @Test func tablesNestedPastTheFlatteningDepthKeepTheirApplication() {
        let r = process("breaker-deep-table-40.html")  // 40 tables nested in cells
        #expect(r.records.map(\.name) == ["嵌套表格应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["工商银行"]])
    }

    @Test func anUnclosedBracketBeforeALabelIsDecoration() {
        let r = process("breaker-bracket-small.html")  // 【创新应用名称：…  (no 】)
        #expect(r.records.map(\.name) == ["基于区块链的开括号应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["工商银行"]])
    }

    @Test func labelledTextInASidebarIsNoApplicationAndASentenceIsNoApplicant() {
        let r = process("breaker-sidebar2.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02"])
        #expect(r.records.map(\.name) == ["甲应用", "乙应用"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["工商银行"], ["农业银行"]])
    }

    @Test func aRowNamingAnApplicationUnderARowspanIsANewApplication() {
        let r = process("breaker-rowspan100k.html")  // rowspan="100000" on the first 序号
        #expect(r.records.map(\.name) == ["行跨度应用甲", "行跨度应用乙"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["工商银行"], ["农业银行"]])
    }

    @Test func spansCannotGrowATableWithoutBound() {
        // 1,000 rows each opening with rowspan=1000 colspan=100: once 1.6 GB and 33 s; now
        // each row holds at most 256 cells and a span at most the rows left. The cells the
        // spans push past the header's columns name nothing, as a browser would show them.
        let r = process("breaker-rowspan-grid-1000.html")
        #expect(r.records.isEmpty)
        #expect(r.errors.isEmpty)
    }

    @Test func aSingleByteCharsetDeclaredOverChineseBytesGivesWayToTheBytes() {
        let r = process("breaker-latin1-declared-gbk.html")  // iso-8859-1 declared, GBK bytes
        #expect(r.records.map(\.name) == ["基于区块链的拉丁一应用", "第二个应用"])
        #expect(r.records.first?.source.usedEncoding == "GB18030")
        #expect(r.records.first?.warnings.first?.code.rawValue == "charset_conflict")
    }

    @Test func utf32WithItsByteOrderMark() {
        let r = process("breaker-utf32le-bom.html")
        #expect(r.records.map(\.name) == ["基于区块链的混合编码应用", "第二个混合编码应用"])
        #expect(r.records.first?.source.usedEncoding == "UTF-32LE")
    }
}
