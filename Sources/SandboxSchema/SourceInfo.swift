/// Where a record came from.
///
/// JSON: `{"file", "sha256", "declared_encoding", "used_encoding"}`; `declared_encoding`
/// is null when the page declares none.
public struct SourceInfo: Sendable, Equatable, Hashable, Codable {
    /// The page file, relative to the corpus folder (or as given on the command line).
    public let file: String
    /// SHA-256 of the page's bytes (lowercase hex).
    public let sha256: String
    /// Charset the page declares, lowercase; nil when none.
    public let declaredEncoding: String?
    /// Encoding the page was decoded with.
    public let usedEncoding: String

    /// Creates source information.
    public init(file: String, sha256: String, declaredEncoding: String?, usedEncoding: String) {
        self.file = file
        self.sha256 = sha256
        self.declaredEncoding = declaredEncoding
        self.usedEncoding = usedEncoding
    }

    enum CodingKeys: String, CodingKey {
        case file, sha256
        case declaredEncoding = "declared_encoding"
        case usedEncoding = "used_encoding"
    }

    /// Writes a missing declared charset as JSON null, so every record has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(declaredEncoding, forKey: .declaredEncoding)
        try c.encode(usedEncoding, forKey: .usedEncoding)
    }
}
