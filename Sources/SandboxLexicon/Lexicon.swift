import Foundation
import Yams

/// An error in a lexicon, gazetteer or rules file, with the place it was found.
public struct LexiconError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path as given to the loader.
    public let file: String
    /// 1-based line; 0 when the error concerns the whole file.
    public let line: Int
    /// 1-based column in Unicode scalars; 0 when unknown.
    public let column: Int
    /// What was wrong and what was expected.
    public let message: String

    /// Creates an error at `file:line:column` (0 for unknown).
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// One term of a lexicon: a surface form that, when matched, is evidence for `label`.
public struct Term: Sendable, Equatable, Hashable, Codable {
    /// The term as written in the lexicon file.
    public let text: String
    /// Label id (one of `family.allowedIDs`).
    public let label: String
    /// The family the label belongs to.
    public let family: LabelFamily
    /// Weight of one match (used by category scoring; 1 by default).
    public let weight: Double
    /// 1-based line in the lexicon file where the term is written.
    public let line: Int
}

/// A label of a lexicon with its display names, terms and implied labels.
public struct LexiconLabel: Sendable, Equatable {
    /// Label id as in `../shared/LABELS.md`.
    public let id: String
    /// Chinese display name.
    public let zh: String
    /// English display name.
    public let en: String
    /// The label's terms, in file order.
    public let terms: [Term]
    /// Other labels of the same family given whenever this one is (e.g. `biometrics` →
    /// `artificial_intelligence`, LABELS.md §2).
    public let implies: [String]
}

/// A phrase that is not a term (`blockers:` in a lexicon file): where it overlaps a term
/// of the same lexicon and is longer than the term, the term is cancelled (线上链接 is an
/// online link, not 上链 on-chain).
public struct Blocker: Sendable, Equatable, Hashable {
    /// The phrase as written in the lexicon file.
    public let text: String
    /// 1-based line in the lexicon file.
    public let line: Int

    /// Creates a blocker.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// The general pattern of organisation names (`name_pattern:` in `entities.yaml`).
///
/// A name is a run of Han characters that ends with one of `suffixes` (有限公司, 银行,
/// 联社 …) and starts after the nearest preceding non-Han character, `breaks` word
/// (为, 与, 通过 …) or text start, with between `minPrefix` and `maxPrefix` Han
/// characters before the suffix. The name claims the terms that lie inside it and end
/// before its suffix starts (so 江苏省农村信用合作联社 hides 农村; 开放银行, a term that
/// ends with the suffix, is not claimed). A candidate whose suffix lies inside one of
/// `notNames` (银行卡, 手机银行, 集团客户 …: common nouns built on a suffix) is no name.
/// Pattern names claim technology tags and inclusive markers (the `tags` group); category
/// terms are claimed by gazetteer entities only.
public struct NamePattern: Sendable, Equatable {
    /// Endings of organisation names, e.g. 有限公司, 银行, 信用社, 联社, 研究院, 协会, 集团.
    public let suffixes: [String]
    /// Words a name never contains: the name starts after the last one before the suffix.
    public let breaks: [String]
    /// Fewest Han characters before the suffix (default 2).
    public let minPrefix: Int
    /// Most Han characters before the suffix (default 16).
    public let maxPrefix: Int
    /// Words built on a suffix that are not names (银行卡, 手机银行 …).
    public let notNames: [String]

    /// Creates a pattern.
    public init(suffixes: [String], breaks: [String], minPrefix: Int = 2, maxPrefix: Int = 16, notNames: [String] = []) {
        self.suffixes = suffixes
        self.breaks = breaks
        self.minPrefix = minPrefix
        self.maxPrefix = maxPrefix
        self.notNames = notNames
    }
}

/// A lexicon: the labels of one family with their terms, loaded from one YAML file.
public struct Lexicon: Sendable, Equatable {
    /// The family of the labels.
    public let family: LabelFamily
    /// The labels, in file order.
    public let labels: [LexiconLabel]
    /// The file's name (for provenance and messages).
    public let file: String
    /// Phrases that are not terms and cancel the shorter terms they overlap.
    public let blockers: [Blocker]
    /// The general pattern of organisation names (entities only).
    public let namePattern: NamePattern?

    /// Creates a lexicon.
    public init(family: LabelFamily, labels: [LexiconLabel], file: String, blockers: [Blocker] = [], namePattern: NamePattern? = nil) {
        self.family = family
        self.labels = labels
        self.file = file
        self.blockers = blockers
        self.namePattern = namePattern
    }

