import Foundation
import SandboxSchema

/// A display text in English with an optional Chinese form.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var en: String
    public var zh: String?
    public init(en: String, zh: String? = nil) { self.en = en; self.zh = zh }
}
