import Foundation
import SandboxLexicon
import SandboxText

/// A field label found at the start of a unit of page text.
struct LabelHit: Equatable {
    /// Canonical field key (`name`, `applicants`, `function`, …; `Lexicons/fields.yaml`).
    let field: String
    /// The label as written on the page, numbering and brackets removed.
    let heading: String
    /// The text after the label and its colon (trimmed); empty when the label stands alone
    /// and its value is the next unit.
    let value: String
    /// True for a short bracketed phrase (【能做什么】) that `Lexicons/fields.yaml` does not
    /// list: a section heading inside an application, never evidence that one starts.
    var unlisted = false
}

/// An application-start cue: an ordinal heading (创新应用一, 应用1, Application 2, a box
/// holding `01`) or a heading that may name an application.
struct StartCue: Equatable {
    /// The name the cue gives (after 创新应用一：), if any.
    var name: String?
    /// True for ordinal cues: they start an application whatever follows. A plain heading
    /// starts one only when application fields follow it.
    var explicit: Bool
}

/// Recognises field labels and application ordinals at the start of a unit, from the
/// headings of `Lexicons/fields.yaml` (Chinese and English), compiled once into a
/// dictionary of normalised keys.
///
/// Normalisation of a candidate label (the one rule, applied to headings and page text
/// alike): NFKC (full-width forms → ASCII), traditional → simplified characters, white
/// space removed next to CJK characters (letter-spacing 申　请　机　构) and collapsed
/// elsewhere, zero-width characters (U+200B–200D, U+2060, U+FEFF, U+00AD) removed,
/// lowercase. A label ends at a colon or colon look-alike (`：:∶﹕︰`), at the
/// closing bracket of `【】[]〔〕［］〖〗`, at the end of an opening bold run, or at the end
/// of the unit (a label on its own: its value is the next unit). Leading numbering
/// (一、 1. （一） (1) ① 第一、) is removed first.
struct FieldLabeler: Sendable {
    private let keys: [String: String]
    /// The first scalars of the keys (a BMP bitmap; keys starting beyond the BMP are
    /// admitted without it): a candidate whose key starts elsewhere is no label, found
    /// without building or hashing the key.
    private let firstScalars: [UInt64]
    /// The longest normalised heading, in scalars: candidates longer than this are no label.
    private let longest: Int
    /// Traditional → simplified folding for the page being read.
    var folder = ScriptFolder.always

    /// The labeler for a page, with its folder.
    func folding(_ folder: ScriptFolder) -> FieldLabeler {
        var copy = self
        copy.folder = folder
        return copy
    }

    init(fields: FieldHeadings) {
        var map: [String: String] = [:]
        var longest = 0
        for (field, heading) in fields.headings {
            let key = Self.key(heading, folder: .always)
            if map[key] == nil { map[key] = field }
            longest = max(longest, key.unicodeScalars.count)
        }
        keys = map
        self.longest = longest
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for key in map.keys {
            guard let f = key.unicodeScalars.first, f.value < 0x10000 else { continue }
            bits[Int(f.value) / 64] |= 1 << UInt64(f.value % 64)
        }
        firstScalars = bits
    }

    /// Whether some key may start with `u`.
    @inline(__always)
    private func mayStartKey(_ u: Unicode.Scalar) -> Bool {
        u.value >= 0x10000 || firstScalars[Int(u.value) / 64] & (1 << UInt64(u.value % 64)) != 0
    }

    /// Colons and look-alikes that end a label; a slash or bar ends one too
    /// (申請機構／交通銀行, 申请机构 | 甲银行 in a plain-text table) when what precedes it is
    /// a known label.
    static let colons: Set<Unicode.Scalar> = ["：", ":", "∶", "﹕", "︰", "／", "｜", "|", "—", "－"]

