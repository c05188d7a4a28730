import Foundation

/// Classes of Unicode scalars that every stage reading Chinese text needs, defined once.
public enum ScalarClass {
    /// CJK Unified Ideographs (and extensions A–G) and compatibility ideographs.
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3FFFF).contains(v)
    }

    /// Han characters, CJK symbols and punctuation (U+3000–303F), full-width forms
    /// (U+FF00–FFEF) and curly quotes (U+2018–201F): the characters between which Chinese
    /// text has no spaces (CSS segment-break rules, letter-spacing).
    public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3000...0x303F).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF00...0xFFEF).contains(v) || (0x20000...0x2FFFF).contains(v) || (0x2018...0x201F).contains(v)
    }

    /// White space: Unicode's White_Space property (PropList.txt; equal to
    /// `Unicode.Scalar.Properties.isWhitespace`, checked for every scalar by a test):
    /// U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F,
    /// U+205F, U+3000. The one white-space class of the reader and the matcher: blocks
    /// collapse it, label keys drop it, values are trimmed of it, terms are split at it.
    /// (`isHorizontalSpace` is Foundation's narrower set, kept where output must equal a
    /// Foundation trim.)
    @inline(__always)
    public static func isWhiteSpace(_ s: Unicode.Scalar) -> Bool { isWhiteSpace(value: s.value) }

    /// `isWhiteSpace` of a scalar value (for loops decoding UTF-8 themselves).
    @inline(__always)
    public static func isWhiteSpace(value v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Terminal columns a scalar takes: 2 for East Asian wide characters, 0 for combining
    /// marks, 1 otherwise (the wide ranges of Unicode's East Asian Width property).
    public static func displayWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { return 0 }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }

    /// Whether NFKC may change text holding `s`: scalars whose compatibility or canonical
    /// decomposition is not themselves (no-break space, superscripts, full-width forms,
    /// letterlike symbols, circled numbers, compatibility ideographs, typographic spaces …),
    /// combining marks (canonical combining class ≠ 0) and Hangul jamo, which compose with
    /// what precedes them, and every scalar beyond the BMP. Text with none of them is its
    /// own NFKC form (save compositions of Indic vowel signs of class 0, which this
    /// project's text does not have), so callers can skip Foundation's normalisation.
    /// The table was generated scalar by scalar over U+0080–FFFF from Foundation's
    /// `precomposedStringWithCompatibilityMapping` (Swift 6.3.1, ICU 76), comparing scalars
    /// (not `==`, which is canonical equivalence).
    public static func mayChangeUnderNFKC(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0xA0 || (0x3400...0x9FFF).contains(v) || (0x3001...0x3029).contains(v) { return false }
        if v > 0xFFFF || (0x1100...0x11FF).contains(v) { return true }
        // Binary search over the sorted, disjoint ranges.
        var lo = 0, hi = nfkcRanges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nfkcRanges[mid].1 < v { lo = mid + 1 } else { hi = mid }
        }
        if lo < nfkcRanges.count && nfkcRanges[lo].0 <= v { return true }
        return s.properties.canonicalCombiningClass != .notReordered
    }

    /// U+0080–FFFF ranges (inclusive) that NFKC changes; see `mayChangeUnderNFKC`.
    private static let nfkcRanges: [(UInt32, UInt32)] = [
        (0x00A0, 0x00A0), (0x00A8, 0x00A8), (0x00AA, 0x00AA), (0x00AF, 0x00AF), (0x00B2, 0x00B5),
        (0x00B8, 0x00BA), (0x00BC, 0x00BE), (0x0132, 0x0133), (0x013F, 0x0140), (0x0149, 0x0149),
        (0x017F, 0x017F), (0x01C4, 0x01CC), (0x01F1, 0x01F3), (0x02B0, 0x02B8), (0x02D8, 0x02DD),
        (0x02E0, 0x02E4), (0x0340, 0x0341), (0x0343, 0x0344), (0x0374, 0x0374), (0x037A, 0x037A),
        (0x037E, 0x037E), (0x0384, 0x0385), (0x0387, 0x0387), (0x03D0, 0x03D6), (0x03F0, 0x03F2),
        (0x03F4, 0x03F5), (0x03F9, 0x03F9), (0x0587, 0x0587), (0x0675, 0x0678), (0x0958, 0x095F),
        (0x09DC, 0x09DD), (0x09DF, 0x09DF), (0x0A33, 0x0A33), (0x0A36, 0x0A36), (0x0A59, 0x0A5B),
        (0x0A5E, 0x0A5E), (0x0B5C, 0x0B5D), (0x0E33, 0x0E33), (0x0EB3, 0x0EB3), (0x0EDC, 0x0EDD),
        (0x0F0C, 0x0F0C), (0x0F43, 0x0F43), (0x0F4D, 0x0F4D), (0x0F52, 0x0F52), (0x0F57, 0x0F57),
        (0x0F5C, 0x0F5C), (0x0F69, 0x0F69), (0x0F73, 0x0F73), (0x0F75, 0x0F79), (0x0F81, 0x0F81),
        (0x0F93, 0x0F93), (0x0F9D, 0x0F9D), (0x0FA2, 0x0FA2), (0x0FA7, 0x0FA7), (0x0FAC, 0x0FAC),
        (0x0FB9, 0x0FB9), (0x10FC, 0x10FC), (0x1D2C, 0x1D2E), (0x1D30, 0x1D3A), (0x1D3C, 0x1D4D),
        (0x1D4F, 0x1D6A), (0x1D78, 0x1D78), (0x1D9B, 0x1DBF), (0x1E9A, 0x1E9B), (0x1F71, 0x1F71),
        (0x1F73, 0x1F73), (0x1F75, 0x1F75), (0x1F77, 0x1F77), (0x1F79, 0x1F79), (0x1F7B, 0x1F7B),
        (0x1F7D, 0x1F7D), (0x1FBB, 0x1FBB), (0x1FBD, 0x1FC1), (0x1FC9, 0x1FC9), (0x1FCB, 0x1FCB),
        (0x1FCD, 0x1FCF), (0x1FD3, 0x1FD3), (0x1FDB, 0x1FDB), (0x1FDD, 0x1FDF), (0x1FE3, 0x1FE3),
        (0x1FEB, 0x1FEB), (0x1FED, 0x1FEF), (0x1FF9, 0x1FF9), (0x1FFB, 0x1FFB), (0x1FFD, 0x1FFE),
        (0x2000, 0x200A), (0x2011, 0x2011), (0x2017, 0x2017), (0x2024, 0x2026), (0x202F, 0x202F),
        (0x2033, 0x2034), (0x2036, 0x2037), (0x203C, 0x203C), (0x203E, 0x203E), (0x2047, 0x2049),
        (0x2057, 0x2057), (0x205F, 0x205F), (0x2070, 0x2071), (0x2074, 0x208E), (0x2090, 0x209C),
        (0x20A8, 0x20A8), (0x2100, 0x2103), (0x2105, 0x2107), (0x2109, 0x2113), (0x2115, 0x2116),
        (0x2119, 0x211D), (0x2120, 0x2122), (0x2124, 0x2124), (0x2126, 0x2126), (0x2128, 0x2128),
        (0x212A, 0x212D), (0x212F, 0x2131), (0x2133, 0x2139), (0x213B, 0x2140), (0x2145, 0x2149),
        (0x2150, 0x217F), (0x2189, 0x2189), (0x222C, 0x222D), (0x222F, 0x2230), (0x2329, 0x232A),
        (0x2460, 0x24EA), (0x2A0C, 0x2A0C), (0x2A74, 0x2A76), (0x2ADC, 0x2ADC), (0x2C7C, 0x2C7D),
        (0x2D6F, 0x2D6F), (0x2E9F, 0x2E9F), (0x2EF3, 0x2EF3), (0x2F00, 0x2FD5), (0x3000, 0x3000),
        (0x3036, 0x3036), (0x3038, 0x303A), (0x309B, 0x309C), (0x309F, 0x309F), (0x30FF, 0x30FF),
        (0x3131, 0x318E), (0x3192, 0x319F), (0x3200, 0x321E), (0x3220, 0x3247), (0x3250, 0x327E),
        (0x3280, 0x33FF), (0xA69C, 0xA69D), (0xA770, 0xA770), (0xA7F2, 0xA7F4), (0xA7F8, 0xA7F9),
        (0xAB5C, 0xAB5F), (0xAB69, 0xAB69), (0xF900, 0xFA0D), (0xFA10, 0xFA10), (0xFA12, 0xFA12),
        (0xFA15, 0xFA1E), (0xFA20, 0xFA20), (0xFA22, 0xFA22), (0xFA25, 0xFA26), (0xFA2A, 0xFA6D),
        (0xFA70, 0xFAD9), (0xFB00, 0xFB06), (0xFB13, 0xFB17), (0xFB1D, 0xFB1D), (0xFB1F, 0xFB36),
        (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E), (0xFB40, 0xFB41), (0xFB43, 0xFB44), (0xFB46, 0xFBB1),
        (0xFBD3, 0xFD3D), (0xFD50, 0xFD8F), (0xFD92, 0xFDC7), (0xFDF0, 0xFDFC), (0xFE10, 0xFE19),
        (0xFE30, 0xFE44), (0xFE47, 0xFE52), (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFE70, 0xFE72),
        (0xFE74, 0xFE74), (0xFE76, 0xFEFC), (0xFF01, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF),
        (0xFFD2, 0xFFD7), (0xFFDA, 0xFFDC), (0xFFE0, 0xFFE6), (0xFFE8, 0xFFEE)
    ]

    /// `text` in NFKC when the only scalars NFKC changes in it are full-width ASCII
    /// (U+FF01–FF5E → U+0021–007E) and spaces (U+00A0, U+2000–200A, U+3000 → U+0020), the
    /// common case on Chinese pages, mapped scalar by scalar; nil when another scalar of
    /// `mayChangeUnderNFKC` is present (the caller runs full NFKC).
    public static func widthFolded(_ text: String) -> String? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.underestimatedCount)
        for u in text.unicodeScalars {
            let v = u.value
            switch v {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(v - 0xFEE0)!)
            case 0xA0, 0x2000...0x200A, 0x3000: out.append(" ")
            default:
                if mayChangeUnderNFKC(u) { return nil }
                out.append(u)
            }
        }
        return String(scalars: out)
    }

    /// `text` in NFKC (Foundation's `precomposedStringWithCompatibilityMapping`), without
    /// calling Foundation when no scalar may change (`mayChangeUnderNFKC`) or when only
    /// full-width ASCII and spaces do (`widthFolded`).
    public static func nfkc(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mayChangeUnderNFKC) else { return text }
        return widthFolded(text) ?? text.precomposedStringWithCompatibilityMapping
    }

    /// Whether `s` is in Foundation's `CharacterSet.whitespaces` as swift-corelibs-foundation
    /// has it (checked scalar by scalar up to U+3000 by a test): general category Zs
    /// (U+0020, U+00A0, U+1680, U+2000–200A, U+202F, U+205F, U+3000), U+200B ZERO WIDTH
    /// SPACE and U+0009 TAB; line breaks are not.
    @inline(__always)
    public static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `text` without leading and trailing `isHorizontalSpace` scalars: the same string as
    /// Foundation's `trimmingCharacters(in: .whitespaces)`, without bridging; `text`
    /// itself when there is nothing to trim.
    public static func trimmingHorizontalSpace(_ text: String) -> String {
        let u = text.unicodeScalars
        guard let first = u.first, let last = u.last, isHorizontalSpace(first) || isHorizontalSpace(last) else { return text }
        guard let lo = u.firstIndex(where: { !isHorizontalSpace($0) }) else { return "" }
        let hi = u.lastIndex(where: { !isHorizontalSpace($0) })!
        return String(u[lo...hi])
    }

    /// Whether `s` extends the grapheme cluster before it (Unicode's Grapheme_Extend and
    /// SpacingMark, as far as page text meets them): combining marks (general categories
    /// Mn, Me, Mc), ZERO WIDTH NON-JOINER and JOINER, and the emoji skin-tone modifiers.
    /// `。` followed by one is not a sentence end, as `Character` comparison has it.
    public static func extendsCluster(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v == 0x200C || v == 0x200D || (0x1F3FB...0x1F3FF).contains(v) { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Zero-width characters that are no part of a word: ZERO WIDTH SPACE, NON-JOINER and
    /// JOINER (U+200B–200D), WORD JOINER (U+2060), the byte-order mark used as a zero-width
    /// no-break space (U+FEFF) and the soft hyphen (U+00AD). Field labels drop them.
    @inline(__always)
    public static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD: return true
        default: return false
        }
    }
}
