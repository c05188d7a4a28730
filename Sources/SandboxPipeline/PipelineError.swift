/// What stops a pipeline run before any page is read.
public enum PipelineError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The corpus folder is missing, not a folder, unreadable, or holds no `.html`/`.htm`
    /// page; `path` is the folder's standardised path.
    case corpus(path: String, message: String)

    /// `path: message`.
    public var description: String {
        switch self {
        case let .corpus(path, message): return "\(path): \(message)"
        }
    }
}
