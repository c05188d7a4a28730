import Foundation
import Yams

/// Loads and validates the YAML files of a lexicon folder (`Lexicons/`).
///
/// Files: `categories.yaml`, `technologies.yaml`, `inclusive_markers.yaml`,
/// `applicant_kinds.yaml`, `entities.yaml` (one family each), `negation.yaml`,
/// `places.yaml`, `fields.yaml`, `rules.yaml`, and `VERSION` (one non-empty line).
/// Every problem is a `LexiconError` naming file, line and column: bad YAML, an unknown
/// key, an unknown label id, an empty term, a duplicate term within a label, a term in
/// two labels of a single-choice family, a missing file.
public enum LexiconLoader {
    /// The family files, by family.
    public static let familyFiles: [(LabelFamily, String)] = [
        (.categories, "categories.yaml"),
        (.technologies, "technologies.yaml"),
        (.inclusiveMarkers, "inclusive_markers.yaml"),
        (.applicantKinds, "applicant_kinds.yaml"),
        (.entities, "entities.yaml"),
    ]

    /// Loads every file of `directory`.
    /// - Throws: `LexiconError` for the first problem found (file, line, column, message).
    public static func load(directory: URL) throws -> LexiconSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw LexiconError(file: directory.path, line: 0, column: 0, message: "lexicon folder does not exist (or is not a folder)")
        }
        var hashed: [(String, Data)] = []
        func read(_ name: String) throws -> (String, String) {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LexiconError(file: url.path, line: 1, column: 1, message: "cannot read file (missing or unreadable)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let (line, column) = firstInvalidUTF8(Array(data))
                throw LexiconError(file: url.path, line: line, column: column, message: "not valid UTF-8 (first invalid byte here)")
            }
            hashed.append((name, data))
            return (url.path, text)
        }
        var lexicons: [LabelFamily: Lexicon] = [:]
        for (family, name) in familyFiles {
            let (path, text) = try read(name)
            lexicons[family] = try parseLexicon(yaml: text, file: path, expected: family)
        }
        let (negPath, negText) = try read("negation.yaml")
        let negation = try parseNegation(yaml: negText, file: negPath)
        let (placePath, placeText) = try read("places.yaml")
        let places = try parsePlaces(yaml: placeText, file: placePath)
        let (fieldPath, fieldText) = try read("fields.yaml")
        let fields = try parseFields(yaml: fieldText, file: fieldPath)
        let (rulePath, ruleText) = try read("rules.yaml")
        let rules = try parseRules(yaml: ruleText, file: rulePath)
        // VERSION goes into every record: required, one non-empty line.
        let (versionPath, versionText) = try read("VERSION")
        let version = versionText.trimmingCharacters(in: .whitespacesAndNewlines)
        if version.isEmpty || version.contains("\n") {
            throw LexiconError(file: versionPath, line: 1, column: 1,
                               message: "VERSION must hold one non-empty line (e.g. 2026.12.01-1); bump it with every lexicon change")
        }
        var all = Data()
        for (name, data) in hashed.sorted(by: { $0.0 < $1.0 }) {
            all.append(contentsOf: Array(name.utf8)); all.append(0)
            all.append(data); all.append(0)
        }
        return LexiconSet(lexicons: lexicons, negation: negation, places: places, fields: fields,
                          rules: rules, version: version, contentHash: SHA256Digest.hex(all))
    }

    // MARK: - YAML helpers

    /// Composes one YAML document of a lexicon folder.
    ///
    /// No implicit-tag rules (`Resolver.basic`): every untagged scalar is a string. The
    /// loader never needs YAML's implicit types (numbers are read from the text by
    /// `Node.float` and `Node.int`, a null term by its text and style), and Yams' default
    /// rules are seven regular expressions, compiled once per process and run on every
    /// mapping key (duplicate-key check) and on every key looked up. The one difference:
    /// a plain key and a quoted key of the same text (`on:` and `"on":`) are the same
    /// key here, so they are reported as a duplicated key. UTF-8 is given, not
    /// `Parser.Encoding.default` (which reads the whole environment on every call).
    static func compose(_ yaml: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                throw LexiconError(file: file, line: 1, column: 1, message: "empty YAML document")
            }
            return node
        } catch let error as YamlError {
            throw yamlError(error, file: file, yaml: yaml)
        }
    }

    static func yamlError(_ error: YamlError, file: String, yaml: String = "") -> LexiconError {
        switch error {
        case let .duplicatedKeysInMapping(duplicates, context):
            // Point at the second place the first duplicated key is written.
            let key = duplicates.first ?? ""
            var seen = 0
            for (i, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"" + key + "\":") {
                    seen += 1
                    if seen == 2 {
                        return LexiconError(file: file, line: i + 1, column: line.count - trimmed.count + 1,
                                            message: "bad YAML: key '\(key)' appears twice in one mapping")
                    }
                }
            }
            return LexiconError(file: file, line: context.mark.line, column: context.mark.column,
                                message: "bad YAML: duplicated key(s) \(duplicates.joined(separator: ", ")) in one mapping")
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let ctx = context.map { " \($0.text)" } ?? ""
            return LexiconError(file: file, line: mark.line, column: mark.column, message: "bad YAML: \(problem)\(ctx)")
        case let .reader(problem, offset, _, _):
            let (line, column) = position(ofByte: offset ?? 0, in: Array(yaml.utf8))
            return LexiconError(file: file, line: line, column: column, message: "bad YAML: \(problem) at byte \(offset ?? 0)")
        default:
            return LexiconError(file: file, line: 1, column: 1, message: "bad YAML: \(error)")
        }
    }

    static func err(_ node: Node?, _ file: String, _ message: String) -> LexiconError {
        LexiconError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    /// 1-based line and column (in Unicode scalars) of byte `offset` of `bytes`.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes.prefix(max(0, min(offset, bytes.count)))
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// Line and column of the first byte of `bytes` that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var good = bytes.count
        // Grow the valid prefix line by line, then byte by byte inside the first bad line.
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            if String(validating: bytes[start..<end], as: UTF8.self) == nil {
                var i = start
                while i < end {
                    var n = 1
                    while n <= 4, i + n <= end, String(validating: bytes[i..<i + n], as: UTF8.self) == nil { n += 1 }
                    if n > 4 || i + n > end { break }
                    i += n
                }
                good = i
                break
            }
            start = end
        }
        return position(ofByte: good, in: bytes)
    }

    static func mapping(_ node: Node, _ file: String, _ what: String) throws -> Node.Mapping {
        guard let m = node.mapping else { throw err(node, file, "expected a mapping for \(what)") }
        return m
    }

    static func string(_ node: Node, _ file: String, _ what: String) throws -> String {
        guard case .scalar(let s) = node else { throw err(node, file, "expected a string for \(what)") }
        return s.string
    }

    /// A scalar or a sequence of scalars, as strings.
    static func strings(_ node: Node, _ file: String, _ what: String) throws -> [(String, Node)] {
        switch node {
        case .scalar(let s): return [(s.string, node)]
        case .sequence(let seq): return try seq.map { (try string($0, file, what), $0) }
        default: throw err(node, file, "expected a string or a list of strings for \(what)")
        }
    }

    static func checkKeys(_ m: Node.Mapping, allowed: Set<String>, _ file: String, _ what: String) throws {
        for (k, _) in m {
            let key = try string(k, file, "a key")
            if !allowed.contains(key) {
                throw err(k, file, "unknown key '\(key)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    // MARK: - Family lexicons

    /// Parses one family lexicon.
    ///
    /// Shape:
    /// ```yaml
    /// family: technologies
    /// labels:
    ///   big_data:
    ///     zh: 大数据
    ///     en: big data
    ///     implies: [other_label]      # optional
    ///     terms:
    ///       - 大数据
    ///       - {term: 数据分析, weight: 0.5}
    /// ```
    /// - Throws: `LexiconError` (file, line, column) for any deviation.
    public static func parseLexicon(yaml: String, file: String, expected: LabelFamily? = nil) throws -> Lexicon {
        let root = try compose(yaml, file: file)
        let top = try mapping(root, file, "the lexicon file")
        try checkKeys(top, allowed: ["family", "labels", "description", "blockers", "name_pattern"], file, "the lexicon file")
        guard let famNode = top["family"] else { throw err(root, file, "missing key 'family'") }
        let famName = try string(famNode, file, "family")
        guard let family = LabelFamily(rawValue: famName) else {
            throw err(famNode, file, "unknown family '\(famName)' (expected one of: \(LabelFamily.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let expected, expected != family {
            throw err(famNode, file, "family '\(famName)' found where '\(expected.rawValue)' was expected")
        }
        guard let labelsNode = top["labels"] else { throw err(root, file, "missing key 'labels'") }
        let labelsMap = try mapping(labelsNode, file, "labels")
        let normalizer = TextNormalizer()
        var labels: [LexiconLabel] = []
        var seenAcrossLabels: [String: (label: String, line: Int)] = [:]
        for (keyNode, valueNode) in labelsMap {
            let id = try string(keyNode, file, "a label id")
            guard family.allowedIDs.contains(id) else {
                throw err(keyNode, file, "unknown label id '\(id)' for family \(family.rawValue) (LABELS.md ids: \(family.allowedIDs.joined(separator: ", ")))")
            }
            if labels.contains(where: { $0.id == id }) { throw err(keyNode, file, "label '\(id)' is defined twice") }
            let m = try mapping(valueNode, file, "label '\(id)'")
            try checkKeys(m, allowed: ["zh", "en", "terms", "implies", "note"], file, "label '\(id)'")
            let zh = try m["zh"].map { try string($0, file, "zh") } ?? id
            let en = try m["en"].map { try string($0, file, "en") } ?? id
            var implies: [String] = []
            if let imp = m["implies"] {
                for (s, n) in try strings(imp, file, "implies") {
                    guard family.allowedIDs.contains(s) else { throw err(n, file, "unknown label id '\(s)' in implies") }
                    implies.append(s)
                }
            }
            guard let termsNode = m["terms"], let seq = termsNode.sequence else {
                throw err(valueNode, file, "label '\(id)' needs a list 'terms'")
            }
            var terms: [Term] = []
            var seen: Set<String> = []
            for t in seq {
                var text: String
                var weight = 1.0
                switch t {
                case .scalar(let s):
                    if s.style == .plain && ["~", "null", "Null", "NULL"].contains(s.string) {
                        throw err(t, file, "a term is null (~) in label '\(id)'; quote it if it is meant as text")
                    }
                    text = s.string
                case .mapping(let tm):
                    try checkKeys(tm, allowed: ["term", "weight"], file, "a term")
                    guard let tn = tm["term"] else { throw err(t, file, "a term mapping needs 'term'") }
                    text = try string(tn, file, "term")
                    if let wn = tm["weight"] {
                        guard let w = wn.float, w.isFinite, w > 0 else { throw err(wn, file, "weight must be a number > 0") }
                        weight = w
                    }
                default:
                    throw err(t, file, "a term must be a string or {term:, weight:}")
                }
                text = text.trimmingBlanks()
                let line = t.mark?.line ?? 0
                if let problem = globProblem(text, normalizer: normalizer) {
                    throw err(t, file, "bad glob term '\(text)' in label '\(id)': \(problem)")
                }
                let norm = normalizer.normalizeTerm(text)
                if norm.isEmpty { throw err(t, file, "empty term in label '\(id)'") }
                if !seen.insert(norm).inserted {
                    throw err(t, file, "duplicate term '\(text)' in label '\(id)'")
                }
                if family.isSingleChoice, let other = seenAcrossLabels[norm], other.label != id {
                    throw err(t, file, "term '\(text)' is in two labels of single-choice family \(family.rawValue): '\(other.label)' (line \(other.line)) and '\(id)'")
                }
                seenAcrossLabels[norm] = (id, line)
                terms.append(Term(text: text, label: id, family: family, weight: weight, line: line))
            }
            labels.append(LexiconLabel(id: id, zh: zh, en: en, terms: terms, implies: implies))
        }
        var blockers: [Blocker] = []
        if let bn = top["blockers"] {
            var seenBlockers: Set<String> = []
            for (b, node) in try strings(bn, file, "blockers") {
                let t = b.trimmingBlanks()
                let norm = normalizer.normalizeTerm(t)
                if norm.isEmpty { throw err(node, file, "empty blocker") }
                if t.contains("*") { throw err(node, file, "a blocker cannot be a glob ('\(t)')") }
                if !seenBlockers.insert(norm).inserted { throw err(node, file, "duplicate blocker '\(t)'") }
                blockers.append(Blocker(text: t, line: node.mark?.line ?? 0))
            }
        }
        var namePattern: NamePattern?
        if let pn = top["name_pattern"] {
            guard family == .entities else { throw err(pn, file, "name_pattern is allowed in the entities lexicon only") }
            let pm = try mapping(pn, file, "name_pattern")
            try checkKeys(pm, allowed: ["suffixes", "breaks", "min_prefix", "max_prefix", "not_names"], file, "name_pattern")
            func words(_ key: String) throws -> [String] {
                guard let n = pm[key] else { return [] }
                return try strings(n, file, key).map { (w, node) in
                    let t = w.trimmingBlanks()
                    if normalizer.normalizeTerm(t).isEmpty { throw err(node, file, "empty entry in name_pattern.\(key)") }
                    return t
                }
            }
            func count(_ key: String, _ def: Int) throws -> Int {
                guard let n = pm[key] else { return def }
                guard let v = n.int, v >= 0 else { throw err(n, file, "name_pattern.\(key) must be a whole number ≥ 0") }
                return v
            }
            let suffixes = try words("suffixes")
            if suffixes.isEmpty { throw err(pn, file, "name_pattern needs at least one suffix") }
            let minPrefix = try count("min_prefix", 2), maxPrefix = try count("max_prefix", 16)
            if maxPrefix < minPrefix { throw err(pn, file, "name_pattern.max_prefix is below min_prefix") }
            namePattern = NamePattern(suffixes: suffixes, breaks: try words("breaks"), minPrefix: minPrefix, maxPrefix: maxPrefix,
                                      notNames: try words("not_names"))
        }
        return Lexicon(family: family, labels: labels, file: (file as NSString).lastPathComponent,
                       blockers: blockers, namePattern: namePattern)
    }

    /// Why `term` is not a valid glob, or nil when it is valid (or has no `*`).
    ///
    /// A glob term (LIWC / quanteda style) has one `*` as its first or its last character,
    /// never both and never inside; the literal part has at least 2 scalars after
    /// normalisation. `*` at a Latin end lifts the word boundary there and extends the
    /// match over the rest of the Latin word (`tokeni*` matches tokenisation, tokenized);
    /// at a Han end it only says the term may be part of a longer word (Chinese has no
    /// word boundaries), and the evidence covers the literal part.
    static func globProblem(_ term: String, normalizer: TextNormalizer) -> String? {
        let stars = term.filter { $0 == "*" }.count
        if stars == 0 { return nil }
        if stars > 1 { return "one * only, at the start or the end" }
        guard term.hasPrefix("*") || term.hasSuffix("*") else { return "* must be the first or the last character" }
        let literal = term.replacingOccurrences(of: "*", with: "")
        if normalizer.normalizeTerm(literal).trimmingBlanks().unicodeScalars.count < 2 {
            return "the part without * needs at least 2 characters"
        }
        return nil
    }

    // MARK: - Other files

    /// Parses `negation.yaml`: `pre_cues` (or `cues`), `post_cues`, `pseudo` (or
    /// `false_cues`), `terminations`, `clause_terminators`, `window`, `word_window` (see
    /// `NegationRules` for the scope rule).
    /// - Throws: `LexiconError` (file:line:column): an unknown key, an empty entry, no
    ///   cue at all, a bad window, a pseudo entry with more than one `…`.
    public static func parseNegation(yaml: String, file: String) throws -> NegationRules {
        let root = try compose(yaml, file: file)
        let top = try mapping(root, file, "the negation file")
        try checkKeys(top, allowed: ["cues", "pre_cues", "post_cues", "pseudo", "false_cues", "terminations",
                                     "clause_terminators", "window", "word_window", "description"], file, "the negation file")
        func list(_ key: String) throws -> [String] {
            guard let n = top[key] else { return [] }
            return try strings(n, file, key).map { (s, node) in
                let t = s.trimmingBlanks()
                if t.isEmpty { throw err(node, file, "empty entry in \(key)") }
                if key == "pseudo" || key == "false_cues" {
                    let parts = t.components(separatedBy: "…")
                    if parts.count > 2 || parts.contains(where: { $0.trimmingBlanks().isEmpty }) {
                        throw err(node, file, "a pseudo-negation is a phrase or HEAD…TAIL with one …")
                    }
                }
                return t
            }
        }
        let cues = try list("cues") + list("pre_cues")
        let postCues = try list("post_cues")
        if cues.isEmpty && postCues.isEmpty { throw err(root, file, "'pre_cues' (or 'post_cues') must list at least one cue") }
        let terminators = try top["clause_terminators"].map { try string($0, file, "clause_terminators") } ?? "，,；;。.！？!?"
        var window = 40
        if let w = top["window"] {
            guard let v = w.int, v > 0 else { throw err(w, file, "window must be a positive whole number") }
            window = v
        }
        var wordWindow = 0
        if let w = top["word_window"] {
            guard let v = w.int, v >= 0 else { throw err(w, file, "word_window must be a whole number (0: none)") }
            wordWindow = v
        }
        // Terminators are compared after normalisation (full-width ， becomes ,).
        let normalizer = TextNormalizer()
        var set = Set<Character>()
        for ch in terminators { set.insert(ch); if let f = normalizer.normalize(String(ch)).text.first { set.insert(f) } }
        return NegationRules(cues: cues, falseCues: try list("false_cues") + list("pseudo"), clauseTerminators: set,
                             window: window, postCues: postCues, terminations: try list("terminations"), wordWindow: wordWindow)
    }

    /// Parses `places.yaml`: `places: {id: {names: [...]}}` or `{id: [names]}`.
    /// - Throws: `LexiconError` (duplicate name across places, empty name, bad id).
    public static func parsePlaces(yaml: String, file: String) throws -> [Place] {
        let root = try compose(yaml, file: file)
        let top = try mapping(root, file, "the places file")
        try checkKeys(top, allowed: ["places", "description"], file, "the places file")
        guard let placesNode = top["places"] else { throw err(root, file, "missing key 'places'") }
        var places: [Place] = []
        var owner: [String: String] = [:]
        for (k, v) in try mapping(placesNode, file, "places") {
            let id = try string(k, file, "a place id")
            guard isPlaceID(id) else {
                throw err(k, file, "place id '\(id)' must be lowercase ASCII (a-z, 0-9, _)")
            }
            var names: [String] = []
            for (name, node) in try strings(v, file, "names of \(id)") {
                let t = name.trimmingBlanks()
                if t.isEmpty { throw err(node, file, "empty name for place '\(id)'") }
                if let o = owner[t], o != id { throw err(node, file, "name '\(t)' is given to both '\(o)' and '\(id)'") }
                owner[t] = id
                names.append(t)
            }
            places.append(Place(id: id, names: names))
        }
        return places
    }

    /// Whether `id` matches `^[a-z][a-z0-9_]*$` as `NSRegularExpression` reads it
    /// (checked by hand: one regular expression less to compile): lowercase ASCII letters,
    /// digits and `_`, a letter first; `$` also matches before one line terminator that
    /// ends the text (LF, VT, FF, CR, CR LF, NEL, LS, PS).
    static func isPlaceID(_ id: String) -> Bool {
        var scalars = Substring(id).unicodeScalars
        if scalars.last == "\n" {
            scalars = scalars.dropLast()
            if scalars.last == "\r" { scalars = scalars.dropLast() }
        } else if let last = scalars.last, [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(last.value) {
            scalars = scalars.dropLast()
        }
        guard let first = scalars.first, first.value >= 0x61 && first.value <= 0x7A else { return false }
        return scalars.allSatisfy { s in
            (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) || s.value == 0x5F
        }
    }

    /// The canonical fields a page's headings may map to.
    public static let knownFields: Set<String> = [
        "name", "name_en", "applicants", "application_type", "function", "technology", "effect", "channel", "risk_control", "description",
        "announced", "city", "batch", "ordinal",
    ]

    /// Parses `fields.yaml`: `fields: {function: [功能描述, …], …}`.
    /// - Throws: `LexiconError` (unknown field key, empty heading, a heading under two fields).
    public static func parseFields(yaml: String, file: String) throws -> FieldHeadings {
        let root = try compose(yaml, file: file)
        let top = try mapping(root, file, "the fields file")
        try checkKeys(top, allowed: ["fields", "description"], file, "the fields file")
        guard let fieldsNode = top["fields"] else { throw err(root, file, "missing key 'fields'") }
        var pairs: [(String, String)] = []
        var owner: [String: String] = [:]
        for (k, v) in try mapping(fieldsNode, file, "fields") {
            let field = try string(k, file, "a field key")
            guard knownFields.contains(field) else {
                throw err(k, file, "unknown field '\(field)' (expected one of: \(knownFields.sorted().joined(separator: ", ")))")
            }
            for (h, node) in try strings(v, file, "headings of \(field)") {
                let t = h.trimmingBlanks()
                if t.isEmpty { throw err(node, file, "empty heading for field '\(field)'") }
                let key = t.lowercased()
                if let o = owner[key], o != field { throw err(node, file, "heading '\(t)' is given to both '\(o)' and '\(field)'") }
                owner[key] = field
                pairs.append((field, t))
            }
        }
        return FieldHeadings(headings: pairs)
    }

    /// Parses `rules.yaml`: `field_weights`, `default_field_weight`, `secondary_ratio`.
    /// - Throws: `LexiconError`.
    public static func parseRules(yaml: String, file: String) throws -> RuleSettings {
        let root = try compose(yaml, file: file)
        let top = try mapping(root, file, "the rules file")
        try checkKeys(top, allowed: ["field_weights", "default_field_weight", "secondary_ratio", "description"], file, "the rules file")
        var weights: [String: Double] = [:]
        if let fw = top["field_weights"] {
            for (k, v) in try mapping(fw, file, "field_weights") {
                let field = try string(k, file, "a field key")
                guard knownFields.contains(field) else {
                    throw err(k, file, "unknown field '\(field)' in field_weights (expected one of: \(knownFields.sorted().joined(separator: ", ")))")
                }
                guard let w = v.float, w.isFinite, w >= 0 else { throw err(v, file, "a field weight must be a number ≥ 0") }
                weights[field] = w
            }
        }
        func number(_ key: String, _ def: Double) throws -> Double {
            guard let n = top[key] else { return def }
            guard let v = n.float, v.isFinite, v >= 0 else { throw err(n, file, "\(key) must be a number ≥ 0") }
            return v
        }
        return RuleSettings(fieldWeights: weights, defaultFieldWeight: try number("default_field_weight", 1),
                            secondaryRatio: try number("secondary_ratio", 0.5))
    }
}
