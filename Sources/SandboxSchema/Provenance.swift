/// Which tool and lexicons produced a record.
///
/// JSON: `{"tool_version", "lexicon_version", "lexicon_hash"}`.
public struct Provenance: Sendable, Equatable, Hashable, Codable {
    /// Version of sandboxlens.
    public let toolVersion: String
    /// `Lexicons/VERSION`.
    public let lexiconVersion: String
    /// SHA-256 over the lexicon files (lowercase hex).
    public let lexiconHash: String
    /// The lexicon folder the labels came from, as given (`--lexicons`, or `Lexicons` for
    /// the project folder's) or, for the lexicons installed with the tool, its absolute
    /// path; nil in records written before issue 11.
    public let lexiconFolder: String?

    /// Creates provenance from the three versions and the lexicon folder.
    public init(toolVersion: String, lexiconVersion: String, lexiconHash: String, lexiconFolder: String? = nil) {
        self.toolVersion = toolVersion
        self.lexiconVersion = lexiconVersion
        self.lexiconHash = lexiconHash
        self.lexiconFolder = lexiconFolder
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", lexiconVersion = "lexicon_version", lexiconHash = "lexicon_hash"
        case lexiconFolder = "lexicon_folder"
    }
}
