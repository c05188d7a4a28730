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
    /// Check id.
    public var id: String
    /// `sum` or `coverage`.
    public var kind: Kind
    /// For `sum`: the figure ids added up.
    public var parts: [String]?
    /// For `sum`: the figure id the parts should add up to.
    public var whole: String?
    /// For `coverage`: the figure id set against the batch sizes.
    public var figure: String?
    /// For `coverage`: the city/batch scopes whose published batch sizes are added.
    public var scopes: [RecordFilter]?
    /// Display note (en / zh), if any.
    public var note: LocalizedText?
}
