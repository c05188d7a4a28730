import SandboxSchema

/// A two-way table of counts: rows are values of one record field, columns of another.
///
/// For technology columns a record adds 1 to every technology it carries, so a row total
/// counts mentions, not records.
public struct CrossTab: Codable, Hashable, Sendable {
    /// `city_by_primary`, `city_by_technology`, `month_by_technology`.
    public var id: String
    /// Display title (en / zh).
    public var title: LocalizedText
    /// Row dimension (`city`, `month`) and column dimension (`primary`, `technology`).
    public var rowField: String
    /// Column dimension (`primary`, `technology`).
    public var columnField: String
    /// Row keys in display order (canonical city order, or months ascending).
    public var rowKeys: [String]
    /// Column ids: every known label id in LABELS.md order, then unknown ids seen.
    public var columnKeys: [String]
    /// `counts[r][c]` for `rowKeys[r]`, `columnKeys[c]`.
    public var counts: [[Int]]

    /// Cell by keys; 0 for unknown keys.
    public func count(row: String, column: String) -> Int {
        guard let r = rowKeys.firstIndex(of: row), let c = columnKeys.firstIndex(of: column) else { return 0 }
        return counts[r][c]
    }
    /// Sum of each row (mentions for technology columns).
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Sum of each column.
    public var columnTotals: [Int] {
        columnKeys.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
    }
}
