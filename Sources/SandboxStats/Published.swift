import Foundation
import SandboxSchema

/// A display text in English with an optional Chinese form.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var en: String
    public var zh: String?
    public init(en: String, zh: String? = nil) { self.en = en; self.zh = zh }
}

/// Which records a figure counts. Every key present must hold (logical AND); a record
/// matching any `exclude` filter is left out. An empty filter matches every record.
///
/// JSON keys: `city`, `batch`, `batches`, `technology`, `technologies_any`, `inclusive`,
/// `primary`, `application_type`, `participation`, `exclude`.
public struct RecordFilter: Codable, Hashable, Sendable {
    public var city: String?
    public var batch: Int?
    /// Record batch is one of these.
    public var batches: [Int]?
    /// Record carries this technology id.
    public var technology: String?
    /// Record carries at least one of these technology ids (a roll-up).
    public var technologiesAny: [String]?
    public var inclusive: Bool?
    public var primary: String?
    public var applicationType: String?
    public var participation: String?
    /// Records matching any of these filters are left out.
    public var exclude: [RecordFilter]?

    enum CodingKeys: String, CodingKey {
        case city, batch, batches, technology, inclusive, primary, participation, exclude
        case technologiesAny = "technologies_any"
        case applicationType = "application_type"
    }

    public init(city: String? = nil, batch: Int? = nil, batches: [Int]? = nil, technology: String? = nil,
                technologiesAny: [String]? = nil, inclusive: Bool? = nil, primary: String? = nil,
                applicationType: String? = nil, participation: String? = nil, exclude: [RecordFilter]? = nil) {
        self.city = city; self.batch = batch; self.batches = batches; self.technology = technology
        self.technologiesAny = technologiesAny; self.inclusive = inclusive; self.primary = primary
        self.applicationType = applicationType; self.participation = participation; self.exclude = exclude
    }

    /// True when the record satisfies every condition and no `exclude` filter.
    public func matches(_ r: LabelledRecord) -> Bool {
        if let city, r.city != city { return false }
        if let batch, r.batch != batch { return false }
        if let batches, !batches.contains(r.batch) { return false }
        if let technology, !r.technologyIDs.contains(technology) { return false }
        if let technologiesAny, !technologiesAny.contains(where: r.technologyIDs.contains) { return false }
        if let inclusive, r.inclusive != inclusive { return false }
        if let primary, r.primary.rawValue != primary { return false }
        if let applicationType, r.applicationType.rawValue != applicationType { return false }
        if let participation, r.participation?.rawValue != participation { return false }
        if let exclude, exclude.contains(where: { $0.matches(r) }) { return false }
        return true
    }

    /// True when the announcement (city, batch) lies in this filter's scope, judging only
    /// the structural keys (`city`, `batch`, `batches`, `exclude`) and ignoring label keys.
    /// Used to find which missing batches can explain a shortfall.
    public func covers(city c: String, batch b: Int) -> Bool {
        if let city, city != c { return false }
        if let batch, batch != b { return false }
        if let batches, !batches.contains(b) { return false }
        if let exclude, exclude.contains(where: { $0.covers(city: c, batch: b) }) { return false }
        return true
    }

    /// True when the filter selects by city and batch only (no label condition), so that
    /// a count through it is fully determined by which announcements are present.
    public var isStructural: Bool {
        technology == nil && technologiesAny == nil && inclusive == nil && primary == nil
            && applicationType == nil && participation == nil
            && (exclude ?? []).allSatisfy(\.isStructural)
    }
}

/// How "ours" is computed for a published figure.
///
/// - `count`: number of records matching `filter`; one published value.
/// - `ratio`: among records matching `filter`, the count for each of `values` of the
///   field `of` (e.g. `application_type` → financial_service, technology_product); one
///   published value per entry of `values`.
/// - `count_by`: as `ratio`, the field named `by` (e.g. `batch` with values "1","2","3").
public struct FigureDefinition: Codable, Hashable, Sendable {
    /// `count`, `ratio` or `count_by` (see the type's documentation).
    public enum Kind: String, Codable, Sendable { case count, ratio, countBy = "count_by" }
    public var kind: Kind
    public var filter: RecordFilter
    public var of: String?
    public var by: String?
    public var values: [String]?

    public init(kind: Kind, filter: RecordFilter = .init(), of: String? = nil, by: String? = nil, values: [String]? = nil) {
        self.kind = kind; self.filter = filter; self.of = of; self.by = by; self.values = values
    }

    /// The record field a `ratio` / `count_by` breaks down by (`of` or `by`).
    public var breakdownField: String? { of ?? by }
}

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

/// An arithmetic check between published figures (PUBLISHED.md's note on consistency).
///
/// - `sum`: the published values of `parts`, added value by value (or all together when
///   `whole` has one value), against those of `whole`.
/// - `coverage`: the total published value of `figure` against the published batch sizes
///   (coverage.json) of each scope in `scopes`.
public struct ConsistencyCheck: Codable, Hashable, Sendable {
    /// `sum` or `coverage` (see the type's documentation).
    public enum Kind: String, Codable, Sendable { case sum, coverage }
    public var id: String
    public var kind: Kind
    public var parts: [String]?
    public var whole: String?
    public var figure: String?
    public var scopes: [RecordFilter]?
    public var note: LocalizedText?
}

/// The content of `published.json`: the published figures with their source.
public struct PublishedFigures: Codable, Hashable, Sendable {
    /// Who published the figures (The Paper, December 2020 news analysis …).
    public var source: String
    public var year: Int
    /// How the rows of PUBLISHED.md were counted into figures.
    public var countingRows: String?
    public var figures: [PublishedFigure]
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

func decodeJSONFile<T: Decodable>(_ url: URL) throws(StatsError) -> T {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw .unreadableFile(path: url.path, reason: error.localizedDescription)
    }
    do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
        throw .malformedDataFile(path: url.path, reason: JSONLinesReader.describe(error).1)
    } catch {
        throw .malformedDataFile(path: url.path, reason: "\(error)")
    }
}
