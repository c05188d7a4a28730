import SandboxIngest
import SandboxSchema
import SandboxLexicon

/// An applicant with its kind (LABELS.md §4) and the term that decided it.
public struct LabelledApplicant: Sendable, Equatable, Codable {
    /// The applicant's name as on the page.
    public let name: String
    /// `bank`, `insurer`, …, `technology_company` or `other`.
    public let kind: String
    /// The applicant-kind lexicon term that decided the kind; nil when none matched (`other`).
    public let term: String?
}

/// The labels of one application, with their evidence.
public struct Labels: Sendable, Equatable {
    /// Best-scoring business category (LABELS.md §1).
    public let primary: String
    /// Runner-up category scoring at least `secondary_ratio` of the primary; not scored.
    public let secondary: String?
    /// Category scores (term weight × field weight, summed), non-zero ones only.
    public let categoryScores: [String: Double]
    /// Technology tags, in LABELS.md order.
    public let technologies: [String]
    /// Inclusive-finance markers, in LABELS.md order.
    public let inclusiveMarkers: [String]
    /// Any of inclusive_finance, small_micro_enterprises, agriculture_rural.
    public let inclusive: Bool
    /// Applicants with kinds.
    public let applicants: [LabelledApplicant]
    /// `financial_institutions_only` or `joint_with_technology_company`; nil without applicants.
    public let participation: String?
    /// Every match, counted or negated, in field order then offset order.
    public let evidence: [Evidence]
    /// Notes about the decision (e.g. no category evidence).
    public let warnings: [String]
}

/// The rule-based classifier: lexicon matches → labels, as LABELS.md prescribes.
///
/// - Technology tags and inclusive markers: every non-negated match in the application's
///   own text (name and sections) gives its label; implied labels are added
///   (`biometrics` → `artificial_intelligence`).
/// - Category: score = Σ term weight × field weight (`Lexicons/rules.yaml`; risk-control
///   text weighs 0). Primary = best score; on a tie, the category with a match in the
///   title wins, then LABELS.md order. Secondary = the runner-up when its score is at
///   least `secondary_ratio` × the primary's.
/// - Applicant kind: the longest applicant-kind term in the name; on equal length the
///   label listed first in the lexicon; no match → `other`.
/// - Participation: `financial_institutions_only` when every applicant's kind is a
///   financial institution kind, else `joint_with_technology_company`.
///
/// Immutable and `Sendable`: one instance serves all threads.
public struct Classifier: Sendable {
    /// The matcher built from the lexicons.
    public let matcher: Matcher
    /// Rule settings.
    public let rules: RuleSettings
    private let kindOrder: [String: Int]

    /// Builds the classifier (and its automata) from a lexicon set.
    public init(lexicons: LexiconSet) {
        self.matcher = Matcher(lexicons: lexicons)
        self.rules = lexicons.rules
        var order: [String: Int] = [:]
        for (i, l) in lexicons.lexicon(.applicantKinds).labels.enumerated() { order[l.id] = i }
        self.kindOrder = order
    }

    /// The texts of an application that are matched, with field key and section index.
    public static func fields(of app: ApplicationRecord) -> [(field: String, section: Int?, text: String)] {
        var out: [(String, Int?, String)] = [("name", nil, app.name)]
        if let en = app.nameEnglish { out.append(("name_en", nil, en)) }
        for (i, s) in app.sections.enumerated() { out.append((s.field, i, s.text)) }
        return out
    }

    /// Labels one application.
    public func classify(_ app: ApplicationRecord) -> Labels {
        var evidence: [Evidence] = []
        var technologies = Set<String>()
        var markers = Set<String>()
        var scores: [String: Double] = [:]
        var inTitle = Set<String>()
        for (field, section, text) in Self.fields(of: app) {
            let norm = TextNormalizer().normalize(text)
            let found = matcher.matches(in: norm, groups: [.tags, .categories])
            for m in found[.tags] ?? [] {
                evidence.append(Evidence(label: m.label, term: m.term, field: field, section: section, start: m.start, end: m.end, negated: m.negated))
                guard !m.negated else { continue }
                let labels = [m.label] + matcher.implied(by: m.label)
                for (k, label) in labels.enumerated() {
                    if k > 0 {
                        evidence.append(Evidence(label: label, term: m.term, field: field, section: section, start: m.start, end: m.end, negated: false))
                    }
                    if m.family == .technologies { technologies.insert(label) } else if m.family == .inclusiveMarkers { markers.insert(label) }
                }
            }
            let fieldWeight = rules.fieldWeights[field == "name_en" ? "name" : field] ?? rules.defaultFieldWeight
            for m in found[.categories] ?? [] {
                evidence.append(Evidence(label: m.label, term: m.term, field: field, section: section, start: m.start, end: m.end, negated: m.negated))
                guard !m.negated, fieldWeight > 0 else { continue }
                scores[m.label, default: 0] += m.weight * fieldWeight
                if field == "name" || field == "name_en" { inTitle.insert(m.label) }
            }
        }
        var warnings: [String] = []
        let ranked = LabelScheme.categories.enumerated().sorted { a, b in
            let sa = scores[a.element] ?? 0, sb = scores[b.element] ?? 0
            if sa != sb { return sa > sb }
            let ta = inTitle.contains(a.element), tb = inTitle.contains(b.element)
            if ta != tb { return ta }
            return a.offset < b.offset
        }.map(\.element)
        var primary = ranked[0]
        var secondary: String?
        let best = scores[primary] ?? 0
        if best == 0 {
            primary = app.applicationType == "technology_product" ? "underlying_technology" : "innovative_banking"
            warnings.append("no_category_evidence: no category term found; primary defaulted to \(primary)")
        } else if let runner = ranked.dropFirst().first, let s = scores[runner], s >= rules.secondaryRatio * best {
            secondary = runner
        }

        let applicants = app.applicants.enumerated().map { (i, name) -> LabelledApplicant in
            let (kind, term, m) = applicantKind(name)
            if let m { evidence.append(Evidence(label: kind, term: term ?? "", field: "applicants", section: i, start: m.start, end: m.end, negated: false)) }
            return LabelledApplicant(name: name, kind: kind, term: term)
        }
        var participation: String?
        if !applicants.isEmpty {
            participation = applicants.allSatisfy { LabelScheme.financialInstitutionKinds.contains($0.kind) }
                ? "financial_institutions_only" : "joint_with_technology_company"
        } else {
            warnings.append("no_applicants: the page names no applicant; participation left empty")
        }
        let techs = LabelScheme.technologies.filter { technologies.contains($0) }
        let marks = LabelScheme.inclusiveMarkers.filter { markers.contains($0) }
        return Labels(primary: primary, secondary: secondary, categoryScores: scores.filter { $0.value != 0 },
                      technologies: techs, inclusiveMarkers: marks,
                      inclusive: marks.contains { LabelScheme.inclusiveMakers.contains($0) },
                      applicants: applicants, participation: participation, evidence: evidence, warnings: warnings)
    }

    /// The kind of one applicant: (kind, deciding term, its match).
    public func applicantKind(_ name: String) -> (String, String?, Match?) {
        let matches = matcher.allMatches(in: name, group: .applicantKinds)
        let best = matches.max { a, b in
            let la = a.end - a.start, lb = b.end - b.start
            if la != lb { return la < lb }
            return (kindOrder[a.label] ?? 99) > (kindOrder[b.label] ?? 99)
        }
        guard let best else { return ("other", nil, nil) }
        return (best.label, best.term, best)
    }
}
