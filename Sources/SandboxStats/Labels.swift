import SandboxSchema

/// Canonical orders (and, from ``DisplayNames``, display names) of the ids of LABELS.md and of the cities.
///
/// Ids are the contract; names are for display only. Unknown ids are displayed as
/// themselves and sorted after the known ones, alphabetically.
public enum Labels {
    /// Cities in the order of the 2020 pilot table (coverage.json), with zh and en names.
    public static let cities = DisplayNames.cities
    /// The six business categories (LABELS.md §1).
    public static let primaries = table(Category.self)
    /// The technology tags (LABELS.md §2).
    public static let technologies = table(Technology.self)
    /// The inclusive-finance markers (LABELS.md §3).
    public static let inclusiveMarkers = table(InclusiveMarker.self)
    /// Application types and participation values (LABELS.md §4).
    public static let others = table(ApplicationType.self) + table(Participation.self)

    static func table<L: SchemaLabel>(_: L.Type) -> [(id: String, zh: String, en: String)] {
        L.allCases.map { ($0.rawValue, $0.zh, $0.en) }
    }

    /// Chinese display name of an id, or nil when unknown.
    public static func zh(_ id: String) -> String? { DisplayNames.zh(id) }
    /// English display name of an id; the id itself when unknown.
    public static func en(_ id: String) -> String { DisplayNames.en(id) }

    /// Sorts `ids` by the canonical order of `known`, unknown ids last (alphabetically),
    /// duplicates removed.
    public static func ordered(_ ids: some Sequence<String>, by known: [(id: String, zh: String, en: String)]) -> [String] {
        let rank = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($1.id, $0) })
        return Set(ids).sorted { a, b in
            switch (rank[a], rank[b]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
    }
}
