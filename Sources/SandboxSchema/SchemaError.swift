/// What stops reading a schema file at all (line-level problems are ``Diagnostic``s).
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, permissions).
    case unreadable(file: String, reason: String)

    /// `file: cannot read: reason`.
    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read: \(reason)"
        }
    }
}
