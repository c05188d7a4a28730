import Foundation
import Testing

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `sandboxlens` executable `swift test` built beside this test bundle.
func executable() throws -> URL {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [dir, dir.deletingLastPathComponent()] {
        let url = candidate.appendingPathComponent("sandboxlens")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CLIError(message: "sandboxlens not found beside \(CommandLine.arguments[0])")
}

struct CLIError: Error { let message: String }

/// Runs `executable` with `arguments` in `folder` with extra `environment` (and `stdin`,
/// when given, written then closed); returns (exit status or signal, whether it died of a
/// signal, stdout, stderr). The one process runner of the CLI tests.
func run(_ executable: URL, _ arguments: [String], in folder: URL = repositoryRoot, environment: [String: String] = [:],
         stdin: Data? = nil) throws -> (status: Int32, signalled: Bool, out: String, err: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Runs sandboxlens in the repository root; returns (exit code, stdout, stderr).
func sandboxlens(_ arguments: [String]) throws -> (Int32, String, String) {
    let r = try run(try executable(), arguments)
    return (r.status, r.out, r.err)
}

func tempDir(_ name: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Suite(.serialized) struct CLITests {
    /// A corpus of one good page and one PDF renamed .html.
    func mixedCorpus() throws -> URL {
        let dir = try tempDir("cli-corpus")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Corpus/pages/suzhou-2020-b1.html"),
                                         to: dir.appendingPathComponent("good.html"))
        try Data("%PDF-1.4\n".utf8).write(to: dir.appendingPathComponent("bad.html"))
        return dir
    }

    @Test func perPageErrorsDoNotFailARunUnlessStrict() throws {
        let corpus = try mixedCorpus()
        let out = try tempDir("cli-out")
        let (code, stdout, _) = try sandboxlens(["run", "--corpus", corpus.path, "--output", out.path])
        #expect(code == 0)
        #expect(stdout.hasPrefix("pages 2 (failed 1), records 2, errors 1 → \(out.path)/"))
        let errors = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors == #"{"code":"binary","location":{"file":"bad.html"},"message":"not HTML: PDF signature","severity":"error"}"# + "\n")
        let (strictCode, _, strictErr) = try sandboxlens(["run", "--corpus", corpus.path, "--output", out.path, "--strict", "--quiet"])
        #expect(strictCode == 1)
        #expect(strictErr == "sandboxlens: 1 error(s) with --strict; the previous output was kept, nothing switched in; see \(out.path)/failed-run.json\n")
        // The first run's set is still there, the failure report beside it.
        #expect(try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8) == errors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["errors.jsonl", "failed-run.json", "records.csv", "records.jsonl", "run.json"])
    }

    @Test func aBadLexiconStopsTheRunBeforeAnyOutput() throws {
        let lexicons = try tempDir("cli-lex")
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Lexicons").path) {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Lexicons/\(name)"), to: lexicons.appendingPathComponent(name))
        }
        let file = lexicons.appendingPathComponent("technologies.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "  rpa:\n", with: "  quantum:\n")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let out = try tempDir("cli-out").appendingPathComponent("never")
        let (code, _, stderr) = try sandboxlens(["run", "--lexicons", lexicons.path, "--output", out.path, "--quiet"])
        #expect(code == 1)
        #expect(stderr.hasPrefix("sandboxlens: lexicon error: \(file.path):"))
        #expect(stderr.contains(": unknown label id 'quantum' for family technologies"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func missingCorpusWritesNothing() throws {
        let out = try tempDir("cli-out").appendingPathComponent("never")
        let (code, _, stderr) = try sandboxlens(["run", "--corpus", "/nonexistent-corpus", "--output", out.path])
        #expect(code == 1)
        #expect(stderr == "sandboxlens: /nonexistent-corpus: corpus folder does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try sandboxlens(["run", "--jobs", "0"]).0 == 64)
        #expect(try sandboxlens(["eval"]).0 == 64)
        // An empty path would mean the current folder: refused before anything runs.
        let (code, _, stderr) = try sandboxlens(["run", "--corpus", ""])
        #expect(code == 64)
        #expect(stderr.hasPrefix("Error: --corpus must not be empty"))
    }

    @Test func classifyReadsStandardInputAndReportsEmptyPages() throws {
        let (code, stdout, stderr) = try sandboxlens(["classify", "Corpus/pages/suzhou-2020-b1.html"])
        #expect(code == 0)
        #expect(stdout.split(separator: "\n").count == 2)
        #expect(stderr.isEmpty)
        let empty = try tempDir("cli-page").appendingPathComponent("p.html")
        try Data("<html><body><p>nothing</p></body></html>".utf8).write(to: empty)
        let (code2, stdout2, stderr2) = try sandboxlens(["classify", empty.path])
        // As grep without a match: exit 1, with the reason as the last line.
        #expect(code2 == 1)
        #expect(stdout2.isEmpty)
        #expect(stderr2 == #"{"code":"no_applications","location":{"file":""# + empty.path + #""},"message":"no application found on the page","severity":"warning"}"# + "\n"
            + "sandboxlens: no record: the page gave no application\n")
        // A page that failed: the last line gives its reason, not "no application".
        let binary = try tempDir("cli-page").appendingPathComponent("b.html")
        try Data("%PDF-1.7\n".utf8).write(to: binary)
        let (code3, _, stderr3) = try sandboxlens(["classify", binary.path])
        #expect(code3 == 1)
        #expect(stderr3.hasSuffix("sandboxlens: no record: \(binary.path): binary: not HTML: PDF signature\n"))
    }

    @Test func classifyDropsARepeatedID() throws {
        let page = "Corpus/pages/suzhou-2020-b1.html"
        let (code, stdout, stderr) = try sandboxlens(["classify", page, page])
        #expect(code == 0)
        #expect(stdout.split(separator: "\n").count == 2)
        #expect(stderr.split(separator: "\n").map(String.init) == [
            #"{"code":"duplicate_id","location":{"file":""# + page + #""},"message":"record id suzhou-2020-b1-01 already given by "# + page + #"; this one is dropped","severity":"error"}"#,
            #"{"code":"duplicate_id","location":{"file":""# + page + #""},"message":"record id suzhou-2020-b1-02 already given by "# + page + #"; this one is dropped","severity":"error"}"#,
        ])
    }

    @Test func aGoldSampleIsNoErrorWhenSaidSo() throws {
        let sample = "Tests/SandboxCLITests/Fixtures/gold-sample.jsonl"  // 11 of the 46 records
        let (strict, out1, _) = try sandboxlens(["eval", "--gold", sample])
        #expect(strict == 1)
        #expect(out1.contains("  only in predictions (35): "))
        let (code, out2, _) = try sandboxlens(["eval", "--gold", sample, "--gold-is-sample"])
        #expect(code == 0)
        #expect(out2.contains("errors: none\nnot in the gold sample (35, not scored): "))
        #expect(out2.contains("primary — single-label, 11 records, accuracy 1.0000"))
    }

    @Test func evalGateFailsBelowTheFloor() throws {
        let floors = try tempDir("cli-floor").appendingPathComponent("floor.json")
        // A gold set with one primary changed: accuracy 45/46 < 1.0.
        let gold = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/SandboxCLITests/Fixtures/gold-one-changed.jsonl"), encoding: .utf8)
        let goldFile = floors.deletingLastPathComponent().appendingPathComponent("gold.jsonl")
        try gold.write(to: goldFile, atomically: true, encoding: .utf8)
        try Data("{\"primary.accuracy\": 1.0}".utf8).write(to: floors)
        let (code, stdout, stderr) = try sandboxlens(["eval", "--gold", goldFile.path, "--min-from", floors.path])
        #expect(code == 1)
        #expect(stdout.contains("primary — single-label, 46 records, accuracy 0.9783"))
        #expect(stderr == "below floor: primary.accuracy 0.9783 < floor 1.0000\nsandboxlens: 1 score(s) below the floors of \(floors.path)\n")
    }

    @Test func statsReadsWhatClassifyWrites() throws {
        // Issue 8: a page without applicants gives "participation": null, which stats read.
        let page = "Tests/SandboxPipelineTests/Fixtures/regressions/numeral-overflow-count.html"
        let (code, stdout, _) = try sandboxlens(["classify", page])
        #expect(code == 0)
        let records = try tempDir("cli-classified").appendingPathComponent("x.jsonl")
        try Data(stdout.utf8).write(to: records)
        let (statsCode, statsOut, statsErr) = try sandboxlens(["stats", "--records", records.path])
        #expect(statsErr == "")
        #expect(statsCode == 0)
        #expect(!statsOut.isEmpty)
    }
}

