import Foundation
import Testing

/// Runs sandboxlens with `arguments` in `folder` (default the repository root) with extra
/// `environment`; returns (exit status or signal, whether it died of a signal, stdout, stderr).
func sl(_ arguments: [String], in folder: URL = repositoryRoot, environment: [String: String] = [:],
                 stdin: Data? = nil) throws -> (status: Int32, signalled: Bool, out: String, err: String) {
    try run(try executable(), arguments, in: folder, environment: environment, stdin: stdin)
}

/// Runs `script` with bash (`$SL` is the sandboxlens executable) in the repository root.
func bash(_ script: String) throws -> (status: Int32, out: String, err: String) {
    let r = try run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: ["SL": try executable().path])
    return (r.status, r.out, r.err)
}

/// A corpus folder holding copies of the given corpus pages.
func corpus(_ pages: [String]) throws -> URL {
    let dir = try tempDir("safety-corpus")
    for page in pages {
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Corpus/pages/\(page)"), to: dir.appendingPathComponent(page))
    }
    return dir
}

/// The four files of an output folder (run.json without its duration line, which differs
/// on every run), by name; nil for a missing one.
func outputSet(_ dir: URL) -> [String: String?] {
    var set: [String: String?] = [:]
    for name in ["records.jsonl", "records.csv", "errors.jsonl", "run.json"] {
        let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        set[name] = name == "run.json" ? text.map { $0.split(separator: "\n").filter { !$0.contains("duration_seconds") }.joined(separator: "\n") } : text
    }
    return set
}

/// Issue 11: the output set under faults, the standard streams, and running from anywhere.
@Suite(.serialized) struct SafetyTests {
    @Test func aKillAtEveryStepOfTheSwitchLeavesTheOldOrTheNewSetWhole() throws {
        let oldCorpus = try corpus(["suzhou-2020-b1.html"])
        let newCorpus = try corpus(["suzhou-2020-b1.html", "beijing-2020-b1.html"])
        let parent = try tempDir("safety-kill")
        let out = parent.appendingPathComponent("Output")
        // The two sets, each written by an uninterrupted run.
        let reference = parent.appendingPathComponent("reference")
        #expect(try sl(["run", "--quiet", "--corpus", newCorpus.path, "--output", reference.path]).status == 0)
        let newSet = outputSet(reference)
        #expect(try sl(["run", "--quiet", "--corpus", oldCorpus.path, "--output", out.path]).status == 0)
        let oldSet = outputSet(out)
        #expect(oldSet != newSet)
        var outcomes: [String] = []
        for step in 1...9 {  // OutputSet.steps(files: 4)
            let r = try sl(["run", "--quiet", "--corpus", newCorpus.path, "--output", out.path],
                                    environment: ["SANDBOXLENS_TEST_KILL_AT": String(step)])
            #expect(r.signalled && r.status == SIGKILL, "step \(step): \(r)")
            let now = outputSet(out)
            outcomes.append(now == oldSet ? "old" : now == newSet ? "new" : "mixed")
            // Put the old set back for the next step (a clean run also removes the staging left behind).
            #expect(try sl(["run", "--quiet", "--corpus", oldCorpus.path, "--output", out.path]).status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["Output", "reference"])
        }
        // Up to the exchange (step 7) the old set, after it the new one; never a mix.
        #expect(outcomes == ["old", "old", "old", "old", "old", "old", "new", "new", "new"])
    }