    /// Whether `u` is one of `colons` (a switch: hashing a scalar per test was a cost).
    @inline(__always)
    static func isColon(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF1A, 0x3A, 0x2236, 0xFE55, 0xFE30, 0xFF0F, 0xFF5C, 0x7C, 0x2014, 0xFF0D: return true
        default: return false
        }
    }

    /// The closing bracket of an opening bracket that may enclose a label
    /// (`【】[]〔〕［］〖〗`), or nil.
    @inline(__always)
    static func closer(of u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "【": return "】"
        case "[": return "]"
        case "〔": return "〕"
        case "［": return "］"
        case "〖": return "〗"
        default: return nil
        }
    }

    /// The normalised key of a candidate label (see the type's documentation).
    static func key(_ s: String, folder: ScriptFolder) -> String {
        let parts = keyScalars(s, folder: folder)
        return parts.otherCased ? lowercasedKey(parts.scalars) : String(scalars: parts.scalars)
    }

    /// The key's scalars before any non-ASCII lowercasing, whether it holds a cased letter
    /// outside ASCII (then `lowercasedKey` finishes it), and whether it mixes CJK and
    /// other scalars (a bilingual label).
    static func keyScalars(_ s: String, folder: ScriptFolder) -> (scalars: [Unicode.Scalar], otherCased: Bool, mixed: Bool) {
        // NFKC only where it may change something (full-width forms, letterlike, …).
        var t = ScalarClass.nfkc(s)
        t = folder(stripMarks(t))
        // One pass: drop white space next to CJK, collapse it elsewhere, lowercase ASCII.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(t.utf8.count)
        var pendingSpace = false
        var otherCased = false
        var sawCJK = false, sawOther = false
        for u in t.unicodeScalars {
            if ScalarClass.isWhiteSpace(u) { pendingSpace = true; continue }
            if ScalarClass.isZeroWidth(u) { continue }  // 申请机构\u{200B}：…
            let cjk = ScalarClass.isCJK(u)
            if pendingSpace, let last = out.last, !ScalarClass.isCJK(last), !cjk { out.append(" "); sawOther = true }
            pendingSpace = false
            if cjk { sawCJK = true } else { sawOther = true }
            if u.value < 0x80 {
                out.append(u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u)
            } else {
                if !cjk, u.properties.changesWhenLowercased { otherCased = true }
                out.append(u)
            }
        }
        while let last = out.last, isColon(last) || last == "." { out.removeLast() }
        return (out, otherCased, sawCJK && sawOther)
    }

    /// A key with a cased letter outside ASCII: lowercased by the standard library.
    private static func lowercasedKey(_ scalars: [Unicode.Scalar]) -> String {
        var r = String(scalars: scalars).lowercased()
        while let last = r.unicodeScalars.last, isColon(last) || last == "." { r.unicodeScalars.removeLast() }
        return r
    }

    /// The field a whole candidate label names, or nil.
    func field(forLabel candidate: String) -> String? {
        let parts = Self.keyScalars(candidate, folder: folder)
        let k: String
        if parts.otherCased {
            k = Self.lowercasedKey(parts.scalars)
        } else {
            // Cheap rejections first: the key's length, and whether a key can start with
            // its first scalar (or, for a bilingual label, with its first Chinese or first
            // other scalar).
            let u = parts.scalars
            if u.isEmpty || u.count > 2 * longest + 2 { return nil }
            if !mayStartKey(u[0]) {
                guard parts.mixed else { return nil }
                let firstHan = u.first(where: ScalarClass.isCJK)
                let firstLatin = u.first { !ScalarClass.isCJK($0) && $0 != " " }
                guard firstHan.map(mayStartKey) == true || firstLatin.map(mayStartKey) == true else { return nil }
            }
            k = String(scalars: u)
        }
        if k.isEmpty || k.unicodeScalars.count > 2 * longest + 2 { return nil }
        if let f = keys[k] { return f }
        if let f = languageQualified(k) { return f }
        // A bilingual label (应用名称 Name, Applicants 申请机构): the Chinese part or the
        // English part is a label, and the other part, when it is one, names the same field.
        // (A bracket opened and not closed makes no bilingual label: Smart Loan（申请机构 is a
        // name and the start of its bracketed fields; 申请机构（Applicant） is a label.)
        let opens = k.unicodeScalars.filter { $0 == "（" || $0 == "(" }.count
        let closes = k.unicodeScalars.filter { $0 == "）" || $0 == ")" }.count
        guard parts.mixed, opens <= closes else { return nil }
        var hanScalars: [Unicode.Scalar] = [], latinScalars: [Unicode.Scalar] = []
        for u in k.unicodeScalars {
            if ScalarClass.isCJK(u) { hanScalars.append(u) } else { latinScalars.append(u) }
        }
        // The key's only white space is " " (keyScalars removed the rest).
        while latinScalars.last == " " { latinScalars.removeLast() }
        guard let lo = latinScalars.firstIndex(where: { $0 != " " }), !hanScalars.isEmpty else { return nil }
        let han = String(scalars: hanScalars), latin = String(scalars: latinScalars[lo...])
        let a = keys[han], b = keys[latin]
        if let a, let b { return a == b ? a : nil }
        return a ?? b
    }

    /// A key ending in a bracketed language or source note (`application (english)`,
    /// `名称（中文）`, `关键技术（摘自技术应用）`): the field of the key without it, and for a
    /// name in English the English name's field.
    func languageQualified(_ k: String) -> String? {
        let u = Array(k.unicodeScalars)
        guard let last = u.last, last == ")" || last == "）",
              let open = u.lastIndex(where: { $0 == "(" || $0 == "（" }), open > 0 else { return nil }
        let q = String(scalars: u[(open + 1)..<(u.count - 1)]).trimmingCharacters(in: .whitespaces)
        let english: Bool
        switch q {
        case "english", "in english", "en", "英文", "英语": english = true
        case "chinese", "in chinese", "zh", "cn", "中文", "汉语": english = false
        default:
            // A source note (摘自…, 节选, 摘录): the column holds that field's text.
            guard ["摘自", "摘录", "节选", "摘要", "excerpt"].contains(where: { q.hasPrefix($0) }) else { return nil }
            english = false
        }
        var base = Array(u[..<open])
        while base.last == " " { base.removeLast() }
        guard let f = keys[String(scalars: base)] else { return nil }
        return english && f == "name" ? "name_en" : f
    }

    /// The field label that opens `text`, if any. `lead` is the unit's opening bold run;
    /// `leadIsCaption` says it is a `<label>`'s text (a caption by markup).
    func label(in text: String, lead: String? = nil, leadIsCaption: Bool = false) -> LabelHit? {
        var body = Self.stripNumbering(text)
        // An opening bracket never closed near the start (【创新应用名称：…) is decoration.
        if let f = body.unicodeScalars.first, let close = Self.closer(of: f),
           !body.unicodeScalars.prefix(longest + 12).contains(close) {
            body = String(body.unicodeScalars.dropFirst())
        }
        // Labels live in a unit's first characters: look at a window of them only; the
        // value (the rest) is cut from `body` when a label is found.
        let cap = (longest + 6) * 3
        let scalars = Array(body.unicodeScalars.prefix(cap))
        // The window holds the whole body when it is shorter than `cap`, and `cap` is
        // longer than a label standing alone can be: the window's count decides that test.
        let total = scalars.count
        guard !scalars.isEmpty else { return nil }
        func valueAfter(_ scalars: [Unicode.Scalar], from start: Int) -> String {
            Self.valueAfter(body, from: start)
        }
        // 【label】value
        if let close = Self.closer(of: scalars[0]),
           let end = scalars.prefix(longest + 12).firstIndex(of: close), end > 1 {
            let inner = String(scalars: scalars[1..<end])
            if let f = field(forLabel: inner) {
                return LabelHit(field: f, heading: Self.clean(inner), value: valueAfter(scalars, from: end + 1))
            }
            // 【能做什么】: a short phrase in 【】 or 〖〗 opening a unit is a label even when
            // fields.yaml does not know it; its text is a section of the application.
            if scalars[0] == "【" || scalars[0] == "〖", end <= 13,
               !scalars[1..<end].contains(where: { "。；;，,".unicodeScalars.contains($0) }),
               !PageText.isNewsCredit(inner) {
                return LabelHit(field: "description", heading: Self.clean(inner), value: valueAfter(scalars, from: end + 1), unlisted: true)
            }
        }
        // label：value
        let window = min(scalars.count, (longest + 6) * 2)
        if let colon = scalars.prefix(window).firstIndex(where: { Self.isColon($0) }) {
            let candidate = String(scalars: scalars[..<colon])
            if let f = field(forLabel: candidate) {
                return LabelHit(field: f, heading: Self.clean(candidate), value: valueAfter(scalars, from: colon + 1))
            }
        }
        // a bold run that opens the unit
        if let lead, body.hasPrefix(Self.stripNumbering(lead)) || text.hasPrefix(lead) {
            let bare = Self.stripNumbering(lead)
            if let f = field(forLabel: bare) {
                let n = bare.unicodeScalars.count
                // A two-character heading in bold straight before more Han characters is the
                // start of a word (**应用**场景…), not a label; a `<label>` is a caption.
                let glued = !leadIsCaption && n < scalars.count && ScalarClass.isHan(scalars[n]) && Self.keyScalars(bare, folder: folder).scalars.count <= 2
                if body.hasPrefix(bare), !glued {
                    return LabelHit(field: f, heading: Self.clean(bare), value: valueAfter(scalars, from: n))
                }
            }
        }
        // a label standing alone
        if total <= longest * 3 + 6, let f = field(forLabel: body) {
            return LabelHit(field: f, heading: Self.clean(body), value: "")
        }
        // label, white space, value (no colon): the words before a space are a label. A
        // letter-spaced label (名　　称　value) holds spaces itself, so each space of the
        // window ends a candidate, the shortest label first.
        if TextCleaner.isCJK(scalars[0]) {
            let ideographic = scalars.prefix(window).contains { $0 == "　" || $0 == "\u{A0}" }
            for space in scalars.prefix(window).indices where space > 0
                && (ideographic ? (scalars[space] == "　" || scalars[space] == "\u{A0}") : scalars[space] == " ")
                && !ScalarClass.isWhiteSpace(scalars[space - 1]) {
                let candidate = String(scalars: scalars[..<space])
                // A two-character heading before an ASCII space needs letter-spacing to be a
                // label (名称 变更后 is prose; 名　　称　X and 名称　X are labels).
                if scalars[space] == " ", !scalars[..<space].contains(where: ScalarClass.isWhiteSpace),
                   Self.keyScalars(candidate, folder: folder).scalars.count <= 2 { continue }
                if let f = field(forLabel: candidate) {
                    return LabelHit(field: f, heading: Self.clean(candidate), value: valueAfter(scalars, from: space))
                }
            }
        }
        return nil
    }

    /// Splits a value holding further `；label：value` parts (one line giving several
    /// fields: 名称：X；申请单位：Y；类型：Z) into the first value and the hits that follow.
    func splitInline(_ value: String) -> (String, [LabelHit]) {
        let scalars = Array(value.unicodeScalars)
        let window = longest + 8
        var cuts: [Int] = []
        var i = 0
        while i < scalars.count {
            if Self.isInlineSeparator(scalars[i]) {
                var j = i + 1
                while j < scalars.count, ScalarClass.isWhiteSpace(scalars[j]) { j += 1 }
                // Only a colon within a label's length can open a label: test that first,
                // on a window, never on the whole rest of the text.
                let end = min(scalars.count, j + window)
                if j < end, let colon = scalars[j..<end].firstIndex(where: { Self.isColon($0) && $0 != "／" && $0 != "｜" }),
                   colon > j, field(forLabel: String(scalars: scalars[j..<colon])) != nil {
                    cuts.append(i)
                }
            }
            i += 1
        }
        guard !cuts.isEmpty else { return (value, []) }
        var hits: [LabelHit] = []
        let first = Self.trim(String(scalars: scalars[..<cuts[0]]))
        for (k, c) in cuts.enumerated() {
            let end = k + 1 < cuts.count ? cuts[k + 1] : scalars.count
            let part = String(scalars: scalars[(c + 1)..<end])
            if let hit = label(in: Self.trim(part)) { hits.append(hit) }
        }
        return (first, hits)
    }

    /// What may separate fields given on one line: `；;，,。|｜`, U+3000 and a space.
    @inline(__always)
    static func isInlineSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF1B, 0x3B, 0xFF0C, 0x2C, 0x3002, 0x7C, 0xFF5C, 0x3000, 0x20: return true
        default: return false
        }
    }

    // MARK: - Application ordinals

    static let chineseOrdinal = Pattern(#"^(?:创新应用|试点应用|应用|项目|案例|第)\s*[（(]?\s*[一二三四五六七八九十百〇零\d]+\s*[)）]?\s*(?:个|项)?\s*(?:创新应用|应用)?\s*(?:[：:∶、.．—\-]\s*|\s+|$)"#)
    static let englishOrdinal = Pattern(#"^(?:innovative\s+|fintech\s+)?(?:application|project|item|case)\s*(?:no\.?\s*|#\s*)?\d+\s*(?:[:：.．\-—–]\s*|\s+|$)"#, caseInsensitive: true)
    static let bareOrdinal = Pattern(#"^(?:[（(]?\s*[一二三四五六七八九十\d]{1,3}\s*[)）]?|[①-⑳]|no\.?\s*\d+)[、.．]?$"#, caseInsensitive: true)

    /// An ordinal cue at the start of `text` (after NFKC): 创新应用一：名称, 应用1, 第一项应用,
    /// Application 2: name, or a bare ordinal (01, （一）, ①) standing alone.
    func ordinal(_ text: String) -> StartCue? {
        // Cheap test first: an ordinal starts with 创/应/项/案/试/第, a Latin letter, a digit, a bracket or ①.
        guard let first = text.unicodeScalars.first(where: { !ScalarClass.isWhiteSpace($0) }),
              "创創应應项項第（(案试試".unicodeScalars.contains(first) || first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first))
                || (0xFF10...0xFF19).contains(first.value) || (0x2460...0x2473).contains(first.value) || "一二三四五六七八九十".unicodeScalars.contains(first)
        else { return nil }
        let t = ScalarClass.trimmingHorizontalSpace(folder(ScalarClass.nfkc(text)))
        if t.isEmpty { return nil }
        for p in [Self.chineseOrdinal, Self.englishOrdinal] {
            if let r = p.firstMatch(in: t) {
                if t.hasPrefix("第"), !t[r].contains("应用") { continue }  // 第一批 is a batch, not an application
                let rest = Self.trim(String(t[r.upperBound...]))
                if label(in: rest) != nil { return nil }
                // Offsets: the name keeps the page's own characters where it can.
                let originalRest = Self.originalSuffix(text, length: rest.unicodeScalars.count) ?? rest
                return StartCue(name: rest.isEmpty ? nil : originalRest, explicit: true)
            }
        }
        if Self.bareOrdinal.firstMatch(in: t) != nil { return StartCue(name: nil, explicit: true) }
        return nil
    }

    /// The number an application's opening line gives it (二、X → 2, （三） → 3, 创新应用4：X → 4,
    /// ⑤ → 5, Application 6 → 6, 第七项 → 7), or nil: a page that keeps the official
    /// numbers of an excerpt (二、四、六) numbers its records by them. Digits 1…999; Chinese
    /// numerals 1…99 (a page numbering past 99 in 一百… falls back to page order).
    static func ordinalValue(_ text: String) -> Int? {
        let raw = ScalarClass.trimmingHorizontalSpace(text)
        if let f = raw.unicodeScalars.first, (0x2460...0x2473).contains(f.value) { return Int(f.value - 0x2460 + 1) }  // ① … ⑳ (NFKC makes them digits)
        var u = Array(ScalarClass.trimmingHorizontalSpace(ScalarClass.nfkc(raw)).unicodeScalars.prefix(16))
        for p in ["创新应用", "創新應用", "试点应用", "試點應用", "应用", "應用", "项目", "項目", "案例", "application", "Application", "case", "Case", "No.", "no."] {
            let ps = Array(p.unicodeScalars)
            if u.starts(with: ps) { u.removeFirst(ps.count); break }
        }
        while let f = u.first, f == " " || f == "(" || f == "（" || f == "第" || f == "\u{3000}" { u.removeFirst() }
        let digits = u.prefix { ("0"..."9").contains($0) }
        var value: Int?
        var n = digits.count
        if n > 0, n <= 3 { value = Int(String(String.UnicodeScalarView(digits))) }
        if n == 0 {
            let numerals: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
            let run = u.prefix { numerals[$0] != nil }
            n = run.count
            switch run.map({ numerals[$0]! }) {
            case let r where r.count == 1: value = r[0]
            case let r where r.count == 2 && r[0] == 10: value = 10 + r[1]
            case let r where r.count == 2 && r[1] == 10: value = r[0] * 10
            case let r where r.count == 3 && r[1] == 10: value = r[0] * 10 + r[2]
            default: value = nil
            }
        }
        guard let v = value, v >= 1, v <= 999 else { return nil }
        // The number must stand alone: followed by a separator, a bracket or the end.
        guard n == u.count || "、.．)）:：|｜ 项個个".unicodeScalars.contains(u[n]) else { return nil }
        return v
    }

    /// The last `length` scalars of `text`, trimmed, when that is plausible as the same
    /// text as the normalised suffix (NFKC and folding keep lengths of Han text).
    private static func originalSuffix(_ text: String, length: Int) -> String? {
        let t = ScalarClass.trimmingHorizontalSpace(text)
        let s = Array(t.unicodeScalars)
        guard length <= s.count else { return nil }
        return trim(String(scalars: s[(s.count - length)...]))
    }

    // MARK: - Helpers

    static let numbering = Pattern(#"^\s*(?:[\[［]\s*[\d０-９]{1,3}\s*[\]］]|[（(]\s*[一二三四五六七八九十百\d０-９]+\s*[)）]|[一二三四五六七八九十百]+\s*[、.．｜|]|[\d０-９]+\s*[、.．)）](?![\d０-９])|[①-⑳]|第[一二三四五六七八九十]+\s*[、，,.．]|[\d０-９]{1,3}\s*[/／]\s*[\d０-９]{1,3}\s+|[\d０-９]+\s+|[\d０-９]{1,3}(?:[.．][\d０-９]{1,3})+\s+)\s*"#)

    /// Removes leading enumeration: （一） (1) （１） [1] 一、 1. 1、 ① 第一、 2.1 and spaces.
    static func stripNumbering(_ s: String) -> String {
        let t = stripMarks(trim(s, colons: false))
        // Numbering starts with a bracket, a digit, a Chinese numeral, ① … or 第: test the
        // first scalar before running the pattern.
        guard let first = t.unicodeScalars.first,
              "（([［一二三四五六七八九十百第".unicodeScalars.contains(first) || ("0"..."9").contains(first)
                || (0xFF10...0xFF19).contains(first.value) || (0x2460...0x2473).contains(first.value) else { return t }
        let u = t.unicodeScalars
        if let end = numberingEnd(u) { return String(u[end...]) }
        return t
    }

    /// Where the leading numbering of `u` ends (after the white space following it), or nil
    /// when `u` opens with none: `numbering`, matched by hand over the scalars (the regex
    /// was the largest cost of `label(in:)`). ICU's classes are kept: `\s` is
    /// Unicode's White_Space (U+000B and U+0085 included) and `\d` is `\p{Nd}` (full-width
    /// digits included). `ByteLevelEquivalenceTests.numberingMatchesThePattern` checks this
    /// against the pattern on generated texts.
    static func numberingEnd(_ u: String.UnicodeScalarView) -> String.Index? {
        @inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool { ScalarClass.isWhiteSpace(c) }
        @inline(__always) func isDigit(_ c: Unicode.Scalar) -> Bool {
            if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
            return c.properties.generalCategory == .decimalNumber
        }
        @inline(__always) func isNumeral(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
            default: return false
            }
        }
        let end = u.endIndex
        /// The index after the run of scalars from `i` satisfying `p`, and the run's length.
        func run(_ i: String.Index, _ p: (Unicode.Scalar) -> Bool) -> (String.Index, Int) {
            var j = i, n = 0
            while j < end, p(u[j]) { j = u.index(after: j); n += 1 }
            return (j, n)
        }
        func one(_ i: String.Index, _ p: (Unicode.Scalar) -> Bool) -> String.Index? {
            i < end && p(u[i]) ? u.index(after: i) : nil
        }
        func inSet(_ set: String) -> (Unicode.Scalar) -> Bool { { set.unicodeScalars.contains($0) } }
        let start = run(u.startIndex, isSpace).0
        guard start < end else { return nil }
        let first = u[start]
        let next = u.index(after: start)
        var matched: String.Index?
        // Alternatives in the pattern's order; the first that matches wins.
        alternatives: do {
            // [\[［]\s*\d{1,3}\s*[\]］]
            if first == "[" || first == "［" {
                let (a, _) = run(next, isSpace)
                let (b, n) = run(a, isDigit)
                if n >= 1 && n <= 3, let c = one(run(b, isSpace).0, inSet("]］")) { matched = c; break alternatives }
            }
            // [（(]\s*[一…十百\d]+\s*[)）]
            if first == "（" || first == "(" {
                let (a, _) = run(next, isSpace)
                let (b, n) = run(a) { isNumeral($0) || $0 == "百" || isDigit($0) }
                if n >= 1, let c = one(run(b, isSpace).0, inSet(")）")) { matched = c; break alternatives }
            }
            // [一…十百]+\s*[、.．｜|]
            if isNumeral(first) || first == "百" {
                let (b, _) = run(start) { isNumeral($0) || $0 == "百" }
                if let c = one(run(b, isSpace).0, inSet("、.．｜|")) { matched = c; break alternatives }
            }
            if isDigit(first) {
                let (b, n) = run(start, isDigit)
                let (s, spaces) = run(b, isSpace)
                // \d+\s*[、.．)）](?!\d)
                if let c = one(s, inSet("、.．)）")), !(c < end && isDigit(u[c])) { matched = c; break alternatives }
                // \d{1,3}\s*[/／]\s*\d{1,3}\s+ (a longer digit run cannot match: backtracking
                // to fewer digits leaves a digit where a space or slash is needed)
                if n <= 3, let slash = one(s, inSet("/／")) {
                    let (d, m) = run(run(slash, isSpace).0, isDigit)
                    let (e, k) = run(d, isSpace)
                    if m >= 1 && m <= 3 && k >= 1 { matched = e; break alternatives }
                }
                // \d+\s+
                if spaces >= 1 { matched = s; break alternatives }
                // \d{1,3}(?:[.．]\d{1,3})+\s+ (a section number, 2.1 or 3.2.1, before a space;
                // each run is maximal: backtracking to fewer digits leaves a digit where a
                // dot or space is needed)
                if n <= 3 {
                    var j = b, parts = 0
                    while let dot = one(j, inSet(".．")) {
                        let (d, m) = run(dot, isDigit)
                        guard m >= 1 && m <= 3 else { break }
                        j = d; parts += 1
                    }
                    let (e, k) = run(j, isSpace)
                    if parts >= 1 && k >= 1 { matched = e; break alternatives }
                }
            }
            // [①-⑳]
            if (0x2460...0x2473).contains(first.value) { matched = next; break alternatives }
            // 第[一…十]+\s*[、，,.．]
            if first == "第" {
                let (b, n) = run(next, isNumeral)
                if n >= 1, let c = one(run(b, isSpace).0, inSet("、，,.．")) { matched = c; break alternatives }
            }
        }
        guard let m = matched else { return nil }
        return run(m, isSpace).0
    }

    /// Marks that decorate the start of a line and say nothing: Markdown left unrendered
    /// (`###`, `**`, `- `), bullets (• · ▪ ■ ◆ ● ○ ► ▶ ★ ☆ ✓ ✔ ➤ ※), and keycap emoji
    /// numbers (1️⃣ = digit, U+FE0F, U+20E3), which are numbering.
    static func stripMarks(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, marks.contains(first) || isBlank(first) || first == "-" || first == "+"
                || ("0"..."9").contains(first) || s.unicodeScalars.last == "*" else { return s }
        var u = Array(s.unicodeScalars)
        var changed = false
        while true {
            if let f = u.first, marks.contains(f) || isBlank(f) { u.removeFirst(); changed = true; continue }
            if u.count >= 2, u[0] == "-" || u[0] == "+", isBlank(u[1]) { u.removeFirst(2); changed = true; continue }
            // Keycap: a digit (or several), optional U+FE0F, U+20E3.
            var k = 0
            while k < u.count, ("0"..."9").contains(u[k]) { k += 1 }
            if k > 0, k < u.count {
                var m = k
                if u[m] == "\u{FE0F}" { m += 1 }
                if m < u.count, u[m] == "\u{20E3}" { u.removeFirst(m + 1); changed = true; continue }
            }
            break
        }
        // Trailing Markdown emphasis (名称**).
        while let l = u.last, l == "*" { u.removeLast(); changed = true }
        return changed ? String(scalars: u) : s
    }

    private static let marks: Set<Unicode.Scalar> = ["#", "*", "•", "·", "▪", "■", "◆", "●", "○", "►", "▶", "★", "☆", "✓", "✔", "➤", "※", "◇", "□", "▌", "|", ">"]

    /// Blanks trimmed from labels and values: white space (`ScalarClass.isWhiteSpace`).
    @inline(__always)
    static func isBlank(_ u: Unicode.Scalar) -> Bool { ScalarClass.isWhiteSpace(u) }

    /// `s` without leading and trailing white space and (unless `colons` is false) colons.
    static func trim(_ s: String, colons: Bool = true) -> String {
        let u = s.unicodeScalars
        func drop(_ c: Unicode.Scalar) -> Bool { isBlank(c) || (colons && Self.isColon(c) && c != "／" && c != "｜" && c != "|") }
        guard let lo = u.firstIndex(where: { !drop($0) }) else { return "" }
        let hi = u.lastIndex(where: { !drop($0) })!
        if lo == u.startIndex && hi == u.index(before: u.endIndex) { return s }
        return String(u[lo...hi])
    }

    private static func clean(_ s: String) -> String {
        let brackets: Set<Unicode.Scalar> = ["【", "】", "[", "]", "〔", "〕", "［", "］", "〖", "〗"]
        var u = Array(trim(s).unicodeScalars)
        while let f = u.first, brackets.contains(f) { u.removeFirst() }
        while let l = u.last, brackets.contains(l) { u.removeLast() }
        return String(scalars: u)
    }

    /// The text of `body` after its first `start` scalars, without the label separator.
    private static func valueAfter(_ body: String, from start: Int) -> String {
        let u = body.unicodeScalars
        var idx = u.index(u.startIndex, offsetBy: start, limitedBy: u.endIndex) ?? u.endIndex
        while idx < u.endIndex, u[idx] == "—" || u[idx] == "－" || u[idx] == "*" { idx = u.index(after: idx) }
        return trim(String(u[idx...]))
    }

}

