/// CSV writing rules (RFC 4180) shared by `records.csv` and the statistics tables.
public enum CSV {
    /// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180 §2), doubling quotes.
    public static func quote(_ field: String) -> String {
        if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// One row: fields quoted and joined with commas (no line end).
    public static func row(_ fields: [String]) -> String { fields.map(quote).joined(separator: ",") }

    /// A whole table: rows joined and ended with `\r\n` (RFC 4180).
    public static func table(_ rows: [[String]]) -> String { rows.map(row).map { $0 + "\r\n" }.joined() }
}
