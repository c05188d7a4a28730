import Foundation
import SandboxExport
import Testing

/// One output set, switched in whole or not at all; one writer at a time.
@Suite struct OutputSetTests {
    /// A parent folder holding `Output/` with an old set.
    func oldSet() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("outset-\(UUID().uuidString)")
        let out = parent.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old records\n".utf8).write(to: out.appendingPathComponent("records.jsonl"))
        try Data("{\"old\":1}\n".utf8).write(to: out.appendingPathComponent("run.json"))
        return out
    }

    func listing(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func commitSwitchesTheWholeSetIn() throws {
        let out = try oldSet()
        let set = try OutputSet.open(directory: out)
        let file = try set.create("records.jsonl")
        try file.write(Data("new ".utf8))
        try file.write(Data("records\n".utf8))
        try set.write("errors.jsonl", Data())
        // Nothing visible before the switch.
        #expect(try listing(out) == ["records.jsonl", "run.json"])
        try set.commit()
        #expect(try listing(out) == ["errors.jsonl", "records.jsonl"])
        #expect(try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8) == "new records\n")
        // The old set (at the staging name after the exchange) is gone.
        #expect(try listing(out.deletingLastPathComponent()) == ["Output"])
    }

    @Test func abandonLeavesTheOldSetByteForByte() throws {
        let out = try oldSet()
        let set = try OutputSet.open(directory: out)
        try set.write("records.jsonl", Data("new\n".utf8))
        set.abandon()
        #expect(try listing(out) == ["records.jsonl", "run.json"])
        #expect(try Data(contentsOf: out.appendingPathComponent("records.jsonl")) == Data("old records\n".utf8))
        #expect(try listing(out.deletingLastPathComponent()) == ["Output"])
    }

    @Test func aSecondWriterIsRefusedAtOnce() throws {
        let out = try oldSet()
        let first = try OutputSet.open(directory: out)
        #expect(throws: ExportError.locked(path: out.standardizedFileURL.path)) { _ = try OutputSet.open(directory: out) }
        try first.commit()
        // Once the first has switched its set in, the lock is free again.
        let third = try OutputSet.open(directory: out)
        third.abandon()
    }

    @Test func aStaleStagingFolderIsRemoved() throws {
        let out = try oldSet()
        let stale = out.deletingLastPathComponent().appendingPathComponent(".Output.staging-deadbeef")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
        try Data("half".utf8).write(to: stale.appendingPathComponent("records.jsonl"))
        let set = try OutputSet.open(directory: out)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        set.abandon()
    }

    @Test func aMissingOutputFolderIsCreated() throws {
        let out = try oldSet().deletingLastPathComponent().appendingPathComponent("a/b/Output")
        let set = try OutputSet.open(directory: out)
        try set.write("run.json", Data("{}\n".utf8))
        try set.commit()
        #expect(try listing(out) == ["run.json"])
    }

    @Test func aFileInTheWayOfTheFolderIsAnError() throws {
        let out = try oldSet().appendingPathComponent("records.jsonl")
        #expect(throws: ExportError.write(path: out.path, message: "is not a folder")) { _ = try OutputSet.open(directory: out) }
    }

    @Test func aLinkedOutputFolderKeepsItsLink() throws {
        let out = try oldSet()
        let link = out.deletingLastPathComponent().appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: out.path)
        let set = try OutputSet.open(directory: link)
        try set.write("run.json", Data("{\"new\":1}\n".utf8))
        try set.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == out.path)
        #expect(try listing(out) == ["run.json"])
        #expect(try listing(out.deletingLastPathComponent()) == ["Output", "link"])
    }
}
