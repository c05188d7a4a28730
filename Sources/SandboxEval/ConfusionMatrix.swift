import SandboxSchema

/// Counts of gold value (rows) against predicted value (columns) for a single-label family.
///
/// `labels` is the family's label order (6 for `primary`), followed — only when they occur —
/// by ids outside the scheme (sorted) and by ``ConfusionMatrix/noLabel`` for records
/// without a value. `counts[g][p]` is the number of records with gold `labels[g]` and
/// prediction `labels[p]`; it is `labels.count × labels.count`.
public struct ConfusionMatrix: Codable, Sendable, Hashable {
    /// Row/column name used for "no value" (`nil`) on either side.
    public static let noLabel = "(none)"
    /// Row and column labels, in order.
    public var labels: [String]
    /// `counts[goldIndex][predictedIndex]`, record counts.
    public var counts: [[Int]]

    /// Memberwise initialiser; `counts` must be square with side `labels.count`.
    public init(labels: [String], counts: [[Int]]) {
        self.labels = labels
        self.counts = counts
    }

    /// Records with gold `gold` and prediction `predicted` (`nil` = no value); 0 for a
    /// label that is not in the matrix.
    public subscript(gold gold: String?, predicted predicted: String?) -> Int {
        guard let g = labels.firstIndex(of: gold ?? Self.noLabel),
              let p = labels.firstIndex(of: predicted ?? Self.noLabel) else { return 0 }
        return counts[g][p]
    }

    /// Sum of the diagonal (records where gold equals prediction).
    public var correct: Int { labels.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// Sum of all cells (records).
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
}
