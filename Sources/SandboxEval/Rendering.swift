import Foundation
import SandboxSchema

extension EvaluationReport {
    /// Plain-text report for a terminal: header, errors, one aligned table per family
    /// (per-label precision/recall/F1/support/tp/fp/fn, then micro/macro/weighted rows),
    /// confusion matrices (columns numbered, labels in a legend), and the disagreements with
    /// their evidence. Scores to 4 decimals. Ends with a newline.
    public func renderText() -> String {
        var out: [String] = ["SandboxLens evaluation"]
        out.append("gold:        \(goldSource ?? "(in memory)") (\(goldCount) records)")
        out.append("predictions: \(predictionSource ?? "(in memory)") (\(predictionCount) records)")
        out.append("evaluated:   \(evaluatedCount) records (ids on both sides)")
        out.append("")
        let errors = errorLines()
        if errors.isEmpty {
            out.append("errors: none")
        } else {
            out.append("ERRORS")
            out += errors.map { "  " + $0 }
        }
        if goldIsSample, !onlyInPredictions.isEmpty {
            out.append("not in the gold sample (\(onlyInPredictions.count), not scored): \(onlyInPredictions.joined(separator: ", "))")
        }
        for family in families {
            out.append("")
            out.append(family.headline)
            out += TextTable.render(header: scoreHeader, rows: scoreRows(family), leftAligned: 1)
            if family.labels.contains(where: \.isAbsent) {
                out.append("(- = label neither in gold nor predicted; left out of the macro average)")
            }
            if let matrix = family.confusionMatrix {
                out.append("")
                out.append("confusion matrix (rows = gold, columns = predicted)")
                let header = [""] + matrix.labels.indices.map { "\($0 + 1)" }
                let rows = matrix.labels.enumerated().map { i, label in
                    ["\(i + 1) \(label)"] + matrix.counts[i].map(String.init)
                }
                out += TextTable.render(header: header, rows: rows, leftAligned: 1)
            }
        }
        out.append("")
        out.append("disagreements: \(disagreements.count)")
        for d in disagreements {
            out.append("")
            out.append("\(d.id)  \(d.family.rawValue)")
            out.append("  gold:      \(d.gold.isEmpty ? "-" : d.gold.joined(separator: ", "))")
            out.append("  predicted: \(d.predicted.isEmpty ? "-" : d.predicted.joined(separator: ", "))")
            for item in d.missingEvidence {
                out.append("  missing  \(item.label)" + Self.describe(item.evidence, none: "no negated evidence", prefix: "negated"))
            }
            for item in d.spuriousEvidence {
                out.append("  spurious \(item.label)" + Self.describe(item.evidence, none: "no evidence", prefix: "evidence"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// GitHub-flavoured Markdown report with the same content as ``renderText()``: tables
    /// for scores and confusion matrices, a bullet list of disagreements. Scores to 4
    /// decimals; `|` in cells is escaped.
    public func renderMarkdown() -> String {
        var out: [String] = ["# SandboxLens evaluation", ""]
        out.append("- gold: `\(goldSource ?? "(in memory)")` (\(goldCount) records)")
        out.append("- predictions: `\(predictionSource ?? "(in memory)")` (\(predictionCount) records)")
        out.append("- evaluated: \(evaluatedCount) records (ids on both sides)")
        out.append("")
        let errors = errorLines()
        out.append("## Errors")
        out.append("")
        if errors.isEmpty {
            out.append("None.")
        } else {
            out += errors.map { "- " + Self.markdownEscape($0) }
        }
        for family in families {
            out.append("")
            out.append("## \(family.family.rawValue)")
            out.append("")
            out.append(family.summary)
            out.append("")
            out += Self.markdownTable(header: scoreHeader, rows: scoreRows(family), leftAligned: 1)
            if family.labels.contains(where: \.isAbsent) {
                out.append("")
                out.append("(- = label neither in gold nor predicted; left out of the macro average)")
            }
            if let matrix = family.confusionMatrix {
                out.append("")
                out.append("Confusion matrix (rows = gold, columns = predicted):")
                out.append("")
                let rows = matrix.labels.enumerated().map { i, label in [label] + matrix.counts[i].map(String.init) }
                out += Self.markdownTable(header: ["gold \\ predicted"] + matrix.labels, rows: rows, leftAligned: 1)
            }
        }
        out.append("")
        out.append("## Disagreements (\(disagreements.count))")
        if !disagreements.isEmpty { out.append("") }
        for d in disagreements {
            let gold = d.gold.isEmpty ? "–" : d.gold.map { "`\($0)`" }.joined(separator: ", ")
            let predicted = d.predicted.isEmpty ? "–" : d.predicted.map { "`\($0)`" }.joined(separator: ", ")
            out.append("- **\(Self.markdownEscape(d.id))** · \(d.family.rawValue): gold \(gold); predicted \(predicted)")
            for item in d.missingEvidence {
                out.append("  - missing `\(item.label)`" + Self.markdownEscape(Self.describe(item.evidence, none: "no negated evidence", prefix: "negated")))
            }
            for item in d.spuriousEvidence {
                out.append("  - spurious `\(item.label)`" + Self.markdownEscape(Self.describe(item.evidence, none: "no evidence", prefix: "evidence")))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: snake_case keys, sorted, pretty-printed, slashes unescaped,
    /// full-precision numbers. UTF-8.
    /// - Throws: `EncodingError` (only for non-finite numbers, which the evaluator never makes).
    public func renderJSON() throws -> String {
        String(decoding: try Self.jsonEncoder().encode(self), as: UTF8.self)
    }

    /// The encoder ``renderJSON()`` uses: `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`.
    static func jsonEncoder() -> JSONEncoder {
        JSONLinesWriter.makeEncoder(pretty: true)
    }

    // MARK: helpers

    /// Human lines for every join problem and reader issue.
    func errorLines() -> [String] {
        var lines: [String] = []
        if !onlyInGold.isEmpty {
            lines.append("only in gold (\(onlyInGold.count)): \(onlyInGold.joined(separator: ", "))")
        }
        if !onlyInPredictions.isEmpty, !goldIsSample {
            lines.append("only in predictions (\(onlyInPredictions.count)): \(onlyInPredictions.joined(separator: ", "))")
        }
        if !duplicateGoldIds.isEmpty {
            lines.append("duplicate gold ids: \(duplicateGoldIds.joined(separator: ", "))")
        }
        if !duplicatePredictionIds.isEmpty {
            lines.append("duplicate prediction ids: \(duplicatePredictionIds.joined(separator: ", "))")
        }
        lines += issues.map(\.description)
        return lines
    }

    private var scoreHeader: [String] { ["label", "precision", "recall", "f1", "support", "tp", "fp", "fn"] }

    private func scoreRows(_ family: FamilyReport) -> [[String]] {
        // A label absent on both sides shows "-" rather than 0: it is left out of the macro
        // average, and a row of zeros would read as a failure.
        var rows = family.labels.map { s in
            s.isAbsent
                ? [s.label, "-", "-", "-", "0", "0", "0", "0"]
                : [s.label, fmt(s.precision), fmt(s.recall), fmt(s.f1), "\(s.support)", "\(s.tp)", "\(s.fp)", "\(s.fn)"]
        }
        let support = "\(family.labels.reduce(0) { $0 + $1.support })"
        for (name, avg) in [("micro avg", family.micro), ("macro avg", family.macro), ("weighted avg", family.weighted)] {
            // No label on either side: the averages are 0/0 (scikit-learn's zero_division), not 0.
            rows.append(family.f1IsUndefined
                ? [name, "undefined", "undefined", "undefined", support, "", "", ""]
                : [name, fmt(avg.precision), fmt(avg.recall), fmt(avg.f1), support, "", "", ""])
        }
        return rows
    }

    static func describe(_ evidence: [Evidence], none: String, prefix: String) -> String {
        guard !evidence.isEmpty else { return "  (\(none))" }
        // `field#section[start-end]`, as in records.csv: the section says which text the
        // offsets (Unicode scalars) index.
        let items = evidence.map { "\"\($0.term)\" \($0.field)\($0.section.map { "#\($0)" } ?? "")[\($0.start)-\($0.end)]" }
        return "  \(prefix): " + items.joined(separator: "; ")
    }

    static func markdownEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func markdownTable(header: [String], rows: [[String]], leftAligned: Int) -> [String] {
        func line(_ cells: [String]) -> String { "| " + cells.map(markdownEscape).joined(separator: " | ") + " |" }
        let rule = "|" + header.indices.map { $0 < leftAligned ? "---|" : "---:|" }.joined()
        return [line(header), rule] + rows.map(line)
    }
}

extension FamilyReport {
    /// One line naming the family and its headline metrics.
    var summary: String {
        var parts = ["\(multiLabel ? "multi-label" : "single-label"), \(records) records"]
        if let accuracy { parts.append("accuracy \(fmt(accuracy))") }
        if let exactMatch { parts.append("exact match \(fmt(exactMatch))") }
        if let hammingLoss { parts.append("Hamming loss \(fmt(hammingLoss))") }
        return parts.joined(separator: ", ")
    }

    var headline: String { "\(family.rawValue) — \(summary)" }
}

/// Formats a score to 4 decimals (`0.9565`).
func fmt(_ value: Double) -> String {
    String(format: "%.4f", value)
}

/// Aligned plain-text tables: the first `leftAligned` columns left-aligned, the rest right.
enum TextTable {
    static func render(header: [String], rows: [[String]], leftAligned: Int) -> [String] {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return all.map { row in
            (0..<columns).map { c in
                let cell = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c < leftAligned ? cell + pad : pad + cell
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
