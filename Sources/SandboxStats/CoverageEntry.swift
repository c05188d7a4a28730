import Foundation

/// One announcement (city, batch) of the 2020 pilot: how many applications were published
/// and how many the corpus holds.
public struct CoverageEntry: Codable, Hashable, Sendable {
    /// City id (`beijing`).
    public var city: String
    /// Chinese city name (`city_zh`).
    public var cityZh: String?
    /// Batch number (首批 = 1).
    public var batch: Int
    /// Announcement date, ISO 8601.
    public var announced: String?
    /// Applications the announcement declares (the published record).
    public var published: Int
    /// Applications the corpus holds (0 when the page is absent).
    public var here: Int
    /// Corpus page, relative to the corpus folder; nil when absent.
    public var file: String?
    /// Why applications are missing; nil when none are.
    public var why: String?

    enum CodingKeys: String, CodingKey {
        case city, batch, announced, published, here, file, why
        case cityZh = "city_zh"
    }

    /// Creates an entry.
    public init(city: String, cityZh: String? = nil, batch: Int, announced: String? = nil,
                published: Int, here: Int, file: String? = nil, why: String? = nil) {
        self.city = city; self.cityZh = cityZh; self.batch = batch; self.announced = announced
        self.published = published; self.here = here; self.file = file; self.why = why
    }

    /// Applications published but not in the corpus (`published - here`, never negative).
    public var missing: Int { max(0, published - here) }
}
