/// A warning about a page or a record, as exported in `warnings`: `{"code", "message"}`.
///
/// Codes are the ``DiagnosticCode`` ids (`declared_count_mismatch`, `charset_conflict`,
/// `no_category_evidence`, `no_applicants`, …).
public struct RecordWarning: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Stable id for scripts.
    public let code: DiagnosticCode
    /// One-line explanation for people.
    public let message: String

    /// Creates a warning.
    public init(code: DiagnosticCode, message: String) {
        self.code = code
        self.message = message
    }

    /// Parses the `code: message` form page readers produce; a string without a
    /// `snake_case:` prefix becomes code `warning` with the whole string as message.
    package init(parsing text: String) {
        if let colon = text.range(of: ": "), !text[..<colon.lowerBound].isEmpty,
           text[..<colon.lowerBound].unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
            self.init(code: DiagnosticCode(rawValue: String(text[..<colon.lowerBound])), message: String(text[colon.upperBound...]))
        } else {
            self.init(code: .warning, message: text)
        }
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
