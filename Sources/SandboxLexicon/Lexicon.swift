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

/// A lexicon: the labels of one family with their terms, loaded from one YAML file.
public struct Lexicon: Sendable, Equatable {
    /// The family of the labels.
    public let family: LabelFamily
    /// The labels, in file order.
    public let labels: [LexiconLabel]
    /// The file's name (for provenance and messages).
    public let file: String

    /// All terms of all labels, in file order.
    public var terms: [Term] { labels.flatMap(\.terms) }
}

/// Negation cues: a term preceded by a cue in the same clause is recorded as negated and
/// does not count (e.g. 不涉及数字人民币 → no `digital_currency`).
public struct NegationRules: Sendable, Equatable {
    /// Cues, e.g. 不涉及, 未使用, not, without.
    public let cues: [String]
    /// Longer phrases that contain a cue but do not negate (e.g. "not only"); they win
    /// over the cue by leftmost-longest matching.
    public let falseCues: [String]
    /// Characters that end a clause and with it a cue's scope (after normalisation).
    public let clauseTerminators: Set<Character>
    /// How far, in Unicode scalars after the end of the cue, a term may start and still be
    /// negated.
    public let window: Int
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
    /// The version written in `Lexicons/VERSION`, or "unversioned".
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
