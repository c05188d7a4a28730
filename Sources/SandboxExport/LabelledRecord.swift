import Foundation
import SandboxClassify
import SandboxIngest
import SandboxLexicon

/// Where a record came from.
public struct SourceInfo: Sendable, Equatable, Codable {
    /// The page file, relative to the corpus folder (or as given on the command line).
    public let file: String
    /// SHA-256 of the page's bytes (lowercase hex).
    public let sha256: String
    /// Charset the page declares, lowercase; nil when none.
    public let declaredEncoding: String?
    /// Encoding the page was decoded with.
    public let usedEncoding: String

    enum CodingKeys: String, CodingKey {
        case file, sha256
        case declaredEncoding = "declared_encoding"
        case usedEncoding = "used_encoding"
    }

    /// Writes a missing declared charset as JSON null, so every record has every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(declaredEncoding, forKey: .declaredEncoding)
        try c.encode(usedEncoding, forKey: .usedEncoding)
    }
}

/// Which tool and lexicons produced a record.
public struct Provenance: Sendable, Equatable, Codable {
    /// Version of sandboxlens.
    public let toolVersion: String
    /// `Lexicons/VERSION`.
    public let lexiconVersion: String
    /// SHA-256 over the lexicon files (`LexiconSet.contentHash`).
    public let lexiconHash: String

    /// Creates provenance from the three versions.
    public init(toolVersion: String, lexiconVersion: String, lexiconHash: String) {
        self.toolVersion = toolVersion
        self.lexiconVersion = lexiconVersion
        self.lexiconHash = lexiconHash
    }

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", lexiconVersion = "lexicon_version", lexiconHash = "lexicon_hash"
    }
}

/// One labelled innovation application: the exported record (one JSON Lines line, one
/// CSV row). Keys are snake_case; `id` follows LABELS.md §5 and joins with gold sets.
public struct LabelledRecord: Sendable, Equatable, Codable {
    /// `<city>-<year>-b<batch>-<position>`.
    public let id: String
    /// Place id (gazetteer).
    public let city: String
    /// Batch number.
    public let batch: Int
    /// Announcement date, ISO 8601.
    public let announced: String
    /// Position in the page's detailed order, 1-based.
    public let position: Int
    /// Name (Chinese where the page gives it).
    public let name: String
    /// English name, where the page gives one besides the Chinese.
    public let nameEn: String?
    /// Applicants with kinds, in page order.
    public let applicants: [LabelledApplicant]
    /// True when the page's list ends with 等 (more applicants, not named, not guessed).
    public let applicantsTruncated: Bool
    /// `financial_service`, `technology_product` or `unstated`.
    public let applicationType: String
    /// `financial_institutions_only` / `joint_with_technology_company`; nil without applicants.
    public let participation: String?
    /// Primary business category.
    public let primary: String
    /// Secondary business category (not scored).
    public let secondary: String?
    /// Category scores behind `primary`.
    public let categoryScores: [String: Double]
    /// Technology tags (LABELS.md order).
    public let technologies: [String]
    /// Inclusive-finance markers (LABELS.md order).
    public let inclusiveMarkers: [String]
    /// Any of the first three markers.
    public let inclusive: Bool
    /// Every match behind the labels (and negated ones), with field and offsets.
    public let evidence: [Evidence]
    /// The application's text sections; evidence offsets point into these.
    public let sections: [Section]
    /// Warnings about the page or the record.
    public let warnings: [String]
    /// Provenance of the page.
    public let source: SourceInfo
    /// Tool and lexicon versions that produced the labels.
    public let provenance: Provenance

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
    public func encode(to encoder: Encoder) throws {
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

    /// Builds the record of application `app` of page `page` with its `labels`.
    /// Returns nil when the page lacks what the id needs (city, date, batch).
    public init?(page: PageInfo, app: ApplicationRecord, labels: Labels, provenance: Provenance) {
        guard let id = page.recordID(position: app.position), let city = page.city, let batch = page.batch,
              let announced = page.announced else { return nil }
        self.id = id
        self.city = city
        self.batch = batch
        self.announced = announced
        self.position = app.position
        self.name = app.name
        self.nameEn = app.nameEnglish
        self.applicants = labels.applicants
        self.applicantsTruncated = app.applicantsTruncated
        self.applicationType = app.applicationType
        self.participation = labels.participation
        self.primary = labels.primary
        self.secondary = labels.secondary
        self.categoryScores = labels.categoryScores
        self.technologies = labels.technologies
        self.inclusiveMarkers = labels.inclusiveMarkers
        self.inclusive = labels.inclusive
        self.evidence = labels.evidence
        self.sections = app.sections
        self.warnings = page.warnings + labels.warnings
        self.source = SourceInfo(file: page.file, sha256: page.sha256, declaredEncoding: page.encoding.declared,
                                 usedEncoding: page.encoding.used)
        self.provenance = provenance
    }
}
