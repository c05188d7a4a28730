import Foundation
import SandboxText

/// English running prose that names each application by its official Chinese name
/// (an English-language news report: `Agricultural Bank of China’s 微捷贷产品 (“Weijiedai
/// micro quick loan product”) is an online loan…`, `the Mobile phone POS innovation
/// application (手机POS创新应用), from China UnionPay, Xiaomi Digital Technology and JD
/// Digits, turns…`): the Chinese name, its English rendering, and the applicants the
/// sentence names around it.
extension ProseReader {
    /// A Chinese name inside an English paragraph: scalar offsets of the name (`start..<end`)
    /// and of what it occupies in the sentence (`outer`: with the brackets that enclose it).
    struct EmbeddedName: Equatable {
        var name: String
        var start: Int
        var end: Int
        var outer: Range<Int>
    }

    /// Whether `u` may be part of a Chinese name written inside English text: a Han
    /// character, an ASCII letter or digit (手机POS创新应用, 5G), or a mark names hold
    /// (“政融通”, 5G+, 一·二).
    static func isEmbeddedNameScalar(_ u: Unicode.Scalar) -> Bool {
        ScalarClass.isHan(u) || u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u))
            || u == "“" || u == "”" || u == "+" || u == "·" || u == "-"
    }

    /// The Chinese names that read as application names (`readsAsName`) in `u`, a
    /// paragraph mostly in Latin script: runs of Han characters with the letters and digits
    /// joined to them; a run alone in brackets with Latin words before it (`(AIBank
    /// Inside产品)`) is the whole bracketed text.
    static func embeddedNames(_ u: [Unicode.Scalar]) -> [EmbeddedName] {
        var out: [EmbeddedName] = []
        var i = 0
        while i < u.count {
            guard ScalarClass.isHan(u[i]) else { i += 1; continue }
            var start = i
            while start > 0, isEmbeddedNameScalar(u[start - 1]) { start -= 1 }
            var end = i
            while end < u.count, isEmbeddedNameScalar(u[end]) { end += 1 }
            i = end
            var outer = start..<end
            // Enclosed in brackets, with only Latin words and spaces beside it: the bracket's text.
            var l = start
            while l > 0, u[l - 1] == " " || u[l - 1].isASCII && (u[l - 1].properties.isAlphabetic || ("0"..."9").contains(u[l - 1])) { l -= 1 }
            var r = end
            while r < u.count, u[r] == " " { r += 1 }
            if l > 0, u[l - 1] == "(" || u[l - 1] == "（", r < u.count, u[r] == ")" || u[r] == "）" {
                start = l
                while start < end, u[start] == " " { start += 1 }
                outer = (l - 1)..<(r + 1)
            }
            let name = String(scalars: u[start..<end])
            let han = u[start..<end].filter(ScalarClass.isHan).count
            if han >= 2, readsAsName(name) { out.append(EmbeddedName(name: name, start: start, end: end, outer: outer)) }
        }
        return out
    }

    /// Words that may stand inside an institution's English name between capitalised ones
    /// (Bank of China, Industrial and Commercial Bank).
    static let nameConnectors: Set<String> = ["of", "and", "for", "the", "de", "&"]

    /// Whether a word reads as part of an institution's English name: it holds a capital
    /// letter or a digit (CITIC, aiBank, 360), once its trailing punctuation is dropped.
    static func isNameWord(_ w: Substring) -> Bool {
        w.unicodeScalars.contains { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The institutions a list of English names gives (`China CITIC Bank, China UnionPay,
    /// Du Xiaoman Financial and Ctrip`), read from the start of `text` up to the first word
    /// that is not part of a name: the names, in order. In a list with commas the last
    /// `and` separates two names; without commas, `and` separates only two names of two
    /// words or more each (`China UnionPay and JD Digits`, not `Industrial and Commercial
    /// Bank of China`). A bracketed abbreviation after a name (`(ICBC)`) is dropped.
    static func englishInstitutions(_ text: Substring) -> [String] {
        var names: [[Substring]] = [[]]
        var commas = false
        var andSplits: [Int] = []  // indices into `names` of groups that an `and` opened
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var k = 0
        wordLoop: while k < words.count {
            var w = words[k]
            if w.hasPrefix("(") || w.hasPrefix("（") {
                // (ICBC): an abbreviation after a name.
                guard !names[names.count - 1].isEmpty, w.hasSuffix(")") || w.hasSuffix(")，") || w.hasSuffix("),") else { break }
                if w.hasSuffix(",") { commas = true; names.append([]) }
                k += 1
                continue
            }
            var endsClause = false
            var comma = false
            while let last = w.last, ",.;:!?’'\"”)".contains(last) {
                if last == "," { comma = true } else { endsClause = true }
                w = w.dropLast()
            }
            if w.hasSuffix("’s") || w.hasSuffix("'s") { w = w.dropLast(2); endsClause = true }
            let lower = w.lowercased()
            if isNameWord(w) {
                names[names.count - 1].append(w)
            } else if nameConnectors.contains(lower), !names[names.count - 1].isEmpty, !comma, !endsClause,
                      k + 1 < words.count, isNameWord(words[k + 1]) {
                if lower == "and" {
                    names.append([])
                    andSplits.append(names.count - 1)
                    k += 1
                    continue
                }
                names[names.count - 1].append(w)
            } else {
                break wordLoop
            }
            if endsClause { break }
            if comma {
                // A comma after a name goes on to the next name only when one follows.
                guard k + 1 < words.count else { break }
                let next = words[k + 1]
                if next.lowercased() == "and", k + 2 < words.count, isNameWord(words[k + 2]) {
                    names.append([]); commas = true; k += 2; continue
                }
                guard isNameWord(next) else { break }
                names.append([])
                commas = true
            }
            k += 1
        }
        // Undo the `and` splits the rule does not allow.
        var groups: [[Substring]] = []
        for (g, group) in names.enumerated() {
            if andSplits.contains(g), let previous = groups.last {
                let allowed = commas ? g == names.count - 1 : previous.count >= 2 && group.count >= 2
                if !allowed {
                    groups[groups.count - 1] = previous + ["and"] + group
                    continue
                }
            }
            groups.append(group)
        }
        // A name ends with a name word, never a connector.
        return groups.compactMap { g in
            var g = g
            while let last = g.last, !isNameWord(last) { g.removeLast() }
            while let first = g.first, !isNameWord(first) { g.removeFirst() }
            return g.isEmpty ? nil : g.joined(separator: " ")
        }
    }

    /// Verbs that put the applicants after them: `(was) filed (jointly) by`, `from`.
    static let applicantsAfter = Pattern(#"^[\s,，)）]*(?:(?:which\s+|that\s+)?(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:(?:jointly\s+)?(?:filed|submitted|applied\s+for|proposed|developed|launched|put\s+forward|backed|offered|run)\s+(?:jointly\s+)?by|from)\s+"#,
                                         caseInsensitive: true, requires: [["by", "from"]])
    /// Words that put the applicants before the name: `A is behind`, `A’s`, `A has filed`.
    static let applicantsBefore = Pattern(#"(?:\s+(?:is|are)\s+behind|\s+(?:has|have)\s+(?:filed|submitted|launched|proposed)|\s+(?:filed|submitted|launched|proposed)|’s|'s)(?:\s+(?:the|an?|its|their))?\s*$"#,
                                          caseInsensitive: true, requires: [["behind", "filed", "submitted", "launched", "proposed", "’s", "'s"]])

    /// A paragraph in English (Latin letters at least three times its Han characters) that
    /// names exactly one application by its Chinese name (`embeddedNames`): it opens that
    /// application. The English name is the quoted or bracketed gloss after the Chinese one
    /// (`微捷贷产品 (“Weijiedai…”)`), or, for a Chinese name in brackets, the words before
    /// the brackets in its sentence, after an article (`the Mobile phone POS innovation
    /// application (手机POS创新应用)`); the applicants follow `filed by` / `from`, or come
    /// before `is behind` / `’s`. Nil for other paragraphs, and for a name in `opened`.
    func englishOpening(_ text: String, opened: Set<String>) -> Opening? {
        let u = Array(text.unicodeScalars)
        var latin = 0, han = 0
        for c in u {
            if c.isASCII && c.properties.isAlphabetic { latin += 1 } else if ScalarClass.isHan(c) { han += 1 }
        }
        guard han >= 2, latin >= 3 * han else { return nil }
        let found = Self.embeddedNames(u)
        guard let first = found.first, Set(found.map(\.name)).count == 1, !opened.contains(first.name) else { return nil }
        // The sentence holding the name starts after the last stop before it.
        var sentenceStart = first.outer.lowerBound
        while sentenceStart > 0, !(".;:!?。；：".unicodeScalars.contains(u[sentenceStart - 1]) && (sentenceStart == u.count || u[sentenceStart] == " ")) {
            sentenceStart -= 1
        }
        var english: String?
        var afterName = first.outer.upperBound
        var k = afterName
        while k < u.count, u[k] == " " { k += 1 }
        if k < u.count, u[k] == "(" || u[k] == "（", let close = u[(k + 1)...].firstIndex(where: { $0 == ")" || $0 == "）" }) {
            var inner = String(scalars: u[(k + 1)..<close])
            inner = ScalarClass.trimmingHorizontalSpace(inner)
            if let f = inner.unicodeScalars.first, let l = inner.unicodeScalars.last, "“\"‘'".unicodeScalars.contains(f), "”\"’'".unicodeScalars.contains(l) {
                inner = String(inner.unicodeScalars.dropFirst().dropLast())
            }
            if !PageText.hasHan(inner), !inner.isEmpty {
                english = inner
                afterName = close + 1
            }
        }
        let before = String(scalars: u[sentenceStart..<first.outer.lowerBound])
        if english == nil, first.outer.lowerBound < first.start {
            // (X) after its English rendering: the words before the bracket, after an article.
            var words = ScalarClass.trimmingHorizontalSpace(before).split(separator: " ")
            if let article = words.lastIndex(where: { ["the", "a", "an"].contains($0.lowercased()) }) {
                words = Array(words[(article + 1)...])
            }
            let phrase = words.joined(separator: " ")
            if !phrase.isEmpty, words.count <= 12, !PageText.hasHan(phrase), words.first.map(Self.isNameWord) == true {
                english = phrase
            }
        }
        let rest = String(scalars: u[afterName...])
        var applicants: [String] = []
        if let c = Self.applicantsAfter.captures(in: rest), let whole = c[0] {
            applicants = Self.englishInstitutions(rest[whole.upperBound...])
        }
        if applicants.isEmpty, let c = Self.applicantsBefore.captures(in: before), let whole = c[0] {
            // The names just before the verb: from the last word that is no part of a name.
            let head = before[..<whole.lowerBound]
            var words = head.split(separator: " ")
            var k = words.count
            while k > 0 {
                let w = words[k - 1]
                let bare = w.trimmingCharacters(in: .punctuationCharacters)
                if Self.isNameWord(Substring(bare)) || w.hasPrefix("(") || Self.nameConnectors.contains(bare.lowercased()) && k > 1 || w.hasSuffix(",") && k < words.count {
                    k -= 1
                } else {
                    break
                }
            }
            words = Array(words[k...])
            applicants = Self.englishInstitutions(Substring(words.joined(separator: " ")))
        }
        // The text: what the paragraph says after the name and its gloss.
        var after = rest.unicodeScalars[...]
        while let f = after.first, " ,，)）".unicodeScalars.contains(f) { after = after.dropFirst() }
        let description = ScalarClass.trimmingHorizontalSpace(String(String.UnicodeScalarView(after)))
        return Opening(name: first.name, english: english, applicants: applicants.isEmpty ? nil : applicants.joined(separator: "、"),
                       text: description, type: Self.type(in: text, folder: folder))
    }
}
