import Foundation
import SandboxSchema

/// One published figure: id, label, the published value(s), and how ours is computed.
public struct PublishedFigure: Codable, Hashable, Sendable {
    public var id: String
    /// `table` for the rows of the published table, `city_ratio` for the per-city ratios.
    public var group: String
    public var label: LocalizedText
    /// Published value(s): one for `count`, one per `definition.values` otherwise.
    public var published: [Int]
    public var definition: FigureDefinition
    public var note: String?
}
