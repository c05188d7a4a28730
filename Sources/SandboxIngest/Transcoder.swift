#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Converts `bytes` from `encoding` (an iconv name: "GB18030", "BIG5", "UTF-16LE",
    /// "UTF-8" …) to UTF-8. Each byte iconv cannot convert is replaced (one U+FFFD per
    /// skipped byte run start) and counted; conversion then resumes at the next byte.
    /// - Throws: `UnknownEncoding` when iconv has no converter for `encoding`.
    public static func toUTF8(_ bytes: [UInt8], from encoding: String) throws -> Result {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { throw UnknownEncoding(name: encoding) }
        defer { iconv_close(cd) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2 + 16)
        var replaced = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes.map { CChar(bitPattern: $0) }
        var offset = 0
        var lastWasReplacement = false
        input.withUnsafeMutableBufferPointer { inBuf in
            chunk.withUnsafeMutableBufferPointer { outBuf in
                while offset < inBuf.count {
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress! + offset
                    var inLeft = inBuf.count - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let err = rc == -1 ? errno : 0
                    let produced = outBuf.count - outLeft
                    if produced > 0 {
                        out.append(contentsOf: outBuf[0..<produced])
                        lastWasReplacement = false
                    }
                    offset = inBuf.count - inLeft
                    if rc != -1 { break }
                    switch err {
                    case E2BIG:
                        continue  // output chunk full: go round again
                    case EILSEQ, EINVAL:
                        // Invalid (or, at the end, incomplete) sequence: replace, skip a byte.
                        if !lastWasReplacement { out.append(contentsOf: replacement) }
                        lastWasReplacement = true
                        replaced += 1
                        offset += 1
                    default:
                        replaced += inLeft
                        out.append(contentsOf: replacement)
                        offset = inBuf.count
                    }
                }
            }
        }
        return Result(utf8: out, replaced: replaced)
    }
}
