/// What stops an export: a file that cannot be written, or a record that cannot be built.
public enum ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `path` could not be created, written or renamed into place.
    case write(path: String, message: String)
    /// Another process holds the lock on the output folder `path` (a run writing it now).
    case locked(path: String)
    /// The classifier gave a label id that LABELS.md does not define (a lexicon that
    /// escaped validation): `family` names the record key.
    case unknownLabel(recordID: String, family: String, id: String)

    /// `path: message`, or the record and the unknown id.
    public var description: String {
        switch self {
        case let .write(path, message): return "\(path): \(message)"
        case let .locked(path):
            return "\(path): another sandboxlens run is writing this output folder (it holds the lock); wait for it to end or choose another --output"
        case let .unknownLabel(recordID, family, id): return "\(recordID): unknown \(family) label \"\(id)\""
        }
    }
}
