import Foundation
@testable import SandboxIngest
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
    static func labelledPage(intro: String, risk: String? = nil) -> [UInt8] {
        let html = "<html><head><meta charset=\"utf-8\"><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body>"
            + "<p>\(intro)</p><p>发布时间：2020-01-14</p><p>创新应用名称：微捷贷产品</p><p>申请机构：农业银行</p>"
            + "<p>功能描述：运用大数据技术提供线上信用贷款。</p>" + (risk.map { "<p>风险防控：\($0)</p>" } ?? "") + "</body></html>"
        return Array(html.utf8)
    }

    /// `count` Arabic-Indic digits (U+0660–U+0669, which `\d` matches), ٠١٢…٩٠١….
    static func arabicIndicDigits(_ count: Int) -> String {
        String(String.UnicodeScalarView((0..<count).map { Unicode.Scalar(0x0660 + UInt32($0 % 10))! }))
    }

    /// English negation cues in one sentence, each a list item, with one `or` at its end:
    /// each cue's scope used to scan the sentence's rest once per comma (4,000 cues: 128 s).
    /// Unclosed `<sup>`s, each with text after it (libxml2 nests each in the one before):
    /// the footnote-mark test read each one's whole content (10,000 took 7.8 s, 100,000
    /// 21 minutes, found by the breaker helper).
    @Test func unclosedSuperscriptsAreReadInLinearTime() {
        let sups = String(repeating: "<sup>1", count: Self.size / 5)
        let html = "<html><head><meta charset=\"utf-8\"><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body>"
            + "<p>发布时间：2020-01-14</p><p>创新应用名称：微捷贷产品</p><p>申请机构：农业银行</p>"
            + "<p>功能描述：运用大数据技术提供线上信用贷款。\(sups)为小微企业服务。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "sup.html")
        #expect(r.records.map(\.name) == ["微捷贷产品"])
        #expect(r.records.first?.technologies == [.bigData])
        #expect(r.records.first?.inclusiveMarkers == [.smallMicroEnterprises])
    }

    @Test func negationCuesInOneListAreReadInLinearTime() {
        let risk = String(repeating: "not x, ", count: Self.size / 7) + "or blockchain"
        let r = projectPipeline.process(bytes: Self.labelledPage(intro: "本批应用。", risk: risk), file: "neg.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品"])
        #expect(r.records.first?.technologies == [.bigData])
        #expect(r.records.first?.evidence.filter { $0.label == "blockchain" }.map(\.negated) == [true])
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

    /// `count` clauses `该行推出的“第i个服务”` after 招商银行申请的“快审服务” in one sentence:
    /// each pronoun clause rebuilt the text before it and searched its sentence once per
    /// institution ending (800 clauses took 14 s).
    @Test func pronounClausesInOneSentenceAreReadInLinearTime() {
        let count = 2_000
        let clauses = (1...count).map { "该行推出的“第\($0)个服务”" }.joined()
        let r = projectPipeline.process(bytes: Self.prosePage(last: "据悉，招商银行申请的“快审服务”" + clauses), file: "pronouns.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品", "快审服务"] + (1...count).map { "第\($0)个服务" })
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"]] + Array(repeating: ["招商银行"], count: count + 1))
        // A sentence naming no institution: the one before it does, for every clause.
        let next = projectPipeline.process(bytes: Self.prosePage(last: "招商银行已上线多款产品。" + clauses), file: "previous.html")
        #expect(next.records.map(\.name) == ["微捷贷产品"] + (1...count).map { "第\($0)个服务" })
        #expect(next.records.dropFirst().allSatisfy { $0.applicants.map(\.name) == ["招商银行"] })
    }

    /// The 与 of 200,000 pieces that do not end like an institution are merged back in
    /// one pass (each merge removed a piece from the middle of the array).
    @Test func manyConjunctionsBeforeAnApplicantAreMergedInLinearTime() {
        let count = 200_000
        let many = String(repeating: "某与", count: count)
        #expect(ProseReader.cleanApplicants(many + "中国银联与京东数科和小米数科") == many + "中国银联、京东数科、小米数科")
        #expect(ProseReader.cleanApplicants("由" + many + "某") == many + "某")
        // On a page: an applicant list of 128,000 characters names no application.
        let r = projectPipeline.process(bytes: Self.prosePage(last: String(repeating: "某与", count: 64_000) + "申请的“某某服务”"), file: "and.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.name) == ["微捷贷产品"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["农业银行"]])
    }

    /// The Foundation search `ProseReader.InstitutionFinder` replaces: per sentence, each
    /// ending's first `range(of:)` (canonical equivalence, no match a combining mark joins).
    static func foundationLastInstitution(in text: String) -> String? {
        let u = Array(text.unicodeScalars)
        let stops: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
        var end = u.count
        for _ in 0..<2 {
            var start = end
            while start > 0, !stops.contains(u[start - 1]) { start -= 1 }
            if let name = foundationFirstInstitution(Array(u[start..<end])) { return name }
            guard start > 0 else { break }
            end = start - 1
        }
        return nil
    }

    /// `foundationLastInstitution`'s search of one sentence.
    static func foundationFirstInstitution(_ u: [Unicode.Scalar]) -> String? {
        let text = String(scalars: u)
        var first: (end: Int, start: Int)?
        for ending in ProseReader.institutionEndings {
            guard let r = text.range(of: ending) else { continue }
            let e = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.upperBound)
            if first == nil || e < first!.end { first = (e, e - ending.unicodeScalars.count) }
        }
        guard let f = first else { return nil }
        let breaks: Set<Unicode.Scalar> = ["，", ",", "、", "的", "是", "由", "与", "和", "在", "对", "向", " ", "（", "(", "：", ":", "“", "”", "据"]
        var s = f.start
        while s > 0, !breaks.contains(u[s - 1]) { s -= 1 }
        guard f.end - s > f.end - f.start, f.end - s <= 20 else { return nil }
        return String(scalars: u[s..<f.end])
    }

    /// The finder's search is Foundation's: for every Unicode scalar, Foundation finds it
    /// among the endings' characters exactly where its canonical scalar is one; and for
    /// the scalars concerned (those that refuse a match after 银行, the compatibility
    /// ideographs of an ending's character, joiners, selectors, prepended and Hangul
    /// characters, and every 509th scalar) in and around endings, at a sentence's end
    /// and inside, the institution found is the same; so too for random texts.
    @Test func theInstitutionFinderFindsWhatFoundationFound() {
        typealias Finder = ProseReader.InstitutionFinder
        var characters: [Unicode.Scalar] = []
        for e in ProseReader.institutionEndings { for c in e.unicodeScalars where !characters.contains(c) { characters.append(c) } }
        let all = String(String.UnicodeScalarView(characters))
        var concerned: [Unicode.Scalar] = []
        var mismatches: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let s = String(Character(c))
            let found = all.range(of: s).map { all.unicodeScalars[$0.lowerBound] }
            let mine: Unicode.Scalar? = characters.contains(Finder.canonical(c)) ? Finder.canonical(c) : nil
            if found != mine { mismatches.append(String(v, radix: 16)) }
            if !Finder.accepts(0, followedBy: c) || Finder.canonical(c) != c || v % 509 == 0 { concerned.append(c) }
        }
        #expect(mismatches == [])
        #expect(concerned.count > 2_000)
        #expect(Finder.canonicalEndingScalars.keys.map(\.value).sorted() == [0xF90A, 0xFA08, 0xFA4C])
        concerned += [0x200D, 0x200C, 0xFE0F, 0x1F1E6, 0x0600, 0x110BD, 0x1100, 0x1160, 0x11A8, 0xAC00, 0x0D, 0x0A, 0xA0, 0x3000, 0xAD, 0x1F3FB, 0xE0020]
            .map { Unicode.Scalar($0)! }
        for c in concerned {
            let x = String(Character(c))
            let texts = ["某某银行\(x)支付公司推出", "\(x)某银行", "某某银\(x)。该行", "某某银\(x)", "中国银行\(x)。该行", "华夏有限责任公\(x)推出",
                         "农村信用\(x)联社", "某某银行\(x)\u{301}公司", "\(x)", "某科\(x)技与某银行"]
            for t in texts where Self.foundationLastInstitution(in: t) != ProseReader.lastInstitution(in: t) {
                mismatches.append("\(String(c.value, radix: 16)) \(t)")
            }
        }
        #expect(mismatches == [])
        // Random texts of endings, their compatibility ideographs, marks, breaks and stops,
        // every prefix (a pronoun at each offset).
        let alphabet = Array("银行公司科技信用社有限责任股份集团支付金某据的、，。；\u{FA08}\u{F90A}\u{FA4C}\u{301}\u{903}\u{200D} ".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let u = (0..<40).map { _ in alphabet.randomElement(using: &generator)! }
            let finder = Finder(u)
            for k in 0...u.count {
                let text = String(scalars: u[..<k])
                if Self.foundationLastInstitution(in: text) != finder.lastInstitution(before: k) { mismatches.append(text) }
            }
        }
        #expect(mismatches == [])
    }
}