/// Script tests shared by the reader's stages.
enum PageText {
    /// Whether a bracketed phrase opening a paragraph is a news credit (【本报讯】,
    /// 【新华社北京8月1日电】, 【本報記者 李曉】, 【财经网消息】): the story's source, not a field.
    static func isNewsCredit(_ inner: String) -> Bool {
        let s = simplified(inner).trimmingCharacters(in: .whitespaces)
        return ["讯", "电", "消息", "报道"].contains { s.hasSuffix($0) } || ["记者", "本报", "通讯员", "编者按"].contains { s.contains($0) }
    }

    /// `s` without the symbols and white space it opens or ends with: emoji and pictographs
    /// (🏦 X, X👇), dingbats, regional indicators and skin-tone modifiers (general categories
    /// So and Sk outside ASCII), variation selectors and zero-width joiners. Decoration of
    /// a title, never part of an application's name.
    static func withoutSymbolEnds(_ s: String) -> String {
        @inline(__always) func decoration(_ u: Unicode.Scalar) -> Bool {
            if u.value < 0x80 { return ScalarClass.isWhiteSpace(u) }
            if u.value == 0x200D || (0xFE00...0xFE0F).contains(u.value) || ScalarClass.isWhiteSpace(u) { return true }
            switch u.properties.generalCategory {
            case .otherSymbol, .modifierSymbol: return true
            default: return false
            }
        }
        let v = s.unicodeScalars
        guard let f = v.first, let l = v.last, decoration(f) || decoration(l) else { return s }
        guard let lo = v.firstIndex(where: { !decoration($0) }) else { return "" }
        let hi = v.lastIndex(where: { !decoration($0) })!
        return String(v[lo...hi])
    }

