/// Cheap tests on Chinese script, so that the slow ICU transform (≈ 6 ms per 10,000
/// characters here) runs only on text that needs it.
public enum HanScript {
    /// True when `text` has a Han character outside GB2312, the simplified-Chinese
    /// character set: such text may hold traditional characters and is worth folding.
    /// A Han character outside GB2312 that is not traditional (a rare simplified
    /// character) gives a false positive, which costs time, never correctness.
    ///
    /// The test is a table lookup per scalar (`gb2312Han`); the table comes from iconv(3)
    /// once per process, so the character set is iconv's, not a list of our own. (Asking
    /// iconv per string cost an `iconv_open` and a conversion each time: 7 % of a batch run.)
    public static func mayHaveTraditional(_ text: String) -> Bool {
        for u in text.unicodeScalars where u.value >= 0x3400 && isHan(u) {
            if !gb2312Han.contains(u) { return true }
        }
        return false
    }

    /// CJK Unified Ideographs (and extensions) and compatibility ideographs.
    public static func isHan(_ s: Unicode.Scalar) -> Bool { ScalarClass.isHan(s) }

    /// The Han characters of GB2312 (EUC-CN rows 0xB0–0xF7, 6,763 characters, all in
    /// U+4E00–U+9FFF), decoded by iconv(3) from every two-byte code of those rows. When
    /// iconv has no GB2312 converter the set is empty, so every Han character "may be
    /// traditional" (folding is then tried on all Han text: slower, never wrong).
    static let gb2312Han: HanSet = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(72 * 94 * 2 + 72)
        for row in UInt8(0xB0)...0xF7 {
            for cell in UInt8(0xA1)...0xFE { bytes.append(row); bytes.append(cell) }
            bytes.append(0x0A)  // a separator, so one bad code cannot shift the rest
        }
        var set = HanSet()
        guard let iconv = try? Iconv(from: "GB2312", to: "UTF-8") else { return set }
        let decoded = iconv.convert(bytes).output
        for u in String(decoding: decoded, as: UTF8.self).unicodeScalars where isHan(u) { set.insert(u) }
        return set
    }()

    /// A bit set over U+4E00–U+9FFF (the block every GB2312 Han character is in); scalars
    /// outside it are never members.
    struct HanSet: Sendable {
        private var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00 + 1 + 63) / 64)
        /// Number of members.
        private(set) var count = 0

        mutating func insert(_ u: Unicode.Scalar) {
            guard (0x4E00...0x9FFF).contains(u.value) else { return }
            let i = Int(u.value - 0x4E00)
            if bits[i >> 6] & (1 << UInt64(i & 63)) == 0 { count += 1 }
            bits[i >> 6] |= 1 << UInt64(i & 63)
        }

        @inline(__always)
        func contains(_ u: Unicode.Scalar) -> Bool {
            guard (0x4E00...0x9FFF).contains(u.value) else { return false }
            let i = Int(u.value - 0x4E00)
            return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
        }
    }
}
