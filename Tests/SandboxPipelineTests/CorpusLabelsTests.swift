import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema
import Testing

/// Exact labels of real corpus applications (values from ../shared/gold/dev.jsonl).
struct LabelCase: CustomTestStringConvertible, Sendable {
    let id: String
    let primary: String
    let technologies: [String]
    let markers: [String]
    let type: String
    let participation: String
    let kinds: [String]
    var testDescription: String { id }
}

let labelCases: [LabelCase] = [
    // negated 生物识别 in risk control: no biometrics/AI
    .init(id: "beijing-2020-b1-01", primary: "digital_credit", technologies: ["blockchain", "internet_of_things"], markers: [],
          type: "unstated", participation: "financial_institutions_only", kinds: ["bank"]),
    // AIBank is a name; 不涉及数字人民币 negated
    .init(id: "beijing-2020-b1-04", primary: "innovative_banking", technologies: ["api_open_banking"], markers: [],
          type: "unstated", participation: "financial_institutions_only", kinds: ["bank"]),
    // 腾讯云计算 is a name; 多方数据学习 is privacy computing; 小微 only in an applicant name
    .init(id: "beijing-2020-b2-06", primary: "digital_credit", technologies: ["privacy_computing"], markers: [],
          type: "unstated", participation: "joint_with_technology_company", kinds: ["technology_company", "other", "bank"]),
    // insurer and its branch
    .init(id: "beijing-2020-b2-05", primary: "insurtech", technologies: [], markers: [],
          type: "unstated", participation: "financial_institutions_only", kinds: ["insurer", "insurer"]),
    // speech recognition is AI, not biometrics; 老年人 + 普惠金融
    .init(id: "chongqing-2020-b1-02", primary: "innovative_banking", technologies: ["artificial_intelligence"],
          markers: ["inclusive_finance", "underserved_groups"], type: "financial_service",
          participation: "financial_institutions_only", kinds: ["bank"]),
    // 票据 named in the title → securities; bank-owned fintech makes it joint
    .init(id: "shanghai-2020-b1-07", primary: "securities_wealth_capital_markets", technologies: ["blockchain"],
          markers: ["small_micro_enterprises"], type: "technology_product",
          participation: "joint_with_technology_company", kinds: ["technology_company", "bank"]),
    // English page: TEE, SE, big data; credit card → digital credit
    .init(id: "shenzhen-2020-b1-02", primary: "digital_credit", technologies: ["big_data", "privacy_computing", "information_security"],
          markers: [], type: "financial_service", participation: "joint_with_technology_company", kinds: ["bank", "technology_company"]),
    // five technologies in one table cell; 农商银行 hides 农
    .init(id: "suzhou-2020-b1-01", primary: "innovative_banking",
          technologies: ["big_data", "cloud_computing", "privacy_computing", "mobile_5g", "information_security"], markers: [],
          type: "financial_service", participation: "financial_institutions_only", kinds: ["bank"]),
    // satellite remote sensing is IoT; ＡＩ full-width
    .init(id: "hangzhou-2020-b1-01", primary: "digital_credit", technologies: ["artificial_intelligence", "internet_of_things"],
          markers: ["agriculture_rural"], type: "financial_service", participation: "financial_institutions_only", kinds: ["bank"]),
]

@Suite(.serialized) struct CorpusLabelsTests {
    static let result: RunResult = {
        do { return try projectPipeline.run(corpus: repositoryRoot.appendingPathComponent("Corpus"), jobs: 2) }
        catch { fatalError("run failed: \(error)") }
    }()

    @Test(arguments: labelCases)
    func labels(_ c: LabelCase) throws {
        let r = try #require(Self.result.records.first { $0.id == c.id })
        #expect(r.primary == c.primary)
        #expect(r.technologies == c.technologies)
        #expect(r.inclusiveMarkers == c.markers)
        #expect(r.applicationType == c.type)
        #expect(r.participation == c.participation)
        #expect(r.applicants.map(\.kind) == c.kinds)
    }

