import Foundation
import SandboxIngest
import SandboxPipeline
import SandboxText
import Testing

/// Inputs that once took quadratic time in the page reader: each is big enough (50,000
/// characters of the offending kind) that a quadratic reader takes many seconds or
/// minutes, while the linear one reads it in well under a second; each test asserts the
/// exact outcome, so that a reader that is fast but reads differently fails too.
@Suite struct LinearTimeTests {
    /// The runs' length.
    static let size = 50_000

    /// A prose page (a news re-post without field labels) naming 微捷贷产品 by 农业银行,
    /// then `last` as its last paragraph.
    static func prosePage(last: String) -> [UInt8] {
        let html = "<html><head><meta charset=\"utf-8\"><title>北京公示2020年首批金融科技创新监管试点应用</title></head><body>"
            + "<p>2020年01月14日</p><p>此次公示的创新应用包括：农业银行申请的“微捷贷产品”。</p>"
            + "<p>“微捷贷产品”由农业银行申请。该产品运用大数据技术提供线上信用贷款。</p>"
            + "<p>\(last)</p></body></html>"
        return Array(html.utf8)
    }

    /// A labelled page with one application (微捷贷产品 by 农业银行), `intro` as the
    /// paragraph before it.
    static func labelledPage(intro: String) -> [UInt8] {
        let html = "<html><head><meta charset=\"utf-8\"><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body>"
            + "<p>\(intro)</p><p>发布时间：2020-01-14</p><p>创新应用名称：微捷贷产品</p><p>申请机构：农业银行</p>"
            + "<p>功能描述：运用大数据技术提供线上信用贷款。</p></body></html>"
        return Array(html.utf8)
    }

    /// `count` Arabic-Indic digits (U+0660–U+0669, which `\d` matches), ٠١٢…٩٠١….
    static func arabicIndicDigits(_ count: Int) -> String {
        String(String.UnicodeScalarView((0..<count).map { Unicode.Scalar(0x0660 + UInt32($0 % 10))! }))
    }

    /// Opening quotes of every kind without their closing ones, after a paragraph's one
    /// quoted name: each used to search to the paragraph's end for its closing quote.
    @Test func openingQuotesWithoutClosingOnesAreReadInLinearTime() {
        let unclosed = String(repeating: "“《「『", count: Self.size / 4)
        let r = projectPipeline.process(bytes: Self.prosePage(last: "宁波银行申请的“快审快贷产品”。该产品提供线上贷款。" + unclosed), file: "quotes.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02"])
        #expect(r.records.map(\.name) == ["微捷贷产品", "快审快贷产品"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"], ["宁波银行"]])
        #expect(r.records.map(\.announced) == ["2020-01-14", "2020-01-14"])
    }

    /// 50,000 “ alone in a paragraph: no quoted phrase, and the page's application stays.
    @Test func aParagraphOfOpeningQuotesOnlyNamesNothing() {
        let r = projectPipeline.process(bytes: Self.prosePage(last: String(repeating: "“", count: Self.size)), file: "ldquo.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"]])
    }

    /// Long digit runs (Arabic-Indic and ASCII) before the declared count: the count
    /// patterns were tried at every digit of a run, each read to the run's end.
    @Test func longDigitRunsBeforeTheDeclaredCountAreReadInLinearTime() {
        let digits = Self.arabicIndicDigits(Self.size)
        let chinese = projectPipeline.process(bytes: Self.labelledPage(intro: "2020年\(digits)月\(digits)日，本批共3个创新应用"), file: "arabic.html")
        #expect(chinese.errors.isEmpty)
        #expect(chinese.info?.declaredApplications == 3)
        #expect(chinese.records.map(\.id) == ["beijing-2020-b1-01"])
        #expect(chinese.records.map(\.name) == ["微捷贷产品"])
        #expect(chinese.records.map(\.announced) == ["2020-01-14"])
        #expect(chinese.records.first?.warnings.map(\.description) == ["declared_count_mismatch: the introduction declares 3 applications, the page holds 1"])
        let ascii = String(repeating: "1", count: Self.size)
        let english = projectPipeline.process(bytes: Self.labelledPage(intro: "\(ascii) and the following 2 innovative applications"), file: "ascii.html")
        #expect(english.info?.declaredApplications == 2)
        #expect(english.records.map(\.name) == ["微捷贷产品"])
        // A digit run followed by no count declares nothing.
        let none = projectPipeline.process(bytes: Self.labelledPage(intro: "\(digits)个\(ascii)"), file: "none.html")
        #expect(none.info?.declaredApplications == nil)
        #expect(none.records.map(\.name) == ["微捷贷产品"])
        #expect(none.records.first?.warnings.map(\.description) == [])
    }

    /// Many dates in one text: each date's place was counted from the text's start. The
    /// Chinese-numeral date comes first in the text though its pattern runs last.
    @Test func manyDatesInOneTextAreFoundInLinearTime() {
        let many = String(repeating: "2021-03-05，", count: 20_000)
        #expect(DateParser.parseAll("二〇二〇年一月十四日" + many) == ["2020-01-14"] + Array(repeating: "2021-03-05", count: 20_000))
        #expect(DateParser.parseAll(Self.arabicIndicDigits(Self.size) + "年1月2日") == [])
        let r = projectPipeline.process(bytes: Self.labelledPage(intro: "二〇二〇年一月十四日" + many), file: "dates.html")
        #expect(r.records.map(\.announced) == ["2020-01-14"])
        #expect(r.records.map(\.name) == ["微捷贷产品"])
    }

    /// Characters outside GB2312 that are not Han (Arabic-Indic digits) say nothing of
    /// traditional characters, and a traditional one after them is still seen.
    @Test func theTraditionalScriptTestSkipsOtherCharactersInLinearTime() {
        let digits = Self.arabicIndicDigits(Self.size)
        #expect(!HanScript.mayHaveTraditional("公示" + digits))
        #expect(HanScript.mayHaveTraditional("公示" + digits + "銀行"))
        #expect(!HanScript.mayHaveTraditional(digits))
    }
}
