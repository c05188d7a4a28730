/// Cheap tests on Chinese script, so that the slow ICU transform (≈ 6 ms per 10,000
/// characters here) runs only on text that needs it.
public enum HanScript {
    /// True when `text` has a Han character outside GB2312, the simplified-Chinese
    /// character set: such text may hold traditional characters and is worth folding.
    /// Uses iconv(3) to test encodability (no character tables of our own). A Han
    /// character outside GB2312 that is not traditional (a rare simplified character)
    /// gives a false positive, which costs time, never correctness.
    ///
    /// Only the Han characters go to iconv: each character it refuses restarts the
    /// conversion, which costs glibc a pass over a buffer's worth of the input, so that a
    /// long run of other characters outside GB2312 (Arabic-Indic digits, emoji) took tens
    /// of microseconds a character. Encodability is decided character by character, so the
    /// answer is the same.
    public static func mayHaveTraditional(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return false }
        guard let iconv = try? Iconv(from: "UTF-8", to: "GB2312") else { return true }  // cannot tell: assume it may
        var han = String.UnicodeScalarView()
        for u in text.unicodeScalars where isHan(u) { han.append(u) }
        return iconv.firstUnencodable(in: String(han), where: isHan) != nil
    }

    /// CJK Unified Ideographs (and extensions) and compatibility ideographs.
    public static func isHan(_ s: Unicode.Scalar) -> Bool { ScalarClass.isHan(s) }
}