    @Test func aSecondConcurrentRunIsRefusedAtOnce() throws {
        // 8 pages × 25 copies: the first run is still going when the second starts.
        let big = try tempDir("safety-big")
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Corpus/pages").path) {
            for i in 0..<25 {
                try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Corpus/pages/\(name)"), to: big.appendingPathComponent("\(i)-\(name)"))
            }
        }
        let parent = try tempDir("safety-lock")
        let out = parent.appendingPathComponent("Output")
        let first = Process()
        first.executableURL = try executable()
        first.arguments = ["run", "--quiet", "--jobs", "1", "--corpus", big.path, "--output", out.path]
        first.currentDirectoryURL = repositoryRoot
        try first.run()
        // The first run holds the lock once its staging folder exists.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).contains(where: { $0.hasPrefix(".Output.staging-") }) {
            usleep(20_000)
        }
        let started = Date()
        let second = try sl(["run", "--quiet", "--corpus", big.path, "--output", out.path])
        #expect(first.isRunning)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(second.status == 1)
        #expect(second.err == "sandboxlens: \(out.path): another sandboxlens run is writing this output folder (it holds the lock); wait for it to end or choose another --output\n")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let records = try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8)
        #expect(records.split(separator: "\n").count == 46)
    }

    @Test func aRunWhereEveryPageFailsKeepsThePreviousSetByteForByte() throws {
        let parent = try tempDir("safety-fail")
        let out = parent.appendingPathComponent("Output")
        #expect(try sl(["run", "--quiet", "--corpus", try corpus(["suzhou-2020-b1.html"]).path, "--output", out.path]).status == 0)
        var before: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) { before[name] = try Data(contentsOf: out.appendingPathComponent(name)) }
        let bad = try tempDir("safety-bad")
        try Data("%PDF-1.4\n".utf8).write(to: bad.appendingPathComponent("a.html"))
        let r = try sl(["run", "--quiet", "--corpus", bad.path, "--output", out.path])
        #expect(r.status == 1)
        #expect(r.err == "sandboxlens: no page could be read; the previous output was kept, nothing switched in; see \(out.path)/failed-run.json\n")
        for (name, data) in before { #expect(try Data(contentsOf: out.appendingPathComponent(name)) == data, "\(name)") }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("failed-run.json"))) as? [String: Any]
        #expect(report?["reason"] as? String == "no page could be read")
        #expect((report?["errors"] as? [[String: Any]])?.map { $0["message"] as? String } == ["not HTML: PDF signature"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Output"])
        // The next good run replaces the set and drops the failure report.
        #expect(try sl(["run", "--quiet", "--corpus", try corpus(["suzhou-2020-b1.html"]).path, "--output", out.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["errors.jsonl", "records.csv", "records.jsonl", "run.json"])
    }

    @Test func anUnwritableOutputIsFoundBeforeAnyPageIsRead() throws {
        let file = try tempDir("safety-unwritable").appendingPathComponent("a-file")
        try Data().write(to: file)
        let r = try sl(["run", "--corpus", try corpus(["suzhou-2020-b1.html"]).path, "--output", file.path])
        #expect(r.status == 1)
        #expect(r.err == "sandboxlens: \(file.path): is not a folder\n")
    }

    /// The breaker's findings on this session's build: an output folder of other files (the
    /// project, the corpus) is refused, not emptied; a folder or closed standard input is an
    /// error, not a crash; a FIFO in the corpus is unreadable, not a hang.
    @Test func foldersOfOtherFilesAreNeverReplaced() throws {
        let project = try tempDir("safety-project")
        try FileManager.default.copyItem(at: try corpus(["suzhou-2020-b1.html"]), to: project.appendingPathComponent("Corpus"))
        try Data("notes".utf8).write(to: project.appendingPathComponent("NOTES.txt"))
        let lexicons = repositoryRoot.appendingPathComponent("Lexicons").path
        let here = try sl(["run", "--quiet", "--corpus", "Corpus", "--output", ".", "--lexicons", lexicons], in: project)
        #expect(here.status == 1)
        #expect(here.err == "sandboxlens: \(project.appendingPathComponent("Corpus").path): the output folder \(project.path) holds the corpus; it would be replaced whole — choose another --output\n")
        let docs = project.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("thesis".utf8).write(to: docs.appendingPathComponent("thesis.txt"))
        let other = try sl(["run", "--quiet", "--corpus", "Corpus", "--output", "docs", "--lexicons", lexicons], in: project)
        #expect(other.status == 1)
        #expect(other.err == "sandboxlens: \(docs.path): holds files that are not an earlier output (thesis.txt); the output folder is replaced whole, so choose an empty or new folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted() == ["Corpus", "NOTES.txt", "docs"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: docs.path) == ["thesis.txt"])
        // Counter-example: an earlier output set is replaced as always.
        let out = project.appendingPathComponent("Output")
        #expect(try sl(["run", "--quiet", "--corpus", "Corpus", "--output", "Output", "--lexicons", lexicons], in: project).status == 0)
        #expect(try sl(["run", "--quiet", "--corpus", "Corpus", "--output", "Output", "--lexicons", lexicons], in: project).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["errors.jsonl", "records.csv", "records.jsonl", "run.json"])
    }

    @Test func badStandardInputAndFIFOsEndWithAnError() throws {
        let dirIn = try bash("\"$SL\" classify - < Corpus; echo \"rc=$?\"")
        #expect(dirIn.out == "rc=1\n")
        #expect(dirIn.err == "sandboxlens: -: cannot read standard input: Is a directory\n")
        let closed = try bash("\"$SL\" stats --records - <&-; echo \"rc=$?\"")
        #expect(closed.out == "rc=1\n")
        #expect(closed.err == "sandboxlens: -: cannot read standard input: Bad file descriptor\n")
        let dir = try corpus(["suzhou-2020-b1.html"])
        #expect(mkfifo(dir.appendingPathComponent("aaa.html").path, 0o644) == 0)
        let out = try tempDir("safety-fifo").appendingPathComponent("o")
        let r = try sl(["run", "--quiet", "--corpus", dir.path, "--output", out.path])
        #expect(r.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
                == "{\"code\":\"unreadable\",\"location\":{\"file\":\"aaa.html\"},\"message\":\"is not a regular file (a FIFO, socket or device)\",\"severity\":\"error\"}\n")
        #expect(try String(contentsOf: out.appendingPathComponent("records.jsonl"), encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func fullOrClosedStandardStreamsEndWithoutACrash() throws {
        let page = "Corpus/pages/suzhou-2020-b1.html"
        let full = try bash("\"$SL\" run --output \"$(mktemp -d)/o\" >/dev/full; echo \"rc=$?\"")
        #expect(full.out == "rc=74\n")
        #expect(full.err.hasSuffix("sandboxlens: cannot write to standard output: No space left on device\n"))
        let closed = try bash("\"$SL\" run --output \"$(mktemp -d)/o\" 2>&-; echo \"rc=$?\"")
        #expect(closed.out.hasSuffix("rc=74\n"))
        let classifyFull = try bash("\"$SL\" classify \(page) >/dev/full; echo \"rc=$?\"")
        #expect(classifyFull.out == "rc=74\n")
        #expect(classifyFull.err == "sandboxlens: cannot write to standard output: No space left on device\n")
        let statsFull = try bash("\"$SL\" stats >/dev/full; echo \"rc=$?\"")
        #expect(statsFull.out == "rc=74\n")
        let stderrFull = try bash("\"$SL\" classify README.md 2>/dev/full; echo \"rc=$?\"")
        #expect(stderrFull.out == "rc=74\n")
    }

    @Test func classifyIntoHeadEndsAsUnixToolsDo() throws {
        // 46 records (≈ 300 KB) overflow the pipe once head has gone: EPIPE, exit 141, silent.
        let r = try bash("\"$SL\" classify Corpus/pages/*.html | head -1 | wc -l; echo \"rc=${PIPESTATUS[0]}\"")
        #expect(r.out == "1\nrc=141\n")
        #expect(r.err == "")
    }

    @Test func classifyWorksFromAnotherFolder() throws {
        let elsewhere = try tempDir("safety-elsewhere")
        let page = repositoryRoot.appendingPathComponent("Corpus/pages/suzhou-2020-b1.html").path
        let r = try sl(["classify", page], in: elsewhere)
        #expect(r.status == 0)
        #expect(r.err == "")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        let lexicons = repositoryRoot.appendingPathComponent("Lexicons").standardizedFileURL.path
        #expect(lines.allSatisfy { $0.contains(#""lexicon_folder":""# + lexicons + #"""#) })
        // A lexicon error names --lexicons.
        let missing = try sl(["classify", page, "--lexicons", elsewhere.appendingPathComponent("none").path], in: elsewhere)
        #expect(missing.status == 1)
        let none = elsewhere.appendingPathComponent("none").path
        #expect(missing.err == "sandboxlens: lexicon error: \(none): lexicon folder does not exist (or is not a folder) (lexicon folder \(none); choose another with --lexicons DIR)\n")
    }

    @Test func commandLineConventions() throws {
        let misspelt = try sl(["rn"])
        #expect(misspelt.status == 64)
        #expect(misspelt.err == "sandboxlens: unknown command 'rn'; did you mean 'run'? (commands: run, classify, eval, stats, report; see sandboxlens --help)\n")
        let format = try sl(["eval", "--gold", "x", "--gold-format", "json"])
        #expect(format.status == 64)
        #expect(format.err.hasPrefix("Error: The value 'json' is invalid for '--gold-format <gold-format>'"))
        let records = try String(contentsOf: repositoryRoot.appendingPathComponent("Output/records.jsonl"), encoding: .utf8)
        let fromStdin = try sl(["stats", "--records", "-", "--format", "csv", "--table", "city_by_primary"], stdin: Data(records.utf8))
        let fromFile = try sl(["stats", "--format", "csv", "--table", "city_by_primary"])
        #expect(fromStdin.status == 0)
        #expect(fromStdin.out == fromFile.out)
        #expect(!fromStdin.out.contains("# "))
        let noTable = try sl(["stats", "--table", "nope"])
        #expect(noTable.status == 64)
        let report = try sl(["report", "--output", "-"])
        #expect(report.status == 0)
        #expect(report.out.hasPrefix("<!DOCTYPE html>"))
        let gold = try String(contentsOf: URL(fileURLWithPath: "../shared/gold/dev.jsonl", relativeTo: repositoryRoot), encoding: .utf8)
        let eval = try sl(["eval", "--gold", "-", "--quiet"], stdin: Data(gold.utf8))
        #expect(eval.status == 0)
        #expect(eval.err == "")
        let floors = try sl(["eval", "--gold", "../shared/gold/dev.jsonl", "--min-from", "-"], stdin: Data(#"{"primary.accuracy": 0.5}"#.utf8))
        #expect(floors.err == "quality floors met: 1 of 1 (-)\n")
        let published = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpus/published.json"), encoding: .utf8)
        #expect(try sl(["stats", "--published", "-"], stdin: Data(published.utf8)).out == sl(["stats"]).out)
        #expect(try sl(["stats", "--published", "-", "--coverage", "-"]).status == 64)
    }

    /// A copy of Lexicons/ to break.
    func lexiconCopy() throws -> URL {
        let dir = try tempDir("safety-lex")
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Lexicons").path) {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Lexicons/\(name)"), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func lexiconErrorsCarryALineAndVersionIsRequired() throws {
        let page = "Corpus/pages/suzhou-2020-b1.html"
        let noVersion = try lexiconCopy()
        try FileManager.default.removeItem(at: noVersion.appendingPathComponent("VERSION"))
        let missing = try sl(["classify", page, "--lexicons", noVersion.path])
        #expect(missing.status == 1)
        #expect(missing.err == "sandboxlens: lexicon error: \(noVersion.path)/VERSION:1:1: cannot read file (missing or unreadable) (lexicon folder \(noVersion.path); choose another with --lexicons DIR)\n")
        try Data(" \n".utf8).write(to: noVersion.appendingPathComponent("VERSION"))
        let empty = try sl(["classify", page, "--lexicons", noVersion.path])
        #expect(empty.err.hasPrefix("sandboxlens: lexicon error: \(noVersion.path)/VERSION:1:1: VERSION must hold one non-empty line"))
        let badUTF8 = try lexiconCopy()
        let file = badUTF8.appendingPathComponent("rules.yaml")
        var bytes = Array(try Data(contentsOf: file))
        let secondLine = bytes.firstIndex(of: 0x0A)! + 1
        bytes.insert(contentsOf: [0x61, 0x62, 0xFF], at: secondLine)  // line 2, column 3
        try Data(bytes).write(to: file)
        let invalid = try sl(["classify", page, "--lexicons", badUTF8.path])
        #expect(invalid.err.hasPrefix("sandboxlens: lexicon error: \(file.path):2:3: not valid UTF-8 (first invalid byte here)"))
    }
}
