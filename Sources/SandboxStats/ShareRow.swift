import SandboxSchema

/// One row of a share table: `count` of `total` records, `share` = count / total (0 when total is 0).
public struct ShareRow: Codable, Hashable, Sendable {
    public var key: String
    public var total: Int
    public var count: Int
    public var share: Double
}
