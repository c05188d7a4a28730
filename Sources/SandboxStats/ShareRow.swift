import SandboxSchema

/// One row of a share table: `count` of `total` records, `share` = count / total (0 when total is 0).
public struct ShareRow: Codable, Hashable, Sendable {
    /// Row key (a city id, or `all`).
    public var key: String
    /// Records in the row.
    public var total: Int
    /// Records meeting the condition.
    public var count: Int
    /// `count / total`, 0 for an empty row.
    public var share: Double
}
