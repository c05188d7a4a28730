import Foundation
import SandboxSchema

/// The content of `published.json`: the published figures with their source.
public struct PublishedFigures: Codable, Hashable, Sendable {
    /// Who published the figures (The Paper, December 2020 news analysis …).
    public var source: String
    /// Pilot year of the figures.
    public var year: Int
    /// How the rows of PUBLISHED.md were counted into figures.
    public var countingRows: String?
    /// The figures, in PUBLISHED.md order.
    public var figures: [PublishedFigure]
    /// Arithmetic checks between the figures.
    public var consistency: [ConsistencyCheck]

    enum CodingKeys: String, CodingKey {
        case source, year, figures, consistency
        case countingRows = "counting_rows"
    }

    /// Figure by id.
    public subscript(id: String) -> PublishedFigure? { figures.first { $0.id == id } }

    /// Loads and validates `published.json`.
    /// - Throws: `StatsError.unreadableFile`, `.malformedDataFile` (bad JSON, a definition
    ///   whose value count does not match its published values, an unknown breakdown
    ///   field, a duplicate figure id, a check naming an unknown figure).
    public static func load(from url: URL) throws(StatsError) -> PublishedFigures {
        let figures: PublishedFigures = try decodeJSONFile(url)
        try figures.validate(path: url.path)
        return figures
    }

    /// Checks the invariants listed under `load(from:)`; `path` is used in the error.
    public func validate(path: String) throws(StatsError) {
        var seen = Set<String>()
        let fields: Set<String> = ["city", "batch", "primary", "application_type", "participation", "inclusive", "month"]
        for f in figures {
            guard seen.insert(f.id).inserted else { throw .malformedDataFile(path: path, reason: "duplicate figure id \(f.id)") }
            switch f.definition.kind {
            case .count:
                if f.published.count != 1 {
                    throw .malformedDataFile(path: path, reason: "figure \(f.id): a count has one published value")
                }
            case .ratio, .countBy:
                guard let field = f.definition.breakdownField, fields.contains(field) else {
                    throw .malformedDataFile(path: path, reason: "figure \(f.id): unknown or missing breakdown field")
                }
                guard let values = f.definition.values, values.count == f.published.count else {
                    throw .malformedDataFile(path: path, reason: "figure \(f.id): values and published differ in length")
                }
            }
        }
        for c in consistency {
            for ref in (c.parts ?? []) + [c.whole, c.figure].compactMap({ $0 }) where !seen.contains(ref) {
                throw .malformedDataFile(path: path, reason: "check \(c.id): unknown figure \(ref)")
            }
        }
    }
}
