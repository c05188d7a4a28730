import Foundation
import SandboxSchema

/// One published figure computed from the records.
public struct ComparisonRow: Codable, Hashable, Sendable {
    /// The figure id (`published.json`).
    public var id: String
    /// `table` or `city_ratio` (as the figure).
    public var group: String
    /// Display label (en / zh).
    public var label: LocalizedText
    /// How ours is computed.
    public var kind: FigureDefinition.Kind
    /// Breakdown field for `ratio` / `count_by`; nil for `count`.
    public var field: String?
    /// One cell per published value, in published order.
    public var cells: [ComparisonCell]
    /// Records in the filter whose breakdown value is not one of the figure's values
    /// (e.g. `application_type` = `unstated`), by that value; empty for `count`.
    public var otherIds: [String: [String]]
    /// Sum of published batch sizes in the filter's city/batch scope (coverage.json).
    public var scopePublished: Int
    /// Sum of corpus batch sizes in the scope (coverage.json).
    public var scopeHere: Int
    /// Records whose city and batch lie in the scope (label conditions ignored).
    public var scopeRecords: Int
    /// Batches in scope that are missing in whole or part, from the corpus or the records.
    public var gaps: [CoverageGap]
    /// Why ours differs, built from the gaps and the breakdown; nil when no cell differs.
    public var explanation: String?
    /// The figure's note from `published.json`, if any.
    public var note: String?

    /// Published values, one per cell.
    public var published: [Int] { cells.map(\.published) }
    /// Our values, one per cell.
    public var ours: [Int] { cells.map(\.ours) }
    /// published − ours, one per cell.
    public var differences: [Int] { cells.map(\.difference) }
    /// Sum of the cells' differences.
    public var totalDifference: Int { cells.reduce(0) { $0 + $1.difference } }
    /// True when any cell differs from the published value.
    public var differs: Bool { cells.contains { $0.difference != 0 } }
}
