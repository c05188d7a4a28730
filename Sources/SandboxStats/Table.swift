import Foundation
import SandboxSchema

/// A rectangular table of strings, the common input of the text, Markdown and CSV renderers.
public struct Table: Codable, Hashable, Sendable {
    /// Table id (snake_case), the `# <id>` line in CSV output.
    public var id: String
    /// Display title.
    public var title: String
    /// Column names.
    public var header: [String]
    /// Rows of cells, each as long as `header`.
    public var rows: [[String]]
    /// Indices of columns aligned right in text output.
    public var numericColumns: [Int]

    /// Creates a table.
    public init(id: String, title: String, header: [String], rows: [[String]], numericColumns: [Int] = []) {
        self.id = id; self.title = title; self.header = header; self.rows = rows; self.numericColumns = numericColumns
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
