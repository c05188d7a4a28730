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

    /// Creates provenance from the three versions.
    public init(toolVersion: String, lexiconVersion: String, lexiconHash: String) {
        self.toolVersion = toolVersion
        self.lexiconVersion = lexiconVersion
        self.lexiconHash = lexiconHash
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", lexiconVersion = "lexicon_version", lexiconHash = "lexicon_hash"
    }
}
