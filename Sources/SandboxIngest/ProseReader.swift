import SandboxText
import Foundation

/// Reads applications from running prose — news re-posts that give no field labels:
/// names in quotes (“” 「」 『』 《》) that read as names, applicants from the sentence
/// that introduces each one (`“X”由A、B共同申请` / `A申请的“X”` / `“X” (English) was
/// submitted jointly by A and B`), a stated type (`该应用为金融服务类`, `is a financial
/// service`), and the paragraphs after an application's opening paragraph, up to the
/// next one, as its text. Paragraphs before the first application are the
/// introduction; they and the closing belong to no application.
struct ProseReader {
    /// Traditional → simplified folding for the page.
    var folder = ScriptFolder.always

    /// Quote pairs that may hold an application name.
    static let quotes: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "《": "》", "\"": "\""]

    /// The closing quote of an opening one (`quotes` as a switch: a dictionary look-up
    /// per scalar was the prose reader's largest cost).
    @inline(__always)
    static func closingQuote(of u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "“": return "”"
        case "「": return "」"
        case "『": return "』"
        case "《": return "》"
        case "\"": return "\""
        default: return nil
        }
    }

    /// Whether `u` closes a quote of `quotes`.
    @inline(__always)
    static func isClosingQuote(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "”", "」", "』", "》", "\"": return true
        default: return false
        }
    }

    /// `^\s*[（(]([A-Za-z][^）)]{1,200})[)）]`: an English name in brackets opening a text.
    static let leadingEnglishParenthesis = Pattern(#"^\s*[（(]([A-Za-z][^）)]{1,200})[)）]"#, requires: [["(", "（"]])

    /// Endings and openings that make a quoted phrase read as an application name.
    static let nameEndings = ["服务", "产品", "平台", "系统", "应用", "项目", "工具", "方案", "模式", "业务", "贷", "卡", "通", "宝", "盾",
                              "service", "product", "platform", "system", "application", "project", "solution", "card"]

    /// `由A、B共同申请` and its variants, after a quoted name (group 1: the applicants).
    static let byApplicants = Pattern(#"^\s*(?:[（(][^）)]{1,120}[)）])?\s*[,，]?\s*(?:项目|应用|产品)?\s*(?:是)?由\s*(.{2,160}?)\s*(?:等\s*\d*\s*家?\s*机构)?\s*(?:共同|联合|合作)?\s*(?:申请|申报|提交|推出|研发|开发|提出)(?=[，,。；;\s的并]|$)"#, requires: [["由"]])
    /// `(English name) was submitted jointly by A and B` (group 1: English name, 2: applicants).
    static let englishBy = Pattern(#"^\s*(?:\(([^)]{2,200})\))?\s*,?\s*(?:which\s+)?(?:was|is|has been|were)?\s*(?:submitted|applied\s+for|proposed|developed|launched|filed)\s+(?:jointly\s+)?by\s+(.+?)(?=\s+and\s+(?:is|was)\b|[,;.](?:\s|$)|$)"#, caseInsensitive: true, requires: [["by"]])
    /// `A申请的“X”` / `A、B共同申请的“X”` inside an enumeration (group 1: applicants, 2: name).
    static let enumerated = Pattern(#"([^“”「」『』《》，,；;：:。]{2,120}?)\s*(?:共同|联合|合作)?\s*(?:申请|申报|提交|推出)的\s*[“「『《]((?:[^“”「」『』《》]|[“「『《][^“”「」『』《》]*[”」』》])+)[”」』》]"#, requires: [["的"]])
    /// `“X” (English name), applied for (jointly) by A and B` in an English enumeration.
    static let englishEnumerated = Pattern(#"[“"]([^”"]{2,120})[”"]\s*(?:\(([^)]{2,200})\))?\s*,?\s*(?:which\s+|that\s+)?(?:was\s+|were\s+|is\s+|has\s+been\s+)?(?:jointly\s+)?(?:applied\s+for|submitted|proposed|filed|developed|launched|put\s+forward)\s+(?:jointly\s+)?by\s+(.+?)(?=;|\.\s|\.$|,\s*(?:and\s+)?[“"]|,\s*(?-i:[a-z])|\s+and\s+(?:is|was|it)\b|$)"#, caseInsensitive: true, requires: [["by"]])
    /// A stated application type: 属于金融服务, is a technology product, 这款科技产品, the
    /// type in brackets (“X”（金融服务）), or the group the sentence picks from (两项科技产品中，
    /// 由A申报的“X”).
    static let statedType = Pattern(#"(?:为|属于|(?<![专附从金])属|是|系|归为|列为)\s*(?:一[项款个])?\s*(金融服务|科技产品)\s*类?|(?:is|as)\s+an?\s+(financial\s+service|technology\s+product)|(金融服务|科技产品)\s*类?\s*(?:应用)?\s*[，,]\s*(?:是|为)|的\s*(金融服务|科技产品)\s*类\s*(?:应用|产品|项目)|(?:这|该|此)\s*[款项个类]\s*(金融服务|科技产品)|[（(]\s*(金融服务|科技产品)\s*类?\s*(?:应用)?\s*[）)]|[一二两三四五六七八九十\d]+\s*[项个款]\s*(金融服务|科技产品)\s*类?\s*(?:应用)?\s*(?:之|当)?中"#, caseInsensitive: true,
                                 requires: [["金融服务", "科技产品", "financial", "technology"]])

    /// Endings of institution names (LABELS.md §4 kinds): where a 与 after one separates two.
    static let institutionEndings = ["银行", "公司", "科技", "数科", "金科", "数金", "银联", "网联", "集团", "支付", "保险", "证券", "基金", "中心", "协会",
                                     "研究院", "联社", "联合社", "信用社", "分行", "支行", "征信", "银行卡", "有限责任公司", "股份有限公司",
                                     "商行"]  // 农商行, 城商行: the short forms of rural and city commercial banks

    /// Words by which a paragraph speaks of the batch or the programme, not of one application.
    static let batchWords = ["本批", "此次", "这批", "该批", "上述", "以上", "这些应用", "各应用", "多个应用", "首批应用", "公示期", "社会公众",
                             "业内人士", "专家", "记者注意到", "负责人表示", "据悉", "整体来看", "总体来看", "从名单来看", "this batch", "these applications",
                             "the public", "notice period"]

    /// Words that open a paragraph summing up the batch (总结一下：…, 以上应用…, Overall, …).
    static let summaryOpenings = ["总结", "总之", "综上", "总的来看", "总的来说", "总体来看", "整体来看", "以上", "上述", "本批", "这批", "此次",
                                  "in summary", "overall", "to sum up", "in total"]

    /// Whether a paragraph opens by summing up the batch (`summaryOpenings`) and names no
    /// application (`isBatchLevel`): page matter after the applications, in any layout.
    static func opensAsSummary(_ text: String) -> Bool {
        let lower = ScalarClass.trimmingHorizontalSpace(text).lowercased()
        guard summaryOpenings.contains(where: { ByteSearch.hasPrefix(lower, $0) }) else { return false }
        // (以上海…: a place, not 以上.)
        if ByteSearch.hasPrefix(lower, "以上海") { return false }
        return isBatchLevel(text)
    }

    /// Whether a paragraph speaks of the batch or the programme and names no application
    /// (no quoted phrase, no 该应用/该产品/本产品, which speak of one).
    static func isBatchLevel(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard batchWords.contains(where: { ByteSearch.contains(lower, $0) }) else { return false }
        if quoted(text).contains(where: { readsAsName($0.name) }) { return false }
        return !["该应用", "该产品", "本产品", "本应用", "该平台", "该服务", "该项目", "the application", "the product", "the service"].contains { ByteSearch.contains(lower, $0) }
    }

    /// Words that open an item of a list in prose (一是, 其二, 第三个是, 首先, 此外, 先说, 再看 …).
    static let listLead = Pattern(#"^\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+是?|第[一二三四五六七八九十\d]+[个项]?(?:应用)?(?:是|为)?|首先是?|其次是?|再次是?|最后(?:一个)?是?|此外|另外|同时|以及|还有|(?:先|再|接着|接下来|然后)\s*(?:说说|说|看看|来看|看|是))\s*"#)

    /// `由A牵头，B、C参与` (group 1: the lead, 2: the others).
    static let ledBy = Pattern(#"由\s*([^，,。；;：:]{2,60}?)\s*牵头\s*[，,、]?\s*(?:联合|会同)?\s*([^，,。；;：:]{2,100}?)\s*(?:等\s*\d*\s*家?\s*机构)?\s*(?:共同)?\s*参与"#, requires: [["由"], ["牵头"], ["参与"]])
    /// `由A(与B)(联合|独立)申报` in an application's text, when no field gave its applicants
    /// (group 1: the applicants); only 申请 / 申报, which name who applied.
    static let statedApplicants = Pattern(#"由\s*([^，,。；;：:“”「」《》]{2,100}?)\s*(?:共同|联合|合作|独立|单独)?\s*(?:申请|申报)(?=[，,。；;\s的并]|$)"#, requires: [["由"], ["申请", "申报"]])
    /// `申报机构为A、B` / `申请单位是A与B` / `申请机构：A。` anywhere in a paragraph (group 1: the applicants).
    static let applicantsAre = Pattern(#"(?:申报|申请)(?:机构|单位|主体|方)\s*(?:为|是|包括|[:：])\s*([^。；;，,“”「」《》]{2,100}?)\s*(?=[。；;，,]|$)"#, requires: [["申报", "申请"]])
    /// `由A、B(共同|联合)申请` anywhere in a paragraph (group 1: the applicants).
    static let appliedBy = Pattern(#"由\s*([^，,。；;：:]{2,100}?)\s*(?:共同|联合|合作)?\s*(?:申请|申报|推出|研发)(?=[，,。；;\s的并]|$)"#, requires: [["由"], ["申请", "申报", "推出", "研发"]])

    /// The stretch of `original` that reads `piece` in `folded` (same scalar count), so that
    /// applicants keep the page's own characters.
    static func sameSpan(of piece: String, folded: String, original: String) -> String? {
        guard folded.unicodeScalars.count == original.unicodeScalars.count, let r = folded.range(of: piece) else { return nil }
        return String(same(original, folded, r))
    }

    /// An applicant list (`、`-separated) read on `folded`, each name as `original` writes
    /// it (same scalar count); a name not found stays as it is.
    static func inOriginal(_ applicants: String, folded: String, original: String) -> String {
        guard folded != original else { return applicants }
        return applicants.components(separatedBy: "、").map { sameSpan(of: $0, folded: folded, original: original) ?? $0 }.joined(separator: "、")
    }

    /// The applicants of a prose clause: what follows its last 由 (是由A申请 → A), without
    /// a leading 包括 / 分别为, with 与 / 和 / 及 read as list separators.
    static func cleanApplicants(_ raw: String) -> String {
        var a = raw
        if let by = a.lastIndex(of: "由") { a = String(a[a.index(after: by)...]) }
        // 首个项目是A申报的“X”: the applicants follow the copula.
        if let be = a.lastIndex(of: "是"), a.index(after: be) < a.endIndex { a = String(a[a.index(after: be)...]) }
        if let r = Self.listLead.firstMatch(in: a) { a = String(a[r.upperBound...]) }
        for lead in ["其中", "包括", "分别为", "分别是", "分别", "依次为", "即", "有", "为", "是"] where a.hasPrefix(lead) { a.removeFirst(lead.count) }
        // 与 / 和 / 及 separate two institutions only after an institution's ending, so that a
        // name holding one (国家计算机网络与信息安全管理中心) stays whole.
        // The pieces are merged in one pass (a piece that does not end like an institution
        // takes the separator and the next piece), not by removing each merged piece from
        // the array, which moved all the pieces after it: 64,000 与 took seconds.
        for sep in ["以及", "与", "和", "及"] {
            let parts = a.components(separatedBy: sep)
            var merged: [String] = []
            var current = parts[0]
            for next in parts.dropFirst() {
                if institutionEndings.contains(where: { current.hasSuffix($0) }) {
                    merged.append(current)
                    current = next
                } else {
                    current += sep + next
                }
            }
            merged.append(current)
            a = merged.joined(separator: "、")
        }
        return ScalarClass.trimmingHorizontalSpace(String(a))
    }

    /// Verbs (with their 共同/联合 and 的) that may stand between applicants and a quoted name.
    static let clauseVerb = Pattern(#"(?:共同|联合|合作|携手|独立|单独|自主)?\s*(?:申请|申报|提交|推出|研发|打造|开发|提出)?\s*了?\s*的?\s*$"#)

    /// `(name, applicants)` for every quoted name preceded by its applicants within the
    /// clause: `A申请的“X”`, `A、B共同申请的“X”`, `A联合B推出的“X”`, `是由A申请的《X》`, or just
    /// `A“X”` / `A的“X”` where A ends like an institution (…银行, …公司, …数科). `text` is
    /// the folded text used for matching; names and applicants come from `original`
    /// (same scalar count).
    static func applicantClauses(in text: String, original: String) -> [(name: String, applicants: String)] {
        clauses(in: text, original: original).map { ($0.name, $0.applicants) }
    }

    /// An applicant clause with its place: `start` (the clause's first scalar) and
    /// `end` (just after the closing quote), scalar offsets into the text.
    struct Clause { let name: String; let applicants: String; let start: Int; let end: Int }

    /// The clauses of `applicantClauses(in:original:)` with their places.
    /// What ends the clause before a quoted name: `，,；;：:。`, a line break, an opening bracket.
    @inline(__always)
    static func isClauseBoundary(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", ",", "；", ";", "：", ":", "。", "\n", "（", "(": return true
        default: return false
        }
    }

    static func clauses(in text: String, original: String) -> [Clause] {
        let u = Array(text.unicodeScalars)
        let o = Array(original.unicodeScalars)
        guard u.count == o.count else { return [] }
        var out: [Clause] = []
        var i = 0
        var lastClose = -1
        var finder: InstitutionFinder?  // made at the first pronoun
        while i < u.count {
            guard let close = closingQuote(of: u[i]), u[i] != "\"" else { i += 1; continue }
            // The quoted name (one level of inner quotes allowed).
            var j = i + 1
            var depth = 0
            while j < u.count, !(u[j] == close && depth == 0) {
                if closingQuote(of: u[j]) != nil && u[j] != close { depth += 1 } else if isClosingQuote(u[j]) && depth > 0 { depth -= 1 }
                j += 1
            }
            guard j < u.count else { break }
            var name = String(scalars: o[(i + 1)..<j])
            // “亿亩田”-基于…金融服务: a quoted brand and the name's tail, one name.
            if close != "》", !readsAsName(name), let tail = brandTail(Array(o[(j + 1)..<min(o.count, j + 49)])) {
                name = String(scalars: o[i..<(j + 1 + tail)])
                j += tail
            }
            // The clause before it: back to a boundary or the previous name.
            var k = i
            while k > 0, k - 1 > lastClose, !Self.isClauseBoundary(u[k - 1]) { k -= 1 }
            // Read on the folded clause (申報 reads as 申报); the applicants then keep the
            // page's own characters (same scalar count).
            let originalBefore = String(scalars: o[k..<i])
            let foldedBefore = String(scalars: u[k..<i])
            var before = foldedBefore
            while let f = before.unicodeScalars.first, f == "、" || f == " " || f == "和" || f == "及" { before.unicodeScalars.removeFirst() }
            lastClose = j
            i = j + 1
            guard readsAsName(name) || foldedBefore.hasSuffix("的") || foldedBefore.hasSuffix("推出") else { continue }
            let hadVerb: Bool
            if let r = clauseVerb.firstMatch(in: before), !before[r].isEmpty {
                hadVerb = before[r].unicodeScalars.contains { !"的了 ".unicodeScalars.contains($0) }
                before = String(before[..<r.lowerBound])
            } else {
                hadVerb = false
            }
            var applicants = cleanApplicants(before.replacingOccurrences(of: "联合", with: "、").replacingOccurrences(of: "携手", with: "、"))
            if pronouns.contains(where: { applicants.hasPrefix($0) }) {
                // 该行此次推出的“X”: the institution the text named last before the clause.
                if finder == nil { finder = InstitutionFinder(o) }
                guard let named = finder!.lastInstitution(before: k) else { continue }
                applicants = named
            }
            guard !applicants.isEmpty, applicants.unicodeScalars.count <= 120 else { continue }
            let items = applicants.components(separatedBy: "、")
            guard hadVerb || items.contains(where: { item in institutionEndings.contains { item.hasSuffix($0) } }) else { continue }
            applicants = inOriginal(applicants, folded: foldedBefore, original: originalBefore)
            out.append(Clause(name: name, applicants: applicants, start: k, end: j + 1))
        }
        return out
    }

    /// Words that stand for an institution named before (该行 = that bank).
    static let pronouns = ["该行", "该公司", "该机构", "该集团", "其", "此", "本行", "该社"]

    /// The institution a pronoun at the end of `text` stands for: the first institution
    /// named in the last sentence before it (百信银行是…直销银行。该行… → 百信银行), or in
    /// the current sentence when it names one before the pronoun.
    static func lastInstitution(in text: String) -> String? {
        let u = Array(text.unicodeScalars)
        return InstitutionFinder(u).lastInstitution(before: u.count)
    }

    /// The institutions of one text, for the pronouns of its clauses: where each
    /// institution ending ends and where each sentence starts, found once, so that each
    /// pronoun's look-up (`lastInstitution(before:)`) takes constant time instead of
    /// rebuilding the text before it and searching its sentence once per ending
    /// (800 pronoun clauses in one sentence took 14 s).
    ///
    /// It finds what Foundation's `range(of:)` found in each sentence: that search compares
    /// with canonical equivalence (a compatibility ideograph such as U+FA08 is 行), which
    /// here is a literal search of the canonical scalars (`canonical`: the endings' scalars
    /// are CJK ideographs without decompositions, so only scalars whose canonical
    /// decomposition is one of them match them), and it refuses a match that the next
    /// scalar joins (a combining mark), which Foundation itself is asked, once per ending
    /// and scalar (`accepts`). `LinearTimeTests` checks both against Foundation for every
    /// scalar, and this finder against the Foundation search it replaces.
    struct InstitutionFinder {
        /// What ends a sentence.
        static let stops: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
        /// What cannot be part of an institution's name, before its ending.
        static let breaks: Set<Unicode.Scalar> = ["，", ",", "、", "的", "是", "由", "与", "和", "在", "对", "向", " ", "（", "(", "：", ":", "“", "”", "据"]
        /// `institutionEndings` as scalars.
        static let endings: [[Unicode.Scalar]] = institutionEndings.map { Array($0.unicodeScalars) }
        /// The longest ending's scalar count.
        static let longest = endings.map(\.count).max()!

        /// Scalars canonically equivalent to a scalar of an ending, with that scalar: the
        /// compatibility ideographs (the only scalars with a one-scalar canonical
        /// decomposition to a CJK ideograph) that decompose to one.
        static let canonicalEndingScalars: [Unicode.Scalar: Unicode.Scalar] = {
            let scalars = Set(endings.joined())
            var map: [Unicode.Scalar: Unicode.Scalar] = [:]
            for range in [0xF900...0xFAFF, 0x2F800...0x2FA1F] as [ClosedRange<UInt32>] {
                for v in range {
                    guard let c = Unicode.Scalar(v) else { continue }
                    let d = String(c).decomposedStringWithCanonicalMapping.unicodeScalars
                    if d.count == 1, let x = d.first, x != c, scalars.contains(x) { map[c] = x }
                }
            }
            return map
        }()

        /// The scalar `c` stands for in a canonical comparison with the endings.
        @inline(__always)
        static func canonical(_ c: Unicode.Scalar) -> Unicode.Scalar { canonicalEndingScalars[c] ?? c }

        /// Whether Foundation's `range(of:)` finds ending `i` when `c` follows it (false
        /// when `c` joins the ending's last character, as a combining mark does).
        static func accepts(_ i: Int, followedBy c: Unicode.Scalar) -> Bool {
            let text = institutionEndings[i] + String(Character(c))
            return text.range(of: institutionEndings[i])?.lowerBound == text.startIndex
        }

        /// The text's scalars.
        let u: [Unicode.Scalar]
        /// Per offset `e` (0...count): the endings (bit `i`: `institutionEndings[i]`) whose
        /// canonical scalars end at `e`.
        private var endingAt: [UInt32]
        /// Per offset `e`: the endings of `endingAt[e]` that Foundation finds there inside a
        /// longer text, with `u[e]` after them (none at the end).
        private var acceptedAt: [UInt32]
        /// Per offset `e` (0...count): the least `e' ≥ e` before the end where an ending is
        /// accepted (`acceptedAt`), or `count` when there is none.
        private var nextAccepted: [Int]
        /// Per offset `e` (0...count): where the sentence holding the scalars before `e`
        /// starts (just after the last stop before `e`).
        private var sentenceStart: [Int]

        /// Finds the endings and sentences of `u`.
        init(_ u: [Unicode.Scalar]) {
            self.u = u
            let n = u.count
            let cu = u.map(Self.canonical)
            endingAt = Array(repeating: 0, count: n + 1)
            acceptedAt = Array(repeating: 0, count: n + 1)
            var accepts: [Int: [Unicode.Scalar: Bool]] = [:]
            for e in 0...n {
                var mask: UInt32 = 0
                for (i, ending) in Self.endings.enumerated() where ending.count <= e && cu[e - 1] == ending.last! {
                    if cu[(e - ending.count)..<e].elementsEqual(ending) { mask |= 1 << UInt32(i) }
                }
                guard mask != 0 else { continue }
                endingAt[e] = mask
                guard e < n else { continue }
                var accepted: UInt32 = 0
                for i in Self.endings.indices where mask & (1 << UInt32(i)) != 0 {
                    let ok = accepts[i, default: [:]][u[e]] ?? {
                        let ok = Self.accepts(i, followedBy: u[e])
                        accepts[i, default: [:]][u[e]] = ok
                        return ok
                    }()
                    if ok { accepted |= 1 << UInt32(i) }
                }
                acceptedAt[e] = accepted
            }
            nextAccepted = Array(repeating: n, count: n + 1)
            if n > 0 {
                for e in stride(from: n - 1, through: 0, by: -1) { nextAccepted[e] = acceptedAt[e] != 0 ? e : nextAccepted[e + 1] }
            }
            sentenceStart = Array(repeating: 0, count: n + 1)
            for e in 0..<n { sentenceStart[e + 1] = Self.stops.contains(u[e]) ? e + 1 : sentenceStart[e] }
        }

        /// The institution a pronoun at offset `k` stands for (`lastInstitution(in:)` of
        /// the text before `k`): the first institution of the sentence before `k`, or of
        /// the sentence before that one.
        func lastInstitution(before k: Int) -> String? {
            var end = k
            for _ in 0..<2 {
                let start = sentenceStart[end]
                if let name = firstInstitution(from: start, to: end) { return name }
                guard start > 0 else { break }
                end = start - 1
            }
            return nil
        }

        /// The first institution name in `u[start..<end]` (a sentence): the text before the
        /// first institution ending back to a word that cannot be part of a name
        /// (，、的是由与和在对向 …), of more than the ending and at most 20 scalars.
        func firstInstitution(from start: Int, to end: Int) -> String? {
            guard let (e, length) = firstEnding(from: start, to: end) else { return nil }
            // Back to a break, but not past 20 scalars (no name then).
            var s = e - length
            while s > start, !Self.breaks.contains(u[s - 1]), e - s <= 20 { s -= 1 }
            guard e - s > length, e - s <= 20 else { return nil }
            return String(scalars: u[s..<e])
        }

        /// The end and length of the first ending Foundation found in `u[start..<end]`:
        /// the least end over the endings of each one's first match (the earlier ending of
        /// `institutionEndings` for the same end), a match before `end` counting only
        /// where it is accepted.
        func firstEnding(from start: Int, to end: Int) -> (end: Int, length: Int)? {
            var e = start + 1
            while e <= end {
                if e - start >= Self.longest, e < end {
                    // Every ending fits from here on: the next accepted one, or the end.
                    e = min(nextAccepted[e], end)
                }
                let mask = e == end ? endingAt[e] : acceptedAt[e]
                if mask != 0 {
                    for i in Self.endings.indices where mask & (1 << UInt32(i)) != 0 && Self.endings[i].count <= e - start {
                        return (e, Self.endings[i].count)
                    }
                }
                e += 1
            }
            return nil
        }
    }

    /// Every quoted phrase in `text` with the range after its closing quote: each opening
    /// quote (a character whose first scalar opens a pair of `quotes`) up to the next
    /// character whose first scalar closes that pair; an opening quote without one is text.
    ///
    /// The next closing quote of each kind is remembered while the walk moves on (the walk
    /// only goes forward), so that a text of many opening quotes without their closing
    /// one is read in linear time, not searched to its end once per quote.
    static func quoted(_ text: String) -> [(name: String, after: String.Index)] {
        var out: [(String, String.Index)] = []
        // Per closing quote: the index of its next occurrence at or after `from` (nil: none
        // from there to the end, which stays true as the walk moves on).
        var nextClose: [Unicode.Scalar: (from: String.Index, at: String.Index?)] = [:]
        func next(_ close: Unicode.Scalar, from start: String.Index) -> String.Index? {
            if let known = nextClose[close], known.from <= start {
                guard let at = known.at else { return nil }
                if at >= start { return at }
            }
            let at = text[start...].firstIndex(where: { $0.unicodeScalars.first == close })
            nextClose[close] = (start, at)
            return at
        }
        var i = text.startIndex
        while i < text.endIndex {
            if let u = text[i].unicodeScalars.first, let close = closingQuote(of: u) {
                if let j = next(close, from: text.index(after: i)) {
                    let inner = String(text[text.index(after: i)..<j])
                    // (Not inside a bracketed gloss: “X” (“品牌”名称) names one application twice.)
                    let glossed = i > text.startIndex && "（(".contains(text[text.index(before: i)])
                    if u != "《", !glossed, let (name, end) = brandedName(text, open: i, close: j, inner: inner) {
                        // “磐石”智能风控产品: a quoted brand and the name's tail, one name.
                        out.append((name, end))
                        i = end
                        continue
                    }
                    out.append((inner, text.index(after: j)))
                    i = text.index(after: j)
                    continue
                }
            }
            i = text.index(after: i)
        }
        return out
    }

    /// A quoted brand that does not read as a name, followed at once by Han characters that
    /// make it one (“磐石”智能风控产品): the whole name with its quotes, and the index after
    /// it; nil otherwise. The tail is the shortest run of at most 12 Han characters, letters
    /// or digits that ends like a name; after a dash joining the two (“亿亩田”-基于卫星遥感和
    /// 人工智能技术的智能化农村金融服务), of at most 40.
    static func brandedName(_ text: String, open: String.Index, close: String.Index, inner: String) -> (String, String.Index)? {
        guard !readsAsName(inner) else { return nil }
        let after = text.unicodeScalars[text.unicodeScalars.index(after: close)...].prefix(48)
        guard let length = brandTail(Array(after)) else { return nil }
        let end = text.unicodeScalars.index(after.startIndex, offsetBy: length)
        return (String(text[open..<end]), end)
    }

    /// The length in scalars of the name's tail that opens `u` (the scalars after a quoted
    /// brand's closing quote), dashes included: see `brandedName`; nil when none does, or
    /// when the run speaks of a batch or counts applications (首批, 6个应用). A tail that is
    /// only a head noun of `nameEndings` (应用, 产品) is none, and so is one holding 的
    /// (a phrase: “普惠”二字的应用) unless a dash joins it to the brand.
    static func brandTail(_ u: [Unicode.Scalar]) -> Int? {
        var k = 0
        var limit = 12
        while k < u.count, "-－—–".unicodeScalars.contains(u[k]) {
            k += 1
            limit = 40
        }
        var tail = String.UnicodeScalarView()
        var count = 0
        while k < u.count, count < limit, ScalarClass.isHan(u[k]) || u[k].isASCII && (u[k].properties.isAlphabetic || ("0"..."9").contains(u[k])) {
            // Without a dash, 的 makes a phrase, not a name's tail (“普惠”二字的应用).
            if limit == 12, u[k] == "的" { return nil }
            tail.append(u[k])
            k += 1
            count += 1
            guard count >= 2 else { continue }
            let t = String(tail)
            // A bare head noun (“监管沙盒”应用 = the sandbox's applications) is no name's tail.
            if nameEndings.contains(ScriptFolder.always(t)) { continue }
            if readsAsName(t), nameEndings.contains(where: { ScriptFolder.always(t).hasSuffix($0) && $0.count >= 2 }) {
                // (Not a batch or a count: “监管沙箱”首批6个应用 speaks of the batch. Tested
                // once, on the tail found: a shorter one holds no 批 or count the longer lacks.)
                if ByteSearch.contains(t, "批") || PageParser.chineseCount.firstMatch(in: t) != nil { return nil }
                return k
            }
        }
        return nil
    }

    /// A quoted name opening `text` (after white space and numbering): the name, and the
    /// text after its closing quote.
    static func leadingQuote(_ text: String) -> (name: String, rest: Substring)? {
        let t = FieldLabeler.stripNumbering(text)
        guard let first = t.unicodeScalars.first, let close = closingQuote(of: first) else { return nil }
        var depth = 0
        var idx = t.unicodeScalars.index(after: t.unicodeScalars.startIndex)
        let start = idx
        var count = 0
        while idx < t.unicodeScalars.endIndex, count < 100 {
            let u = t.unicodeScalars[idx]
            if u == close && depth == 0 {
                let name = String(t.unicodeScalars[start..<idx])
                let rest = t[t.unicodeScalars.index(after: idx)...]
                return (ScalarClass.trimmingHorizontalSpace(String(name)), rest)
            }
            if closingQuote(of: u) != nil && u != close { depth += 1 } else if isClosingQuote(u) && depth > 0 { depth -= 1 }
            idx = t.unicodeScalars.index(after: idx)
            count += 1
        }
        return nil
    }

    /// Whether a quoted phrase reads as an application name.
    static func readsAsName(_ s: String) -> Bool {
        let n = s.unicodeScalars.count
        guard n >= 2, n <= 80 else { return false }
        // Judged on the simplified form: 「…信用普惠服務」 reads as a name as 「…服务」 does.
        let lower = ScriptFolder.always(s).lowercased()
        if lower.hasPrefix("基于") || lower.hasPrefix("based on") { return true }
        return nameEndings.contains { lower.hasSuffix($0) }
    }

    /// The unit with each bold run that reads as a name (`readsAsName`, Han characters, not
    /// the whole unit) and stands in no quotes put in quotes — “X”, or 「X」 when X holds “” —
    /// so that it reads as a quoted name: Chinese news and WeChat posts set names in bold
    /// (先说甲银行申报的**基于区块链的…服务**。它…). Units mostly in Latin script are left as they
    /// are (`englishOpening` reads their Chinese names).
    static func quotingEmphasis(_ b: Block) -> Block {
        guard !b.emphasis.isEmpty else { return b }
        var han = 0, latin = 0
        for u in b.text.unicodeScalars {
            if ScalarClass.isHan(u) { han += 1 } else if u.isASCII && u.properties.isAlphabetic { latin += 1 }
        }
        guard han >= latin else { return b }
        var u = Array(b.text.unicodeScalars)
        var from = 0
        var changed = false
        for run in b.emphasis {
            let r = Array(run.unicodeScalars)
            guard r.count < u.count, readsAsName(run), PageText.hasHan(run), r.count >= 2 else { continue }
            // The run's next occurrence in the text.
            var at: Int?
            var k = from
            while k + r.count <= u.count {
                if u[k] == r[0], Array(u[k..<(k + r.count)]) == r { at = k; break }
                k += 1
            }
            guard let start = at else { continue }
            let end = start + r.count
            from = end
            if start > 0, closingQuote(of: u[start - 1]) != nil { continue }
            if let f = r.first, closingQuote(of: f) != nil, let l = r.last, isClosingQuote(l), r.count > 2,
               !r.dropFirst().dropLast().contains(where: isClosingQuote) { continue }  // already “quoted”
            let holdsCurly = r.contains("“") || r.contains("”")
            let (open, close): (Unicode.Scalar, Unicode.Scalar) = holdsCurly ? ("「", "」") : ("“", "”")
            u.insert(close, at: end)
            u.insert(open, at: start)
            from = end + 2
            changed = true
        }
        return changed ? b.withText(String(scalars: u)) : b
    }

    /// Whether a unit is a heading (h2–h6, or a paragraph wholly bold).
    static func isHeadingUnit(_ b: Block) -> Bool {
        if case .heading(let level) = b.kind { return level != 1 }
        return false
    }

    /// Whether a unit stands as a numbered title: a heading, or a short paragraph (at most
    /// 50 scalars, no sentence stop) that opens with numbering (（一）X, 二、第二批…).
    static func isNumberedTitle(_ b: Block) -> Bool {
        if isHeadingUnit(b) { return true }
        guard case .paragraph = b.kind else { return false }
        // (A remark in brackets after the name, （甲银行申报，金融服务）, is not counted.)
        let t = ScalarClass.trimmingHorizontalSpace(titleRemark(b.text)?.title ?? b.text)
        let n = t.unicodeScalars.count
        guard n <= 50, !t.unicodeScalars.contains(where: { "。；;！？!?".unicodeScalars.contains($0) }) else { return false }
        return FieldLabeler.stripNumbering(t).unicodeScalars.count < n
    }

    /// A title followed by a remark in brackets that says who applied and, it may be, the
    /// type: `X（A、B联合申报，科技产品）`, `X（A申请）`, `X（由A申报；金融服务）`. The title
    /// before the brackets, the applicants (the clause before 申报 / 申请 / 联合申报 / 共同申请 …)
    /// and the type (a clause that is only a type, `groupType`); nil when the brackets hold
    /// no such clause (`中国移动（上海）产业研究院`, `服务（试点）`).
    static func titleRemark(_ text: String) -> (title: String, applicants: String?, type: String?)? {
        // (Most units end in no bracket: answered before copying the scalars.)
        guard let l = text.unicodeScalars.last(where: { !ScalarClass.isWhiteSpace($0) }), l == "）" || l == ")" else { return nil }
        let u = Array(ScalarClass.trimmingHorizontalSpace(text).unicodeScalars)
        guard let open = PageText.openingOfLastGroup(u, end: u.count), open > 0 else { return nil }
        let inner = String(scalars: u[(open + 1)..<(u.count - 1)])
        var applicants: String?, type: String?
        for clause in inner.split(whereSeparator: { "，,；;".contains($0) }).map({ ScalarClass.trimmingHorizontalSpace(String($0)) }) {
            if let t = groupType(clause) { type = t; continue }
            guard let verb = remarkVerbs.first(where: { clause.hasSuffix($0) }) else { return nil }
            var who = String(clause.dropLast(verb.count))
            if who.hasPrefix("由") { who.removeFirst() }
            who = ScalarClass.trimmingHorizontalSpace(who)
            guard !who.isEmpty, applicants == nil else { return nil }
            applicants = who
        }
        guard applicants != nil else { return nil }
        return (ScalarClass.trimmingHorizontalSpace(String(scalars: u[..<open])), applicants, type)
    }

    /// `text` without its trailing remark (`titleRemark`), in the page's own characters.
    static func titleRemarkStripped(_ text: String) -> String {
        let u = Array(ScalarClass.trimmingHorizontalSpace(text).unicodeScalars)
        guard let l = u.last, l == "）" || l == ")", let open = PageText.openingOfLastGroup(u, end: u.count), open > 0 else { return text }
        return ScalarClass.trimmingHorizontalSpace(String(scalars: u[..<open]))
    }

    /// Verbs that end a remark's applicant clause, longest first.
    static let remarkVerbs = ["联合申报", "共同申报", "联合申请", "共同申请", "独立申报", "单独申报", "申报", "申请", "提交", "推出"]

    /// The application a numbered heading names (（三）X, 2. X): its text without the
    /// numbering, when it reads as a name (`readsAsName`), holds no sentence stop and is
    /// not a batch's or the page's title (公示, 名单, 批); quotes around the whole are
    /// dropped. An unnumbered heading (a report's 支付安全与“无感”银行服务) names none.
    static func headingName(_ text: String) -> String? {
        var t = FieldLabeler.stripNumbering(text)
        guard t.unicodeScalars.count < ScalarClass.trimmingHorizontalSpace(text).unicodeScalars.count else { return nil }
        if let (name, rest) = leadingQuote(t), rest.isEmpty { t = name }
        guard readsAsName(t), !t.unicodeScalars.contains(where: { "。；;！？!?：:".unicodeScalars.contains($0) }),
              !["公示", "名单", "批", "一览"].contains(where: { ByteSearch.contains(t, $0) }) else { return nil }
        return t
    }

    /// The type a group heading gives the applications under it (📌 金融服务类, 二、科技产品,
    /// Technology products): a unit that, without numbering, symbols and spaces, is only a
    /// type (with 类 / 类应用), or nil.
    static func groupType(_ text: String) -> String? {
        let bare = String(String.UnicodeScalarView(FieldLabeler.stripNumbering(text).unicodeScalars.filter {
            ScalarClass.isHan($0) || $0.isASCII && $0.properties.isAlphabetic
        })).lowercased()
        guard bare.unicodeScalars.count <= 24 else { return nil }
        for (type, words) in [("financial_service", ["金融服务", "financialservice", "financialservices"]),
                              ("technology_product", ["科技产品", "technologyproduct", "technologyproducts"])] {
            for w in words where bare == w || bare == w + "类" || bare == w + "类应用" || bare == w + "应用" || bare == w + "s" {
                return type
            }
        }
        return nil
    }

    /// Reads the applications of a page without field labels. `units` are the indices
    /// of the blocks to read (in order); closing blocks are recognised as in the segmenter.
    func read(_ blocks: [Block]) -> Segmenter.Result {
        let blocks = blocks.map(Self.quotingEmphasis)
        var result = Segmenter.Result()
        var enumeration: [String: (applicants: String, english: String?)] = [:]
        var enumerationOrder: [String] = []  // names in the order the text gives them
        for b in blocks {
            let t = b.text
            // (A heading's 农商银行的“远端柜员” names a nickname, not an application: in a
            // heading only a phrase that reads as a name counts.)
            for (name, applicants) in Self.applicantClauses(in: folder(t), original: t)
            where enumeration[name] == nil && (Segmenter.headingLevel(b) == nil || Self.readsAsName(name)) {
                enumeration[name] = (applicants, nil)
                enumerationOrder.append(name)
            }
            for c in Self.englishEnumerated.allCaptures(in: t) {
                guard let n = c[1], let a = c[3] else { continue }
                var name = String(t[n])
                var english = c[2].map { String(t[$0]) }
                if let e = english, PageText.hasHan(e), !PageText.hasHan(name) { (name, english) = (e, name) }
                if enumeration[name] == nil { enumerationOrder.append(name) }
                enumeration[name] = (String(t[a]), english)
            }
        }
        var current: Draft?
        var closed = false
        var opened: Set<String> = []
        // The application an interviewer's question asked about, for the answer after it;
        // whether the last question asked about none (its answer belongs to no application).
        var asked: String?
        var offTopic = false
        let enumerationNames = Set(enumerationOrder)
        var shape = TailShape()
        let contexts = PageParser.ClosingContexts()
        contexts.noteMainColumn(blocks)
        // The type the last group heading gave (📌 科技产品类), for the applications under it,
        // and the batch the last batch heading opened.
        var group: String?
        var scope: BatchScope?
        func flush(last: Bool = false, at line: Int? = nil) {
            if last, let c = current, let s = shape.trimmed(c, at: line, warnings: &result.warnings) { current = s }
            if var c = current {
                if c.type == "unstated", let g = group { c.type = g }
                if c.scope == nil { c.scope = scope }
                if c.openedByTitle, c.sections.isEmpty, c.applicants.isEmpty {
                    // A numbered title with nothing under it (（三）某某服务, then the next title)
                    // describes no application.
                    result.warnings.append("empty_title: line \(c.line): '\(c.headingName ?? "")' has no text or applicants under it; not an application")
                } else {
                    result.drafts.append(c)
                    shape.finished(c, eligible: true)
                }
            }
            current = nil
        }
        for (i, original) in blocks.enumerated() {
            if closed { result.closing.append(i); continue }
            if PageParser.isClosing(original, folder: folder, contexts: contexts) {
                if current != nil || !result.drafts.isEmpty { flush(last: true, at: original.line); closed = true; result.closing.append(i) } else { result.header.append(i) }
                continue
            }
            if let g = Self.groupType(original.text) {
                flush()
                group = g
                result.header.append(i)
                continue
            }
            if Segmenter.headingLevel(original) != nil || Self.isNumberedTitle(original), let batchScope = BatchScope.opened(by: original.text, folder: folder) {
                flush()
                scope = batchScope
                // 第二批入选：远程视频银行服务: the batch, and after its colon the application.
                let u = Array(original.text.unicodeScalars)
                if let colon = u.lastIndex(where: { $0 == "：" || $0 == ":" }), colon + 1 < u.count,
                   let name = Self.headingName("1." + String(scalars: u[(colon + 1)...])), !opened.contains(name) {
                    opened.insert(name)
                    var d = Draft(line: original.line)
                    d.headingName = name
                    current = d
                    shape.note(d)
                    continue
                }
                result.header.append(i)
                continue
            }
            // (The remark is looked for only on a numbered title: folding every unit was a cost.)
            let numbered = Self.isNumberedTitle(original)
            let remark = numbered ? Self.titleRemark(folder(original.text)) : nil
            if numbered,
               let name = Self.headingName(remark != nil ? Self.titleRemarkStripped(original.text) : original.text) {
                // (The same title again says nothing new: it is no text of the application.)
                if opened.contains(name) { continue }
                // （三）中信银行智令产品 as a heading, its description in the paragraphs after.
                opened.insert(name)
                flush()
                var d = Draft(line: original.line)
                d.headingName = name
                if let r = remark, let who = r.applicants {
                    // 2.X（甲银行申报，金融服务）: the remark gives applicants and type.
                    let (names, truncated) = PageParser.splitApplicants(who)
                    d.applicants = names
                    d.applicantsTruncated = truncated
                    if let t = r.type { d.type = t }
                }
                d.ordinal = FieldLabeler.ordinalValue(original.text)
                d.openedByTitle = true
                current = d
                shape.note(d)
                continue
            }
            // An interview (记者：… 答：…): a question is the journalist's words, no
            // application's text, but it may say which application the answer is about
            // (its quoted name, or 第一个 / 最后一个应用 by the enumeration's order).
            var b = original
            switch Self.speaker(b.text) {
            case .question(let rest)?:
                if current != nil || !result.drafts.isEmpty || !enumerationOrder.isEmpty {
                    switch Self.askedAbout(rest, order: enumerationOrder, names: enumerationNames, folder: folder) {
                    case .application(let name): asked = name; offTopic = false
                    case .same: asked = nil; offTopic = false
                    case .other: asked = nil; offTopic = true
                    }
                    continue
                }
            case .answer(let rest)?:
                b = Block(kind: original.kind, text: rest, line: original.line, context: original.context)
            case nil:
                break
            }
            if offTopic, asked == nil, current != nil || !result.drafts.isEmpty {
                // The answer to a question about the programme, the public or the next
                // steps (监管部门下一步如何…): text about no application.
                offTopic = false
                if opening(b.text, enumeration: enumeration) == nil, inlineOpening(b.text, enumeration: enumeration, opened: opened) == nil {
                    // An answer that names an application (有。农业银行的“微捷贷产品”就是…) is
                    // about it; one that names none is about no application.
                    guard let named = Self.quoted(folder(b.text)).map(\.name).first(where: enumerationNames.contains) else {
                        offTopic = true
                        continue
                    }
                    asked = named
                }
            }
            if let name = asked {
                asked = nil
                if !opened.contains(name), opening(b.text, enumeration: enumeration) == nil,
                   inlineOpening(b.text, enumeration: enumeration, opened: opened) == nil {
                    opened.insert(name)
                    flush()
                    var d = Draft(line: b.line)
                    d.headingName = name
                    d.fieldNameEnglish = enumeration[name]?.english
                    if let a = enumeration[name]?.applicants {
                        let (names, truncated) = PageParser.splitApplicants(a)
                        d.applicants = names
                        d.applicantsTruncated = truncated
                    }
                    d.sections.append(Section(field: "description", heading: "", text: b.text))
                    current = d; shape.note(d)
                    continue
                }
            }
            let described = describedClauses(b.text)
            if described.count >= 2 {
                // One paragraph describing several applications in turn (一是A的“X”，…；二是…):
                // each gets the text from its name up to the next one's clause.
                for (clause, text) in described where !opened.contains(clause.name) {
                    opened.insert(clause.name)
                    flush()
                    var d = Draft(line: b.line)
                    d.headingName = clause.name
                    let (names, truncated) = PageParser.splitApplicants(clause.applicants)
                    d.applicants = names
                    d.applicantsTruncated = truncated
                    if !text.isEmpty { d.sections.append(Section(field: "description", heading: "", text: text)) }
                    d.type = Self.type(in: text, folder: folder)
                    current = d; shape.note(d)
                }
                continue
            }
            // (A heading opens an application only by a phrase that reads as a name: 一、农商银行的
            // “远端柜员” names a nickname the paragraphs after it explain.)
            let inline = inlineOpening(b.text, enumeration: enumeration, opened: opened).flatMap { o in
                Self.isHeadingUnit(b) && !Self.readsAsName(o.name) ? nil : o
            }
            if let opening = opening(b.text, enumeration: enumeration) ?? inline ?? englishOpening(b.text, opened: opened) {
                opened.insert(opening.name)
                flush()
                var d = Draft(line: b.line)
                d.headingName = opening.name
                d.fieldNameEnglish = opening.english
                if let e = opening.english, PageText.hasHan(e), !PageText.hasHan(opening.name) {
                    // “English name” (中文名): the Chinese one is the name.
                    d.headingName = e
                    d.fieldNameEnglish = opening.name
                }
                if let a = opening.applicants {
                    let (names, truncated) = PageParser.splitApplicants(a)
                    d.applicants = names
                    d.applicantsTruncated = truncated
                }
                if !opening.text.isEmpty { d.sections.append(Section(field: "description", heading: "", text: opening.text)) }
                d.type = opening.type
                current = d; shape.note(d)
                continue
            }
            if current != nil {
                // A paragraph about the batch or the programme (本批应用…, 公示期内社会公众…,
                // 业内人士表示…) that names no application belongs to none.
                if Self.isBatchLevel(folder(b.text)) { result.header.append(i); continue }
                // A paragraph that lists two or more other applications by name only (此外，“A”
                // “B”等6个应用也在名单之列) is about the batch, not the application before it.
                let others = Set(Self.quoted(folder(b.text)).map(\.name).filter { Self.readsAsName($0) && $0 != current!.headingName })
                if others.count >= 2 {
                    // (除上述5个应用外，本批还包括《A》《B》…): the descriptions are over; what
                    // follows that opens no application belongs to none.
                    flush()
                    result.header.append(i)
                    continue
                }
                current!.continueWith(b.text)
                current!.tail += 1
                shape.note(current!)
            } else {
                result.header.append(i)
                // (The introduction is the text before the first application.)
                if case .paragraph = b.kind, result.drafts.isEmpty { result.introduction.append(b.text) }
            }
        }
        flush(last: true)
        for i in result.drafts.indices where result.drafts[i].type == "unstated" {
            result.drafts[i].type = Self.type(in: result.drafts[i].joinedSections.map(\.text).joined(separator: "\n"), folder: folder)
        }
        if !enumeration.isEmpty {
            // An enumeration lists the applications: its order gives their positions, and
            // one it names that no paragraph describes is still an application (with its
            // name and applicants only). Described ones it does not name follow. (When every
            // name it gives is described, the clauses were the descriptions' own and the
            // page's order stands.)
            var pageOrder: [String] = []
            var seen: Set<String> = []
            for d in result.drafts { if let n = d.headingName, seen.insert(n).inserted { pageOrder.append(n) } }
            let ordered = enumerationOrder.allSatisfy(seen.contains) ? pageOrder : enumerationOrder
            var described: [String: Draft] = [:]
            for d in result.drafts { if let n = d.headingName, described[n] == nil { described[n] = d } }
            var merged: [Draft] = []
            for name in ordered {
                if let d = described.removeValue(forKey: name) { merged.append(d); continue }
                // (Named but not described: only a phrase that reads as a name is one — not
                // 农商银行的“远端柜员”, a nickname in a heading.)
                guard Self.readsAsName(name) else { continue }
                var d = Draft(line: blocks.first?.line ?? 0)
                d.headingName = name
                d.fieldNameEnglish = enumeration[name]?.english
                let (names, truncated) = PageParser.splitApplicants(enumeration[name]!.applicants)
                d.applicants = names
                d.applicantsTruncated = truncated
                merged.append(d)
            }
            merged += result.drafts.filter { d in d.headingName.map { described[$0] != nil } ?? true }
            result.drafts = merged
        }
        return result
    }

    /// Who speaks in an interview paragraph: a question (记者：, 问：, Q:) or an answer
    /// (答：, A:), with the text after the speaker's label; nil for other paragraphs.
    enum Speaker { case question(String), answer(String) }

    static let questionLabels = ["记者", "问", "提问", "主持人", "q", "question"]
    static let answerLabels = ["答", "回答", "a", "answer"]

    static func speaker(_ text: String) -> Speaker? {
        let u = Array(text.unicodeScalars.prefix(12))
        guard let colon = u.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0 else { return nil }
        let label = String(scalars: u[..<colon]).trimmingCharacters(in: .whitespaces).lowercased()
        let rest = ScalarClass.trimmingHorizontalSpace(String(text.unicodeScalars.dropFirst(colon + 1)))
        if questionLabels.contains(label) { return .question(rest) }
        if answerLabels.contains(label) { return .answer(rest) }
        return nil
    }

    /// What a question asks about: one of `order` (the enumeration's names) quoted in it,
    /// or counted (第一个, 第2个, 首个, 最后一个 … 应用/产品/项目); the application already
    /// spoken of (它, 该应用, 这个产品 …); or nothing of one (the programme, the public).
    enum Asked: Equatable { case application(String), same, other }

    static let followUpWords = ["它", "该应用", "这个应用", "此应用", "该产品", "这个产品", "这款产品", "该平台", "这个平台", "该服务", "这项服务", "该项目", "这个项目", "其"]

    static func askedAbout(_ question: String, order: [String], names: Set<String>, folder: ScriptFolder) -> Asked {
        let q = folder(question)
        if let named = quoted(q).map(\.name).first(where: names.contains) { return .application(named) }
        if !order.isEmpty {
            if ["最后一个", "最后一项", "最后一款"].contains(where: { ByteSearch.contains(q, $0) }) { return .application(order.last!) }
            if ["首个应用", "第一个", "第一项", "第一款"].contains(where: { ByteSearch.contains(q, $0) }) { return .application(order.first!) }
            if let c = askedOrdinal.captures(in: q), let r = c[1] {
                let digits = String(q[r])
                if let n = Int(digits) ?? ChineseNumerals.value(digits), n >= 1, n <= order.count { return .application(order[n - 1]) }
            }
        }
        return followUpWords.contains(where: { ByteSearch.contains(q, $0) }) ? .same : .other
    }

    static let askedOrdinal = Pattern(#"第\s*([一二三四五六七八九十\d]{1,3})\s*[个项款]"#, requires: [["第"]])

    struct Opening {
        var name: String
        var english: String?
        var applicants: String?
        /// The paragraph's text after the sentence that introduces the application.
        var text: String
        /// The type the paragraph states, or `unstated`.
        var type: String
    }

    /// The application type a text states (`为金融服务类`, `is a financial service`), or `unstated`.
    static func type(in text: String, folder: ScriptFolder = .always) -> String {
        let s = folder(text)
        guard let c = statedType.captures(in: s), let r = c[1] ?? c[2] ?? c[3] ?? c[4] ?? c[5] ?? c[6] ?? c[7] else { return "unstated" }
        return PageParser.applicationType(String(s[r]))
    }

    /// Whether a paragraph opens an application: it starts with a quoted name that reads
    /// as a name, or that the enumeration names, or that a `由…申请` clause follows.
    func opening(_ text: String, enumeration: [String: (applicants: String, english: String?)]) -> Opening? {
        guard let (name, rest) = Self.leadingQuote(text) else { return nil }
        let restText = String(rest)
        var applicants: String?
        var english: String?
        var after = restText
        if let c = Self.byApplicants.captures(in: folder(restText)) {
            let folded = folder(restText)
            if let a = c[1] { applicants = String(restText.unicodeScalars.count == folded.unicodeScalars.count ? Self.same(restText, folded, a) : folded[a]) }
            after = Self.afterSentence(restText, from: c[0]!.upperBound, in: folded)
        } else if let c = Self.englishBy.captures(in: restText) {
            english = c[1].map { String(restText[$0]) }
            applicants = c[2].map { String(restText[$0]) }
            after = Self.afterSentence(restText, from: c[0]!.upperBound, in: restText)
        } else if Self.readsAsName(name) || enumeration[name] != nil {
            // “X”是… : the name opens a description.
            guard restText.hasPrefix("是") || restText.hasPrefix("为") || restText.hasPrefix("，") || restText.hasPrefix("（") || restText.hasPrefix("(")
                    || restText.hasPrefix(" ") || restText.hasPrefix("主要") || restText.hasPrefix("面向") || restText.hasPrefix("旨在") || enumeration[name] != nil else { return nil }
            after = restText
        } else {
            return nil
        }
        if let a = applicants, PageText.hasHan(a) { applicants = Self.cleanApplicants(a) }
        if applicants == nil { applicants = enumeration[name]?.applicants }
        if english == nil { english = enumeration[name]?.english }
        if english == nil, let paren = Self.leadingEnglishParenthesis.captures(in: restText), let r = paren[1] {
            english = String(restText[r])
        }
        if let e = english, PageText.hasHan(e) { english = nil }
        return Opening(name: name, english: english, applicants: applicants?.trimmingCharacters(in: .whitespaces),
                       text: ScalarClass.trimmingHorizontalSpace(String(after)), type: Self.type(in: restText, folder: folder))
    }

    /// The clauses of a paragraph that describes two or more applications in turn, each
    /// with its text (from after its name to the start of the next clause). A list that
    /// only names them (segments of punctuation or a few characters) describes none.
    func describedClauses(_ text: String) -> [(Clause, String)] {
        let cs = Self.clauses(in: folder(text), original: text)
        guard cs.count >= 2 else { return [] }
        let u = Array(text.unicodeScalars)
        var out: [(Clause, String)] = []
        for (k, c) in cs.enumerated() {
            let end = k + 1 < cs.count ? cs[k + 1].start : u.count
            var seg = String(scalars: u[min(c.end, end)..<end])
            while let f = seg.unicodeScalars.first, "，,。；;、 ".unicodeScalars.contains(f) { seg.unicodeScalars.removeFirst() }
            out.append((c, seg))
        }
        let substantial = out.filter { $0.1.unicodeScalars.filter { TextCleaner.isCJK($0) || $0.properties.isAlphabetic }.count >= 12 }
        return substantial.count >= 2 ? out : []
    }

    /// A paragraph that names exactly one application, with its applicant clause
    /// (是由A申请的《X》。…): it opens that application; its text is what follows the name.
    /// A paragraph naming two or more is an enumeration and opens none.
    func inlineOpening(_ text: String, enumeration: [String: (applicants: String, english: String?)], opened: Set<String>) -> Opening? {
        // Names the enumeration knows (by either of its names), or that read as names.
        let englishNames = Set(enumeration.values.compactMap(\.english))
        let names = Self.quoted(text).filter { enumeration[$0.name] != nil || englishNames.contains($0.name) || Self.readsAsName($0.name) }
        guard let first = names.first, Set(names.map(\.name)).count == 1, !opened.contains(first.name) else { return nil }
        // The applicant clause is in this paragraph, or an enumeration elsewhere on the page
        // named the application with its applicants.
        var english: String?
        var clause = Self.applicantClauses(in: folder(text), original: text).first { $0.name == first.name }?.applicants
        var restStart = first.after
        if clause == nil, let c = Self.englishEnumerated.captures(in: text), let n = c[1], String(text[n]) == first.name, let a = c[3] {
            // “X” (English name), submitted jointly by A and B, …: the text follows the clause.
            clause = String(text[a])
            english = c[2].map { String(text[$0]) }
            restStart = c[0]!.upperBound
        }
        if clause == nil {
            // “X”。该应用由A申请 / 由A牵头，B、C参与: the clause anywhere in the paragraph.
            let f = folder(text)
            if let c = Self.ledBy.captures(in: f), let a = c[1], let b = c[2] {
                clause = Self.cleanApplicants(String(f[a]) + "、" + String(f[b]))
            } else if let c = Self.appliedBy.captures(in: f), let a = c[1] {
                clause = Self.cleanApplicants(String(f[a]))
            } else if let c = Self.applicantsAre.captures(in: f), let a = c[1] {
                clause = Self.cleanApplicants(String(f[a]))
            }
            if let c = clause, f != text { clause = Self.sameSpan(of: c, folded: f, original: text) ?? c }
        }
        // An enumeration keyed by the Chinese name of “English” (中文).
        let key = english.flatMap { PageText.hasHan($0) && !PageText.hasHan(first.name) ? $0 : nil } ?? first.name
        guard let applicants = clause ?? enumeration[key]?.applicants ?? enumeration[first.name]?.applicants else { return nil }
        var rest = String(text[restStart...])
        while let f = rest.unicodeScalars.first, "，,。；;、 ".unicodeScalars.contains(f) { rest.unicodeScalars.removeFirst() }
        return Opening(name: first.name, english: english ?? enumeration[first.name]?.english, applicants: applicants, text: rest, type: Self.type(in: text, folder: folder))
    }

    /// The range `r` of `folded` mapped onto `original` (same scalar count).
    static func same(_ original: String, _ folded: String, _ r: Range<String.Index>) -> Substring {
        let start = folded.unicodeScalars.distance(from: folded.unicodeScalars.startIndex, to: r.lowerBound)
        let end = folded.unicodeScalars.distance(from: folded.unicodeScalars.startIndex, to: r.upperBound)
        let u = original.unicodeScalars
        let lo = u.index(u.startIndex, offsetBy: start), hi = u.index(u.startIndex, offsetBy: end)
        return Substring(original.unicodeScalars[lo..<hi])
    }

    /// The text after the sentence (or clause) that ends at `index` of `folded`: a
    /// following 。；. ends the introducing sentence; a following ，, leaves the rest of
    /// the sentence as text.
    private static func afterSentence(_ original: String, from index: String.Index, in folded: String) -> String {
        let offset = folded.unicodeScalars.distance(from: folded.unicodeScalars.startIndex, to: index)
        let u = Array(original.unicodeScalars)
        var i = min(offset, u.count)
        // Skip to the end of the introducing sentence.
        while i < u.count, !"。；;.!！?？".unicodeScalars.contains(u[i]) {
            if "，,".unicodeScalars.contains(u[i]) {
                // A clause like “X”由A申请，该应用… : the rest is text when it does not
                // restate the type alone.
                let rest = String(scalars: u[(i + 1)...])
                return rest
            }
            i += 1
        }
        guard i < u.count else { return "" }
        return String(scalars: u[(i + 1)...])
    }
}