    @Test func everyLabelHasEvidenceWithExactSpans() throws {
        let r = try #require(Self.result.records.first { $0.id == "beijing-2020-b1-04" })
        let api = r.evidence.filter { $0.label == "api_open_banking" && !$0.negated }
        let first = try #require(api.first)
        let text = r.sections[try #require(first.section)].text
        #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[first.start..<first.end])) == "API")
        let negated = r.evidence.filter { $0.negated }.map(\.label)
        #expect(negated == ["digital_currency"])
    }

    @Test func corpusCountsMatchTheManifest() throws {
        // Ids and per-page counts equal Corpus/manifest.jsonl (and so the gold ids): they
        // are structural; a miss is an ingestion bug. Add a page's line to the manifest
        // when you add the page.
        let manifest = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpus/manifest.jsonl"), encoding: .utf8)
        var ids: [String] = []
        var perPage: [String: Int] = [:]
        for line in manifest.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            ids += (obj?["ids"] as? [String]) ?? []
            perPage[(obj?["file"] as? String) ?? ""] = obj?["applications"] as? Int
        }
        #expect(Self.result.errors.isEmpty)
        #expect(Self.result.records.map(\.id) == ids.sorted())
        #expect(ids.count == 46)  // the corpus as shipped (../shared/corpus/README.md)
        for input in Self.result.manifest.inputs {
            #expect(input.applications == perPage[input.file], "\(input.file)")
        }
        // libxml2's recovered errors are counted per page, not printed: the Word export has
        // 59 (Office namespace tags and the like), the clean pages none.
        let inputs = Dictionary(uniqueKeysWithValues: Self.result.manifest.inputs.map { ($0.file, $0) })
        #expect(inputs["pages/shanghai-2020-b1.html"]?.parserErrors == 59)
        #expect(inputs["pages/beijing-2020-b1.html"]?.parserErrors == 0)
    }

    /// The committed Output/records.jsonl is what the pipeline produces now, byte for byte:
    /// the dataset never goes stale silently. After a lexicon or code change, run
    /// `swift run -c release sandboxlens run` and commit Output/.
    @Test func committedOutputIsReproduced() throws {
        let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Output/records.jsonl"))
        let fresh = try RecordFormat.jsonLines(Self.result.records)
        if fresh != committed {
            // Name the records that differ (by id) rather than dump two byte arrays.
            let stale = Self.staleIDs(committed: committed, fresh: fresh)
            Issue.record("Output/records.jsonl is stale: \(stale); run `swift run -c release sandboxlens run` and commit Output/")
        }
    }

    /// The ids whose lines differ between two `records.jsonl` files, as one line:
    /// `changed: a, b; only committed: c; only now: d` (order moves named when nothing else differs).
    static func staleIDs(committed: Data, fresh: Data) -> String {
        func byID(_ data: Data) -> [(String, Substring)] {
            String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
                let id = line.firstRange(of: #""id":""#).map { r in line[r.upperBound...].prefix { $0 != "\"" } } ?? line.prefix(40)
                return (String(id), line)
            }
        }
        let old = byID(committed), new = byID(fresh)
        let oldMap = Dictionary(old, uniquingKeysWith: { a, _ in a }), newMap = Dictionary(new, uniquingKeysWith: { a, _ in a })
        let changed = new.filter { oldMap[$0.0] != nil && oldMap[$0.0] != $0.1 }.map(\.0)
        let gone = old.filter { newMap[$0.0] == nil }.map(\.0)
        let added = new.filter { oldMap[$0.0] == nil }.map(\.0)
        var parts: [String] = []
        if !changed.isEmpty { parts.append("changed: \(changed.joined(separator: ", "))") }
        if !gone.isEmpty { parts.append("only committed: \(gone.joined(separator: ", "))") }
        if !added.isEmpty { parts.append("only now: \(added.joined(separator: ", "))") }
        if parts.isEmpty { parts.append("same records in another order (committed: \(old.map(\.0).prefix(3).joined(separator: ", ")) …)") }
        return parts.joined(separator: "; ")
    }

    @Test func staleOutputNamesTheIDs() {
        let a = Data([#"{"id":"x-1","v":1}"#, #"{"id":"x-2","v":1}"#, #"{"id":"x-3","v":1}"#].joined(separator: "\n").utf8)
        let b = Data([#"{"id":"x-1","v":1}"#, #"{"id":"x-2","v":2}"#, #"{"id":"x-4","v":1}"#].joined(separator: "\n").utf8)
        #expect(Self.staleIDs(committed: a, fresh: b) == "changed: x-2; only committed: x-3; only now: x-4")
    }

    @Test func jobsDoNotChangeTheOutput() throws {
        let one = try projectPipeline.run(corpus: repositoryRoot.appendingPathComponent("Corpus"), jobs: 1)
        #expect(try RecordFormat.jsonLines(one.records) == RecordFormat.jsonLines(Self.result.records))
        #expect(RecordFormat.csv(one.records) == RecordFormat.csv(Self.result.records))
    }

    @Test func pageIntroductionYieldsNoLabel() throws {
        // Beijing's first page introduces 物联网、大数据、人工智能、区块链、API for the whole batch;
        // 微捷贷 names none of them itself.
        let r = try #require(Self.result.records.first { $0.id == "beijing-2020-b1-02" })
        #expect(r.technologies == [])
        #expect(r.evidence.allSatisfy { $0.field != "introduction" })
    }
}
