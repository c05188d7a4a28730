import SandboxSchema

/// The scored fields of one record — a gold annotation, or a pipeline prediction taken
/// from an exported ``SandboxSchema/LabelledRecord`` (``init(_:)``).
///
/// Records join on `id` (`<city>-<year>-b<batch>-<NN>`, LABELS.md §5). Single-label
/// families are `String?` (`nil` = no value given); multi-label families are sets
/// (empty = no label). `evidence` is `nil` for gold and for predictions written without it.
///
/// Codable shape: the LABELS.md §5 keys (`id`, `primary`, `technologies`,
/// `inclusive_markers`, `application_type`, `participation`, optional `evidence`); sets are
/// encoded as sorted arrays, and missing or `null` keys decode as `nil` / empty.
public struct GoldRecord: Codable, Sendable, Hashable {
    /// Record id, the join key.
    public var id: String
    /// Business category id (LabelScheme.primary), or `nil`.
    public var primary: String?
    /// Technology tag ids (LabelScheme.technologies).
    public var technologies: Set<String>
    /// Inclusive-finance marker ids (LabelScheme.inclusiveMarkers).
    public var inclusiveMarkers: Set<String>
    /// `financial_service`, `technology_product` or `unstated`, or `nil`.
    public var applicationType: String?
    /// `financial_institutions_only` or `joint_with_technology_company`, or `nil`.
    public var participation: String?
    /// The prediction's evidence, in file order; `nil` for gold.
    public var evidence: [Evidence]?

    /// Memberwise initialiser; every label field defaults to "no label".
    public init(
        id: String,
        primary: String? = nil,
        technologies: Set<String> = [],
        inclusiveMarkers: Set<String> = [],
        applicationType: String? = nil,
        participation: String? = nil,
        evidence: [Evidence]? = nil
    ) {
        self.id = id
        self.primary = primary
        self.technologies = technologies
        self.inclusiveMarkers = inclusiveMarkers
        self.applicationType = applicationType
        self.participation = participation
        self.evidence = evidence
    }

    /// The scored fields of an exported record (evidence included), ids as strings.
    public init(_ record: LabelledRecord) {
        self.init(id: record.id, primary: record.primary.rawValue, technologies: Set(record.technologies.map(\.rawValue)),
                  inclusiveMarkers: Set(record.inclusiveMarkers.map(\.rawValue)), applicationType: record.applicationType.rawValue,
                  participation: record.participation?.rawValue, evidence: record.evidence)
    }

    /// The labels of `family` as a set (0 or 1 element for single-label families).
    public func labels(for family: ScoredFamily) -> Set<String> {
        switch family {
        case .primary: return primary.map { [$0] } ?? []
        case .technologies: return technologies
        case .inclusiveMarkers: return inclusiveMarkers
        case .applicationType: return applicationType.map { [$0] } ?? []
        case .participation: return participation.map { [$0] } ?? []
        }
    }

    /// The value of a single-label family (`nil` for multi-label families or no value).
    public func singleLabel(for family: ScoredFamily) -> String? {
        switch family {
        case .primary: return primary
        case .applicationType: return applicationType
        case .participation: return participation
        case .technologies, .inclusiveMarkers: return nil
        }
    }

    /// Sets the labels of `family`; for a single-label family the set must hold at most one
    /// id (an arbitrary one is kept otherwise — readers reject such input before this).
    mutating func setLabels(_ labels: Set<String>, for family: ScoredFamily) {
        switch family {
        case .primary: primary = labels.min()
        case .technologies: technologies = labels
        case .inclusiveMarkers: inclusiveMarkers = labels
        case .applicationType: applicationType = labels.min()
        case .participation: participation = labels.min()
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, primary, technologies, participation, evidence
        case inclusiveMarkers = "inclusive_markers"
        case applicationType = "application_type"
    }

    /// Decodes the LABELS.md §5 shape; missing or `null` label keys mean "no label".
    /// - Throws: `DecodingError` when `id` is missing or a field has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        primary = try c.decodeIfPresent(String.self, forKey: .primary)
        technologies = try c.decodeIfPresent(Set<String>.self, forKey: .technologies) ?? []
        inclusiveMarkers = try c.decodeIfPresent(Set<String>.self, forKey: .inclusiveMarkers) ?? []
        applicationType = try c.decodeIfPresent(String.self, forKey: .applicationType)
        participation = try c.decodeIfPresent(String.self, forKey: .participation)
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence)
    }

    /// Encodes the LABELS.md §5 shape with sets as sorted arrays (deterministic output).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(primary, forKey: .primary)
        try c.encode(technologies.sorted(), forKey: .technologies)
        try c.encode(inclusiveMarkers.sorted(), forKey: .inclusiveMarkers)
        try c.encode(applicationType, forKey: .applicationType)
        try c.encode(participation, forKey: .participation)
        try c.encodeIfPresent(evidence, forKey: .evidence)
    }
}
