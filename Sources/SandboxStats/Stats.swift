import Foundation
import SandboxSchema

/// Pure functions computing the published figures from records.
public enum Stats {
    /// Every published figure computed from `records`, with differences, explanations
    /// built from `coverage`, and the consistency checks of `published`.
    public static func compare(records: [LabelledRecord], published: PublishedFigures, coverage: Coverage) -> Comparison {
        Comparison(
            source: published.source,
            recordCount: records.count,
            rows: published.figures.map { evaluate($0, records: records, coverage: coverage) },
            checks: published.consistency.map { check($0, published: published, coverage: coverage) },
            coverageNotes: coverage.notes)
    }

    /// Ids of the records matching `filter`, in input order.
    public static func ids(_ records: [LabelledRecord], matching filter: RecordFilter) -> [String] {
        records.filter(filter.matches).map(\.id)
    }

    /// One figure: ours per value, differences, scope and explanation.
    public static func evaluate(_ figure: PublishedFigure, records: [LabelledRecord], coverage: Coverage) -> ComparisonRow {
        let def = figure.definition
        let matching = records.filter(def.filter.matches)
        var cells: [ComparisonCell] = []
        var others: [String: [String]] = [:]
        switch def.kind {
        case .count:
            let ids = matching.map(\.id)
            let p = figure.published.first ?? 0
            cells = [ComparisonCell(key: "count", published: p, ours: ids.count, difference: p - ids.count, ids: ids)]
        case .ratio, .countBy:
            let field = def.breakdownField ?? ""
            let values = def.values ?? []
            for (i, v) in values.enumerated() {
                let ids = matching.filter { $0.value(of: field) == v }.map(\.id)
                let p = i < figure.published.count ? figure.published[i] : 0
                cells.append(ComparisonCell(key: v, published: p, ours: ids.count, difference: p - ids.count, ids: ids))
            }
            for r in matching {
                let v = r.value(of: field) ?? "?"
                if !values.contains(v) { others[v, default: []].append(r.id) }
            }
        }
        let scope = coverage.entries(in: def.filter)
        var perBatch: [String: Int] = [:]
        for r in records { perBatch["\(r.city)/\(r.batch)", default: 0] += 1 }
        let gaps = scope.compactMap { e -> CoverageGap? in
            let n = perBatch["\(e.city)/\(e.batch)"] ?? 0
            guard e.here < e.published || n < e.here else { return nil }
            return CoverageGap(city: e.city, batch: e.batch, published: e.published, here: e.here, inRecords: n, why: e.why)
        }
        var row = ComparisonRow(
            id: figure.id, group: figure.group, label: figure.label, kind: def.kind,
            field: def.kind == .count ? nil : def.breakdownField, cells: cells, otherIds: others,
            scopePublished: scope.reduce(0) { $0 + $1.published },
            scopeHere: scope.reduce(0) { $0 + $1.here },
            scopeRecords: records.filter { def.filter.covers(city: $0.city, batch: $0.batch) }.count,
            gaps: gaps, explanation: nil, note: figure.note)
        row.explanation = explain(row, filter: def.filter, records: records)
        return row
    }

