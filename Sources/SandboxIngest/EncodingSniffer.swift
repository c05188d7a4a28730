import Foundation

/// A failure to ingest a page or an application, with what went wrong and where.
public struct IngestError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    /// What kind of failure (stable ids for scripts).
    public enum Kind: String, Sendable, Codable {
        /// The file could not be read.
        case unreadable
        /// Empty file.
        case empty
        /// Binary content (PDF, image, archive …), not HTML.
        case binary
        /// libxml2 produced no document.
        case parse
        /// An application without a name (its siblings are still exported).
        case missingName = "missing_name"
        /// The page names no place of the gazetteer, or no batch, or no date.
        case missingMetadata = "missing_metadata"
        /// A file larger than the configured limit.
        case tooLarge = "too_large"
    }
    /// The file (path as given).
    public let file: String
    /// The kind of failure.
    public let kind: Kind
    /// A one-line explanation.
    public let message: String
    /// 1-based source line the failure is at, when it has one (an application without a name).
    public let line: Int?

    /// Creates an error for `file` (at `line` when known).
    public init(file: String, kind: Kind, message: String, line: Int? = nil) {
        self.file = file
        self.kind = kind
        self.message = message
        self.line = line
    }

    /// `file[:line]: kind: message`.
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(kind.rawValue): \(message)" }
}

/// The encoding chosen for a page and why.
public struct EncodingDecision: Sendable, Equatable, Codable {
    /// Charset the page declares (meta charset, http-equiv or XML declaration), lowercase;
    /// nil when it declares none.
    public let declared: String?
    /// Encoding passed to libxml2 (e.g. "UTF-8", "GB18030", "UTF-16LE").
    public let used: String
    /// Bytes of byte-order mark to skip before parsing (0, 2 or 3).
    public let bomLength: Int
    /// Warnings such as `charset_conflict: declared gb2312, bytes are valid UTF-8`.
    public let warnings: [String]
}

