// libFuzzer target over the lexicon loader: the text of one lexicon file → the parser of
// LexiconLoader for that kind of file (family lexicon, negation, places, fields, rules).
// It must return a value or throw a `LexiconError` with a sane position; any other error,
// a trap or a memory error is a finding. Built only by scripts/fuzz.sh (SANDBOXLENS_FUZZ=1 adds this
// target to Package.swift), so normal builds never see it.
//
// Like IngestFuzzer, the module's main is LexiconFuzzer_main, which hands control to
// libFuzzer's driver (LLVMFuzzerRunDriver).
import Foundation
import SandboxLexicon

/// The kinds of file in `Lexicons/`, each with its parser.
enum FileKind {
    case lexicon, negation, places, fields, rules

    /// The kind a text claims to be, as `LexiconLoader.load` knows it from the file name:
    /// the first top-level key (a line starting with a letter) that only one kind of file
    /// allows; a lexicon when there is none.
    init(of text: String) {
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let first = line.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
                  let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            switch String(decoding: line[line.startIndex..<colon], as: UTF8.self) {
            case "family", "labels", "blockers", "name_pattern": self = .lexicon; return
            case "cues", "pre_cues", "post_cues", "pseudo", "false_cues", "terminations", "clause_terminators", "window":
                self = .negation; return
            case "places": self = .places; return
            case "fields": self = .fields; return
            case "field_weights", "default_field_weight", "secondary_ratio": self = .rules; return
            default: continue
            }
        }
        self = .lexicon
    }

    /// Parses `text` as a file of this kind; a lexicon must also build (its terms
    /// normalised and compiled into the automaton the matcher uses, then found again in
    /// their own concatenation).
    func parse(_ text: String) throws {
        switch self {
        case .lexicon:
            let lexicon = try LexiconLoader.parseLexicon(yaml: text, file: "fuzz.yaml")
            let normalizer = TextNormalizer()
            let forms = lexicon.terms.map { Array(normalizer.normalizeTerm($0.text.replacingOccurrences(of: "*", with: "")).utf8) }
            let automaton = AhoCorasick(patterns: forms)
            let haystack = Array(forms.joined(separator: [0x20]))
            var missing = Set(forms.indices.filter { !forms[$0].isEmpty })
            for o in automaton.occurrences(in: haystack) {
                precondition(o.start >= 0 && o.end <= haystack.count && Array(haystack[o.start..<o.end]) == forms[o.pattern],
                             "occurrence \(o) does not spell its pattern")
                missing.remove(o.pattern)
            }
            precondition(missing.isEmpty, "terms \(missing.sorted()) are not found in the concatenation of the lexicon's terms")
        case .negation: _ = try LexiconLoader.parseNegation(yaml: text, file: "fuzz.yaml")
        case .places: _ = try LexiconLoader.parsePlaces(yaml: text, file: "fuzz.yaml")
        case .fields: _ = try LexiconLoader.parseFields(yaml: text, file: "fuzz.yaml")
        case .rules: _ = try LexiconLoader.parseRules(yaml: text, file: "fuzz.yaml")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // LexiconLoader.load refuses a file that is not UTF-8 before any parser sees it.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    do {
        try FileKind(of: text).parse(text)
    } catch let error as LexiconError {
        precondition(error.line >= 0 && error.column >= 0 && !error.message.isEmpty, "malformed LexiconError: \(error)")
    } catch {
        fatalError("untyped error from the lexicon loader (\(type(of: error))): \(error)")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LexiconFuzzer_main")
public func lexiconFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in
        guard let data else { return 0 }
        return fuzzOneInput(data, size)
    }
}
