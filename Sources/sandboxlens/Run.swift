import ArgumentParser
import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema

/// `sandboxlens run`: the main job, every page of the corpus → Output/.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the main job: every page of the corpus → Output/ (records.jsonl, records.csv, errors.jsonl, run.json).",
        discussion: """
        The four files are written to a staging folder beside the output folder as pages finish and switched in \
        with one atomic exchange; the output folder is locked (a second run into it fails at once). When every \
        page failed, or --strict fails, nothing is switched in: the previous set stays and the failure report is \
        written to <output>/failed-run.json.
        """)

    @Option(help: "Folder of announcement pages (.html/.htm, searched recursively).")
    var corpus = "Corpus"
    @Option(help: "Folder of lexicon files (default: ./Lexicons, else the installed ones).")
    var lexicons: String?
    @Option(help: "Folder to write the outputs to.")
    var output = "Output"
    @Option(help: "Worker threads (output does not depend on it).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes = 20_000_000
    @Flag(help: "Exit non-zero when any page or application failed (and switch nothing in).")
    var strict = false
    @Flag(help: "Print no progress or summary.")
    var quiet = false

    func validate() throws {
        for (flag, value) in [("--corpus", corpus), ("--lexicons", lexicons ?? "x"), ("--output", output)] where value.isEmpty {
            throw ValidationError("\(flag) must not be empty (an empty path would mean the current folder)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be at least 1 (got \(maxBytes))") }
    }

    func run() throws {
        try failingWithOneLine {
            var pipeline = try loadPipeline(lexicons)
            pipeline.maxFileBytes = maxBytes
            let corpusURL = URL(fileURLWithPath: corpus)
            let listing = try Pipeline.pages(in: corpusURL)
            if listing.pages.isEmpty && listing.unreadable.isEmpty {
                throw PipelineError.corpus(path: corpusURL.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")
            }
            // The output folder replaces itself whole: never the corpus or a folder holding it.
            let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
            let src = corpusURL.standardizedFileURL.resolvingSymlinksInPath().path
            if src == out || src.hasPrefix(out.hasSuffix("/") ? out : out + "/") {
                throw PipelineError.corpus(path: src, message: "the output folder \(out) holds the corpus; it would be replaced whole — choose another --output")
            }
            // Locked and known writable before the first page is read.
            let set = try OutputSet.open(directory: URL(fileURLWithPath: output))
            let progress = quiet ? nil : ProgressLine()
            var tally = Summary.Tally()
            let summary: RunSummary
            do {
                summary = try pipeline.run(corpus: corpusURL, listing: listing, jobs: jobs, into: set,
                                            progress: progress.map { line in { done, total, _ in line.update(done: done, total: total) } },
                                            tally: { tally.add($0) })
            } catch {
                set.abandon()
                throw CommandFailure("cannot write outputs: \(error)")
            }
            let pages = summary.counts["pages"] ?? 0
            let failedPages = summary.counts["pages_failed"] ?? 0
            let errors = summary.counts["errors"] ?? 0
            var reason: String?
            if pages > 0 && failedPages == pages {
                reason = "no page could be read"
            } else if pages == 0 {
                reason = "no page could be listed"
            } else if strict && errors > 0 {
                reason = "\(errors) error(s) with --strict"
            }
            if let reason {
                let report = try failureReport(reason: reason, staged: set)
                set.abandon()
                let path = set.directory.appendingPathComponent("failed-run.json")
                try set.writeBeside("failed-run.json", report)
                throw CommandFailure("\(reason); the previous output was kept, nothing switched in; see \(output)/\(path.lastPathComponent)")
            }
            try set.commit()
            if let failure = progress?.failure { throw failure }
            if !quiet { try Std.out(Summary.table(counts: summary.counts, tally: tally, output: output) + "\n") }
        }
    }

    /// `failed-run.json`: `{"reason": …, "run": <the staged run.json>, "errors": [<the
    /// staged errors.jsonl lines>]}`, built from the staged bytes (nothing re-encoded).
    func failureReport(reason: String, staged: OutputSet) throws -> Data {
        var out = Data("{\n\"reason\": ".utf8)
        out.append(try JSONLinesWriter.encode([reason]).dropLast())
        out.append(Data(",\n\"run\": ".utf8))
        out.append(try staged.stagedData("run.json").dropLast())
        out.append(Data(",\n\"errors\": [".utf8))
        let lines = try staged.stagedData("errors.jsonl").split(separator: 0x0A)
        for (i, line) in lines.enumerated() {
            out.append(Data((i == 0 ? "\n" : ",\n").utf8))
            out.append(line)
        }
        out.append(Data("\n]\n}\n".utf8))
        return out
    }
}
