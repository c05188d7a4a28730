#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One iconv(3) conversion descriptor, owned: opened by `init`, closed by `deinit`. Not
/// `Sendable` (iconv keeps shift state): make one per conversion or per thread.
public final class Iconv {
    /// An encoding iconv does not know.
    public struct UnknownEncoding: Error, Equatable, Sendable {
        /// The name given.
        public let name: String
    }

    private let cd: iconv_t

    /// Opens a converter from `source` to `target` (iconv names: "UTF-8", "GB18030",
    /// "BIG5", "GB2312", "UTF-16LE" …).
    /// - Throws: `UnknownEncoding` (named after the side iconv refused) when iconv has no
    ///   such converter.
    public init(from source: String, to target: String) throws {
        guard let cd = iconv_open(target, source), cd != iconv_t(bitPattern: -1) else { throw UnknownEncoding(name: source) }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Converts `bytes`, replacing each invalid or truncated input sequence with U+FFFD
    /// (one per run; meant for conversion to UTF-8) and counting the bytes skipped;
    /// conversion resumes at the next byte. Returns the output bytes and the count.
    public func convert(_ bytes: [UInt8]) -> (output: [UInt8], replaced: Int) {
        iconv(cd, nil, nil, nil, nil)  // reset shift state
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2 + 16)
        var replaced = 0
        var offset = 0
        var lastWasReplacement = false
        // The chunk needs no zeroing (iconv writes before we read), nor the input a copy
        // (iconv reads it only, whatever its prototype says).
        let chunkSize = Swift.min(64 * 1024, Swift.max(64, bytes.count * 4 + 16))
        bytes.withUnsafeBufferPointer { bytesBuf in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunkSize) { outBuf in
                guard let inBase = bytesBuf.baseAddress else { return }
                let inStart = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
                let inCount = bytesBuf.count
                while offset < inCount {
                    var inPtr: UnsafeMutablePointer<CChar>? = inStart + offset
                    var inLeft = inCount - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let err = rc == -1 ? errno : 0
                    let produced = outBuf.count - outLeft
                    if produced > 0 {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: outBuf[0..<produced]))
                        lastWasReplacement = false
                    }
                    offset = inCount - inLeft
                    if rc != -1 { break }
                    switch err {
                    case E2BIG:
                        continue  // output chunk full: go round again
                    case EILSEQ, EINVAL:
                        // Invalid (or, at the end, incomplete) sequence: replace, skip a byte.
                        if !lastWasReplacement { out.append(contentsOf: Self.replacement) }
                        lastWasReplacement = true
                        replaced += 1
                        offset += 1
                    default:
                        replaced += inLeft
                        out.append(contentsOf: Self.replacement)
                        offset = inCount
                    }
                }
            }
        }
        return (out, replaced)
    }

    /// The first scalar of `text` that the target encoding cannot represent (iconv refuses
    /// it) and that satisfies `test`, or nil.
    public func firstUnencodable(in text: String, where test: (Unicode.Scalar) -> Bool) -> Unicode.Scalar? {
        iconv(cd, nil, nil, nil, nil)
        var found: Unicode.Scalar?
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: 4096)
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var offset = 0
                while offset < inBuf.count, found == nil {
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress! + offset
                    var inLeft = inBuf.count - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress!
                    var outLeft = outBuf.count
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    offset = inBuf.count - inLeft
                    if rc != -1 { return }
                    if errno == E2BIG { continue }
                    let lead = UInt8(bitPattern: inBuf[offset])
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                    let end = min(offset + length, inBuf.count)
                    let bytes = inBuf[offset..<end].map { UInt8(bitPattern: $0) }
                    if let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first, test(scalar) { found = scalar }
                    offset = end
                }
            }
        }
        return found
    }
}
