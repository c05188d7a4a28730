import Foundation

/// Folds traditional characters to simplified ones for recognising labels and keywords
/// (ICU's Traditional-Simplified transform, character level); values keep the page's own
/// characters. One value per page, passed to every stage that reads text: a page with no
/// Han character outside GB2312 gets the identity folder and never pays for the check.
public struct ScriptFolder: Sendable {
    /// Whether folding may change anything on this page.
    public let active: Bool

    /// Checks each string (for text of unknown origin).
    public static let always = ScriptFolder(active: true)

    /// The folder for a page whose text is `pageText`: active only when the page holds a
    /// Han character outside GB2312 (`HanScript.mayHaveTraditional`).
    public init(pageText: String) { active = HanScript.mayHaveTraditional(pageText) }

    public init(active: Bool) { self.active = active }

    private static let traditionalToSimplified = StringTransform("Traditional-Simplified")

    /// `s` in simplified characters.
    public func callAsFunction(_ s: String) -> String {
        guard active, HanScript.mayHaveTraditional(s) else { return s }
        return s.applyingTransform(Self.traditionalToSimplified, reverse: false) ?? s
    }
}