/// Chooses a page's encoding from its bytes, then passes it explicitly to libxml2 (whose
/// own detection fails when a page's label is wrong; ../shared/ENGINEERING-NOTES.md).
///
/// Rule: a BOM decides; else bytes that are UTF-8 are UTF-8 — valid, or with at most one
/// invalid byte per four well-formed multi-byte sequences (a different declared charset
/// is kept as a `charset_conflict` warning); else the declared charset, with
/// gb2312/gbk/x-gbk widened to GB18030 as the WHATWG Encoding Standard does; else GB18030.
/// The bytes are then converted to UTF-8 with iconv (`Transcoder`), invalid sequences
/// replaced and counted, and libxml2 parses UTF-8.
public enum EncodingSniffer {
    /// Decides the encoding of `bytes`. Pure.
    public static func decide(_ bytes: [UInt8]) -> EncodingDecision {
        let declared = declaredCharset(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return EncodingDecision(declared: declared, used: "UTF-8", bomLength: 3, warnings: [])
        }
        // UTF-32's marks first: FF FE 00 00 also starts like UTF-16LE's.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            return EncodingDecision(declared: declared, used: "UTF-32LE", bomLength: 4, warnings: [])
        }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return EncodingDecision(declared: declared, used: "UTF-32BE", bomLength: 4, warnings: [])
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return EncodingDecision(declared: declared, used: "UTF-16LE", bomLength: 2, warnings: [])
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return EncodingDecision(declared: declared, used: "UTF-16BE", bomLength: 2, warnings: [])
        }
        if let utf16 = utf16WithoutBOM(bytes) {
            return EncodingDecision(declared: declared, used: utf16, bomLength: 0, warnings: [])
        }
        let census = utf8Census(bytes)
        // Valid UTF-8, or UTF-8 with a few bad sequences (a truncated download, a stray
        // byte): the bytes say UTF-8. GBK/GB18030 text almost never forms valid multi-byte
        // UTF-8 sequences, so it fails the 4:1 test.
        if census.invalid == 0 || (census.validMultibyte > 0 && census.validMultibyte >= 4 * census.invalid) {
            var warnings: [String] = []
            if let d = declared, census.validMultibyte > 0, !["utf-8", "utf8", "unicode-1-1-utf-8"].contains(d) {
                warnings.append("charset_conflict: page declares \(d) but its bytes are UTF-8; decoded as UTF-8")
            }
            return EncodingDecision(declared: declared, used: "UTF-8", bomLength: 0, warnings: warnings)
        }
        if let d = declared {
            switch d {
            case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "windows-936", "euc-cn", "csgb2312", "chinese", "iso-ir-58":
                return EncodingDecision(declared: d, used: "GB18030", bomLength: 0, warnings: [])
            case "utf-8", "utf8":
                return EncodingDecision(declared: d, used: "GB18030", bomLength: 0,
                                        warnings: ["charset_conflict: page declares utf-8 but its bytes are not UTF-8; decoded as GB18030"])
            case "big5", "cn-big5", "x-x-big5":
                return EncodingDecision(declared: d, used: "BIG5", bomLength: 0, warnings: [])
            case "big5-hkscs":
                return EncodingDecision(declared: d, used: "BIG5-HKSCS", bomLength: 0, warnings: [])
            default:
                // A single-byte charset declared over text whose high bytes pair up as
                // Chinese (old sites that left iso-8859-1 in the template): the bytes say
                // GB18030 or Big5 when every pair decodes.
                if singleByte.contains(d), let chinese = chineseByEvidence(bytes) {
                    return EncodingDecision(declared: d, used: chinese, bomLength: 0,
                                            warnings: ["charset_conflict: page declares \(d) but its bytes read as \(chinese) throughout; decoded as \(chinese)"])
                }
                return EncodingDecision(declared: d, used: d.uppercased(), bomLength: 0, warnings: [])
            }
        }
        if looksLikeBig5(bytes) {
            return EncodingDecision(declared: nil, used: "BIG5", bomLength: 0,
                                    warnings: ["charset_guessed: no charset declared; byte pairs read as Big5 (trail bytes outside GB2312's range)"])
        }
        return EncodingDecision(declared: nil, used: "GB18030", bomLength: 0, warnings: [])
    }

    /// Single-byte charsets (any byte decodes, so a wrong one raises no error).
    static let singleByte: Set<String> = ["iso-8859-1", "latin1", "l1", "iso8859-1", "iso-8859-15", "windows-1252", "cp1252",
                                          "us-ascii", "ascii", "windows-1250", "windows-1251", "iso-8859-2", "iso-8859-5", "koi8-r"]

    /// "BIG5" or "GB18030" when `bytes` hold at least 8 high-byte pairs and every one of
    /// them decodes in that encoding (Big5 by `looksLikeBig5`), else nil.
    static func chineseByEvidence(_ bytes: [UInt8]) -> String? {
        let high = bytes.prefix(65_536).filter { $0 >= 0x81 }.count
        guard high >= 16 else { return nil }
        let candidate = looksLikeBig5(bytes) ? "BIG5" : "GB18030"
        guard let converted = try? Transcoder.toUTF8(Array(bytes.prefix(65_536)), from: candidate), converted.replaced <= 1 else { return nil }
        return candidate
    }

    /// Whether undeclared double-byte Chinese text is Big5 rather than GBK/GB18030, by the
    /// evidence of its byte pairs: GB2312 text (and nearly all GBK text) uses trail bytes
    /// 0xA1–0xFE, while a third or more of Big5's common characters have trail bytes
    /// 0x40–0x7E. Traditional text in GBK has such trails too, but with lead bytes
    /// 0x81–0xA0, which Big5 does not use (only HKSCS's few additions). More than 20 % of
    /// pairs with a low trail, fewer than 5 % with a lead 0x81–0xA0, and no lead above 0xF9
    /// (Big5's last) say Big5. Pure; reads at most the first 64 KiB.
    public static func looksLikeBig5(_ bytes: [UInt8]) -> Bool {
        var pairs = 0, lowTrail = 0, lowLead = 0
        var i = 0
        let n = min(bytes.count, 65_536)
        while i + 1 < n {
            let lead = bytes[i]
            if lead < 0x81 { i += 1; continue }
            if lead > 0xF9 { return false }
            let trail = bytes[i + 1]
            pairs += 1
            if (0x40...0x7E).contains(trail) { lowTrail += 1 }
            if lead <= 0xA0 { lowLead += 1 }
            i += 2
        }
        return pairs >= 4 && Double(lowTrail) > 0.2 * Double(pairs) && Double(lowLead) < 0.05 * Double(pairs)
    }

    /// "UTF-16LE" / "UTF-16BE" when a page without a BOM starts with "<" (after optional
    /// white space) encoded in UTF-16: `3C 00` or `00 3C`, followed by another ASCII
    /// character in the same form (the HTML standard's sniffing of an XML-like start).
    public static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        // Skip leading white space (space, tab, CR, LF) encoded in UTF-16 either way.
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A]
        var i = 0
        while i + 1 < bytes.count, i < 512,
              (blank.contains(bytes[i]) && bytes[i + 1] == 0) || (bytes[i] == 0 && blank.contains(bytes[i + 1])) {
            i += 2
        }
        guard i + 4 <= bytes.count else { return nil }
        let b = Array(bytes[i..<(i + 4)])
        if b[0] == 0x3C, b[1] == 0, b[2] != 0, b[2] < 0x80, b[3] == 0 { return "UTF-16LE" }
        if b[0] == 0, b[1] == 0x3C, b[2] == 0, b[3] != 0, b[3] < 0x80 { return "UTF-16BE" }
        return nil
    }

    /// True when `bytes` are well-formed UTF-8 (no overlongs, no surrogates, nothing truncated).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { census($0, stopAtInvalid: true).invalid == 0 }
    }

    /// Counts well-formed multi-byte UTF-8 sequences and invalid bytes (a byte that starts
    /// no well-formed sequence is counted once and skipped).
    public static func utf8Census(_ bytes: [UInt8]) -> (validMultibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { census($0, stopAtInvalid: false) }
    }

    /// `utf8Census` on a buffer; ASCII is skipped eight bytes at a time. With
    /// `stopAtInvalid`, returns at the first invalid byte (counts so far).
    private static func census(_ bytes: UnsafeBufferPointer<UInt8>, stopAtInvalid: Bool) -> (validMultibyte: Int, invalid: Int) {
        var i = 0
        var valid = 0
        var invalid = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        scan: while i < n {
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            if i >= n { break }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            // Well-formed sequences (Unicode Table 3-7): the lead fixes the length and the
            // range of the second byte (no overlongs, surrogates or values past U+10FFFF).
            var need = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: need = 0
            }
            var ok = need > 0 && i + need < n
            if ok {
                let second = bytes[i + 1]
                ok = second >= low && second <= high
                if ok, need >= 2 { ok = bytes[i + 2] & 0xC0 == 0x80 }
                if ok, need == 3 { ok = bytes[i + 3] & 0xC0 == 0x80 }
            }
            if !ok { invalid += 1; if stopAtInvalid { break scan }; i += 1; continue }
            valid += 1
            i += need + 1
        }
        return (valid, invalid)
    }

    /// The charset a page declares in its first 4 KiB: `<meta charset=…>`, the http-equiv
    /// `content="…; charset=…"` form, or `<?xml … encoding="…"?>`; lowercase.
    ///
    /// Reads the bytes by hand with the semantics of the regular expressions of
    /// `declaredCharsetByRegex` (which decides when the head holds a control character
    /// whose class as `\s` could differ).
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { b -> UInt8 in (b >= 0x41 && b <= 0x5A) ? b + 0x20 : (b < 0x80 ? b : 0x20) }
        if head.contains(where: { $0 == 0x0B || (0x1C...0x1F).contains($0) || $0 == 0x00 }) { return declaredCharsetByRegex(head) }
        return head.withUnsafeBufferPointer { t -> String? in
            for (opening, keyword) in [(Array("<?xml".utf8), Array("encoding".utf8)), (Array("<meta".utf8), Array("charset".utf8))] {
                guard let (start, end) = firstMatch(t, opening: opening, keyword: keyword) else { continue }
                // In the match, the first `charset` or `encoding` followed by `=` gives the value.
                guard let at = firstAssignment(t, from: start, to: end) else { continue }
                var k = at
                while k < end, isValueByte(t[k]) { k += 1 }
                if k > at { return String(decoding: UnsafeBufferPointer(rebasing: t[at..<k]), as: UTF8.self) }
            }
            return nil
        }
    }

    /// `\s` over the lowercased ASCII head (tab, LF, FF, CR, space; VT decided by the regex).
    @inline(__always)
    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    /// `[a-z0-9_\-:.]`.
    @inline(__always)
    private static func isValueByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x3A || b == 0x2E
    }

    @inline(__always)
    private static func hasPrefix(_ t: UnsafeBufferPointer<UInt8>, _ p: [UInt8], at i: Int, before end: Int) -> Bool {
        guard i + p.count <= end else { return false }
        for k in 0..<p.count where t[i + k] != p[k] { return false }
        return true
    }

    /// After `keyword` at `i`: `\s*=\s*["']?\s*` ends where? nil without the `=`.
    private static func assignmentEnd(_ t: UnsafeBufferPointer<UInt8>, after i: Int, before end: Int) -> Int? {
        var k = i
        while k < end, isBlank(t[k]) { k += 1 }
        guard k < end, t[k] == 0x3D else { return nil }
        k += 1
        while k < end, isBlank(t[k]) { k += 1 }
        if k < end, t[k] == 0x22 || t[k] == 0x27 { k += 1 }
        while k < end, isBlank(t[k]) { k += 1 }
        return k
    }

    /// The leftmost match of `opening[^>]*keyword\s*=\s*["']?\s*[a-z0-9_\-:.]+` (greedy,
    /// so the last `keyword` before the opening's first `>`): its start and end.
    private static func firstMatch(_ t: UnsafeBufferPointer<UInt8>, opening: [UInt8], keyword: [UInt8]) -> (Int, Int)? {
        let n = t.count
        var s = 0
        while s + opening.count <= n {
            guard hasPrefix(t, opening, at: s, before: n) else { s += 1; continue }
            var limit = s + opening.count
            while limit < n, t[limit] != 0x3E { limit += 1 }
            var p = limit
            while p >= s + opening.count {
                if hasPrefix(t, keyword, at: p, before: n), let v = assignmentEnd(t, after: p + keyword.count, before: n),
                   v < n, isValueByte(t[v]) {
                    var e = v
                    while e < n, isValueByte(t[e]) { e += 1 }
                    return (s, e)
                }
                p -= 1
            }
            s += 1
        }
        return nil
    }

    /// In `t[start..<end]`, the end of the leftmost `(charset|encoding)\s*=\s*["']?\s*`.
    private static func firstAssignment(_ t: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let charset = Array("charset".utf8), encoding = Array("encoding".utf8)
        var q = start
        while q < end {
            if hasPrefix(t, charset, at: q, before: end), let v = assignmentEnd(t, after: q + charset.count, before: end) { return v }
            if hasPrefix(t, encoding, at: q, before: end), let v = assignmentEnd(t, after: q + encoding.count, before: end) { return v }
            q += 1
        }
        return nil
    }

    /// `declaredCharset` by Foundation's regular expressions, over the head already
    /// lowercased (ASCII, other bytes as spaces).
    static func declaredCharsetByRegex(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        let patterns = [
            #"<\?xml[^>]*encoding\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#,
            #"<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#,
        ]
        for p in patterns {
            if let r = text.range(of: p, options: .regularExpression) {
                let m = String(text[r])
                if let eq = m.range(of: #"(charset|encoding)\s*=\s*["']?\s*"#, options: .regularExpression) {
                    let value = m[eq.upperBound...].prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
                    if !value.isEmpty { return String(value) }
                }
            }
        }
        return nil
    }
}
