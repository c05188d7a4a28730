import Foundation
import Testing
@testable import SandboxLexicon

@Suite struct LexiconLoaderTests {
    func error(_ yaml: String, family: LabelFamily? = nil) -> String? {
        do {
            _ = try LexiconLoader.parseLexicon(yaml: yaml, file: "t.yaml", expected: family)
            return nil
        } catch let e as LexiconError {
            return e.description
        } catch {
            return "unexpected \(error)"
        }
    }

    /// The hand-written checks agree with the Foundation calls they replace.
    @Test func blanksAndPlaceIDsAsFoundationReadsThem() {
        let samples = ["", " ", "\t", "abc", " abc ", "\u{3000}区块链\u{3000}", "\u{A0}a b\u{202F}", "\u{1680}x\u{205F}",
                       "\u{2000}\u{200A}y\u{200B}", "\nz\n", " \u{301}a", "beijing", "bei_jing2", "2beijing", "Beijing",
                       "beijing\n", "beijing\r\n", "beijing\r", "beijing\n\n", "beijing\u{2028}", "beijing\u{85}", "beijing\u{0B}",
                       "bei-jing", "\n", "b\nj", "北京", "beijing\r\r\n"]
        for s in samples {
            #expect(s.trimmingBlanks() == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            let regex = s.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil
            #expect(LexiconLoader.isPlaceID(s) == regex, "\(Array(s.unicodeScalars))")
        }
    }

    @Test func projectLexiconsLoadWithEveryLabel() throws {
        #expect(projectLexicons.lexicon(.technologies).labels.map(\.id) == LabelScheme.technologies)
        #expect(projectLexicons.lexicon(.inclusiveMarkers).labels.map(\.id) == LabelScheme.inclusiveMarkers)
        #expect(projectLexicons.lexicon(.categories).labels.map(\.id) == LabelScheme.categories)
        #expect(Set(projectLexicons.lexicon(.applicantKinds).labels.map(\.id)) == Set(LabelScheme.applicantKinds))
        #expect(projectLexicons.contentHash.count == 64)
        #expect(projectLexicons.places.first { $0.names.contains("雄安新区") }?.id == "xiongan")
    }

    @Test func unknownLabelID() {
        #expect(error("family: technologies\nlabels:\n  quantum:\n    terms: [量子]\n")
                == "t.yaml:3:3: unknown label id 'quantum' for family technologies (LABELS.md ids: big_data, artificial_intelligence, blockchain, cloud_computing, internet_of_things, privacy_computing, biometrics, api_open_banking, mobile_5g, digital_currency, rpa, information_security, autonomous_driving)")
    }

    @Test func emptyTerm() {
        #expect(error("family: technologies\nlabels:\n  big_data:\n    terms:\n      - 大数据\n      - \"  \"\n")
                == "t.yaml:6:9: empty term in label 'big_data'")
    }

    @Test func duplicateTermWithinLabelAfterNormalisation() {
        #expect(error("family: technologies\nlabels:\n  big_data:\n    terms: [Big Data, big-data]\n")
                == "t.yaml:4:23: duplicate term 'big-data' in label 'big_data'")
    }

    @Test func termInTwoLabelsOfSingleChoiceFamily() {
        #expect(error("family: categories\nlabels:\n  payment:\n    terms: [支付]\n  digital_credit:\n    terms: [支付]\n")
                == "t.yaml:6:13: term '支付' is in two labels of single-choice family categories: 'payment' (line 4) and 'digital_credit'")
    }

    @Test func badYAML() {
        #expect(error("family: technologies\nlabels:\n  big_data: [unclosed\n")?.hasPrefix("t.yaml:4:1: bad YAML: ") == true)
    }

    @Test func unknownKeyAndWrongFamily() {
        #expect(error("family: technologies\nlabels:\n  big_data:\n    term: [x]\n")
                == "t.yaml:4:5: unknown key 'term' in label 'big_data' (expected one of: en, implies, note, terms, zh)")
        #expect(error("family: technologies\nlabels: {}\n", family: .categories)
                == "t.yaml:1:9: family 'technologies' found where 'categories' was expected")
    }

    @Test func missingFileNamesThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: LexiconError(file: dir.appendingPathComponent("categories.yaml").path, line: 1, column: 1,
                                     message: "cannot read file (missing or unreadable)")) {
            try LexiconLoader.load(directory: dir)
        }
    }
}

@Suite struct LexiconFolderTests {
    @Test func missingFolderIsNamed() {
        #expect(throws: LexiconError(file: "/nonexistent/lexicons", line: 0, column: 0,
                                     message: "lexicon folder does not exist (or is not a folder)")) {
            try LexiconLoader.load(directory: URL(fileURLWithPath: "/nonexistent/lexicons"))
        }
    }
}

@Suite struct OtherFileValidationTests {
    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as LexiconError { return e.description } catch { return "\(error)" }
    }

    @Test func fieldsFile() {
        #expect(message { _ = try LexiconLoader.parseFields(yaml: "fields:\n  fuction: [功能描述]\n", file: "f.yaml") }
                == "f.yaml:2:3: unknown field 'fuction' (expected one of: announced, applicants, application_type, batch, channel, city, description, effect, function, name, name_en, ordinal, risk_control, technology)")
        #expect(message { _ = try LexiconLoader.parseFields(yaml: "fields:\n  function: [功能描述]\n  effect: [功能描述]\n", file: "f.yaml") }
                == "f.yaml:3:12: heading '功能描述' is given to both 'function' and 'effect'")
    }

    @Test func rulesFile() {
        #expect(message { _ = try LexiconLoader.parseRules(yaml: "field_weights:\n  technolgy: 1\n", file: "r.yaml") }
                == "r.yaml:2:3: unknown field 'technolgy' in field_weights (expected one of: announced, applicants, application_type, batch, channel, city, description, effect, function, name, name_en, ordinal, risk_control, technology)")
        #expect(message { _ = try LexiconLoader.parseRules(yaml: "field_weights:\n  name: -1\n", file: "r.yaml") }
                == "r.yaml:2:9: a field weight must be a number ≥ 0")
    }

    @Test func nullTermAndNonPositiveWeight() {
        #expect(message { _ = try LexiconLoader.parseLexicon(yaml: "family: technologies\nlabels:\n  big_data:\n    terms: [~]\n", file: "t.yaml") }
                == "t.yaml:4:13: a term is null (~) in label 'big_data'; quote it if it is meant as text")
        #expect(message { _ = try LexiconLoader.parseLexicon(yaml: "family: categories\nlabels:\n  payment:\n    terms: [{term: 支付, weight: -2}]\n", file: "c.yaml") }
                == "c.yaml:4:32: weight must be a number > 0")
    }
}

@Suite struct DuplicateKeyTests {
    @Test func duplicateLabelKeyPointsAtTheSecondOne() {
        do {
            _ = try LexiconLoader.parseLexicon(yaml: "family: technologies\nlabels:\n  big_data:\n    terms: [a]\n  big_data:\n    terms: [b]\n", file: "t.yaml")
            Issue.record("no error")
        } catch let e as LexiconError {
            #expect(e.description == "t.yaml:5:3: bad YAML: key 'big_data' appears twice in one mapping")
        } catch { Issue.record("\(error)") }
    }
}
