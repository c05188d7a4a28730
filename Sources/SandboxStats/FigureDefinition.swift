import Foundation
import SandboxSchema

/// How "ours" is computed for a published figure.
///
/// - `count`: number of records matching `filter`; one published value.
/// - `ratio`: among records matching `filter`, the count for each of `values` of the
///   field `of` (e.g. `application_type` → financial_service, technology_product); one
///   published value per entry of `values`.
/// - `count_by`: as `ratio`, the field named `by` (e.g. `batch` with values "1","2","3").
public struct FigureDefinition: Codable, Hashable, Sendable {
    /// `count`, `ratio` or `count_by` (see the type's documentation).
    public enum Kind: String, Codable, Sendable { case count, ratio, countBy = "count_by" }
    /// How ours is computed.
    public var kind: Kind
    /// Which records count.
    public var filter: RecordFilter
    /// For `ratio`: the record field broken down (`application_type`).
    public var of: String?
    /// For `count_by`: the record field broken down (`batch`).
    public var by: String?
    /// For `ratio` / `count_by`: the field values, one per published value.
    public var values: [String]?

    /// Creates a definition.
    public init(kind: Kind, filter: RecordFilter = .init(), of: String? = nil, by: String? = nil, values: [String]? = nil) {
        self.kind = kind; self.filter = filter; self.of = of; self.by = by; self.values = values
    }

    /// The record field a `ratio` / `count_by` breaks down by (`of` or `by`).
    public var breakdownField: String? { of ?? by }
}
