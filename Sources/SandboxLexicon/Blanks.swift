import SandboxText

extension String {
    /// The string without leading and trailing blanks (`ScalarClass.isHorizontalSpace`:
    /// general category Zs, U+0009 and U+200B, exactly the set of Foundation's
    /// `trimmingCharacters(in: .whitespaces)`), without Foundation's `CharacterSet` (a
    /// noticeable share of lexicon loading, where every term, name and heading is
    /// trimmed). Returns the string unchanged when no end is blank.
    func trimmingBlanks() -> String { ScalarClass.trimmingHorizontalSpace(self) }
}
