import Foundation
import SandboxEval
import SandboxPipeline
import SandboxSchema
import SandboxStats
import Testing

/// The one record schema (issue 8): what `run` and `classify` produce, written as JSON
/// Lines and read back by every reader of the tool, is the same record, field for field.
@Suite struct SchemaRoundTripTests {
    /// `classify`'s records, one set per page, from the regression and bad-input pages:
    /// pages without applicants, without an application type, without an English name.
    static let classified: [[LabelledRecord]] = {
        var sets: [[LabelledRecord]] = []
        for folder in ["regressions", "bad-input"] {
            let dir = repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/\(folder)")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".html") }.sorted()
            for name in names {
                let records = projectPipeline.process(fileAt: dir.appendingPathComponent(name), name: name).records
                if !records.isEmpty { sets.append(records) }
            }
        }
        return sets
    }()

    /// `run`'s records, then each page of `classify`: sets with unique ids.
    static func sets() -> [[LabelledRecord]] { [CorpusLabelsTests.result.records] + classified }

    @Test func theSamplesCoverTheGaps() {
        let classified = Self.classified.flatMap { $0 }
        let all = Self.sets().flatMap { $0 }
        #expect(Self.classified.count >= 10)
        #expect(classified.contains { $0.participation == nil && $0.applicants.isEmpty })
        #expect(classified.contains { $0.applicationType == .unstated })
        #expect(classified.contains { $0.nameEn == nil })
        #expect(all.contains { $0.nameEn != nil })
        #expect(all.contains { $0.evidence.contains { $0.section != nil } })
        #expect(all.contains { !$0.warnings.isEmpty })
    }

    @Test func statsReadsBackEveryField() throws {
        for originals in Self.sets() {
            let data = try JSONLinesWriter.encode(originals)
            #expect(try RecordsLoader.parse(data, path: "x.jsonl") == originals)
        }
    }

    @Test func evalReadsBackTheScoredFieldsAndEvidenceWithSections() throws {
        for originals in Self.sets() {
        let fromFile = PredictionReader.read(data: try JSONLinesWriter.encode(originals), fileName: "x.jsonl")
        let inMemory = PredictionReader.read(records: originals, source: "x.jsonl")
        #expect(fromFile.issues == [])
        #expect(fromFile.records == originals.map(GoldRecord.init))
        #expect(inMemory == fromFile)
        #expect(fromFile.records.flatMap { $0.evidence ?? [] } == originals.flatMap(\.evidence))
        }
    }

    @Test func schemaReaderReadsBackEveryField() throws {
        for originals in Self.sets() {
            let read = JSONLinesReader.decode(LabelledRecord.self, from: try JSONLinesWriter.encode(originals), file: "x.jsonl")
            #expect(try read.map { try $0.result.get() } == originals)
        }
    }

    @Test func everyEvidencePointsIntoItsText() {
        for r in Self.sets().flatMap({ $0 }) {
            for e in r.evidence where e.field != "name_en" || r.nameEn != nil {
                #expect(r.span(of: e) != nil, "\(r.id): \(e)")
            }
        }
    }
}
