import Foundation
import SandboxSchema

/// A display text in English with an optional Chinese form.
public struct LocalizedText: Codable, Hashable, Sendable {
    /// English text.
    public var en: String
    /// Chinese text, if any.
    public var zh: String?
    /// Creates a text.
    public init(en: String, zh: String? = nil) { self.en = en; self.zh = zh }
}
