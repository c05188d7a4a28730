import Foundation
import SandboxSchema

/// A parsed JSON value, so readers can check shapes and report what is wrong instead of
/// failing a whole `Decodable` decode.
enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else if let o = try? c.decode([String: JSONValue].self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unsupported JSON value")
        }
    }

    /// Parses `data` as one JSON value.
    /// - Throws: ``JSONParseError`` with a short message and, when the parser says where,
    ///   the 0-based byte offset of the problem.
    static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw diagnose(data)
        }
    }

    /// JSONDecoder on Linux says only "not valid JSON"; JSONSerialization says what and
    /// where ("Invalid value around character 12."), so ask it for the diagnosis.
    private static func diagnose(_ data: Data) -> JSONParseError {
        let detail: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONParseError(message: "not valid JSON", byteOffset: nil)
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        }
        var text = detail.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        var offset: Int?
        if let range = text.range(of: " around character ", options: .backwards),
           let n = Int(text[range.upperBound...]) {
            offset = n
            text = String(text[..<range.lowerBound])
        }
        guard let first = text.first else { return JSONParseError(message: "not valid JSON", byteOffset: offset) }
        return JSONParseError(message: "not valid JSON: \(first.lowercased())\(text.dropFirst())", byteOffset: offset)
    }

    var objectValue: [String: JSONValue]? {
        if case let .object(o) = self { return o }
        return nil
    }

    var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// A string, or an integral number rendered without a fraction (ids exported by
    /// annotation tools are sometimes numbers).
    var idString: String? {
        switch self {
        case let .string(s): return s
        case let .number(d) where d.rounded() == d && abs(d) < 9.0e15: return String(Int64(d))
        default: return nil
        }
    }

    var intValue: Int? {
        if case let .number(d) = self, d.rounded() == d, abs(d) < 9.0e15 { return Int(d) }
        return nil
    }

    var isNull: Bool { self == .null }

    /// Short name of the JSON type, for messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
