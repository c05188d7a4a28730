import Foundation
import SandboxSchema

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
