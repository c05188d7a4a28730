#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap tests on Chinese script, so that the slow ICU transform (≈ 6 ms per 10,000
/// characters here) runs only on text that needs it.
public enum HanScript {
    /// True when `text` has a Han character outside GB2312, the simplified-Chinese
    /// character set: such text may hold traditional characters and is worth folding.
    /// Uses iconv(3) to test encodability (no character tables of our own). A Han
    /// character outside GB2312 that is not traditional (a rare simplified character)
    /// gives a false positive, which costs time, never correctness.
    public static func mayHaveTraditional(_ text: String) -> Bool {
        var hasHighHan = false
        for s in text.unicodeScalars where s.value >= 0x3400 {
            hasHighHan = true
            break
        }
        guard hasHighHan else { return false }
        let cd = iconv_open("GB2312", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return true }  // cannot tell: assume it may
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: 4096)
        var found = false
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var offset = 0
                while offset < inBuf.count {
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress! + offset
                    var inLeft = inBuf.count - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress!
                    var outLeft = outBuf.count
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    offset = inBuf.count - inLeft
                    if rc != -1 { return }
                    if errno == E2BIG { continue }
                    // Not encodable: decode the UTF-8 scalar at `offset` and look at it.
                    let lead = UInt8(bitPattern: inBuf[offset])
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                    let end = min(offset + length, inBuf.count)
                    let bytes = inBuf[offset..<end].map { UInt8(bitPattern: $0) }
                    if let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first, isHan(scalar) {
                        found = true
                        return
                    }
                    offset = end
                }
            }
        }
        return found
    }

    /// CJK Unified Ideographs (and extensions) and compatibility ideographs.
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3FFFF).contains(v)
    }
}
