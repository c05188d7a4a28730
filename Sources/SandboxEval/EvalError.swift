import SandboxSchema

/// Errors that stop a whole file from being read or used. Line-level problems are not
/// errors but ``SandboxSchema/Diagnostic``s (see ``ReadResult/issues``).
public enum EvalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, permissions, not UTF-8 where text is required).
    case unreadable(file: String, reason: String)
    /// The file's overall structure is wrong (no CSV header, Label Studio export that is
    /// not a JSON array …); `line` is 1-based when known.
    case malformedFile(file: String, line: Int?, message: String)
    /// No format was given and none could be detected from the name or content.
    case unknownFormat(file: String)
    /// A quality-floor file is invalid; `key` names the offending key when there is one.
    case invalidFloor(file: String, key: String?, message: String)

    /// One line, `file[:line]: message`.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .malformedFile(file, line, message):
            if let line { return "\(file):\(line): \(message)" }
            return "\(file): \(message)"
        case let .unknownFormat(file):
            return "\(file): cannot tell the format (expected .jsonl, .csv or Label Studio .json); give it explicitly"
        case let .invalidFloor(file, key, message):
            if let key { return "\(file): key \"\(key)\": \(message)" }
            return "\(file): \(message)"
        }
    }
}
