/// One section of an application's text, as the page gives it.
///
/// JSON: `{"field", "heading", "text"}`.
public struct Section: Sendable, Equatable, Hashable, Codable {
    /// Canonical field key from `Lexicons/fields.yaml` (`function`, `technology`,
    /// `effect`, `channel`, `risk_control`, …), or `description` for text under an
    /// application that no heading introduces.
    public let field: String
    /// The heading as written on the page (e.g. 功能描述); empty when none.
    public let heading: String
    /// The section text (cleaned; evidence offsets count Unicode scalars of this text).
    public let text: String

    /// Creates a section.
    public init(field: String, heading: String, text: String) {
        self.field = field
        self.heading = heading
        self.text = text
    }

    /// Creates a section for a known field.
    public init(field: Field, heading: String, text: String) {
        self.init(field: field.rawValue, heading: heading, text: text)
    }
}
