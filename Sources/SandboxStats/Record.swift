import Foundation

/// Errors raised while reading the records file and the data files.
///
/// Every case names the file it concerns; line numbers are 1-based.
public enum StatsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, unreadable, not UTF-8).
    case unreadableFile(path: String, reason: String)
    /// A line of a JSON Lines file is not a valid record (bad JSON, missing key, wrong type).
    case malformedLine(path: String, line: Int, reason: String)
    /// Two lines of a records file carry the same `id`.
    case duplicateID(path: String, line: Int, id: String, firstLine: Int)
    /// `published.json` or `coverage.json` does not have the expected shape, or refers to
    /// a figure id it does not define.
    case malformedDataFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .malformedLine(path, line, reason):
            return "\(path):\(line): malformed record: \(reason)"
        case let .duplicateID(path, line, id, firstLine):
            return "\(path):\(line): duplicate id \"\(id)\" (first on line \(firstLine))"
        case let .malformedDataFile(path, reason):
            return "\(path): \(reason)"
        }
    }
}

/// One innovation application as exported by the pipeline (one line of `records.jsonl`).
///
/// Only the keys the statistics use are decoded; any other key of the line is ignored.
/// Label values are kept as plain ids (see LABELS.md) so that an id unknown to this module
/// is still counted and shown rather than rejected.
public struct SandboxRecord: Codable, Hashable, Sendable {
    /// `<city>-<year>-b<batch>-<two-digit position>`, e.g. `beijing-2020-b1-01`.
    public var id: String
    /// City id, e.g. `beijing`, `xiongan`.
    public var city: String
    /// Batch number on the announcement (首批 = 1).
    public var batch: Int
    /// Announcement date, ISO 8601 (`2020-01-14`); optional in the file.
    public var announced: String?
    /// Application name as announced; optional in the file.
    public var name: String?
    /// One of the six KPMG business categories (`digital_credit`, `payment`, …).
    public var primary: String
    /// Technology tag ids (`big_data`, `artificial_intelligence`, …).
    public var technologies: [String]
    /// Inclusive-finance marker ids (`inclusive_finance`, `small_micro_enterprises`, …).
    public var inclusiveMarkers: [String]
    /// True when any of inclusive_finance, small_micro_enterprises, agriculture_rural is set.
    public var inclusive: Bool
    /// `financial_service`, `technology_product` or `unstated`.
    public var applicationType: String
    /// `financial_institutions_only` or `joint_with_technology_company`.
    public var participation: String

    enum CodingKeys: String, CodingKey {
        case id, city, batch, announced, name, primary, technologies, inclusive
        case inclusiveMarkers = "inclusive_markers"
        case applicationType = "application_type"
        case participation
    }

    /// Memberwise initialiser (used by tests and by callers holding records in memory).
    public init(id: String, city: String, batch: Int, announced: String? = nil, name: String? = nil,
                primary: String, technologies: [String] = [], inclusiveMarkers: [String] = [],
                inclusive: Bool = false, applicationType: String = "unstated",
                participation: String = "financial_institutions_only") {
        self.id = id; self.city = city; self.batch = batch; self.announced = announced
        self.name = name; self.primary = primary; self.technologies = technologies
        self.inclusiveMarkers = inclusiveMarkers; self.inclusive = inclusive
        self.applicationType = applicationType; self.participation = participation
    }

    /// Announcement month `YYYY-MM`, or `unknown` when `announced` is absent or not ISO 8601.
    public var month: String {
        guard let a = announced, a.utf8.count >= 7 else { return "unknown" }
        let p = Array(a.utf8.prefix(7))
        let digits = [0, 1, 2, 3, 5, 6].allSatisfy { p[$0] >= 48 && p[$0] <= 57 }
        return digits && p[4] == UInt8(ascii: "-") ? String(decoding: p, as: UTF8.self) : "unknown"
    }

    /// The value of a record field by its JSON key, as a string, for filters and breakdowns.
    ///
    /// Supported keys: `city`, `batch`, `primary`, `application_type`, `participation`,
    /// `inclusive` (`true`/`false`), `month`. Returns nil for any other key.
    public func value(of field: String) -> String? {
        switch field {
        case "city": return city
        case "batch": return String(batch)
        case "primary": return primary
        case "application_type": return applicationType
        case "participation": return participation
        case "inclusive": return inclusive ? "true" : "false"
        case "month": return month
        default: return nil
        }
    }
}

/// Reads `records.jsonl` (UTF-8 JSON Lines, one `SandboxRecord` a line; blank lines skipped).
public enum RecordsLoader {
    /// Loads and validates every line of the file at `url`.
    /// - Throws: `StatsError.unreadableFile`, `.malformedLine` (with 1-based line number),
    ///   `.duplicateID`.
    public static func load(from url: URL) throws(StatsError) -> [SandboxRecord] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try parse(data, path: url.path)
    }

    /// Parses JSON Lines bytes; `path` is only used in error messages.
    /// - Throws: as `load(from:)`.
    public static func parse(_ data: Data, path: String) throws(StatsError) -> [SandboxRecord] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not valid UTF-8")
        }
        let decoder = JSONDecoder()
        var records: [SandboxRecord] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let record: SandboxRecord
            do {
                record = try decoder.decode(SandboxRecord.self, from: Data(line.utf8))
            } catch let error as DecodingError {
                throw .malformedLine(path: path, line: lineNumber, reason: describe(error))
            } catch {
                throw .malformedLine(path: path, line: lineNumber, reason: "\(error)")
            }
            if let first = firstLine[record.id] {
                throw .duplicateID(path: path, line: lineNumber, id: record.id, firstLine: first)
            }
            firstLine[record.id] = lineNumber
            records.append(record)
        }
        return records
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, _): return "missing key \"\(key.stringValue)\""
        case let .typeMismatch(type, ctx): return "\"\(path(ctx))\": expected \(type)"
        case let .valueNotFound(type, ctx): return "\"\(path(ctx))\": null where \(type) expected"
        case let .dataCorrupted(ctx):
            return ctx.codingPath.isEmpty ? "not valid JSON" : "\"\(path(ctx))\": \(ctx.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
