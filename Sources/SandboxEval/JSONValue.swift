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

struct JSONParseError: Error, Equatable {
    var message: String
    /// 0-based byte offset into the parsed data, when known.
    var byteOffset: Int?

    /// 1-based column in Unicode scalars of `byteOffset` within single-line `data`.
    func column(in data: Data) -> Int? {
        guard let byteOffset, byteOffset >= 0, byteOffset <= data.count else { return nil }
        return String(decoding: data.prefix(byteOffset), as: UTF8.self).unicodeScalars.count + 1
    }
}

/// Splits the bytes of a top-level JSON array into its elements without parsing them, so
/// each element (a Label Studio task) can be decoded on its own and reported with the
/// line it starts on; a broken element does not take the rest of the file with it.
enum JSONArraySplitter {
    struct Element: Equatable {
        var bytes: Range<Int>
        /// 1-based line of the element's first byte.
        var line: Int
    }

    struct Result: Equatable {
        var elements: [Element]
        /// Set when the array is not closed or has trailing content: message and line.
        var trailingProblem: (line: Int, message: String)?

        static func == (a: Result, b: Result) -> Bool {
            a.elements == b.elements && a.trailingProblem?.line == b.trailingProblem?.line
                && a.trailingProblem?.message == b.trailingProblem?.message
        }
    }

    enum SplitError: Error, Equatable {
        case notAnArray(line: Int)
    }

    static func split(_ bytes: [UInt8]) throws(SplitError) -> Result {
        var i = 0
        var line = 1
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func skipWhitespace() {
            while i < n {
                switch bytes[i] {
                case 0x0A: line += 1; i += 1
                case 0x20, 0x09, 0x0D: i += 1
                default: return
                }
            }
        }

        skipWhitespace()
        guard i < n, bytes[i] == UInt8(ascii: "[") else { throw .notAnArray(line: line) }
        i += 1
        var elements: [Element] = []
        while true {
            skipWhitespace()
            if i >= n { return Result(elements: elements, trailingProblem: (line, "JSON array is not closed")) }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                skipWhitespace()
                if i < n { return Result(elements: elements, trailingProblem: (line, "content after the closing ]")) }
                return Result(elements: elements, trailingProblem: nil)
            }
            if bytes[i] == UInt8(ascii: ",") {  // tolerate stray commas; the element count still shows
                i += 1
                continue
            }
            let start = i
            let startLine = line
            var depth = 0
            var inString = false
            scan: while i < n {
                let b = bytes[i]
                if inString {
                    if b == UInt8(ascii: "\\") { i += 2; continue }
                    if b == UInt8(ascii: "\"") { inString = false }
                    if b == 0x0A { line += 1 }
                    i += 1
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { break scan }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { break scan }
                case 0x0A: line += 1
                default: break
                }
                i += 1
            }
            var end = min(i, n)
            // Trim trailing whitespace from the element's byte range.
            while end > start, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[end - 1]) { end -= 1 }
            elements.append(Element(bytes: start..<end, line: startLine))
        }
    }
}
