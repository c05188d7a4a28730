import Foundation
import SandboxSchema
import SandboxText

/// Renders `Table`s.
public enum TableRenderer {
    /// Terminal columns taken by `s`: 2 for East Asian wide characters, 0 for combining
    /// marks, 1 otherwise.
    public static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ScalarClass.displayWidth($1) }
    }

    /// Aligned columns separated by two spaces, a dashed rule under the header; the title
    /// on the first line. The last column is not padded.
    public static func text(_ t: Table) -> String {
        let all = [t.header] + t.rows
        let n = t.header.count
        var widths = Array(repeating: 0, count: n)
        for r in all { for (i, c) in r.prefix(n).enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
        func line(_ r: [String]) -> String {
            var out = ""
            for i in 0..<n {
                let c = i < r.count ? r[i] : ""
                let pad = String(repeating: " ", count: widths[i] - displayWidth(c))
                if i > 0 { out += "  " }
                if t.numericColumns.contains(i) { out += pad + c } else { out += i == n - 1 ? c : c + pad }
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var lines = [t.title, line(t.header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += t.rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table under a `###` heading; `|` and newlines in cells are escaped.
    public static func markdown(_ t: Table) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var lines = ["### \(cell(t.title))", "", "| " + t.header.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + t.header.indices.map { t.numericColumns.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|")
        lines += t.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV: header line then rows; fields quoted when they hold a comma, quote, CR or LF.
    public static func csv(_ t: Table) -> String {
        CSV.table([t.header] + t.rows)
    }

    /// JSON array of objects keyed by header, values as strings.
    public static func json(_ t: Table) -> String {
        let objects = t.rows.map { r in Dictionary(uniqueKeysWithValues: t.header.enumerated().map { ($1, $0 < r.count ? r[$0] : "") }) }
        return encodeJSON(objects)
    }

    /// Renders one table in the given format.
    public static func render(_ t: Table, as format: OutputFormat) -> String {
        switch format {
        case .text: return text(t)
        case .md: return markdown(t)
        case .csv: return csv(t)
        case .json: return json(t)
        }
    }
}
