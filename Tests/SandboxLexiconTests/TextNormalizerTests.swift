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
}
