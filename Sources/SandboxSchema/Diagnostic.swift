/// One problem found in the input — a page or application that failed, a page or record
/// warning, a malformed line of a gold or records file — with where it is and what it is.
///
/// The one shape of `errors.jsonl`, of `classify`'s stderr and of gold-file issues:
/// `{"code", "severity", "location": {"file", "line"?, "column"?}, "message"}`.
/// Problems that stop a command are not diagnostics but each module's error enum.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Something was lost: a page, an application, a line.
        case error
        /// Everything was kept, but a reader should know.
        case warning
    }

    /// Where a diagnostic points: a file, and within it a 1-based line and column when known.
    public struct Location: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
        /// The file as given (relative to the corpus folder in batch runs; `-` for stdin).
        public let file: String
        /// 1-based line (counting `\n`), when known.
        public let line: Int?
        /// 1-based column in Unicode scalars on that line, when known.
        public let column: Int?

        /// Creates a location.
        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = column
        }

        /// `file[:line[:column]]`, the shape compilers use, so editors can jump to it.
        public var description: String {
            var s = file
            if let line {
                s += ":\(line)"
                if let column { s += ":\(column)" }
            }
            return s
        }
    }

    /// Stable id for scripts.
    public let code: DiagnosticCode
    /// Error or warning.
    public let severity: Severity
    /// Where.
    public let location: Location
    /// One-line explanation.
    public let message: String

    /// Creates a diagnostic.
    public init(code: DiagnosticCode, severity: Severity = .error, location: Location, message: String) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// Creates a diagnostic for `file` (optionally a line and column of it).
    public init(code: DiagnosticCode, severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil,
                message: String) {
        self.init(code: code, severity: severity, location: Location(file: file, line: line, column: column), message: message)
    }

    /// `file[:line[:column]]: message`.
    public var description: String { "\(location): \(message)" }
}