    /// `s` folded with `ScriptFolder.always`.
    static func simplified(_ s: String) -> String { ScriptFolder.always(s) }

    /// Whether `s` holds a Han character.
    static func hasHan(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) }
    }

    /// A Chinese text followed by its English gloss in brackets (`华为（Huawei）`,
    /// `百行征信信用普惠服务（Baihang Credit inclusive credit information service）`): the
    /// text before the brackets and the gloss, when the text ends with one bracketed
    /// group whose inside holds Latin letters and no Han character and the text before it
    /// holds Han; nil otherwise (`中国移动(上海)产业研究院`, `（TEE）` alone).
    static func latinGloss(_ s: String) -> (text: String, gloss: String)? {
        let u = Array(s.unicodeScalars)
        var end = u.count
        while end > 0, ScalarClass.isWhiteSpace(u[end - 1]) { end -= 1 }
        guard end > 0, u[end - 1] == ")" || u[end - 1] == "）" else { return nil }
        var open = end - 2
        while open >= 0, u[open] != "(", u[open] != "（" {
            if u[open] == ")" || u[open] == "）" { return nil }  // nested or a second group
            open -= 1
        }
        guard open > 0 else { return nil }
        let inner = u[(open + 1)..<(end - 1)]
        guard inner.contains(where: isLatinLetter),
              !inner.contains(where: ScalarClass.isHan) else { return nil }
        let before = ScalarClass.trimmingHorizontalSpace(String(scalars: u[..<open]))
        let gloss = ScalarClass.trimmingHorizontalSpace(String(scalars: inner))
        guard hasHan(before), !gloss.isEmpty else { return nil }
        return (before, gloss)
    }

    /// An English name followed by the Chinese one in brackets (`Remote video banking
    /// service (远程视频银行服务)`, a translated brief's heading): the English text and the
    /// Chinese name, when the text ends with one bracketed group that holds Han and no
    /// Latin letter and the text before it holds Latin letters and no Han; nil otherwise
    /// (`甲服务（试点）`, `Tencent Cloud (Beijing)`).
    static func hanGloss(_ s: String) -> (text: String, gloss: String)? {
        // (Most names end in no bracket: answered before copying the scalars.)
        guard let l = s.unicodeScalars.last(where: { !ScalarClass.isWhiteSpace($0) }), l == ")" || l == "）" else { return nil }
        let u = Array(s.unicodeScalars)
        var end = u.count
        while end > 0, ScalarClass.isWhiteSpace(u[end - 1]) { end -= 1 }
        guard end > 0, u[end - 1] == ")" || u[end - 1] == "）" else { return nil }
        guard let open = openingOfLastGroup(u, end: end), open > 0 else { return nil }
        let inner = u[(open + 1)..<(end - 1)], before = u[..<open]
        guard inner.contains(where: ScalarClass.isHan), !inner.contains(where: isLatinLetter),
              before.contains(where: isLatinLetter), !before.contains(where: ScalarClass.isHan) else { return nil }
        let text = ScalarClass.trimmingHorizontalSpace(String(scalars: before))
        let gloss = ScalarClass.trimmingHorizontalSpace(String(scalars: inner))
        guard !text.isEmpty, !gloss.isEmpty else { return nil }
        return (text, gloss)
    }

    /// Where the bracket group that ends at `u[end - 1]` (a closing `)` or `）`) opens, brackets
    /// inside it (（北京）) balanced, or nil when it opens nowhere. The one backward bracket
    /// scan of `hanGloss`, `ProseReader.titleRemark` and `titleRemarkStripped`.
    static func openingOfLastGroup(_ u: [Unicode.Scalar], end: Int) -> Int? {
        var depth = 0, open = end - 1
        while open >= 0 {
            if u[open] == ")" || u[open] == "）" { depth += 1 }
            if u[open] == "(" || u[open] == "（" { depth -= 1; if depth == 0 { return open } }
            open -= 1
        }
        return nil
    }

    /// An ASCII letter, either case.
    static func isLatinLetter(_ u: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(u.value) || (0x61...0x7A).contains(u.value) }

    /// Words of `s` (runs between white space) that hold a Latin letter: B2B and e-CNY are
    /// one word each, "Service A for SMEs" four.
    static func latinWordCount(_ s: String) -> Int {
        s.unicodeScalars.split(whereSeparator: ScalarClass.isWhiteSpace)
            .filter { $0.contains(where: isLatinLetter) }.count
    }
}