    /// All terms of all labels, in file order.
    public var terms: [Term] { labels.flatMap(\.terms) }
}

/// Negation as data, NegEx-style (Chapman et al. 2001), from `negation.yaml`.
///
/// Scope rule, the same for technology tags, inclusive markers and category terms:
/// - a **pre-cue** (不涉及, 不采集, not, without …) governs every term that *starts* after
///   the cue's end and before the first *stop* after it;
/// - a **post-cue** (一律不予采集, is not collected …) governs every term that starts
///   after the last stop before the cue and before the cue's start;
/// - a *stop* is a **termination** (而是, 但, 同时, 并, 还, but, however, also, and the
///   use-verbs 运用, 采用, 利用, 依托, 通过, uses, applies that open a new predicate), a
///   clause terminator (，,；;。.！？!?), another cue, or `window` Unicode scalars from the cue
///   — over Latin text, `wordWindow` words when those reach further (40 scalars are 40
///   Chinese characters but only some 7 English words: `does not collect consumers’ facial
///   images or any other biometric data` negates `biometric`, the 8th word);
/// - a **pseudo-negation** (不仅, 不但, not only, not limited to, including but not
///   limited to …) contains a cue but negates nothing and stops nothing. A pseudo entry
///   written with `…` (无需…即可) applies when its head is followed by its tail within
///   the clause; its head alone is an ordinary cue.
/// Cues, terminations and pseudo-negations compete leftmost-longest, so the longer phrase
/// wins (不采用 is a cue, not the use-verb 采用; "including but not limited to" is pseudo).
public struct NegationRules: Sendable, Equatable {
    /// Pre-cues (`pre_cues`, or the older key `cues`).
    public let cues: [String]
    /// Pseudo-negations (`pseudo`, or the older key `false_cues`).
    public let falseCues: [String]
    /// Characters that end a clause and with it a cue's scope (after normalisation).
    public let clauseTerminators: Set<Character>
    /// How far, in Unicode scalars from the cue, a term may start and still be negated.
    public let window: Int
    /// How far, in Latin words from the cue, a term may start and still be negated, where the
    /// text beside the cue is Latin (no CJK character between): the scope is the longer of
    /// the two windows. 0: scalars only.
    public let wordWindow: Int
    /// Post-cues: negate what comes before them in the clause.
    public let postCues: [String]
    /// Terminations: words that end a scope.
    public let terminations: [String]

    /// Creates the rules.
    public init(cues: [String], falseCues: [String], clauseTerminators: Set<Character>, window: Int,
                postCues: [String] = [], terminations: [String] = [], wordWindow: Int = 0) {
        self.wordWindow = wordWindow
        self.cues = cues
        self.falseCues = falseCues
        self.clauseTerminators = clauseTerminators
        self.window = window
        self.postCues = postCues
        self.terminations = terminations
    }
}

/// A place of the gazetteer: its id (used in record ids) and its names.
public struct Place: Sendable, Equatable {
    /// Id used in record ids, e.g. `xiongan`.
    public let id: String
    /// All names: simplified, traditional and English.
    public let names: [String]
}

/// Canonical fields of an application and the headings that introduce them on pages.
public struct FieldHeadings: Sendable, Equatable {
    /// Canonical field key → headings (e.g. `function` → 功能描述, 创新应用功能, Function).
    public let headings: [(field: String, heading: String)]

    /// Equal when the same headings map to the same fields, in the same order.
    public static func == (a: FieldHeadings, b: FieldHeadings) -> Bool {
        a.headings.elementsEqual(b.headings, by: { $0 == $1 })
    }
}

/// Numbers of the classification rules that researchers may tune.
public struct RuleSettings: Sendable, Equatable {
    /// Weight of a category match by field (e.g. `name` 3, `function` 1, `risk_control` 0).
    public let fieldWeights: [String: Double]
    /// Weight of a field not listed in `fieldWeights`.
    public let defaultFieldWeight: Double
    /// A runner-up category becomes `secondary` when its score is at least this share of
    /// the primary's score.
    public let secondaryRatio: Double
}

/// Everything the classifier reads from `Lexicons/`: one lexicon per family, the negation
/// rules, the place gazetteer, the field headings and the rule settings.
public struct LexiconSet: Sendable {
    /// Lexicons by family.
    public let lexicons: [LabelFamily: Lexicon]
    /// Negation cues and scope.
    public let negation: NegationRules
    /// Place gazetteer (`places.yaml`).
    public let places: [Place]
    /// Field headings (`fields.yaml`).
    public let fields: FieldHeadings
    /// Rule settings (`rules.yaml`).
    public let rules: RuleSettings
    /// The version written in `Lexicons/VERSION` (required).
    public let version: String
    /// SHA-256 over the names and bytes of every file read, in name order: the lexicon
    /// content hash carried by every exported record.
    public let contentHash: String

    /// The lexicon of `family`; an empty one when absent.
    public func lexicon(_ family: LabelFamily) -> Lexicon {
        lexicons[family] ?? Lexicon(family: family, labels: [], file: "")
    }

    /// Display names (zh, en) of a label id, searched in every family.
    public func displayName(_ id: String) -> (zh: String, en: String)? {
        for lex in lexicons.values {
            if let l = lex.labels.first(where: { $0.id == id }) { return (l.zh, l.en) }
        }
        return nil
    }
}
