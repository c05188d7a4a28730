import Foundation

/// The one JSON writer set-up of the tool. Output is deterministic: keys sorted, slashes
/// and non-ASCII unescaped, `\n` line ends, UTF-8 without BOM.
public enum JSONLinesWriter {
    /// One compact JSON object per line, each line ended by `\n`.
    /// - Throws: `EncodingError` if a value cannot be encoded (a non-finite number).
    public static func encode<T: Encodable>(_ items: [T]) throws -> Data {
        let encoder = makeEncoder(pretty: false)
        var out = Data()
        for item in items {
            out.append(try encoder.encode(item))
            out.append(0x0A)
        }
        return out
    }

    /// One indented JSON document ended by `\n` (run manifests, reports).
    /// - Throws: `EncodingError` as ``encode(_:)``.
    public static func encodePretty<T: Encodable>(_ value: T) throws -> Data {
        var out = try makeEncoder(pretty: true).encode(value)
        out.append(0x0A)
        return out
    }

    /// The encoder behind both: sorted keys, unescaped slashes, optionally indented.
    package static func makeEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
