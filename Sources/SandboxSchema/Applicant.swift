/// An applicant with its kind (LABELS.md §4) and the term that decided it.
///
/// JSON: `{"name", "kind", "term"}`; `term` is null when no applicant-kind term matched
/// (kind `other`).
public struct Applicant: Sendable, Equatable, Hashable, Codable {
    /// The applicant's name as on the page.
    public let name: String
    /// Its kind.
    public let kind: ApplicantKind
    /// The applicant-kind lexicon term that decided the kind; nil when none matched.
    public let term: String?

    /// Creates an applicant.
    public init(name: String, kind: ApplicantKind, term: String?) {
        self.name = name
        self.kind = kind
        self.term = term
    }

    enum CodingKeys: String, CodingKey { case name, kind, term }

    /// Writes a missing term as JSON null, so every applicant has every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(term, forKey: .term)
    }
}