    /// Human-readable reason for a differing row, e.g.
    /// `Beijing 17 of 22: batch 3 (5) not in corpus (no public list found)`.
    static func explain(_ row: ComparisonRow, filter: RecordFilter, records: [LabelledRecord]) -> String? {
        guard row.differs else { return nil }
        let cityName = filter.city.map { Labels.en($0) }
        let exact = row.kind == .count && filter.isStructural
        var head: String
        if row.kind == .count {
            head = "\(row.cells[0].ours) of \(row.cells[0].published)"
        } else {
            head = row.cells.filter { $0.difference != 0 }.map { c in
                (row.field == "batch" ? "batch \(c.key)" : c.key) + " \(c.ours) of \(c.published)"
            }.joined(separator: ", ")
        }
        if let cityName { head = "\(cityName) " + head }
        var parts: [String] = []
        func gapName(_ g: CoverageGap) -> String {
            filter.city == nil ? "\(Labels.en(g.city)) batch \(g.batch)" : "batch \(g.batch)"
        }
        let corpusGaps = row.gaps.filter { $0.missingFromCorpus > 0 }
        let recordGaps = row.gaps.filter { $0.missingFromRecords > 0 }
        if exact || row.gaps.count == 1 {
            // Full form: every batch with its reason.
            for g in row.gaps {
                let why = g.why.map { " (\($0))" } ?? ""
                var text: String
                if g.missingFromCorpus > 0 && g.here == 0 {
                    text = "\(gapName(g)) (\(g.published)) not in corpus\(why)"
                } else if g.missingFromCorpus > 0 {
                    text = "\(gapName(g)): \(g.here) of \(g.published) in corpus\(why)"
                } else {
                    text = gapName(g)
                }
                if g.missingFromRecords > 0 {
                    text += g.missingFromCorpus > 0 ? ", " : ": "
                    text += "records hold \(g.inRecords) of the corpus's \(g.here)"
                }
                parts.append(text)
            }
        } else {
            // Compact form for label figures: the batches are the same for every such row.
            if !corpusGaps.isEmpty {
                let n = corpusGaps.reduce(0) { $0 + $1.missingFromCorpus }
                parts.append("\(n) applications in scope not in corpus ("
                    + corpusGaps.map { "\(gapName($0)): \($0.missingFromCorpus)" }.joined(separator: ", ") + ")")
            }
            if !recordGaps.isEmpty {
                let n = recordGaps.reduce(0) { $0 + $1.missingFromRecords }
                parts.append("\(n) corpus applications not in records ("
                    + recordGaps.map { "\(gapName($0)): \($0.inRecords) of \($0.here)" }.joined(separator: ", ") + ")")
            }
        }
        var otherCount = 0
        let byRecord = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (value, ids) in row.otherIds.sorted(by: { $0.key < $1.key }) {
            otherCount += ids.count
            var perBatch: [String: Int] = [:]
            var order: [String] = []
            for id in ids {
                guard let r = byRecord[id] else { continue }
                let k = "\(Labels.en(r.city)) batch \(r.batch)"
                if perBatch[k] == nil { order.append(k) }
                perBatch[k, default: 0] += 1
            }
            let where_ = order.map { "\($0): \(perBatch[$0]!)" }.joined(separator: ", ")
            parts.append("\(ids.count) with \(row.field ?? "value") \(value) (\(where_))")
        }
        let missing = row.gaps.reduce(0) { $0 + $1.missingFromCorpus + $1.missingFromRecords }
        let accountable = missing + otherCount
        let d = row.totalDifference
        var tail: String? = nil
        if d < 0 {
            tail = "ours exceeds published by \(-d)"
        } else if row.cells.contains(where: { $0.difference < 0 }) {
            tail = "values differ in both directions (net \(d)), not explained by coverage"
        } else if d > accountable {
            tail = "\(d - accountable) of the difference of \(d) not explained by coverage"
            if filter.technology != nil || filter.technologiesAny != nil {
                tail! += " (corpus technology mentions are those public summaries name: lower bounds)"
            }
        } else if d == accountable {
            if !exact && accountable > 0 { tail = "these account for the whole difference of \(d)" }
        } else {
            tail = "the difference of \(d) lies within these \(accountable)"
        }
        if let tail { parts.append(tail) }
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: "; ")
    }

    /// Runs one consistency check over the published values (not over ours).
    public static func check(_ c: ConsistencyCheck, published: PublishedFigures, coverage: Coverage) -> ConsistencyResult {
        var lines: [String] = []
        var consistent = true
        func sum(_ xs: [Int]) -> String { xs.map(String.init).joined(separator: " + ") + " = \(xs.reduce(0, +))" }
        switch c.kind {
        case .sum:
            let parts = (c.parts ?? []).compactMap { published[$0] }
            guard let whole = c.whole.flatMap({ published[$0] }) else { break }
            let arity = whole.published.count
            if arity > 1 && parts.allSatisfy({ $0.published.count == arity }) {
                let keys = whole.definition.values ?? (0..<arity).map(String.init)
                var totals: [Int] = []
                for i in 0..<arity {
                    let xs = parts.map { $0.published[i] }
                    totals.append(xs.reduce(0, +))
                    lines.append("\(keys[i]): \(sum(xs))")
                }
                let partsTotal = totals.reduce(0, +)
                let wholeTotal = whole.published.reduce(0, +)
                lines.append("parts: \(sum(totals)) applications")
                lines.append("\(whole.id): \(sum(whole.published)) applications")
                if totals != whole.published {
                    consistent = false
                    let per = (0..<arity).map { "\(keys[$0]) \(whole.published[$0]) - \(totals[$0]) = \(whole.published[$0] - totals[$0])" }
                    lines.append("gap: \(wholeTotal) - \(partsTotal) = \(wholeTotal - partsTotal) (\(per.joined(separator: ", ")))")
                }
            } else {
                let xs = parts.flatMap(\.published)
                let wholeTotal = whole.published.reduce(0, +)
                lines.append("\(parts.map(\.id).joined(separator: " + ")): \(sum(xs))")
                lines.append("\(whole.id): \(wholeTotal)")
                if xs.reduce(0, +) != wholeTotal {
                    consistent = false
                    lines.append("gap: \(wholeTotal) - \(xs.reduce(0, +)) = \(wholeTotal - xs.reduce(0, +))")
                }
            }
        case .coverage:
            guard let figure = c.figure.flatMap({ published[$0] }) else { break }
            let total = figure.published.reduce(0, +)
            lines.append("\(figure.id): \(sum(figure.published)) applications")
            func describe(_ scope: RecordFilter, _ name: String) -> (String, Int) {
                let entries = coverage.entries(in: scope)
                let n = entries.reduce(0) { $0 + $1.published }
                let terms = entries.map { "\(Labels.en($0.city)) \($0.batch) (\($0.published))" }.joined(separator: " + ")
                let verdict = n == total ? "matches" : "differs by \(n - total)"
                return ("\(name): \(terms.isEmpty ? "nothing" : terms) = \(n) published -> \(verdict)", n)
            }
            let (line, n) = describe(figure.definition.filter, "its own scope")
            lines.append(line)
            consistent = n == total
            for s in c.scopes ?? [] {
                let desc = [s.city.map { Labels.en($0) }, s.batch.map { "batch \($0)" },
                            s.batches.map { "batches " + $0.map(String.init).joined(separator: ", ") }]
                    .compactMap { $0 }.joined(separator: " ")
                lines.append(describe(s, "alternative \(desc)").0)
            }
        }
        return ConsistencyResult(id: c.id, kind: c.kind, consistent: consistent, arithmetic: lines, note: c.note?.en)
    }
}
