import Foundation
import SandboxSchema

/// Errors raised while reading the records file and the data files.
///
/// Every case names the file it concerns; line numbers are 1-based.
public enum StatsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, unreadable, not UTF-8).
    case unreadableFile(path: String, reason: String)
    /// A line of a records file is not a valid record (code `malformed_json` or
    /// `malformed_record`: bad JSON, missing key, wrong type, unknown label id), or repeats
    /// an earlier line's `id` (code `duplicate_id`). The diagnostic names file and line.
    case invalidRecord(Diagnostic)
    /// `published.json` or `coverage.json` does not have the expected shape, or refers to
    /// a figure id it does not define.
    case malformedDataFile(path: String, reason: String)

    /// `file[:line]: message`.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .invalidRecord(d):
            return d.code == .duplicateID ? d.description : "\(d.location): malformed record: \(d.message)"
        case let .malformedDataFile(path, reason):
            return "\(path): \(reason)"
        }
    }
}
