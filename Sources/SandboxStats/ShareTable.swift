import SandboxSchema

/// Share of records meeting a condition per row key, with an overall row.
public struct ShareTable: Codable, Hashable, Sendable {
    /// Table id (`inclusive_share_by_city`).
    public var id: String
    /// Display title (en / zh).
    public var title: LocalizedText
    /// One row per city, canonical order.
    public var rows: [ShareRow]
    /// All records together (key `all`).
    public var overall: ShareRow
}
