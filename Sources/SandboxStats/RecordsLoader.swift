import Foundation
import SandboxSchema

/// Reads `records.jsonl` into ``LabelledRecord``s with the one JSON Lines reader
/// (``JSONLinesReader``); callers holding records in memory pass them to ``Stats`` directly.
public enum RecordsLoader {
    /// Loads and validates every line of the file at `url`.
    /// - Throws: `StatsError.unreadableFile`, `.invalidRecord` (the first bad line, 1-based).
    public static func load(from url: URL) throws(StatsError) -> [LabelledRecord] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try parse(data, path: url.path)
    }

    /// Parses JSON Lines bytes; `path` is only used in error messages.
    /// - Throws: as `load(from:)`.
    public static func parse(_ data: Data, path: String) throws(StatsError) -> [LabelledRecord] {
        guard String(data: data, encoding: .utf8) != nil else {
            throw .unreadableFile(path: path, reason: "not valid UTF-8")
        }
        var records: [LabelledRecord] = []
        var firstLine = FirstOccurrence<Int>()
        for (lineNumber, result) in JSONLinesReader.decode(LabelledRecord.self, from: data, file: path) {
            let record: LabelledRecord
            switch result {
            case let .success(r): record = r
            case let .failure(d): throw .invalidRecord(d)
            }
            if let first = firstLine.claim(record.id, at: lineNumber) {
                throw .invalidRecord(Diagnostic(code: .duplicateID, file: path, line: lineNumber,
                                                message: "duplicate id \"\(record.id)\" (first on line \(first))"))
            }
            records.append(record)
        }
        return records
    }
}
