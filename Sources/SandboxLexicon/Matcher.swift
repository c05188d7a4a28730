/// One lexicon term found in a text.
///
/// `start` and `end` are a half-open range in **Unicode scalars** of the original (not
/// normalised) text, so `Array(text.unicodeScalars)[start..<end]` is the matched span.
public struct Match: Sendable, Equatable, Hashable, Codable {
    /// Family of the label.
    public let family: LabelFamily
    /// Label id.
    public let label: String
    /// The lexicon term as written in the lexicon file.
    public let term: String
    /// Start offset in Unicode scalars of the original text.
    public let start: Int
    /// End offset (exclusive) in Unicode scalars of the original text.
    public let end: Int
    /// True when a negation cue governs the match: it is recorded but gives no label.
    public let negated: Bool
    /// Weight of the term (category scoring).
    public let weight: Double

    /// Creates a match; offsets in Unicode scalars of the original text.
    public init(family: LabelFamily, label: String, term: String, start: Int, end: Int, negated: Bool, weight: Double) {
        self.family = family
        self.label = label
        self.term = term
        self.start = start
        self.end = end
        self.negated = negated
        self.weight = weight
    }
}

/// Finds lexicon terms in text: normalise (see `TextNormalizer`), run an Aho-Corasick
/// automaton, keep Latin terms on word boundaries, resolve overlaps leftmost-longest,
/// then mark terms that a negation cue governs.
///
/// Overlaps are resolved within a *group* of families: technologies, inclusive markers
/// and entities compete with each other (so the entity 农业银行 hides the marker 农业
/// inside it); categories and entities form a second group. Built once from a
/// `LexiconSet`; immutable and `Sendable`, shared by all threads.
public struct Matcher: Sendable {
    /// Families resolved against each other.
    public enum Group: Sendable, CaseIterable {
        /// Technologies, inclusive markers, entities.
        case tags
        /// Categories, entities.
        case categories
        /// Applicant kinds (matched on applicant names).
        case applicantKinds

        var families: [LabelFamily] {
            switch self {
            case .tags: return [.technologies, .inclusiveMarkers, .entities]
            case .categories: return [.categories, .entities]
            case .applicantKinds: return [.applicantKinds]
            }
        }
    }

    struct Index: Sendable {
        let automaton: AhoCorasick
        /// Pattern id → terms with that normalised form.
        let terms: [[Term]]
        let latinStart: [Bool]
        let latinEnd: [Bool]
    }

    private let indexes: [Group: Index]
    private let cueIndex: AhoCorasick
    private let cueIsFalse: [Bool]
    private let cueLatinStart: [Bool]
    private let cueLatinEnd: [Bool]
    private let negation: NegationRules
    private let normalizer: TextNormalizer
    private let implies: [String: [String]]

    /// Builds the automata from the lexicons. Cost: linear in the total term length.
    public init(lexicons: LexiconSet, normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
        self.negation = lexicons.negation
        var indexes: [Group: Index] = [:]
        var implies: [String: [String]] = [:]
        for group in Group.allCases {
            var byForm: [String: Int] = [:]
            var patterns: [[UInt8]] = []
            var terms: [[Term]] = []
            for family in group.families {
                for label in lexicons.lexicon(family).labels {
                    if !label.implies.isEmpty { implies[label.id] = label.implies }
                    for term in label.terms {
                        let form = normalizer.normalizeTerm(term.text)
                        if let i = byForm[form] {
                            terms[i].append(term)
                        } else {
                            byForm[form] = patterns.count
                            patterns.append(Array(form.utf8))
                            terms.append([term])
                        }
                    }
                }
            }
            indexes[group] = Index(automaton: AhoCorasick(patterns: patterns), terms: terms,
                                   latinStart: patterns.map { Self.isLatinAlnum($0.first) },
                                   latinEnd: patterns.map { Self.isLatinAlnum($0.last) })
        }
        self.indexes = indexes
        self.implies = implies
        var cuePatterns: [[UInt8]] = []
        var isFalse: [Bool] = []
        for c in lexicons.negation.cues { cuePatterns.append(Array(normalizer.normalizeTerm(c).utf8)); isFalse.append(false) }
        for c in lexicons.negation.falseCues { cuePatterns.append(Array(normalizer.normalizeTerm(c).utf8)); isFalse.append(true) }
        self.cueIndex = AhoCorasick(patterns: cuePatterns)
        self.cueIsFalse = isFalse
        self.cueLatinStart = cuePatterns.map { Self.isLatinAlnum($0.first) }
        self.cueLatinEnd = cuePatterns.map { Self.isLatinAlnum($0.last) }
    }

    /// Labels implied by `label` (e.g. `biometrics` → [`artificial_intelligence`]).
    public func implied(by label: String) -> [String] { implies[label] ?? [] }

