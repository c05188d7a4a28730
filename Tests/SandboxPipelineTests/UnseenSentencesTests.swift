import Foundation
import SandboxClassify
import SandboxIngest
import Testing

/// Micro-averaged precision and recall of one label family over a sentence set.
struct MicroScore: Equatable, CustomStringConvertible {
    var tp = 0
    var fp = 0
    var fn = 0
    /// `tp / (tp + fp)`; 1 when nothing was predicted (no false positive possible).
    var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    /// `tp / (tp + fn)`; 1 when the gold set has no label.
    var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    var description: String {
        "tp \(tp) fp \(fp) fn \(fn)  P \(String(format: "%.4f", precision))  R \(String(format: "%.4f", recall))"
    }
}

/// Sentences written by a helper who never saw `Lexicons/`, from LABELS.md alone (issue 10,
/// set A): the measure of how the lexicons hold on wording they were not written for.
/// Same format as the matching cases. The lexicons must not be tuned to these sentences;
/// the figures below are asserted so that a regression (or an improvement) shows.
let unseenSentences: [MatchingCase] = readSentences(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-sentences.jsonl"))

/// Reads a sentence set (JSON Lines, the matching-case format); stops the run on a bad file.
func readSentences(_ url: URL) -> [MatchingCase] {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
    return text.split(separator: "\n").map { line in
        do { return try JSONDecoder().decode(MatchingCase.self, from: Data(line.utf8)) }
        catch { fatalError("bad sentence line \(line): \(error)") }
    }
}

/// Scores technology tags and inclusive markers over `sentences`, each classified as the
/// function description of an application whose name and applicants carry no term.
func scoreSentences(_ sentences: [MatchingCase]) -> (technologies: MicroScore, markers: MicroScore, perLabel: [String: MicroScore]) {
    var tech = MicroScore(), mark = MicroScore()
    var perLabel: [String: MicroScore] = [:]
    for c in sentences {
        let app = ApplicationRecord(position: 1, name: "测试应用", applicants: ["某机构"],
                                    sections: [Section(field: "function", heading: "功能描述", text: c.text)])
        let labels = projectPipeline.classifier.classify(app)
        for (gold, predicted, isTech) in [(Set(c.technologies), Set(labels.technologies), true),
                                          (Set(c.inclusive_markers), Set(labels.inclusiveMarkers), false)] {
            for l in gold.union(predicted) {
                let hit = gold.contains(l), said = predicted.contains(l)
                let tp = hit && said ? 1 : 0, fp = !hit && said ? 1 : 0, fn = hit && !said ? 1 : 0
                if isTech { tech.tp += tp; tech.fp += fp; tech.fn += fn } else { mark.tp += tp; mark.fp += fp; mark.fn += fn }
                perLabel[l, default: MicroScore()].tp += tp
                perLabel[l, default: MicroScore()].fp += fp
                perLabel[l, default: MicroScore()].fn += fn
            }
        }
    }
    return (tech, mark, perLabel)
}

@Suite struct UnseenSentencesTests {
    @Test func setAIsLoaded() { #expect(unseenSentences.count == 60) }

    /// Micro P/R on set A. Printed so that `swift test --filter UnseenSentences` shows them.
    @Test func precisionAndRecallOnSetA() {
        let (tech, mark, perLabel) = scoreSentences(unseenSentences)
        print("unseen set A technologies: \(tech)")
        print("unseen set A inclusive markers: \(mark)")
        for (label, s) in perLabel.sorted(by: { $0.key < $1.key }) { print("  \(label): \(s)") }
        // First measurement (issue 10), before any lexicon term list was extended for
        // coverage: the code at 4035ef0 gave technologies tp 46 fp 2 fn 5 (P 0.9583,
        // R 0.9020) and markers tp 12 fp 0 fn 0; with the matching rules of issue 10
        // (negation, names, blockers, Latin tokens, OpenCC) technologies tp 49 fp 0 fn 2
        // (P 1.0, R 0.9608). After extending the terms by kinds from LABELS.md (not from
        // these sentences): technologies tp 50 fp 2 fn 1 (P 0.9615, R 0.9804). The negation
        // cues 不进行 / 不开展 / 不搜集 (found missing on a blind page set, not here) then took
        // away both false positives: tp 50 fp 0 fn 1.
        #expect(tech == MicroScore(tp: 50, fp: 0, fn: 1))
        #expect(mark == MicroScore(tp: 12, fp: 0, fn: 0))
    }

    /// Set B: written blind like set A, kept apart and never opened while the lexicons
    /// were edited; measured once for the final figure (issue 10), then kept as a test.
    /// The code at 4035ef0 gave technologies tp 43 fp 3 fn 7 (P 0.9348, R 0.8600) and
    /// markers tp 19 fp 1 fn 0 (P 0.9500, R 1.0) on it.
    @Test func precisionAndRecallOnSetB() {
        let sentences = readSentences(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-sentences-B.jsonl"))
        #expect(sentences.count == 60)
        let (tech, mark, _) = scoreSentences(sentences)
        print("unseen set B technologies: \(tech)")
        print("unseen set B inclusive markers: \(mark)")
        #expect(tech == MicroScore(tp: 47, fp: 1, fn: 3))
        #expect(mark == MicroScore(tp: 19, fp: 0, fn: 0))
    }

    /// Scores one blind sentence set (`Fixtures/unseen-sentences-LETTER.jsonl`, 60
    /// sentences, each classified as a function text), printing each mismatch and the
    /// micro scores; returns (technologies, inclusive markers).
    func measureSet(_ letter: String) -> (MicroScore, MicroScore) {
        let sentences = readSentences(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-sentences-\(letter).jsonl"))
        #expect(sentences.count == 60)
        for c in sentences {
            let app = ApplicationRecord(position: 1, name: "测试应用", applicants: ["某机构"],
                                        sections: [Section(field: "function", heading: "功能描述", text: c.text)])
            let labels = projectPipeline.classifier.classify(app)
            if labels.technologies.sorted() != c.technologies.sorted() || labels.inclusiveMarkers.sorted() != c.inclusive_markers.sorted() {
                print("set \(letter) mismatch \(c.id): got \(labels.technologies.sorted()) \(labels.inclusiveMarkers.sorted()), gold \(c.technologies) \(c.inclusive_markers): \(c.text)")
            }
        }
        let (tech, mark, _) = scoreSentences(sentences)
        print("unseen set \(letter) technologies: \(tech)")
        print("unseen set \(letter) inclusive markers: \(mark)")
        return (tech, mark)
    }

    /// Set C (issue 9's "new wording" check for matching): written blind by a helper from
    /// LABELS.md alone, on harder wording (traditional and full-width forms, split terms,
    /// negation scope, names, English). Mismatching sentences are printed with what was
    /// predicted.
    @Test func precisionAndRecallOnSetC() {
        let (tech, mark) = measureSet("C")
        // First measurement, before any change made for it: technologies tp 49 fp 5 fn 2
        // (P 0.9074, R 0.9608), markers tp 33 fp 0 fn 0; 55 of 60 sentences exact. Fixed
        // by kinds: government bodies (…管理局, …委员会) and English company names (…Co.,
        // Ltd., …Inc.) are names; Taiwan wording OpenCC keeps (运算 for 计算, 凭证 for
        // 证书 …) for every term it applies to. Left: C-25, a sentence about the batch as
        // a whole (本批次公示的创新应用综合运用了…) inside a function text; LABELS.md places
        // batch text by where it stands on the page, which the reader keeps out of
        // applications, and the matcher has no sentence-level batch rule.
        #expect(tech == MicroScore(tp: 51, fp: 3, fn: 0))
        #expect(mark == MicroScore(tp: 33, fp: 0, fn: 0))
    }

    /// Set D: written blind by a helper from LABELS.md alone (synonyms, paraphrased
    /// markers, negation scope, look-alike names, traditional, spacing variants, English).
    @Test func precisionAndRecallOnSetD() {
        let (tech, mark) = measureSet("D")
        // First measurement, before any change made for it: technologies tp 52 fp 5 fn 3
        // (P 0.9123, R 0.9455), markers tp 29 fp 0 fn 2; 50 of 60 sentences exact. Fixed
        // by kinds: letter-spaced Latin beside Han text (Ａ Ｐ Ｉ, 5 G); negation cues that
        // a termination would cut (并非基于, 而不是, 不再, 未引入); 应用程序编程接口; market
        // stall keepers (摊主) as small merchants; English county; government data bureaus
        // (大数据局) as names.
        #expect(tech == MicroScore(tp: 55, fp: 0, fn: 0))
        #expect(mark == MicroScore(tp: 31, fp: 0, fn: 0))
    }

    /// Set E: written blind by a helper from LABELS.md alone (synonyms, English and
    /// full-width terms, negations and hedges, terms split by punctuation, traditional
    /// characters, counter-examples; 16 sentences without tags).
    @Test func precisionAndRecallOnSetE() {
        let (tech, mark) = measureSet("E")
        // First measurement, before any change made for it: all 60 sentences exact.
        #expect(tech == MicroScore(tp: 51, fp: 0, fn: 0))
        #expect(mark == MicroScore(tp: 17, fp: 0, fn: 0))
    }
}
