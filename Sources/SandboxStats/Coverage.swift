import Foundation

/// The content of `coverage.json` (the main repo's `Corpus/coverage.json`).
public struct Coverage: Codable, Hashable, Sendable {
    /// Pilot year the entries cover (2020).
    public var year: Int
    /// Where the published batch sizes come from.
    public var source: String
    /// General caveats (e.g. technology mentions are lower bounds).
    public var notes: [String]
    /// One entry per announcement (city, batch).
    public var entries: [CoverageEntry]

    /// Creates coverage data (tests and callers holding it in memory).
    public init(year: Int, source: String, notes: [String] = [], entries: [CoverageEntry]) {
        self.year = year; self.source = source; self.notes = notes; self.entries = entries
    }

    /// Entries whose (city, batch) lies in the structural scope of `filter`.
    public func entries(in filter: RecordFilter) -> [CoverageEntry] {
        entries.filter { filter.covers(city: $0.city, batch: $0.batch) }
    }

    /// Entry for a city and batch.
    public func entry(city: String, batch: Int) -> CoverageEntry? {
        entries.first { $0.city == city && $0.batch == batch }
    }

    /// Loads `coverage.json`.
    /// - Throws: `StatsError.unreadableFile`, `.malformedDataFile` (bad JSON, a duplicate
    ///   city and batch, `here` greater than `published` or negative counts).
    public static func load(from url: URL) throws(StatsError) -> Coverage {
        let coverage: Coverage = try decodeJSONFile(url)
        var seen = Set<String>()
        for e in coverage.entries {
            guard seen.insert("\(e.city)/\(e.batch)").inserted else {
                throw .malformedDataFile(path: url.path, reason: "duplicate entry \(e.city) batch \(e.batch)")
            }
            guard e.here >= 0, e.published >= e.here else {
                throw .malformedDataFile(path: url.path, reason: "entry \(e.city) batch \(e.batch): need 0 <= here <= published")
            }
        }
        return coverage
    }
}
