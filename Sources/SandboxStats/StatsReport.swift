import Foundation
import SandboxSchema

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
