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

    /// White space as page text has it: ASCII spaces and line breaks, no-break space
    /// (U+00A0), ideographic space (U+3000) and the typographic spaces U+2002–200A.
    public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002...0x200A: return true
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
}
