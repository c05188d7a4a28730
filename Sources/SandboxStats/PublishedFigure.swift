import Foundation
import SandboxSchema

/// One published figure: id, label, the published value(s), and how ours is computed.
public struct PublishedFigure: Codable, Hashable, Sendable {
    /// Figure id (snake_case, e.g. `applications_total`).
    public var id: String
    /// `table` for the rows of the published table, `city_ratio` for the per-city ratios.
    public var group: String
    /// Display label (en / zh).
    public var label: LocalizedText
    /// Published value(s): one for `count`, one per `definition.values` otherwise.
    public var published: [Int]
    /// How ours is computed.
    public var definition: FigureDefinition
    /// Caveat from PUBLISHED.md, if any.
    public var note: String?
}
