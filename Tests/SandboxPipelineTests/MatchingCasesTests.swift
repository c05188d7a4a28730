import Foundation
import SandboxClassify
import SandboxIngest
import SandboxSchema
import Testing

/// One case of ../shared/cases/matching.jsonl (copied to Fixtures/).
struct MatchingCase: Decodable, CustomTestStringConvertible, Sendable {
    let id: String
    let text: String
    let technologies: [String]
    let inclusive_markers: [String]
    let why: String
    var testDescription: String { id }
}

let matchingCases: [MatchingCase] = {
    let url = repositoryRoot.appendingPathComponent("Tests/SandboxLexiconTests/Fixtures/matching.jsonl")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url.path)") }
    return text.split(separator: "\n").map { line in
        do { return try JSONDecoder().decode(MatchingCase.self, from: Data(line.utf8)) }
        catch { fatalError("bad case line \(line): \(error)") }
    }
}()

@Suite struct MatchingCasesTests {
    @Test func everyCaseIsLoaded() { #expect(matchingCases.count == 29) }

    /// Each case is the function description of one application whose name and
    /// applicants carry no lexicon term; its exact tags are asserted.
    @Test(arguments: matchingCases)
    func exactTags(_ c: MatchingCase) {
        let app = ApplicationRecord(position: 1, name: "测试应用", applicants: ["某机构"],
                                    sections: [Section(field: "function", heading: "功能描述", text: c.text)])
        let labels = projectPipeline.classifier.classify(app)
        #expect(Set(labels.technologies) == Set(c.technologies), "\(c.why)")
        #expect(Set(labels.inclusiveMarkers) == Set(c.inclusive_markers), "\(c.why)")
    }
}
