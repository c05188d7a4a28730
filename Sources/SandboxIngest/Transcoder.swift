import SandboxText

/// Converts page bytes to UTF-8 with the C library's iconv(3), replacing each invalid or
/// truncated byte sequence with U+FFFD and counting them. No code tables of our own.
public enum Transcoder {
    /// The result of a conversion.
    public struct Result: Sendable, Equatable {
        /// UTF-8 bytes.
        public let utf8: [UInt8]
        /// Invalid or incomplete input sequences replaced with U+FFFD.
        public let replaced: Int
    }

    /// An encoding iconv does not know.
    public struct UnknownEncoding: Error, Equatable, Sendable {
        /// The name given.
        public let name: String
    }

    /// Converts `bytes` from `encoding` (an iconv name: "GB18030", "BIG5", "UTF-16LE",
    /// "UTF-8" …) to UTF-8. Each byte iconv cannot convert is replaced (one U+FFFD per
    /// skipped byte run start) and counted; conversion then resumes at the next byte.
    /// - Throws: `UnknownEncoding` when iconv has no converter for `encoding`.
    public static func toUTF8(_ bytes: [UInt8], from encoding: String) throws -> Result {
        let converter: Iconv
        do { converter = try Iconv(from: encoding, to: "UTF-8") } catch { throw UnknownEncoding(name: encoding) }
        let (out, replaced) = converter.convert(bytes)
        return Result(utf8: out, replaced: replaced)
    }
}
