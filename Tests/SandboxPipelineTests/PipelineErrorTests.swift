import Foundation
import SandboxPipeline
import Testing

@Suite struct PipelineErrorTests {
    @Test func missingCorpusIsAPipelineError() {
        #expect(throws: PipelineError.corpus(path: "/nonexistent-corpus", message: "corpus folder does not exist")) {
            try projectPipeline.run(corpus: URL(fileURLWithPath: "/nonexistent-corpus"))
        }
        #expect(PipelineError.corpus(path: "/c", message: "corpus is not a folder").description == "/c: corpus is not a folder")
    }

    @Test func folderWithoutPagesIsAPipelineError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("empty-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        #expect(throws: PipelineError.corpus(path: dir.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")) {
            try projectPipeline.run(corpus: dir)
        }
    }
}
