import Foundation
import SandboxSchema

/// The result of one `ConsistencyCheck` over the published figures.
public struct ConsistencyResult: Codable, Hashable, Sendable {
    /// The check id.
    public var id: String
    /// `sum` or `coverage`.
    public var kind: ConsistencyCheck.Kind
    /// True when the published figures agree with each other.
    public var consistent: Bool
    /// The arithmetic, one line each, e.g. `financial_service: 5 + 6 + … = 30`.
    public var arithmetic: [String]
    /// The check's English note, if any.
    public var note: String?
}
