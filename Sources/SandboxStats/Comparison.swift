import Foundation
import SandboxSchema

/// Published figures against ours, for the `stats` command and the report.
public struct Comparison: Codable, Hashable, Sendable {
    /// Source of the published figures (published.json `source`).
    public var source: String
    /// Number of records compared.
    public var recordCount: Int
    /// One row per published figure, in published.json order.
    public var rows: [ComparisonRow]
    /// One result per consistency check of published.json.
    public var checks: [ConsistencyResult]
    /// General caveats from coverage.json.
    public var coverageNotes: [String]

    /// Row by figure id.
    public subscript(id: String) -> ComparisonRow? { rows.first { $0.id == id } }
}
