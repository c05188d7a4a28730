/// A closed vocabulary of LABELS.md: an enum whose raw values are the label ids exactly as
/// LABELS.md writes them (so the JSON of records and gold sets is the id string), in the
/// guideline's order (`allCases`), with display names from ``DisplayNames``.
public protocol SchemaLabel: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, Comparable
where RawValue == String, AllCases == [Self] {}

extension SchemaLabel {
    /// The LABELS.md id (`big_data`, `digital_credit`, …).
    public var id: String { rawValue }
    /// Chinese display name (LABELS.md's zh column, shortened to one term).
    public var zh: String { DisplayNames.zh(rawValue) ?? rawValue }
    /// English display name.
    public var en: String { DisplayNames.en(rawValue) }
    /// Position in LABELS.md's order (0-based).
    public var order: Int { Self.allCases.firstIndex(of: self) ?? Int.max }
    /// Orders by LABELS.md's order, not alphabetically.
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
    /// Every id of the vocabulary, in LABELS.md's order.
    public static var ids: [String] { allCases.map(\.rawValue) }
}
