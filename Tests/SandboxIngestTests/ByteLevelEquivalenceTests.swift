import Foundation
import SandboxText
import Testing
@testable import SandboxIngest

/// The byte-level readers (white-space cleaning, charset declaration, tag tests) against
/// the String/regex formulations they replaced, on fixed cases and seeded random inputs.
@Suite struct ByteLevelEquivalenceTests {
    /// `TextCleaner.clean` as it was written on `Unicode.Scalar`s.
    static func referenceClean(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if ScalarClass.isWhiteSpace(s) {
                var j = i
                var lineBreak = false
                var hard = false
                while j < scalars.count, ScalarClass.isWhiteSpace(scalars[j]) {
                    if scalars[j].value == 0x0A || scalars[j].value == 0x0D { lineBreak = true }
                    if scalars[j].value == 0xA0 || scalars[j].value == 0x3000 { hard = true }
                    j += 1
                }
                let before = out.last
                let after = j < scalars.count ? scalars[j] : nil
                if let before, let after, !before.properties.isWhitespace {
                    let vanishes = lineBreak && !hard && ScalarClass.isCJK(before) && ScalarClass.isCJK(after)
                    if !vanishes { out.append(" ") }
                }
                i = j
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out)
    }


    @Test func scalarTestsMatchScalarClassAndUnicode() {
        for v in UInt32(0)...0x10_FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(ScalarClass.isWhiteSpace(value: v) == s.properties.isWhitespace)
            #expect(ScalarClass.isWhiteSpace(s) == s.properties.isWhitespace)
            #expect(TextCleaner.isCJK(value: v) == ScalarClass.isCJK(s))
        }
    }

    /// One white-space class (Unicode's White_Space) for blocks, labels and trims: the
    /// quads U+2000/2001, U+2028 LINE SEPARATOR and U+202F NARROW NO-BREAK SPACE collapse
    /// like any space (the reader's own list had left them out).
    @Test func everyWhiteSpaceCollapses() {
        #expect(TextCleaner.clean("a\u{2028}b\u{2001}\u{2000}c\u{202F}d\u{85}e") == "a b c d e")
        #expect(TextCleaner.clean("\u{205F}中文\u{1680}") == "中文")
        #expect(FieldLabeler.trim("\u{2001}申请机构：\u{202F}") == "申请机构")
    }

    @Test func cleanMatchesTheScalarFormulation() {
        let alphabet: [String] = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}", "\u{2002}", "\u{200A}",
                                  "\u{2028}", "\u{85}", "\u{1680}", "\u{2001}", "\u{202F}", "a", "Z", "1", ",", "中", "文", "。",
                                  "，", "“", "”", "Ａ", "é", "e\u{301}", "𠀀", "😀", "\u{FEFF}", "\u{200B}"]
        var rng = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &rng)
            let text = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            #expect(TextCleaner.clean(text) == Self.referenceClean(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(TextCleaner.clean(Array(text.utf8)) == Self.referenceClean(text))
            #expect(TextCleaner.visibleCount(text) == text.unicodeScalars.filter { !ScalarClass.isWhiteSpace($0) }.count)
            #expect(TextCleaner.hasVisible(text) == text.unicodeScalars.contains { !ScalarClass.isWhiteSpace($0) })
        }
    }

    @Test func declaredCharsetMatchesTheRegularExpressions() {
        let fixed = [
            "<meta charset=utf-8>", "<META CHARSET='GB2312'>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
            "<?xml version=\"1.0\" encoding=\"gb18030\"?><html>", "<?xml encoding = ' big5 '?>", "<meta encoding=x charset=utf-8>",
            "<?xml charset=;  encoding=utf-8?><meta charset=big5>", "<meta charset=\"\">", "<meta charset=>", "<meta>charset=utf-8",
            "<meta charset=utf-8 charset=gbk>", "<meta a=\"1>\" charset=gbk>", "<meta\ncharset\n=\n\"\nutf-8\"", "<meta charset=\u{0B}gbk>",
            "<meta charset=\u{0C}gbk>", "<meta charset=\u{1F}gbk>", "<meta charset=中gbk>", "<<meta<meta charset=a.b:c_d-e>",
            "", "<meta", "<meta charset", "<meta charset=", "<?xml?><meta charset=utf-8", "<?xml encoding=x<meta charset=y>",
        ]
        for text in fixed {
            let bytes = Array(text.utf8)
            #expect(EncodingSniffer.declaredCharset(bytes) == Self.regexCharset(bytes), "\(text)")
        }
        let pieces = ["<meta", "<?xml", " ", "\n", "\t", "\u{0B}", "=", "\"", "'", ">", "<", "charset", "encoding", "utf-8", "GBK",
                      "x", ";", "content=", "?", "中", "-", ".", ":", "_", "9"]
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let n = Int.random(in: 0...14, using: &rng)
            let bytes = Array((0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            #expect(EncodingSniffer.declaredCharset(bytes) == Self.regexCharset(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    static func regexCharset(_ bytes: [UInt8]) -> String? {
        EncodingSniffer.declaredCharsetByRegex(bytes.prefix(4096).map { b -> UInt8 in (b >= 0x41 && b <= 0x5A) ? b + 0x20 : (b < 0x80 ? b : 0x20) })
    }

    @Test func utf8CensusSkipsASCIIWordsWithoutMissingAByte() {
        var rng = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [Array("abcdefgh".utf8), Array("中".utf8), [0xC0], [0xE4, 0xB8], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xED, 0xA0, 0x80], Array("x".utf8),
                                 [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBF], [0xC1, 0x80], [0xC2, 0x80],
                                 [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xBF]]
        for _ in 0..<6_000 {
            let bytes = (0..<Int.random(in: 0...10, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            var valid = 0, invalid = 0, i = 0
            while i < bytes.count {  // the census by String's own validation, sequence by sequence
                if bytes[i] < 0x80 { i += 1; continue }
                var ok = false
                for length in 2...4 where i + length <= bytes.count {
                    let chunk = Array(bytes[i..<(i + length)])
                    if String(validating: chunk, as: UTF8.self) != nil { ok = true; valid += 1; i += length; break }
                }
                if !ok { invalid += 1; i += 1 }
            }
            #expect(EncodingSniffer.utf8Census(bytes) == (valid, invalid), "\(bytes)")
            #expect(EncodingSniffer.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }

    @Test func tagClassesAreTheNamedSets() {
        for tag in HTMLElement.Tag.allCases where tag != .other {
            #expect(HTMLElement.Tag.of(tag.name) == tag)
            #expect(tag.isBlock == BlockBuilder.blockElements.contains(tag.name), "\(tag)")
            #expect(tag.isStructural == BlockBuilder.Builder.structural.contains(tag.name), "\(tag)")
        }
        #expect(BlockBuilder.blockElements.allSatisfy { HTMLElement.Tag.of($0).isBlock })
        #expect(HTMLElement.Tag.of("o:p") == .other)
        #expect(HTMLElement.Tag.of("P") == .other)
    }

    @Test func styleTestsMatchFoundation() {
        func referenceBold(_ raw: String) -> Bool {
            let style = raw.lowercased()
            guard let r = style.range(of: "font-weight") else { return false }
            let rest = style[r.upperBound...].drop { $0 == " " || $0 == ":" }
            return rest.hasPrefix("bold") || rest.hasPrefix("bolder") || ["6", "7", "8", "9"].contains(where: { rest.hasPrefix($0 + "00") })
        }
        let styles = ["font-weight:bold", "FONT-WEIGHT: BOLD", "font-weight : 700", "font-weight:600;", "font-weight: 500", "font-weight:",
                      "font-weight:9", "font-weight:90", "font-weight::  bolder", "color:red", "", "font-weight:normal;font-weight:bold",
                      "font-weight:\tbold", "x-font-weight:800", "white-space: pre-wrap", "WHITE-SPACE : PRE", "white-space:nowrap",
                      "字体font-weight:bold", "white - space:pre", "font-family:宋体;font-weight:bold", "font-family:'宋体';FONT-WEIGHT:700",
                      "font-weight:bold\u{302A}", "font-weight\u{302B}:bold", "font-weight:bo\u{301}ld", "font-weight:\u{212A}",
                      "font-weIGHT:\u{3000}bold", "font-weight:　bold", "white-space:pre\u{302A}", "宋体white-space:pre-line",
                      "font-we\u{130}ght:bold", "font-weight:ｂold", "font-weight:“bold”", "white-space:\u{FF50}re"]
        var rng = SplitMix64(seed: 3)
        let parts = ["font-weight", "white-space", ":", " ", "bold", "700", "pre", "宋体", "\u{302A}", "\u{301}", "B", ";", "\u{212A}", "\u{130}", "“"]
        let random = (0..<3_000).map { _ in (0..<Int.random(in: 0...6, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined() }
        for s in styles + random {
            #expect(BlockBuilder.asciiBold(s) ?? referenceBold(s) == referenceBold(s), "\(s)")
            #expect(BlockBuilder.stylePreformats(s)
                    == s.lowercased().replacingOccurrences(of: " ", with: "").contains("white-space:pre"), "\(s)")
        }
        for s in ["font-family:宋体;font-weight:bold", "宋体white-space:pre-line"] {
            #expect(BlockBuilder.asciiBold(s) != nil, "\(s) takes the byte path")
        }
    }
}

extension ByteLevelEquivalenceTests {
    @Test func tagBytesAndScalarCounts() {
        for name in ["", "p\u{0}", "pp", "h7", "bodyx", "blockquotes", "figcaptio", "o:p", "tbody", "colgroup", "noscript", "中"] {
            #expect(HTMLElement.Tag.of(name) == (HTMLElement.Tag.allCases.first { $0 != .other && $0.name == name } ?? .other), "\(name)")
        }
        for text in ["", "a", "中文", "e\u{301}", "😀x", "\r\n"] {
            #expect(TextCleaner.scalarCount(text) == text.unicodeScalars.count)
        }
    }

    /// `FieldLabeler.numberingEnd`, matched by hand, against the `numbering` pattern it
    /// replaced: fixed cases and 30,000 texts drawn from numbering's own scalars.
    @Test func numberingMatchesThePattern() {
        func byPattern(_ t: String) -> String {
            if let r = FieldLabeler.numbering.firstMatch(in: t) { return String(t[r.upperBound...]) }
            return t
        }
        func byHand(_ t: String) -> String {
            let u = t.unicodeScalars
            return FieldLabeler.numberingEnd(u).map { String(u[$0...]) } ?? t
        }
        let fixed = ["（一）名称", "(1) x", "[12] 名称", "［３］ａ", "一、名称", "十二．x", "三|x", "1. x", "1.5亿", "12、名称",
                     "３）x", "① 名称", "第一、x", "第十二，x", "1/3 x", "1 / 12  x", "1234/5 x", "1/1234 x", "7 x", "2020年",
                     "（ 一 ）x", "(百)x", "[1234]x", "1.2.3", "一 、x", "\u{3000}1、x", "1\u{2028}x", "١٢. x", "1、1", "第x", "2.1 Remote", "3.2.1 x", "2.1远程", "1.5 亿", "1234.1 x", "1.2345 x", "1.2. x", "2.1.x y"]
        for t in fixed { #expect(byHand(t) == byPattern(t), "\(t)") }
        #expect(byHand("（一）名称") == "名称")
        #expect(byHand("1 / 12  x") == "x")
        #expect(byHand("1.5亿") == "1.5亿")
        #expect(byHand("3.2.1 甲服务") == "甲服务")
        #expect(byHand("2.1远程") == "2.1远程")
        let alphabet: [String] = ["1", "2", "12", "１", "١", "一", "十", "百", "第", "（", "）", "(", ")", "[", "]", "［", "］",
                                  "、", ".", "．", "｜", "|", "，", ",", "/", "／", "①", "⑳", " ", "\u{3000}", "\u{A0}", "\t",
                                  "\n", "\u{0B}", "\u{85}", "\u{2028}", "名", "a", "年"]
        var rng = SplitMix64(seed: 19)
        for _ in 0..<30_000 {
            let n = Int.random(in: 0...8, using: &rng)
            let text = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            #expect(byHand(text) == byPattern(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
