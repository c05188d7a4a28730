import Foundation
import SandboxText
import Testing
@testable import SandboxLexicon

@Suite struct TextNormalizerTests {
    @Test func foldsFullWidthCaseAndDashes() {
        let n = TextNormalizer().normalize("采用ＡＩ与Big-Data")
        #expect(n.text == "采用ai与big data")
        // "ai" (bytes 6..<8) comes from original scalars 2..<4 (Ａ, Ｉ).
        #expect(n.originalRange(bytes: 6..<8) == 2..<4)
        // "big data" (bytes 11..<19) from original scalars 5..<13.
        #expect(n.originalRange(bytes: 11..<19) == 5..<13)
    }

    @Test func traditionalToSimplifiedKeepsOffsets() {
        let n = TextNormalizer().normalize("運用區塊鏈")
        #expect(n.text == "运用区块链")
        #expect(n.originalRange(bytes: 6..<15) == 2..<5)
    }

    /// Letter-spaced Latin letters and digits beside Han text read as one word; English
    /// text and tokens longer than one character keep their spaces.
    @Test func letterSpacedLatinBesideHan() {
        let n = TextNormalizer().normalize("通过Ａ Ｐ Ｉ调用")
        #expect(n.text == "通过api调用")
        // "api" (bytes 6..<9) comes from original scalars 2..<7 (Ａ, space, Ｐ, space, Ｉ).
        #expect(n.originalRange(bytes: 6..<9) == 2..<7)
        #expect(TextNormalizer().normalize("借助 5 G 专网").text == "借助 5g 专网")
        #expect(TextNormalizer().normalize("plan a b test").text == "plan a b test")
        #expect(TextNormalizer().normalize("采用 AI 5G 技术").text == "采用 ai 5g 技术")
        #expect(TextNormalizer().normalize("A 股市场").text == "a 股市场")
    }

    @Test func collapsesWhiteSpaceRuns() {
        #expect(TextNormalizer().normalize("  big \u{3000}\n data ").text == "big data ")
        #expect(TextNormalizer().normalizeTerm(" Big  Data ") == "big data")
    }
}

@Suite struct HanScriptTests {
    @Test func gb2312TextNeedsNoFolding() {
        #expect(!HanScript.mayHaveTraditional("运用区块链与大数据技术，服务中小微企业融资。"))
        #expect(!HanScript.mayHaveTraditional("ASCII only, ＡＩ and “quotes” — and ™"))
    }

    @Test func traditionalCharactersAreSeen() {
        #expect(HanScript.mayHaveTraditional("運用區塊鏈"))
        #expect(HanScript.mayHaveTraditional("中文 and 蘇州"))
    }

    /// The table is iconv's GB2312, character for character: every scalar of U+4E00–9FFF
    /// is "not traditional" exactly when iconv encodes it in GB2312 (6,763 of them, the
    /// standard's count of Han characters).
    @Test func tableIsIconvsGB2312() throws {
        let iconv = try Iconv(from: "UTF-8", to: "GB2312")
        var inGB2312 = 0, disagreements: [UInt32] = []
        for v in UInt32(0x4E00)...0x9FFF {
            let u = Unicode.Scalar(v)!
            let one = String(Character(u))
            let encodable = iconv.firstUnencodable(in: one, where: { _ in true }) == nil
            if encodable { inGB2312 += 1 }
            if HanScript.mayHaveTraditional(one) == encodable { disagreements.append(v) }
        }
        #expect(inGB2312 == 6763)
        #expect(disagreements == [])
        // Outside the block: extension A and compatibility ideographs are never GB2312.
        #expect(HanScript.mayHaveTraditional("\u{3400}") && HanScript.mayHaveTraditional("\u{F900}"))
    }
}

/// A page's folder (one ICU call for the page's distinct Han characters, then table
/// lookups) against ICU's transform of each string.
@Suite struct ScriptFolderTests {
    static let icu = StringTransform("Traditional-Simplified")
    static func viaICU(_ s: String) -> String { s.applyingTransform(icu, reverse: false) ?? s }

    @Test func pageTableAgreesWithICU() {
        let page = "【創新應用名稱】基於區塊鏈的供應鏈金融服務\n【申請機構】臺灣銀行、蘇州農村商業銀行\n【技術應用】運用人工智慧、大數據、雲計算技術。業務開展前經過嚴格測試。"
        let folder = ScriptFolder(pageText: page)
        #expect(folder.active)
        let pieces = page.split(separator: "\n").map(String.init) + ["區塊鏈", "臺灣銀行", "ASCII 1.2", ""]
        for s in pieces { #expect(folder(s) == Self.viaICU(s), "\(s)") }
        #expect(folder("【申請機構】臺灣銀行") == "【申请机构】台湾银行")
        // Characters the page does not have go to ICU whole.
        #expect(folder("貸款與風險") == "贷款与风险")
        #expect(folder("貸款與風險") == Self.viaICU("貸款與風險"))
    }

    @Test func simplifiedPagesAreLeftAlone() {
        let folder = ScriptFolder(pageText: "基于区块链的供应链金融服务")
        #expect(!folder.active)
        #expect(folder("區塊鏈") == "區塊鏈")  // inactive: the page has no traditional text
        #expect(ScriptFolder.always("區塊鏈") == "区块链")
    }

    /// Every Han character of CJK Unified Ideographs and Extension A through a page
    /// folder equals ICU on that character alone.
    @Test func everyBasicHanCharacter() {
        var scalars: [Unicode.Scalar] = []
        for v in 0x3400...0x4DBF { scalars.append(Unicode.Scalar(v)!) }
        for v in 0x4E00...0x9FFF { scalars.append(Unicode.Scalar(v)!) }
        let text = String(scalars: scalars)
        let folded = Array(ScriptFolder(pageText: text)(text).unicodeScalars)
        let alone = scalars.map { Self.viaICU(String(Character($0))) }
        #expect(folded.count == scalars.count)
        #expect(zip(folded, alone).filter { String(Character($0)) != $1 }.count == 0)
        #expect(zip(folded, scalars).filter { $0 != $1 }.count == 3074)
    }

    /// The fold is per character, whatever page came first: ICU's phrase rules (乾坤) are
    /// not applied, and a character met first beside 坤 folds as it does alone.
    @Test func foldIsPerCharacterAndOrderFree() {
        #expect(Self.viaICU("乾坤") == "乾坤")  // ICU's phrase rule, for the record
        let first = ScriptFolder(pageText: "乾坤大業")
        #expect(first("乾坤大業") == "干坤大业")
        #expect(ScriptFolder(pageText: "乾燥的業務")("乾燥") == "干燥")
    }
}
