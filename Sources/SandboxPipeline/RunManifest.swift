import Foundation
import SandboxSchema

/// Counts and provenance of a run: `run.json`.
public struct RunManifest: Sendable, Codable {
    /// One input page.
    public struct Input: Sendable, Codable {
        /// File relative to the corpus folder.
        public let file: String
        /// SHA-256 of its bytes; nil when it could not be read.
        public let sha256: String?
        /// Records exported from it.
        public let applications: Int
        /// Whether it failed as a whole.
        public let failed: Bool
        /// Page warnings, `{code, message}`.
        public let warnings: [RecordWarning]
        /// Errors libxml2 reported while parsing (recovered from; silenced and counted).
        public let parserErrors: Int
        /// Warnings libxml2 reported while parsing.
        public let parserWarnings: Int

        enum CodingKeys: String, CodingKey {
            case file, sha256, applications, failed, warnings
            case parserErrors = "parser_errors", parserWarnings = "parser_warnings"
        }
    }
    /// Tool version.
    public let toolVersion: String
    /// `Lexicons/VERSION`.
    public let lexiconVersion: String
    /// SHA-256 over the lexicon files (see `LexiconSet.contentHash`).
    public let lexiconHash: String
    /// Inputs in file order.
    public let inputs: [Input]
    /// Pages read, pages failed, records, errors.
    public let counts: [String: Int]
    /// Wall time of the run in seconds.
    public let durationSeconds: Double

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", lexiconVersion = "lexicon_version", lexiconHash = "lexicon_hash"
        case inputs, counts
        case durationSeconds = "duration_seconds"
    }
}
