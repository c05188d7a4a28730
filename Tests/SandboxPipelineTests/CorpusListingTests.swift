import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema
import Testing

/// Corpus folders as the file system has them: names as bytes, folder links (issue 11, item 4).
@Suite struct CorpusListingTests {
    /// 工商 in GBK, as a zip made on Chinese Windows names a file.
    static let gbkName: [UInt8] = [0xB9, 0xA4, 0xC9, 0xCC] + Array(".html".utf8)

    /// Creates `name` (raw bytes) in `folder` holding `data`.
    static func create(_ name: [UInt8], in folder: URL, _ data: Data) throws {
        let path = Array(folder.path.utf8) + [0x2F] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) } }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    }

    /// pages/<GBK>.html (a good page), bad/<GBK>.html (a PDF), linked → a folder elsewhere
    /// with one page, pages/loop → the corpus itself, again → the same folder as linked.
    static func makeCorpus() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("corpus"), outside = root.appendingPathComponent("outside")
        for dir in [corpus.appendingPathComponent("pages"), corpus.appendingPathComponent("bad"), outside] {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        try create(gbkName, in: corpus.appendingPathComponent("pages"), Data(contentsOf: repositoryRoot.appendingPathComponent("Corpus/pages/suzhou-2020-b1.html")))
        try create(gbkName, in: corpus.appendingPathComponent("bad"), Data("%PDF-1.4\n".utf8))
        try fm.copyItem(at: repositoryRoot.appendingPathComponent("Corpus/pages/beijing-2020-b1.html"), to: outside.appendingPathComponent("beijing-2020-b1.html"))
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("linked").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("pages/loop").path, withDestinationPath: corpus.path)
        try fm.createSymbolicLink(atPath: corpus.appendingPathComponent("again").path, withDestinationPath: outside.path)
        return corpus
    }

    @Test func namesAreBytesAndFolderLinksAreFollowedOnce() throws {
        let listing = try Pipeline.pages(in: Self.makeCorpus())
        // "again" sorts before "linked" and claims the outside folder first; "linked" and
        // "pages/loop" lead to folders already listed.
        #expect(listing.pages.map(\.name) == [#"again/beijing-2020-b1.html"#, #"bad/\xB9\xA4\xC9\xCC.html"#, #"pages/\xB9\xA4\xC9\xCC.html"#])
        #expect(listing.pages[2].relative == Array("pages/".utf8) + Self.gbkName)
        #expect(listing.unreadable.isEmpty)
    }

    @Test func aGBKNamedPageIsReadAndShownEscaped() throws {
        let corpus = try Self.makeCorpus()
        let result = try projectPipeline.run(corpus: corpus, jobs: 2)
        #expect(result.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02", "beijing-2020-b1-03", "beijing-2020-b1-04",
                                            "beijing-2020-b1-05", "beijing-2020-b1-06", "suzhou-2020-b1-01", "suzhou-2020-b1-02"])
        #expect(result.records.last?.source.file == #"pages/\xB9\xA4\xC9\xCC.html"#)
        // errors.jsonl as the writer stages it.
        let out = corpus.deletingLastPathComponent().appendingPathComponent("Output")
        let set = try OutputSet.open(directory: out)
        _ = try projectPipeline.run(corpus: corpus, jobs: 2, into: set)
        try set.commit()
        #expect(try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
            == #"{"code":"binary","location":{"file":"bad/\\xB9\\xA4\\xC9\\xCC.html"},"message":"not HTML: PDF signature","severity":"error"}"# + "\n")
    }

    @Test func displayEscapesOnlyTheInvalidBytes() {
        #expect(PathBytes.display(Array("页面.html".utf8)) == "页面.html")
        #expect(PathBytes.display([0x61, 0xE9, 0xA1, 0xB5, 0xFF, 0xE9, 0xA1]) == #"a页\xFF\xE9\xA1"#)
    }

    @Test func theOutputDoesNotDependOnJobs() throws {
        let corpus = try Self.makeCorpus()
        let one = try projectPipeline.run(corpus: corpus, jobs: 1), four = try projectPipeline.run(corpus: corpus, jobs: 4)
        #expect(try RecordFormat.jsonLines(one.records) == RecordFormat.jsonLines(four.records))
        #expect(try RecordFormat.jsonLines(one.errors) == RecordFormat.jsonLines(four.errors))
    }
}
