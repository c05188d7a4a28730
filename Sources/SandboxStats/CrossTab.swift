import SandboxSchema
/// A two-way table of counts: rows are values of one record field, columns of another.
///
/// For technology columns a record adds 1 to every technology it carries, so a row total
/// counts mentions, not records.
public struct CrossTab: Codable, Hashable, Sendable {
    /// `city_by_primary`, `city_by_technology`, `month_by_technology`.
    public var id: String
    /// Display title (en / zh).
    public var title: LocalizedText
    /// Row dimension (`city`, `month`) and column dimension (`primary`, `technology`).
    public var rowField: String
    public var columnField: String
    /// Row keys in display order (canonical city order, or months ascending).
    public var rowKeys: [String]
    /// Column ids: every known label id in LABELS.md order, then unknown ids seen.
    public var columnKeys: [String]
    /// `counts[r][c]` for `rowKeys[r]`, `columnKeys[c]`.
    public var counts: [[Int]]

    /// Cell by keys; 0 for unknown keys.
    public func count(row: String, column: String) -> Int {
        guard let r = rowKeys.firstIndex(of: row), let c = columnKeys.firstIndex(of: column) else { return 0 }
        return counts[r][c]
    }
    /// Sum of each row (mentions for technology columns).
    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    /// Sum of each column.
    public var columnTotals: [Int] {
        columnKeys.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
    }
}

/// One row of a share table: `count` of `total` records, `share` = count / total (0 when total is 0).
public struct ShareRow: Codable, Hashable, Sendable {
    public var key: String
    public var total: Int
    public var count: Int
    public var share: Double
}

/// Share of records meeting a condition per row key, with an overall row.
public struct ShareTable: Codable, Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var rows: [ShareRow]
    /// All records together (key `all`).
    public var overall: ShareRow
}

/// Cross-tabulations of the records.
public enum CrossTabs {
    /// Cities present in the records, in the canonical order.
    public static func cities(_ records: [LabelledRecord]) -> [String] {
        Labels.ordered(records.map(\.city), by: Labels.cities)
    }

    /// City × primary category (one count per record). Columns: the six categories,
    /// then any unknown category found.
    public static func cityByPrimary(_ records: [LabelledRecord]) -> CrossTab {
        let cols = Labels.ordered(Labels.primaries.map(\.id) + records.map(\.primary.rawValue), by: Labels.primaries)
        return tabulate(id: "city_by_primary", title: .init(en: "applications by city and primary category", zh: "各城市业务类别"),
                        rowField: "city", columnField: "primary", rows: cities(records), columns: cols, records: records,
                        row: { $0.city }, columns: { [$0.primary.rawValue] })
    }

    /// City × technology (mentions). Columns: the 13 technology ids, then unknown ones.
    public static func cityByTechnology(_ records: [LabelledRecord]) -> CrossTab {
        let cols = Labels.ordered(Labels.technologies.map(\.id) + records.flatMap(\.technologyIDs), by: Labels.technologies)
        return tabulate(id: "city_by_technology", title: .init(en: "technology mentions by city", zh: "各城市技术运用"),
                        rowField: "city", columnField: "technology", rows: cities(records), columns: cols, records: records,
                        row: { $0.city }, columns: { $0.technologyIDs })
    }

    /// Announcement month (`YYYY-MM`, ascending; `unknown` last) × technology (mentions).
    public static func monthByTechnology(_ records: [LabelledRecord]) -> CrossTab {
        let cols = Labels.ordered(Labels.technologies.map(\.id) + records.flatMap(\.technologyIDs), by: Labels.technologies)
        let months = Set(records.map(\.month)).sorted { a, b in
            a == "unknown" ? false : (b == "unknown" ? true : a < b)
        }
        return tabulate(id: "month_by_technology", title: .init(en: "technology mentions by announcement month", zh: "各月份技术运用"),
                        rowField: "month", columnField: "technology", rows: months, columns: cols, records: records,
                        row: { $0.month }, columns: { $0.technologyIDs })
    }

    /// Per city: records with `inclusive` true, of all records, and the share.
    public static func inclusiveShareByCity(_ records: [LabelledRecord]) -> ShareTable {
        func row(_ key: String, _ rs: [LabelledRecord]) -> ShareRow {
            let n = rs.filter(\.inclusive).count
            return ShareRow(key: key, total: rs.count, count: n, share: rs.isEmpty ? 0 : Double(n) / Double(rs.count))
        }
        return ShareTable(id: "inclusive_share_by_city", title: .init(en: "inclusive share by city", zh: "各城市普惠占比"),
                          rows: cities(records).map { c in row(c, records.filter { $0.city == c }) },
                          overall: row("all", records))
    }

    /// The three cross-tabs in report order.
    public static func all(_ records: [LabelledRecord]) -> [CrossTab] {
        [cityByPrimary(records), cityByTechnology(records), monthByTechnology(records)]
    }

    static func tabulate(id: String, title: LocalizedText, rowField: String, columnField: String,
                         rows: [String], columns: [String], records: [LabelledRecord],
                         row: (LabelledRecord) -> String, columns keysOf: (LabelledRecord) -> [String]) -> CrossTab {
        let ri = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        let ci = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: columns.count), count: rows.count)
        for r in records {
            guard let i = ri[row(r)] else { continue }
            for k in Set(keysOf(r)) { if let j = ci[k] { counts[i][j] += 1 } }
        }
        return CrossTab(id: id, title: title, rowField: rowField, columnField: columnField,
                        rowKeys: rows, columnKeys: columns, counts: counts)
    }
}