/// An installed binary called by name from `PATH` finds its installed lexicons
/// (`<prefix>/share/sandboxlens/Lexicons`), from a folder without `Lexicons/` (it used to
/// read `argv[0]`, the bare name, and fall back to the checkout's).
@Suite struct InstalledLookupTests {
    @Test func anInstalledBinaryOnPathUsesItsInstalledLexicons() throws {
        let prefix = try tempDir("install-prefix")
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/sandboxlens")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try executable(), to: bin.appendingPathComponent("sandboxlens"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Lexicons"), to: share.appendingPathComponent("Lexicons"))
        let elsewhere = try tempDir("install-cwd")
        let page = repositoryRoot.appendingPathComponent("Corpus/pages/suzhou-2020-b1.html").path
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["sandboxlens", "classify", page], in: elsewhere,
                        environment: ["PATH": path, "SANDBOXLENS_LEXICONS": ""])
        #expect(r.status == 0)
        let folders = r.out.split(separator: "\n").compactMap { line -> String? in
            guard let d = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let p = d["provenance"] as? [String: Any] else { return nil }
            return p["lexicon_folder"] as? String
        }
        #expect(folders == Array(repeating: share.appendingPathComponent("Lexicons").standardizedFileURL.resolvingSymlinksInPath().path, count: 2))
    }
}
