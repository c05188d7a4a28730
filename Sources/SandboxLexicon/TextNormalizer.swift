import SandboxText
import Foundation

/// Text prepared for matching, with a map back to the original text.
///
/// `bytes` is the UTF-8 encoding of the normalised text. `originalScalar[i]` is the
/// offset, in Unicode scalars of the *original* string, of the scalar that produced
/// normalised byte `i`; `originalScalar[bytes.count]` is the original scalar count, so a
/// half-open byte range `[a, b)` maps to the original scalar range
/// `[originalScalar[a], originalScalar[b - 1] + 1)`.
public struct NormalizedText: Sendable, Equatable {
    /// UTF-8 bytes of the normalised text.
    public let bytes: [UInt8]
    /// For each byte of `bytes`, the Unicode-scalar offset in the original string; one
    /// extra trailing element holds the original scalar count.
    public let originalScalar: [Int32]
    /// The original text, unchanged.
    public let original: String

    /// The normalised text as a String (for display and tests).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Maps a half-open normalised byte range to a half-open original scalar range.
    public func originalRange(bytes range: Range<Int>) -> Range<Int> {
        let start = Int(originalScalar[range.lowerBound])
        let end = range.isEmpty ? start : Int(originalScalar[range.upperBound - 1]) + 1
        return start..<end
    }
}

/// Folds text so that lexicon terms match regardless of width, case, script variant,
/// regional wording and dash style, while keeping a map back to the original offsets.
///
/// Steps:
/// 1. Traditional and regional Chinese → mainland simplified, only on text that may hold
///    traditional characters (`HanScript.mayHaveTraditional`): OpenCC `tw2sp` (phrases:
///    人工智慧 → 人工智能) then `hk2s` (衞 → 卫) through `ChineseConverter`, which maps
///    every output scalar back to the original scalar it came from (phrases may change
///    length). Without OpenCC's data, ICU's "Traditional-Simplified" transform where it
///    maps scalars one to one.
/// 2. NFKC (full-width letters and digits fold to ASCII, U+3000 to a space).
/// 3. Case folding of Latin letters (lowercase).
/// 4. Hyphens, dashes and underscores become spaces; runs of white space become one space;
///    curly apostrophes (U+2018, U+2019, U+02BC) become ';
///    default-ignorable code points (U+00AD, U+200B–U+200F, U+2060…, U+FEFF …) vanish.
/// 5. Letter-spacing: white space (U+0020, U+3000 …) between two Han characters vanishes,
///    so 区　块　链 reads 区块链 (Chinese does not separate words by spaces).
///
/// CJK characters are otherwise kept as they are. Offsets of a match map back through
/// `NormalizedText.originalRange(bytes:)` to the original text.
public struct TextNormalizer: Sendable {
    /// Whether step 1 (traditional → simplified) is applied.
    public var foldTraditional: Bool

    /// Creates a normaliser; `foldTraditional` turns step 1 on (default).
    public init(foldTraditional: Bool = true) {
        self.foldTraditional = foldTraditional
    }

    /// Normalises `text`. Pure; cost is linear in the text length (step 1 costs more on
    /// text with traditional characters).
    public func normalize(_ text: String) -> NormalizedText {
        let scalars = Array(text.unicodeScalars)
        // origin[k]: the original scalar of simplified[k]; nil when it is k.
        let (simplified, origin) = foldTraditional ? Self.simplifiedScalars(text, scalars: scalars) : (scalars, nil)
        let dropped = Self.letterSpacedLatin(simplified)
        var out = Writer()
        out.bytes.reserveCapacity(text.utf8.count)
        out.map.reserveCapacity(text.utf8.count + 1)
        for (k, scalar) in simplified.enumerated() {
            if let dropped, dropped.contains(k) { continue }
            let index = Int32(origin?[k] ?? k)
            let v = scalar.value
            // The fast paths of `fold`: ASCII (A–Z lowered) and CJK ideographs give themselves.
            if v < 0x80 {
                out.emit(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar, index)
            } else if v >= 0x4E00 && v <= 0x9FFF {
                out.emit(scalar, index)
            } else if let folded = FoldTable.lookUp(v) {
                for f in folded { out.emit(f, index) }
            } else {
                for folded in Self.fold(scalar) { out.emit(folded, index) }
            }
        }
        if let space = out.pendingSpace {
            out.bytes.append(0x20)
            out.map.append(space)
        }
        out.map.append(Int32(scalars.count))
        return NormalizedText(bytes: out.bytes, originalScalar: out.map, original: text)
    }

