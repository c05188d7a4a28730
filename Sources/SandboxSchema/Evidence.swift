/// Why a label was given (or, when `negated`, why a term did not give one).
///
/// JSON: `{"label","term","field","section","start","end","negated"}` (`section` left out
/// for `name` and `name_en`). `start` and `end` are a half-open range in **Unicode
/// scalars** of the field's text: `name` → the record's `name`; `name_en` → `name_en`;
/// `applicants` → the applicant name at index `section`; any other field →
/// `sections[section].text` (see ``LabelledRecord/text(of:)``).
public struct Evidence: Sendable, Equatable, Hashable, Codable {
    /// The label the term is evidence for: a LABELS.md id of any family (a
    /// family-prefixed id such as `technologies:big_data` is accepted by evaluation).
    public let label: String
    /// The lexicon term as written in the lexicon file.
    public let term: String
    /// Field key (`name`, `name_en`, `applicants`, `function`, `risk_control`, …).
    public let field: Field
    /// Index into the record's `sections` (or `applicants`) that holds the text; nil for
    /// `name` and `name_en`.
    public let section: Int?
    /// Start, in Unicode scalars of the field text.
    public let start: Int
    /// End (exclusive), in Unicode scalars of the field text.
    public let end: Int
    /// True when a negation cue governs the term: recorded, gives no label.
    public let negated: Bool

    /// Creates evidence; offsets in Unicode scalars of the field text.
    public init(label: String, term: String, field: Field, section: Int? = nil, start: Int, end: Int, negated: Bool = false) {
        self.label = label
        self.term = term
        self.field = field
        self.section = section
        self.start = start
        self.end = end
        self.negated = negated
    }

    enum CodingKeys: String, CodingKey { case label, term, field, section, start, end, negated }

    /// Decodes the shape above; a missing `section` is nil and a missing `negated` false.
    /// - Throws: `DecodingError` when a key is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(label: try c.decode(String.self, forKey: .label), term: try c.decode(String.self, forKey: .term),
                  field: try c.decode(Field.self, forKey: .field), section: try c.decodeIfPresent(Int.self, forKey: .section),
                  start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
                  negated: try c.decodeIfPresent(Bool.self, forKey: .negated) ?? false)
    }

    /// Creates evidence for a field given by its key (the classifier's field strings).
    package init(label: String, term: String, field: String, section: Int?, start: Int, end: Int, negated: Bool) {
        self.init(label: label, term: term, field: Field(field), section: section, start: start, end: end, negated: negated)
    }
}
