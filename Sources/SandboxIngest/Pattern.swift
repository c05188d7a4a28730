import Foundation

/// A regular expression compiled once (NSRegularExpression; compiling per call was the
/// largest cost of page analysis). Immutable; NSRegularExpression is safe to share
/// between threads.
struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression
    var regexForCaptures: NSRegularExpression { regex }

    /// Compiles `pattern`; a bad pattern is a programming error.
    init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("bad pattern \(pattern): \(error)")
        }
    }

    /// The first match in `text[range]` (whole text when nil), as a String range.
    func firstMatch(in text: String, from start: String.Index? = nil) -> Range<String.Index>? {
        let lower = start ?? text.startIndex
        let ns = NSRange(lower..<text.endIndex, in: text)
        guard let m = regex.firstMatch(in: text, options: [], range: ns) else { return nil }
        return Range(m.range, in: text)
    }

    /// Every non-overlapping match, in order.
    func matches(in text: String) -> [Range<String.Index>] {
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, options: [], range: ns).compactMap { Range($0.range, in: text) }
    }
}

extension Pattern {
    /// The first match's capture groups (nil for a group that did not take part), or nil
    /// when nothing matches. Group 0 is the whole match.
    func captures(in text: String, from start: String.Index? = nil) -> [Range<String.Index>?]? {
        let lower = start ?? text.startIndex
        let ns = NSRange(lower..<text.endIndex, in: text)
        guard let m = regexForCaptures.firstMatch(in: text, options: [], range: ns) else { return nil }
        return (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text) }
    }

    /// Every match's capture groups, in order.
    func allCaptures(in text: String) -> [[Range<String.Index>?]] {
        let ns = NSRange(text.startIndex..<text.endIndex, in: text)
        return regexForCaptures.matches(in: text, options: [], range: ns).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text) }
        }
    }
}
