import SandboxSchema

/// Share of records meeting a condition per row key, with an overall row.
public struct ShareTable: Codable, Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var rows: [ShareRow]
    /// All records together (key `all`).
    public var overall: ShareRow
}
