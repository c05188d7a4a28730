extension String {
    /// The string without leading and trailing blanks: the scalars of Unicode general
    /// category Zs, U+0009 (tab) and U+200B (zero-width space), the set
    /// `trimmingCharacters(in: .whitespaces)` removes, compared scalar by scalar as it does, but without Foundation's
    /// `CharacterSet` (a noticeable share of lexicon loading, where every term, name
    /// and heading is trimmed). Returns the string unchanged when no end is blank.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isBlank(first) && !isBlank(last) { return self }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }),
              let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[start...end])
    }
}

/// U+0009, U+200B or a space separator (Zs: U+0020, U+00A0, U+1680, U+2000–U+200A,
/// U+202F, U+205F, U+3000; the category has been this set since Unicode 6.3): exactly
/// the scalars of Foundation's `CharacterSet.whitespaces`.
@inline(__always)
func isBlank(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}
