import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema
import Testing

/// The files written as pages finish are those of the whole run encoded at once.
@Suite struct StreamedOutputTests {
    /// `run.json` without its `duration_seconds` line (it differs between two runs).
    func withoutDuration(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"duration_seconds\"") }.joined(separator: "\n")
    }

    @Test func streamedFilesEqualTheWholeRunEncodedAtOnce() throws {
        let corpus = try BadInputTests.makeCorpus()
        var pipeline = projectPipeline
        pipeline.maxFileBytes = 10_000
        let whole = try pipeline.run(corpus: corpus, jobs: 2)
        let out = corpus.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        let set = try OutputSet.open(directory: out)
        var tallied: [String] = []
        let summary = try pipeline.run(corpus: corpus, jobs: 2, into: set, tally: { tallied.append($0.id) })
        try set.commit()
        #expect(summary.counts == ["pages": 17, "pages_failed": 7, "records": 19, "errors": 8])
        #expect(tallied == whole.records.map(\.id))
        #expect(try Data(contentsOf: out.appendingPathComponent("records.jsonl")) == RecordFormat.jsonLines(whole.records))
        #expect(try Data(contentsOf: out.appendingPathComponent("records.csv")) == RecordFormat.csv(whole.records))
        #expect(try Data(contentsOf: out.appendingPathComponent("errors.jsonl")) == RecordFormat.jsonLines(whole.errors))
        #expect(withoutDuration(try Data(contentsOf: out.appendingPathComponent("run.json")))
            == withoutDuration(try JSONLinesWriter.encodePretty(whole.manifest)))
        // The spill file of run.json's inputs leaves nothing behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["errors.jsonl", "records.csv", "records.jsonl", "run.json"])
    }
}
