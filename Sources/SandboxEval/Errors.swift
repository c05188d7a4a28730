import SandboxSchema

/// A problem with one line (or one task) of an input file. The offending line was
/// skipped; the rest of the file was still read.
///
/// `line` is 1-based (physical lines, counting `\n`). `column`, when known, is the 1-based
/// column in Unicode scalars on that line: CSV issues always have it; JSON Lines issues have
/// it for syntax errors whose position the JSON parser reports; other JSON issues (and
/// Label Studio tasks, which span lines) leave it `nil`. Used for gold files and
/// prediction files alike.
public struct GoldIssue: Codable, Sendable, Hashable, CustomStringConvertible {
    /// File name as given to the reader (used only in messages).
    public var file: String
    /// 1-based line number where the problem record starts.
    public var line: Int
    /// 1-based column (Unicode scalars), when the reader can tell.
    public var column: Int?
    /// What is wrong, in one sentence.
    public var message: String

    /// Memberwise initialiser.
    public init(file: String, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line[:column]: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        if let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Errors that stop a whole file from being read or used. Line-level problems are not
/// errors but ``GoldIssue``s.
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
