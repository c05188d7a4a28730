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

/// A rectangular table of strings, the common input of the text, Markdown and CSV renderers.
public struct Table: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var header: [String]
    public var rows: [[String]]
    /// Indices of columns aligned right in text output.
    public var numericColumns: [Int]

    public init(id: String, title: String, header: [String], rows: [[String]], numericColumns: [Int] = []) {
        self.id = id; self.title = title; self.header = header; self.rows = rows; self.numericColumns = numericColumns
    }
}

/// Renders `Table`s.
public enum TableRenderer {
    /// Terminal columns taken by `s`: 2 for East Asian wide characters, 0 for combining
    /// marks, 1 otherwise.
    public static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { return w }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
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

func encodeJSON<T: Encodable>(_ value: T) -> String {
    let e = JSONLinesWriter.makeEncoder(pretty: true)
    // snake_case keys, like records.jsonl and the eval report (ids are snake_case already).
    e.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain value types cannot fail; an empty object is the fallback.
    guard let data = try? e.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}

func slash(_ xs: [Int]) -> String { xs.map(String.init).joined(separator: " / ") }

func cityLabel(_ id: String) -> String { Labels.zh(id).map { "\(id) \($0)" } ?? id }

extension Comparison {
    /// The published-vs-ours table. Multi-valued figures show `a / b`. With `includeIDs`
    /// a last column lists the ids counted, values separated by ` / `.
    public func table(includeIDs: Bool = false) -> Table {
        var header = ["id", "figure", "published", "ours", "difference", "explanation"]
        if includeIDs { header.append("ids") }
        let rows = rows.map { r -> [String] in
            var row = [r.id, r.label.en, slash(r.published), slash(r.ours), slash(r.differences), r.explanation ?? ""]
            if includeIDs { row.append(r.cells.map { $0.ids.joined(separator: " ") }.joined(separator: " / ")) }
            return row
        }
        return Table(id: "published_vs_ours",
                     title: "Published figures vs ours (\(recordCount) records; published: \(source))",
                     header: header, rows: rows, numericColumns: [2, 3, 4])
    }

    /// The consistency checks as a table: id, consistent, arithmetic (lines joined by `; `).
    public func checksTable() -> Table {
        Table(id: "consistency", title: "Consistency of the published figures",
              header: ["id", "consistent", "arithmetic"],
              rows: checks.map { [$0.id, $0.consistent ? "yes" : "no", $0.arithmetic.joined(separator: "; ")] })
    }

    /// The checks as indented text lines (for text and Markdown output).
    public func checksText() -> String {
        var out = "Consistency of the published figures\n"
        for c in checks {
            out += "- \(c.id): \(c.consistent ? "consistent" : "NOT consistent")"
            if let note = c.note { out += " — \(note)" }
            out += "\n"
            for l in c.arithmetic { out += "    \(l)\n" }
        }
        return out
    }
}

extension CrossTab {
    /// Rows with a `total` column and a `total` row; row keys shown with their zh name.
    public func table() -> Table {
        let header = [rowField] + columnKeys + ["total"]
        var rows = zip(rowKeys, counts).map { key, cs in
            [rowField == "city" ? cityLabel(key) : key] + cs.map(String.init) + [String(cs.reduce(0, +))]
        }
        let ct = columnTotals
        rows.append(["total"] + ct.map(String.init) + [String(ct.reduce(0, +))])
        return Table(id: id, title: "\(title.en) (\(title.zh ?? ""))", header: header, rows: rows,
                     numericColumns: Array(1..<header.count))
    }
}

extension ShareTable {
    /// city, applications, inclusive, share (percent, one decimal).
    public func table() -> Table {
        func fmt(_ r: ShareRow) -> [String] {
            [r.key == "all" ? "all" : cityLabel(r.key), String(r.total), String(r.count), String(format: "%.1f%%", r.share * 100)]
        }
        return Table(id: id, title: "\(title.en) (\(title.zh ?? ""))", header: ["city", "applications", "inclusive", "share"],
                     rows: rows.map(fmt) + [fmt(overall)], numericColumns: [1, 2, 3])
    }
}

/// Everything the `stats` command prints: the comparison, the checks and the cross-tabs.
public struct StatsReport: Codable, Hashable, Sendable {
    /// Published figures against ours, with the consistency checks.
    public var comparison: Comparison
    /// city × primary, city × technology, month × technology.
    public var crossTabs: [CrossTab]
    /// Inclusive share per city.
    public var inclusiveShare: ShareTable

    /// Computes the comparison and all cross-tabs from the records.
    public static func make(records: [LabelledRecord], published: PublishedFigures, coverage: Coverage) -> StatsReport {
        StatsReport(comparison: Stats.compare(records: records, published: published, coverage: coverage),
                    crossTabs: CrossTabs.all(records), inclusiveShare: CrossTabs.inclusiveShareByCity(records))
    }

    /// All tables in order: published vs ours, consistency, the cross-tabs, inclusive share.
    public func tables(includeIDs: Bool) -> [Table] {
        [comparison.table(includeIDs: includeIDs), comparison.checksTable()]
            + crossTabs.map { $0.table() } + [inclusiveShare.table()]
    }

    /// The record ids behind each of our values, one line per figure cell, so a reader can
    /// check any number of the comparison table.
    public func idsText(_ format: OutputFormat) -> String {
        var lines = [format == .md ? "**Records behind ours**\n" : "Records behind ours"]
        for row in comparison.rows {
            for cell in row.cells {
                let label = row.cells.count > 1 ? "\(row.id) [\(cell.key)]" : row.id
                let ids = cell.ids.isEmpty ? "(none)" : cell.ids.joined(separator: " ")
                lines.append(format == .md ? "- `\(label)` (\(cell.ids.count)): \(ids)" : "- \(label) (\(cell.ids.count)): \(ids)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole report in one format. `json` is this value encoded (figures with ids,
    /// cells, explanations); `csv` writes each table after a `# <table id>` line, tables
    /// separated by a blank line; `text` and `md` print the checks as arithmetic lines.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return encodeJSON(self)
        case .csv:
            return tables(includeIDs: true).map { "# \($0.id)\r\n" + TableRenderer.csv($0) }.joined(separator: "\r\n")
        case .text, .md:
            var parts = [TableRenderer.render(comparison.table(), as: format), idsText(format), comparison.checksText()]
            parts += crossTabs.map { TableRenderer.render($0.table(), as: format) }
            parts.append(TableRenderer.render(inclusiveShare.table(), as: format))
            return parts.joined(separator: "\n")
        }
    }
}
