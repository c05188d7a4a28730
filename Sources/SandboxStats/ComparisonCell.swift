import Foundation
import SandboxSchema

/// One value of a figure: published against ours.
public struct ComparisonCell: Codable, Hashable, Sendable {
    /// `count` for a count figure; otherwise the breakdown value (`financial_service`, `1`, …).
    public var key: String
    /// The published value.
    public var published: Int
    /// Our value, counted from the records.
    public var ours: Int
    /// `published - ours` (positive: ours falls short).
    public var difference: Int
    /// Ids of the records counted in `ours`, in file order.
    public var ids: [String]
}
