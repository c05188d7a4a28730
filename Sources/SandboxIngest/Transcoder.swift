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
        let upper = encoding.uppercased()
        if upper.hasPrefix("BIG5") && !upper.contains("HKSCS") || upper == "CP950" {
            return Result(utf8: etenMapped(out), replaced: replaced)
        }
        return Result(utf8: out, replaced: replaced)
    }

    /// The first private-use code point glibc's BIG5 and CP950 converters give the ETEN
    /// extension of Big5 (bytes 0xC6A1–0xC7FC: kana, ①–⑩, ⑴–⑽, Roman numerals, Cyrillic).
    static let etenFirst: UInt32 = 0xF6B1
    /// What each of those code points stands for, from U+F6B1 on: the characters CPython's
    /// `big5` codec gives the same bytes (Modules/cjkcodecs; Taiwanese pages number their
    /// items ① ② in Big5 and mean the circled digits, not private characters).
    static let etenCharacters: [UInt32] = [
        0x30FE, 0x309D, 0x309E, 0x3005, 0x3041, 0x3042, 0x3043, 0x3044, 0x3045, 0x3046, 0x3047, 0x3048,
        0x3049, 0x304A, 0x304B, 0x304C, 0x304D, 0x304E, 0x304F, 0x3050, 0x3051, 0x3052, 0x3053, 0x3054,
        0x3055, 0x3056, 0x3057, 0x3058, 0x3059, 0x305A, 0x305B, 0x305C, 0x305D, 0x305E, 0x305F, 0x3060,
        0x3061, 0x3062, 0x3063, 0x3064, 0x3065, 0x3066, 0x3067, 0x3068, 0x3069, 0x306A, 0x306B, 0x306C,
        0x306D, 0x306E, 0x306F, 0x3070, 0x3071, 0x3072, 0x3073, 0x3074, 0x3075, 0x3076, 0x3077, 0x3078,
        0x3079, 0x307A, 0x307B, 0x307C, 0x307D, 0x307E, 0x307F, 0x3080, 0x3081, 0x3082, 0x3083, 0x3084,
        0x3085, 0x3086, 0x3087, 0x3088, 0x3089, 0x308A, 0x308B, 0x308C, 0x308D, 0x308E, 0x308F, 0x3090,
        0x3091, 0x3092, 0x3093, 0x30A1, 0x30A2, 0x30A3, 0x30A4, 0x30A5, 0x30A6, 0x30A7, 0x30A8, 0x30A9,
        0x30AA, 0x30AB, 0x30AC, 0x30AD, 0x30AE, 0x30AF, 0x30B0, 0x30B1, 0x30B2, 0x30B3, 0x30B4, 0x30B5,
        0x30B6, 0x30B7, 0x30B8, 0x30B9, 0x30BA, 0x30BB, 0x30BC, 0x30BD, 0x30BE, 0x30BF, 0x30C0, 0x30C1,
        0x30C2, 0x30C3, 0x30C4, 0x30C5, 0x30C6, 0x30C7, 0x30C8, 0x30C9, 0x30CA, 0x30CB, 0x30CC, 0x30CD,
        0x30CE, 0x30CF, 0x30D0, 0x30D1, 0x30D2, 0x30D3, 0x30D4, 0x30D5, 0x30D6, 0x30D7, 0x30D8, 0x30D9,
        0x30DA, 0x30DB, 0x30DC, 0x30DD, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E3, 0x30E4, 0x30E5,
        0x30E6, 0x30E7, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EE, 0x30EF, 0x30F0, 0x30F1,
        0x30F2, 0x30F3, 0x30F4, 0x30F5, 0x30F6, 0x0414, 0x0415, 0x0401, 0x0416, 0x0417, 0x0418, 0x0419,
        0x041A, 0x041B, 0x041C, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B,
        0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0451, 0x0436,
        0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442,
        0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E,
        0x044F, 0x2460, 0x2461, 0x2462, 0x2463, 0x2464, 0x2465, 0x2466, 0x2467, 0x2468, 0x2469, 0x2474,
        0x2475, 0x2476, 0x2477, 0x2478, 0x2479, 0x247A, 0x247B, 0x247C, 0x247D,
    ]

    /// `utf8` with the ETEN private-use code points (`etenFirst`…) replaced by the characters
    /// they stand for; other bytes unchanged.
    static func etenMapped(_ utf8: [UInt8]) -> [UInt8] {
        // U+F6B1…U+F7A9 are EF 9A B1 … EF 9E A9 in UTF-8: look for EF 9A–9E first.
        guard utf8.indices.contains(where: { utf8[$0] == 0xEF && $0 + 1 < utf8.count && (0x9A...0x9E).contains(utf8[$0 + 1]) }) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0xEF, i + 2 < utf8.count {
                let v = UInt32(utf8[i] & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                if v >= etenFirst, v < etenFirst + UInt32(etenCharacters.count), let s = Unicode.Scalar(etenCharacters[Int(v - etenFirst)]) {
                    out.append(contentsOf: Array(String(Character(s)).utf8))
                    i += 3
                    continue
                }
            }
            out.append(utf8[i])
            i += 1
        }
        return out
    }
}
