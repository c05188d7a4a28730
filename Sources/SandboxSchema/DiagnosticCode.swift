/// The stable id of a ``Diagnostic`` or ``RecordWarning`` (snake_case, for scripts).
///
/// An open set with the known codes as constants rather than a closed enum: page readers
/// and lexicon checks add codes as they learn new failure modes, and a records file
/// written by a newer tool must still be readable. Encoded as the bare string.
public struct DiagnosticCode: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id (`missing_name`).
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an id literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Decodes the bare string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the bare string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
    /// The id.
    public var description: String { rawValue }

    // Page and application failures (errors.jsonl).
    /// The file or folder could not be read.
    public static let unreadable: DiagnosticCode = "unreadable"
    /// Empty file.
    public static let empty: DiagnosticCode = "empty"
    /// Binary content (PDF, image, archive …), not HTML.
    public static let binary: DiagnosticCode = "binary"
    /// Over the size limit.
    public static let tooLarge: DiagnosticCode = "too_large"
    /// libxml2 produced no usable document.
    public static let parse: DiagnosticCode = "parse"
    /// No place, batch or date for the record ids.
    public static let missingMetadata: DiagnosticCode = "missing_metadata"
    /// One application without a name (its siblings are kept).
    public static let missingName: DiagnosticCode = "missing_name"
    /// A record id given twice; the later one is dropped.
    public static let duplicateID: DiagnosticCode = "duplicate_id"

    // Page and record warnings.
    /// The page holds no application.
    public static let noApplications: DiagnosticCode = "no_applications"
    /// The introduction declares another number of applications than the page holds.
    public static let declaredCountMismatch: DiagnosticCode = "declared_count_mismatch"
    /// The page's bytes are UTF-8 but it declares another charset.
    public static let charsetConflict: DiagnosticCode = "charset_conflict"
    /// The page declares a charset iconv does not know.
    public static let unknownCharset: DiagnosticCode = "unknown_charset"
    /// Invalid byte sequences were replaced with U+FFFD.
    public static let invalidBytes: DiagnosticCode = "invalid_bytes"
    /// NUL bytes (which end libxml2's text) were replaced with U+FFFD.
    public static let nulBytes: DiagnosticCode = "nul_bytes"
    /// libxml2 dropped part of the page.
    public static let parserDroppedContent: DiagnosticCode = "parser_dropped_content"
    /// A heading that introduces no application.
    public static let nonApplicationHeading: DiagnosticCode = "non_application_heading"
    /// A numbered title in prose with no text or applicants under it.
    public static let emptyTitle: DiagnosticCode = "empty_title"
    /// Units after the last application beyond the number its siblings each end with
    /// (a newsletter's next section, a re-post's closing lines): left out of it.
    public static let trailingText: DiagnosticCode = "trailing_text"
    /// A summary table's continuation row.
    public static let summaryContinuation: DiagnosticCode = "summary_continuation"
    /// No category term found; `primary` defaulted.
    public static let noCategoryEvidence: DiagnosticCode = "no_category_evidence"
    /// The page names no applicant; `participation` left empty.
    public static let noApplicants: DiagnosticCode = "no_applicants"
    /// A warning given as free text, without a code.
    public static let warning: DiagnosticCode = "warning"

    // Records, gold sets and other input files.
    /// A line that is not valid JSON, or not a JSON object.
    public static let malformedJSON: DiagnosticCode = "malformed_json"
    /// A line that is JSON but not a record of the expected shape (missing key, wrong type).
    public static let malformedRecord: DiagnosticCode = "malformed_record"
    /// A label id LABELS.md does not define.
    public static let unknownLabel: DiagnosticCode = "unknown_label"
    /// Input that is not valid UTF-8.
    public static let invalidUTF8: DiagnosticCode = "invalid_utf8"
}