    @inline(__always)
    static func isLatinAlnum(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// True when the occurrence `start..<end` of `bytes` sits on Latin word boundaries
    /// where its own ends are Latin letters or digits (CJK neighbours are boundaries).
    @inline(__always)
    static func onBoundary(_ bytes: [UInt8], _ start: Int, _ end: Int, latinStart: Bool, latinEnd: Bool) -> Bool {
        if latinStart, start > 0, isLatinAlnum(bytes[start - 1]) { return false }
        if latinEnd, end < bytes.count, isLatinAlnum(bytes[end]) { return false }
        return true
    }

    /// All matches of `group`'s terms in `text`, ordered by start offset. Entity matches
    /// are not returned (they only hide what they cover). Negated matches are returned
    /// with `negated == true`.
    public func matches(in text: String, group: Group = .tags) -> [Match] {
        matches(in: normalizer.normalize(text), group: group)
    }

    /// As `matches(in:group:)`, on text already normalised (to share one normalisation
    /// between groups).
    public func matches(in norm: NormalizedText, group: Group) -> [Match] {
        matches(in: norm, group: group, scopes: negationScopes(norm))
    }

    /// Matches of several groups in one text, the negation cues scanned once for all.
    public func matches(in norm: NormalizedText, groups: [Group]) -> [Group: [Match]] {
        let scopes = negationScopes(norm)
        var out: [Group: [Match]] = [:]
        for g in groups { out[g] = matches(in: norm, group: g, scopes: scopes) }
        return out
    }

    func matches(in norm: NormalizedText, group: Group, scopes: [Range<Int>]) -> [Match] {
        guard let index = indexes[group] else { return [] }
        let bytes = norm.bytes
        let raw = index.automaton.occurrences(in: bytes).filter {
            Self.onBoundary(bytes, $0.start, $0.end, latinStart: index.latinStart[$0.pattern], latinEnd: index.latinEnd[$0.pattern])
        }
        let kept = AhoCorasick.leftmostLongest(raw)
        var result: [Match] = []
        for occ in kept {
            let range = norm.originalRange(bytes: occ.start..<occ.end)
            let negated = scopes.contains { $0.contains(range.lowerBound) }
            for term in index.terms[occ.pattern] where term.family != .entities {
                result.append(Match(family: term.family, label: term.label, term: term.text,
                                    start: range.lowerBound, end: range.upperBound, negated: negated, weight: term.weight))
            }
        }
        return result
    }

    /// Every boundary-valid occurrence of `group`'s terms in `text`, overlapping ones
    /// included and no negation applied (used to pick the longest applicant-kind term).
    public func allMatches(in text: String, group: Group) -> [Match] {
        guard let index = indexes[group] else { return [] }
        let norm = normalizer.normalize(text)
        let bytes = norm.bytes
        var result: [Match] = []
        for occ in index.automaton.occurrences(in: bytes)
        where Self.onBoundary(bytes, occ.start, occ.end, latinStart: index.latinStart[occ.pattern], latinEnd: index.latinEnd[occ.pattern]) {
            let range = norm.originalRange(bytes: occ.start..<occ.end)
            for term in index.terms[occ.pattern] where term.family != .entities {
                result.append(Match(family: term.family, label: term.label, term: term.text,
                                    start: range.lowerBound, end: range.upperBound, negated: false, weight: term.weight))
            }
        }
        return result.sorted { ($0.start, $0.end, $0.label) < ($1.start, $1.end, $1.label) }
    }

    /// Original-scalar ranges that negation cues govern: from the end of each cue to the
    /// end of its clause, at most `window` scalars.
    func negationScopes(_ norm: NormalizedText) -> [Range<Int>] {
        let bytes = norm.bytes
        let raw = cueIndex.occurrences(in: bytes).filter {
            Self.onBoundary(bytes, $0.start, $0.end, latinStart: cueLatinStart[$0.pattern], latinEnd: cueLatinEnd[$0.pattern])
        }
        var scopes: [Range<Int>] = []
        for cue in AhoCorasick.leftmostLongest(raw) where !cueIsFalse[cue.pattern] {
            let cueEnd = norm.originalRange(bytes: cue.start..<cue.end).upperBound
            // Scan forward to the clause terminator.
            var i = cue.end
            var clauseEndByte = bytes.count
            while i < bytes.count {
                let b = bytes[i]
                var len = 1
                if b >= 0xF0 { len = 4 } else if b >= 0xE0 { len = 3 } else if b >= 0xC0 { len = 2 }
                let end = min(i + len, bytes.count)
                if let ch = String(decoding: bytes[i..<end], as: UTF8.self).first, negation.clauseTerminators.contains(ch) {
                    clauseEndByte = i
                    break
                }
                i = end
            }
            let clauseEnd = clauseEndByte < bytes.count ? Int(norm.originalScalar[clauseEndByte]) : Int(norm.originalScalar[bytes.count])
            let upper = min(clauseEnd, cueEnd + negation.window)
            if upper > cueEnd { scopes.append(cueEnd..<upper) }
        }
        return scopes
    }
}
