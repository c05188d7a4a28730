import Foundation
import SandboxSchema

/// An arithmetic check between published figures (PUBLISHED.md's note on consistency).
///
/// - `sum`: the published values of `parts`, added value by value (or all together when
///   `whole` has one value), against those of `whole`.
/// - `coverage`: the total published value of `figure` against the published batch sizes
///   (coverage.json) of each scope in `scopes`.
public struct ConsistencyCheck: Codable, Hashable, Sendable {
    /// `sum` or `coverage` (see the type's documentation).
    public enum Kind: String, Codable, Sendable { case sum, coverage }
    public var id: String
    public var kind: Kind
    public var parts: [String]?
    public var whole: String?
    public var figure: String?
    public var scopes: [RecordFilter]?
    public var note: LocalizedText?
}
