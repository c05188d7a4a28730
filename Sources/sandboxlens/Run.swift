import ArgumentParser
import Foundation
import SandboxPipeline

/// `sandboxlens run`: the main job, every page of the corpus → Output/.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the main job: every page of the corpus → Output/ (records.jsonl, records.csv, errors.jsonl, run.json).")

    @Option(help: "Folder of announcement pages (.html/.htm, searched recursively).")
    var corpus = "Corpus"
    @Option(help: "Folder of lexicon files.")
    var lexicons = "Lexicons"
    @Option(help: "Folder to write the outputs to.")
    var output = "Output"
    @Option(help: "Worker threads (output does not depend on it).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Refuse files larger than this many bytes.")
    var maxBytes = 20_000_000
    @Flag(help: "Exit non-zero when any page or application failed.")
    var strict = false
    @Flag(help: "Print no progress or summary.")
    var quiet = false

    func validate() throws {
        for (flag, value) in [("--corpus", corpus), ("--lexicons", lexicons), ("--output", output)] where value.isEmpty {
            throw ValidationError("\(flag) must not be empty (an empty path would mean the current folder)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        guard maxBytes >= 1 else { throw ValidationError("--max-bytes must be at least 1 (got \(maxBytes))") }
    }

    func run() throws {
        try failingWithOneLine {
            var pipeline = try loadPipeline(lexicons)
            pipeline.maxFileBytes = maxBytes
            let quiet = self.quiet
            let result = try pipeline.run(corpus: URL(fileURLWithPath: corpus), jobs: jobs) { done, total, file in
                if !quiet { FileHandle.standardError.write(Data("[\(done)/\(total)] \(file)\n".utf8)) }
            }
            do {
                try Pipeline.write(result, to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure("cannot write outputs: \(error)")
            }
            if !quiet { print(Summary.table(result, output: output)) }
            let pagesOK = result.manifest.inputs.contains { !$0.failed }
            if !result.manifest.inputs.isEmpty, !pagesOK { throw CommandFailure("no page could be read; see \(output)/errors.jsonl") }
            if strict, !result.errors.isEmpty {
                throw CommandFailure("\(result.errors.count) error(s) with --strict; see \(output)/errors.jsonl")
            }
        }
    }
}
