import Foundation
import SandboxSchema

/// Output formats of the `stats` command.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal (CJK characters count two columns).
    case text
    /// GitHub-flavoured Markdown.
    case md
    /// JSON (structured, pretty-printed, keys sorted).
    case json
    /// CSV (RFC 4180; UTF-8).
    case csv
}
