import Foundation
import SandboxText

/// A regular expression compiled once (NSRegularExpression; compiling per call was the
/// largest cost of page analysis). Immutable; NSRegularExpression is safe to share
/// between threads.
///
/// A pattern may declare literals a match cannot do without (`requires`): each inner list
/// is a set of alternatives of which the text must hold one. Texts without them are
/// answered "no match" by a byte search, without bridging the text to NSString and running
/// ICU (the regex engine cost ~4 % of page analysis on texts that could never match). The
/// declaration is the pattern author's promise; `PatternTests` checks the declared
/// patterns against texts with and without their literals.
struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression
    var regexForCaptures: NSRegularExpression { regex }
    /// Literals a match needs: every group must have one of its strings in the text.
    let requires: [[String]]
    private let caseInsensitive: Bool

    /// Compiles `pattern`; a bad pattern is a programming error. `requires` as above; with
    /// `caseInsensitive`, its strings are in lowercase: their ASCII letters are found in any case,
    /// other scalars (caseless ones: brackets, Han) as they are.
    init(_ pattern: String, caseInsensitive: Bool = false, requires: [[String]] = []) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("bad pattern \(pattern): \(error)")
        }
        self.requires = requires
        self.caseInsensitive = caseInsensitive
        if caseInsensitive {
            precondition(requires.joined().allSatisfy { $0.utf8.allSatisfy { !($0 >= 0x41 && $0 <= 0x5A) } },
                         "a case-insensitive pattern's required literals are in lowercase")
        }
    }

    /// False when `text` lacks one of the required literals, so that no match is possible.
    @inline(__always)
    func mayMatch(_ text: String) -> Bool {
        if requires.isEmpty { return true }
        if caseInsensitive {
            // ICU folds case fully: ſ (U+017F) matches s, K (U+212A) k, İ (U+0130) i. Text
            // holding one of them is left to the regex.
            if ByteSearch.contains(text, "\u{17F}") || ByteSearch.contains(text, "\u{212A}") || ByteSearch.contains(text, "\u{130}") { return true }
            return requires.allSatisfy { group in group.contains { ByteSearch.containsASCIICaseInsensitive(text, $0) } }
        }
        return requires.allSatisfy { group in group.contains { ByteSearch.contains(text, $0) } }
    }

    /// The first match in `text[range]` (whole text when nil), as a String range.
    func firstMatch(in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        guard mayMatch(text) else { return nil }
        let lower = start ?? text.startIndex
        let ns = NSRange(lower..<text.endIndex, in: text)
        guard let m = regex.firstMatch(in: text, options: [], range: ns) else { return nil }
        return Range(m.range, in: text)
    }

    /// Every non-overlapping match, in order.
    func matches(in text: String) -> [Range<String.Index>] {
        guard mayMatch(text) else { return [] }
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, options: [], range: ns).compactMap { Range($0.range, in: text) }
    }
}

extension Pattern {
    /// The first match's capture groups (nil for a group that did not take part), or nil
    /// when nothing matches. Group 0 is the whole match.
    func captures(in text: String, from start: String.Index? = nil) -> [Range<String.Index>?]? {
        guard mayMatch(text) else { return nil }
        let lower = start ?? text.startIndex
        let ns = NSRange(lower..<text.endIndex, in: text)
        guard let m = regexForCaptures.firstMatch(in: text, options: [], range: ns) else { return nil }
        return (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text) }
    }

    /// Every match's capture groups, in order.
    func allCaptures(in text: String) -> [[Range<String.Index>?]] {
        guard mayMatch(text) else { return [] }
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regexForCaptures.matches(in: text, options: [], range: ns).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text) }
        }
    }
}
