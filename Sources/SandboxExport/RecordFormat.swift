import Foundation
import SandboxSchema

/// Serialisations of labelled records. Output is deterministic: sorted JSON keys, records
/// in the order given (the pipeline's: input file order, then page order), UTF-8 without BOM.
public enum RecordFormat {
    /// One compact JSON object per line (``JSONLinesWriter``).
    /// - Throws: `EncodingError` if a value cannot be encoded (non-finite number).
    public static func jsonLines<T: Encodable>(_ items: [T]) throws -> Data {
        try JSONLinesWriter.encode(items)
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "id", "city", "batch", "announced", "position", "name", "name_en", "applicants", "applicant_kinds",
        "applicants_truncated", "application_type", "participation", "primary", "secondary", "technologies",
        "inclusive_markers", "inclusive", "evidence", "warnings", "source_file", "source_sha256",
        "declared_encoding", "used_encoding",
    ]

    /// RFC 4180 CSV (``CSV``), one row per record, `\r\n` line ends, list fields joined with
    /// `;`, evidence written as `label=term@field#section[start-end]` (negated ones prefixed
    /// `!`), warnings as `code: message`.
    public static func csv(_ records: [LabelledRecord]) -> Data {
        Data(CSV.table([csvColumns] + records.map(csvFields)).utf8)
    }

    /// The header line of ``csv(_:)``, `\r\n` included.
    public static var csvHeader: Data { Data(CSV.table([csvColumns]).utf8) }

    /// The CSV lines of `records` without the header (for files written a page at a time):
    /// `csvHeader + csvRows(a) + csvRows(b)` equals `csv(a + b)`.
    public static func csvRows(_ records: [LabelledRecord]) -> Data {
        Data(CSV.table(records.map(csvFields)).utf8)
    }

    /// One record's CSV fields, in ``csvColumns`` order.
    static func csvFields(_ r: LabelledRecord) -> [String] {
            let evidence = r.evidence.map { e in
                "\(e.negated ? "!" : "")\(e.label)=\(e.term)@\(e.field)\(e.section.map { "#\($0)" } ?? "")[\(e.start)-\(e.end)]"
            }
            return [
                r.id, r.city, String(r.batch), r.announced, String(r.position), r.name, r.nameEn ?? "",
                r.applicants.map(\.name).joined(separator: ";"), r.applicants.map(\.kind.rawValue).joined(separator: ";"),
                r.applicantsTruncated ? "true" : "false", r.applicationType.rawValue, r.participation?.rawValue ?? "",
                r.primary.rawValue, r.secondary?.rawValue ?? "", r.technologies.map(\.rawValue).joined(separator: ";"),
                r.inclusiveMarkers.map(\.rawValue).joined(separator: ";"), r.inclusive ? "true" : "false",
                evidence.joined(separator: ";"), r.warnings.map(\.description).joined(separator: ";"),
                r.source.file, r.source.sha256, r.source.declaredEncoding ?? "", r.source.usedEncoding,
            ]
    }
}
