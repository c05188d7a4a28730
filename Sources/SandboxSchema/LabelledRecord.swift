/// One labelled innovation application: the exported record — one line of
/// `records.jsonl`, one row of `records.csv` — and what `eval`, `stats` and `report` read.
///
/// JSON keys are snake_case and every key is always written (`nil` as null). `id` follows
/// LABELS.md §5 (`<city>-<year>-b<batch>-<two-digit position>`) and joins with gold sets.
/// Label fields hold the LABELS.md vocabularies as types; their JSON is the id string.
public struct LabelledRecord: Sendable, Equatable, Codable {
    /// `<city>-<year>-b<batch>-<position>`.
    public var id: String
    /// Place id (gazetteer).
    public var city: String
    /// Batch number (首批 = 1).
    public var batch: Int
    /// Announcement date, ISO 8601 (`2020-01-14`).
    public var announced: String
    /// Position in the page's detailed order, 1-based.
    public var position: Int
    /// Name (Chinese where the page gives it).
    public var name: String
    /// English name, where the page gives one besides the Chinese.
    public var nameEn: String?
    /// Applicants with kinds, in page order.
    public var applicants: [Applicant]
    /// True when the page's list ends with 等 (more applicants, not named, not guessed).
    public var applicantsTruncated: Bool
    /// As the page states it; `unstated` where it does not.
    public var applicationType: ApplicationType
    /// Nil when the page names no applicant.
    public var participation: Participation?
    /// Primary business category.
    public var primary: Category
    /// Secondary business category (not scored).
    public var secondary: Category?
    /// Category scores behind `primary` (term weight × field weight, summed; non-zero only).
    public var categoryScores: [Category: Double]
    /// Technology tags, in LABELS.md order.
    public var technologies: [Technology]
    /// Inclusive-finance markers, in LABELS.md order.
    public var inclusiveMarkers: [InclusiveMarker]
    /// Any of the first three markers.
    public var inclusive: Bool
    /// Every match behind the labels (and negated ones), with field and offsets.
    public var evidence: [Evidence]
    /// The application's text sections; evidence offsets point into these.
    public var sections: [Section]
    /// Warnings about the page, then about the record.
    public var warnings: [RecordWarning]
    /// The page it came from.
    public var source: SourceInfo
    /// Tool and lexicon versions that produced the labels.
    public var provenance: Provenance

    /// Creates a record; the label lists are kept in the order given.
    public init(id: String, city: String, batch: Int, announced: String, position: Int, name: String, nameEn: String? = nil,
                applicants: [Applicant] = [], applicantsTruncated: Bool = false, applicationType: ApplicationType = .unstated,
                participation: Participation? = nil, primary: Category, secondary: Category? = nil,
                categoryScores: [Category: Double] = [:], technologies: [Technology] = [], inclusiveMarkers: [InclusiveMarker] = [],
                inclusive: Bool = false, evidence: [Evidence] = [], sections: [Section] = [], warnings: [RecordWarning] = [],
                source: SourceInfo, provenance: Provenance) {
        self.id = id
        self.city = city
        self.batch = batch
        self.announced = announced
        self.position = position
        self.name = name
        self.nameEn = nameEn
        self.applicants = applicants
        self.applicantsTruncated = applicantsTruncated
        self.applicationType = applicationType
        self.participation = participation
        self.primary = primary
        self.secondary = secondary
        self.categoryScores = categoryScores
        self.technologies = technologies
        self.inclusiveMarkers = inclusiveMarkers
        self.inclusive = inclusive
        self.evidence = evidence
        self.sections = sections
        self.warnings = warnings
        self.source = source
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case id, city, batch, announced, position, name
        case nameEn = "name_en"
        case applicants
        case applicantsTruncated = "applicants_truncated"
        case applicationType = "application_type"
        case participation, primary, secondary
        case categoryScores = "category_scores"
        case technologies
        case inclusiveMarkers = "inclusive_markers"
        case inclusive, evidence, sections, warnings, source, provenance
    }

    /// Writes `nil` optionals as JSON null so every record has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(city, forKey: .city)
        try c.encode(batch, forKey: .batch)
        try c.encode(announced, forKey: .announced)
        try c.encode(position, forKey: .position)
        try c.encode(name, forKey: .name)
        try c.encode(nameEn, forKey: .nameEn)
        try c.encode(applicants, forKey: .applicants)
        try c.encode(applicantsTruncated, forKey: .applicantsTruncated)
        try c.encode(applicationType, forKey: .applicationType)
        try c.encode(participation, forKey: .participation)
        try c.encode(primary, forKey: .primary)
        try c.encode(secondary, forKey: .secondary)
        try c.encode(categoryScores, forKey: .categoryScores)
        try c.encode(technologies, forKey: .technologies)
        try c.encode(inclusiveMarkers, forKey: .inclusiveMarkers)
        try c.encode(inclusive, forKey: .inclusive)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(sections, forKey: .sections)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(source, forKey: .source)
        try c.encode(provenance, forKey: .provenance)
    }

    /// Announcement month `YYYY-MM`, or `unknown` when `announced` is not ISO 8601.
    public var month: String {
        guard announced.utf8.count >= 7 else { return "unknown" }
        let p = Array(announced.utf8.prefix(7))
        let digits = [0, 1, 2, 3, 5, 6].allSatisfy { p[$0] >= 48 && p[$0] <= 57 }
        return digits && p[4] == UInt8(ascii: "-") ? String(decoding: p, as: UTF8.self) : "unknown"
    }

    /// The whole text `evidence` points into — `name`, `name_en`, the applicant name at
    /// `section`, or `sections[section].text` — or nil when the record has no such text
    /// (an index out of range, `name_en` absent, a section field without an index).
    public func text(of evidence: Evidence) -> String? {
        switch evidence.field {
        case .name: return name
        case .nameEn: return nameEn
        case .applicants:
            guard let i = evidence.section, applicants.indices.contains(i) else { return nil }
            return applicants[i].name
        default:
            guard let i = evidence.section, sections.indices.contains(i) else { return nil }
            return sections[i].text
        }
    }

    /// The matched span of `evidence`: Unicode scalars `start..<end` of ``text(of:)``, or
    /// nil when the text is missing or the offsets fall outside it.
    public func span(of evidence: Evidence) -> String? {
        guard let text = text(of: evidence) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard evidence.start >= 0, evidence.start <= evidence.end, evidence.end <= scalars.count else { return nil }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[evidence.start..<evidence.end])
        return String(s)
    }
}
