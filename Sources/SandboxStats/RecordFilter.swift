import Foundation
import SandboxSchema

/// Which records a figure counts. Every key present must hold (logical AND); a record
/// matching any `exclude` filter is left out. An empty filter matches every record.
///
/// JSON keys: `city`, `batch`, `batches`, `technology`, `technologies_any`, `inclusive`,
/// `primary`, `application_type`, `participation`, `exclude`.
public struct RecordFilter: Codable, Hashable, Sendable {
    /// Record city is this id.
    public var city: String?
    /// Record batch is this number.
    public var batch: Int?
    /// Record batch is one of these.
    public var batches: [Int]?
    /// Record carries this technology id.
    public var technology: String?
    /// Record carries at least one of these technology ids (a roll-up).
    public var technologiesAny: [String]?
    /// Record `inclusive` is this value.
    public var inclusive: Bool?
    /// Record primary category is this id.
    public var primary: String?
    /// Record `application_type` is this id.
    public var applicationType: String?
    /// Record `participation` is this id (a record without applicants matches none).
    public var participation: String?
    /// Records matching any of these filters are left out.
    public var exclude: [RecordFilter]?

    enum CodingKeys: String, CodingKey {
        case city, batch, batches, technology, inclusive, primary, participation, exclude
        case technologiesAny = "technologies_any"
        case applicationType = "application_type"
    }

    /// Creates a filter; every key left nil is no condition.
    public init(city: String? = nil, batch: Int? = nil, batches: [Int]? = nil, technology: String? = nil,
                technologiesAny: [String]? = nil, inclusive: Bool? = nil, primary: String? = nil,
                applicationType: String? = nil, participation: String? = nil, exclude: [RecordFilter]? = nil) {
        self.city = city; self.batch = batch; self.batches = batches; self.technology = technology
        self.technologiesAny = technologiesAny; self.inclusive = inclusive; self.primary = primary
        self.applicationType = applicationType; self.participation = participation; self.exclude = exclude
    }

    /// True when the record satisfies every condition and no `exclude` filter.
    public func matches(_ r: LabelledRecord) -> Bool {
        if let city, r.city != city { return false }
        if let batch, r.batch != batch { return false }
        if let batches, !batches.contains(r.batch) { return false }
        if let technology, !r.technologyIDs.contains(technology) { return false }
        if let technologiesAny, !technologiesAny.contains(where: r.technologyIDs.contains) { return false }
        if let inclusive, r.inclusive != inclusive { return false }
        if let primary, r.primary.rawValue != primary { return false }
        if let applicationType, r.applicationType.rawValue != applicationType { return false }
        if let participation, r.participation?.rawValue != participation { return false }
        if let exclude, exclude.contains(where: { $0.matches(r) }) { return false }
        return true
    }

    /// True when the announcement (city, batch) lies in this filter's scope, judging only
    /// the structural keys (`city`, `batch`, `batches`, `exclude`) and ignoring label keys.
    /// Used to find which missing batches can explain a shortfall.
    public func covers(city c: String, batch b: Int) -> Bool {
        if let city, city != c { return false }
        if let batch, batch != b { return false }
        if let batches, !batches.contains(b) { return false }
        if let exclude, exclude.contains(where: { $0.covers(city: c, batch: b) }) { return false }
        return true
    }

    /// True when the filter selects by city and batch only (no label condition), so that
    /// a count through it is fully determined by which announcements are present.
    public var isStructural: Bool {
        technology == nil && technologiesAny == nil && inclusive == nil && primary == nil
            && applicationType == nil && participation == nil
            && (exclude ?? []).allSatisfy(\.isStructural)
    }
}