    /// Normalises a lexicon term the same way as text, without the offset map.
    public func normalizeTerm(_ term: String) -> String {
        var s = normalize(term).text
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    // MARK: - Internal

    /// Letter-spaced Latin letters and digits beside Han text (`Ａ Ｐ Ｉ调用`, `借助 5 G 专网`):
    /// the positions of the spaces inside a run of two or more one-character tokens that
    /// touches a Han character, which vanish so the run reads as one word (API, 5g); nil
    /// when there are none. English text (`plan a b`) touches no Han character and keeps them.
    static func letterSpacedLatin(_ u: [Unicode.Scalar]) -> Set<Int>? {
        func isAlnum(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
        }
        func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\u{A0}" }
        var out: Set<Int>?
        var i = 0
        while i < u.count {
            // A one-character token: alphanumeric, not preceded by one.
            guard isAlnum(u[i]), i == 0 || !isAlnum(u[i - 1]) else { i += 1; continue }
            var j = i
            var spaces: [Int] = []
            while j + 2 < u.count, isBlank(u[j + 1]), isAlnum(u[j + 2]), !isAlnum(j + 3 < u.count ? u[j + 3] : " ") || j + 3 >= u.count {
                if j + 1 < u.count, isAlnum(u[j + 1]) { break }
                spaces.append(j + 1)
                j += 2
            }
            let single = (i + 1 >= u.count || !isAlnum(u[i + 1]))
            if single, !spaces.isEmpty {
                let before = i > 0 ? u[i - 1] : " "
                let after = j + 1 < u.count ? u[j + 1] : " "
                let beforeHan = HanScript.isHan(before) || (isBlank(before) && i > 1 && HanScript.isHan(u[i - 2]))
                let afterHan = HanScript.isHan(after) || (isBlank(after) && j + 2 < u.count && HanScript.isHan(u[j + 2]))
                if beforeHan || afterHan {
                    if out == nil { out = [] }
                    out!.formUnion(spaces)
                }
            }
            i = max(j, i) + 1
        }
        return out
    }

    /// Steps 4 and 5 over folded scalars: the output bytes and their offset map.
    private struct Writer {
        var bytes: [UInt8] = []
        var map: [Int32] = []
        var lastWasSpace = true  // drop leading white space
        var lastWasHan = false
        var pendingSpace: Int32?  // a space not yet written: dropped between two Han characters

        @inline(__always)
        mutating func emit(_ folded: Unicode.Scalar, _ index: Int32) {
            if TextNormalizer.isSpaceLike(folded) {
                if lastWasSpace || pendingSpace != nil { return }
                pendingSpace = index
                return
            }
            let isHan = HanScript.isHan(folded)
            if let space = pendingSpace {
                pendingSpace = nil
                if !(lastWasHan && isHan) {
                    bytes.append(0x20)
                    map.append(space)
                }
            }
            lastWasSpace = false
            lastWasHan = isHan
            let v = folded.value
            if v < 0x80 {
                bytes.append(UInt8(v))
                map.append(index)
            } else if v < 0x800 {
                bytes.append(0xC0 | UInt8(v >> 6))
                bytes.append(0x80 | UInt8(v & 0x3F))
                map.append(index); map.append(index)
            } else if v < 0x10000 {
                bytes.append(0xE0 | UInt8(v >> 12))
                bytes.append(0x80 | UInt8((v >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(v & 0x3F))
                map.append(index); map.append(index); map.append(index)
            } else {
                bytes.append(0xF0 | UInt8(v >> 18))
                bytes.append(0x80 | UInt8((v >> 12) & 0x3F))
                bytes.append(0x80 | UInt8((v >> 6) & 0x3F))
                bytes.append(0x80 | UInt8(v & 0x3F))
                map.append(index); map.append(index); map.append(index); map.append(index)
            }
        }
    }

    private static let traditionalTransform = StringTransform("Traditional-Simplified")

    /// Scalars of `text` folded to mainland simplified Chinese, each with the index of the
    /// original scalar it comes from (step 1); nil for the indices when every scalar comes
    /// from the original scalar at its own index.
    private static func simplifiedScalars(_ text: String, scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]?) {
        // Only text with Han characters outside GB2312 can change (conversion is slow).
        guard HanScript.mayHaveTraditional(text) else { return (scalars, nil) }
        if let converter = ChineseConverter.shared {
            let (out, origin) = converter.convertAligned(scalars)
            return (out, origin)
        }
        return (icuSimplified(text, scalars: scalars), nil)
    }

    /// ICU fallback: one scalar to one scalar, or the input scalar.
    private static func icuSimplified(_ text: String, scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let converted = text.applyingTransform(traditionalTransform, reverse: false) else { return scalars }
        let out = Array(converted.unicodeScalars)
        if out.count == scalars.count { return out }
        return scalars.map { scalar in
            guard scalar.value >= 0x3400 else { return scalar }
            let single = String(scalar).applyingTransform(traditionalTransform, reverse: false)
            if let single, single.unicodeScalars.count == 1, let s = single.unicodeScalars.first { return s }
            return scalar
        }
    }

    /// `fold` computed once for the common non-ASCII scalars of Chinese pages: Latin-1 and
    /// Latin Extended (U+0080–024F), general punctuation (U+2000–206F), CJK punctuation
    /// (U+3000–303F) and full-width forms (U+FF00–FFEF). Each block is computed when a
    /// scalar of it is first folded (a Chinese page seldom has Latin-1 or Latin Extended:
    /// the largest block, and NFKC of each of its scalars is not cheap).
    private enum FoldTable {
        static let latin = make(0x80..<0x250)
        static let general = make(0x2000..<0x2070)
        static let cjkPunctuation = make(0x3000..<0x3040)
        static let fullWidth = make(0xFF00..<0xFFF0)

        static func make(_ range: Range<UInt32>) -> [[Unicode.Scalar]] {
            range.map { TextNormalizer.fold(Unicode.Scalar($0)!) }
        }

        @inline(__always)
        static func lookUp(_ v: UInt32) -> [Unicode.Scalar]? {
            if v >= 0x80 && v < 0x250 { return latin[Int(v - 0x80)] }
            if v >= 0x2000 && v < 0x2070 { return general[Int(v - 0x2000)] }
            if v >= 0x3000 && v < 0x3040 { return cjkPunctuation[Int(v - 0x3000)] }
            if v >= 0xFF00 && v < 0xFFF0 { return fullWidth[Int(v - 0xFF00)] }
            return nil
        }
    }

    /// White space (`ScalarClass.isWhiteSpace`) and the marks that join or separate words
    /// like it: hyphen, underscore, dashes U+2010–2015, minus U+2212.
    private static func isSpaceLike(_ s: Unicode.Scalar) -> Bool {
        if ScalarClass.isWhiteSpace(s) { return true }
        switch s.value {
        case 0x2D, 0x5F, 0x2010...0x2015, 0x2212: return true
        default: return false
        }
    }

    /// NFKC + lowercase for one scalar; ASCII and CJK ideographs take fast paths;
    /// default-ignorable code points (soft hyphen, zero-width space and joiners, bidi
    /// marks, word joiner, variation selectors, BOM) vanish, so they cannot hide a term.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return [Unicode.Scalar(v + 0x20)!] }
            return [scalar]
        }
        if (0x4E00...0x9FFF).contains(v) { return [scalar] }
        if scalar.properties.isDefaultIgnorableCodePoint { return [] }
        if v == 0x2018 || v == 0x2019 || v == 0x02BC { return ["'"] }  // curly apostrophes: doesn’t = doesn't
        if (0xFF01...0xFF5E).contains(v) {  // full-width ASCII block
            return fold(Unicode.Scalar(v - 0xFEE0)!)
        }
        let nfkc = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        return Array(nfkc.unicodeScalars)
    }
}
