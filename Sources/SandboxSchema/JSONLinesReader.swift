import Foundation

/// The one JSON Lines reader: records files, gold files, prediction files.
///
/// Reads bytes: a UTF-8 byte-order mark at the start is skipped, `\r\n` and `\n` both end
/// a line, lines holding only spaces, tabs or CR are skipped (but counted), and every
/// other line gives one result — a value or a ``Diagnostic`` naming file and line — so a
/// bad line never hides the good ones.
public enum JSONLinesReader {
    /// The non-blank lines of `data`, numbered.
    public static func lines(_ data: Data) -> [JSONLine] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [JSONLine] = []
        var number = 1
        var start = 0
        func flush(_ end: Int) {
            var e = end
            if e > start, bytes[e - 1] == 0x0D { e -= 1 }
            let slice = bytes[start..<e]
            if slice.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                lines.append(JSONLine(number: number, data: Data(slice)))
            }
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            flush(index)
            number += 1
            start = index + 1
        }
        if start < bytes.count { flush(bytes.count) }
        return lines
    }

    /// Decodes every non-blank line of `data` as a `T`; `file` names the input in diagnostics.
    /// A line that is not JSON gets code `malformed_json`; one of the wrong shape
    /// `malformed_record`, with the key path in the message (`"participation": null where
    /// String expected`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) -> [(line: Int, result: Result<T, Diagnostic>)] {
        let decoder = JSONDecoder()
        return lines(data).map { line in
            do {
                return (line.number, .success(try decoder.decode(T.self, from: line.data)))
            } catch let error as DecodingError {
                let (code, message) = describe(error)
                return (line.number, .failure(Diagnostic(code: code, file: file, line: line.number, message: message)))
            } catch {
                return (line.number, .failure(Diagnostic(code: .malformedJSON, file: file, line: line.number, message: "\(error)")))
            }
        }
    }

    /// Reads the file at `url` and decodes it as ``decode(_:from:file:)`` does, naming it
    /// by `url.relativePath`.
    /// - Throws: ``SchemaError/unreadable(file:reason:)`` when the file cannot be read.
    public static func decode<T: Decodable>(_ type: T.Type, contentsOf url: URL) throws(SchemaError) -> [(line: Int, result: Result<T, Diagnostic>)] {
        decode(type, from: try read(url), file: url.relativePath)
    }

    /// Reads every line of a records file.
    /// - Throws: ``SchemaError/unreadable(file:reason:)``.
    public static func records(contentsOf url: URL) throws(SchemaError) -> [(line: Int, result: Result<LabelledRecord, Diagnostic>)] {
        try decode(LabelledRecord.self, contentsOf: url)
    }

    /// The bytes of `url`.
    /// - Throws: ``SchemaError/unreadable(file:reason:)``.
    public static func read(_ url: URL) throws(SchemaError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.relativePath, reason: error.localizedDescription)
        }
    }

    /// A decoding error as (code, one-line message naming the key path).
    package static func describe(_ error: DecodingError) -> (DiagnosticCode, String) {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, ctx):
            let at = path(ctx)
            return (.malformedRecord, "missing key \"\(at.isEmpty ? "" : at + ".")\(key.stringValue)\"")
        case let .typeMismatch(type, ctx): return (.malformedRecord, "\"\(path(ctx))\": expected \(type)")
        case let .valueNotFound(type, ctx): return (.malformedRecord, "\"\(path(ctx))\": null where \(type) expected")
        case let .dataCorrupted(ctx):
            if ctx.codingPath.isEmpty { return (.malformedJSON, "not valid JSON") }
            return (.malformedRecord, "\"\(path(ctx))\": \(ctx.debugDescription)")
        @unknown default: return (.malformedRecord, "\(error)")
        }
    }
}
