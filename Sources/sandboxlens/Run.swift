import ArgumentParser
import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema

/// `sandboxlens run`: the main job, every page of the corpus → Output/.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
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
            // Locked and known writable before the first page is read.
            let set = try OutputSet.open(directory: URL(fileURLWithPath: output))
            let progress = quiet ? nil : ProgressLine()
            var tally = Summary.Tally()
            let manifest: RunManifest
            do {
                manifest = try pipeline.run(corpus: corpusURL, listing: listing, jobs: jobs, into: set,
                                            progress: progress.map { line in { done, total, _ in line.update(done: done, total: total) } },
                                            tally: { tally.add($0) })
            } catch {
                set.abandon()
                throw CommandFailure("cannot write outputs: \(error)")
            }
            let failedPages = manifest.counts["pages_failed"] ?? 0
            let errors = manifest.counts["errors"] ?? 0
            var reason: String?
            if !manifest.inputs.isEmpty && failedPages == manifest.inputs.count {
                reason = "no page could be read"
            } else if manifest.inputs.isEmpty {
                reason = "no page could be listed"
            } else if strict && errors > 0 {
                reason = "\(errors) error(s) with --strict"
            }
            if let reason {
                let report = try failureReport(reason: reason, manifest: manifest, staged: set)
                set.abandon()
                let path = set.directory.appendingPathComponent("failed-run.json")
                try set.writeBeside("failed-run.json", report)
                throw CommandFailure("\(reason); the previous output was kept, nothing switched in; see \(output)/\(path.lastPathComponent)")
            }
            try set.commit()
            if let failure = progress?.failure { throw failure }
            if !quiet { try Std.out(Summary.table(manifest: manifest, tally: tally, output: output) + "\n") }
        }
    }

    /// `failed-run.json`: `{reason, run: <run.json>, errors: [<errors.jsonl lines>]}`.
    func failureReport(reason: String, manifest: RunManifest, staged: OutputSet) throws -> Data {
        struct Report: Encodable {
            let reason: String
            let run: RunManifest
            let errors: [Diagnostic]
        }
        let lines = try staged.stagedData("errors.jsonl")
        let errors = JSONLinesReader.decode(Diagnostic.self, from: lines, file: "errors.jsonl").compactMap { try? $0.result.get() }
        return try JSONLinesWriter.encodePretty(Report(reason: reason, run: manifest, errors: errors))
    }
}
