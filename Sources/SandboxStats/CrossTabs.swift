import SandboxSchema

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
