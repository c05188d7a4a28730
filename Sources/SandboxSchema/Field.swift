/// A field of an application whose text is matched and that evidence points into: `name`,
/// `name_en`, `applicants`, or a section's canonical field (`function`, `technology`,
/// `effect`, `channel`, `risk_control`, `description`).
///
/// An open set, not an enum: section fields are the keys of `Lexicons/fields.yaml`, which
/// researchers may extend without touching the program. Encoded as its raw string.
public struct Field: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The field key as written in records (`risk_control`).
    public let rawValue: String
    /// Wraps a field key.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a field key.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Wraps a field key literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// Decodes the bare string.
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    /// Encodes the bare string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
    /// The raw key.
    public var description: String { rawValue }
    /// Alphabetical by key.
    public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }

    /// The record's `name`.
    public static let name: Field = "name"
    /// The record's `name_en`.
    public static let nameEn: Field = "name_en"
    /// An applicant's name (`Evidence.section` is the applicant's index).
    public static let applicants: Field = "applicants"
    /// 功能描述.
    public static let function: Field = "function"
    /// 技术应用.
    public static let technology: Field = "technology"
    /// 预期效果.
    public static let effect: Field = "effect"
    /// 服务渠道.
    public static let channel: Field = "channel"
    /// 风险防控 (weighs 0 for categories).
    public static let riskControl: Field = "risk_control"
    /// Text under an application that no heading introduces.
    public static let description: Field = "description"
}
