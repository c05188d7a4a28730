import ArgumentParser
import Foundation
import SandboxEval
import SandboxExport
import SandboxLexicon
import SandboxPipeline
import SandboxStats

@main
struct SandboxLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandboxlens",
        abstract: "Label announcements of China's fintech innovation regulatory pilot (金融科技创新监管试点).",
        discussion: """
        Exit codes: 0 success (per-page errors are listed in errors.jsonl and do not fail a run \
        unless --strict is given); 1 a failure, with a one-line reason on stderr; 64 a usage \
        error (unknown option, missing or invalid argument).
        """,
        version: toolVersion,
        subcommands: [Run.self, Classify.self, Eval.self, Stats.self, Report.self])
}

/// Prints a one-line reason to stderr and exits 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("sandboxlens: " + message + "\n").utf8))
    Foundation.exit(1)
}

func loadPipeline(_ lexicons: String) -> Pipeline {
    do {
        return try Pipeline(lexiconDirectory: URL(fileURLWithPath: lexicons))
    } catch let e as LexiconError {
        fail("lexicon error: \(e)")
    } catch {
        fail("cannot load lexicons from \(lexicons): \(error)")
    }
}

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
        var pipeline = loadPipeline(lexicons)
        pipeline.maxFileBytes = maxBytes
        let quiet = self.quiet
        let result: RunResult
        do {
            result = try pipeline.run(corpus: URL(fileURLWithPath: corpus), jobs: jobs) { done, total, file in
                if !quiet { FileHandle.standardError.write(Data("[\(done)/\(total)] \(file)\n".utf8)) }
            }
        } catch {
            fail("\(error)")
        }
        do {
            try Pipeline.write(result, to: URL(fileURLWithPath: output))
        } catch {
            fail("cannot write outputs: \(error)")
        }
        if !quiet { print(Summary.table(result, output: output)) }
        let pagesOK = result.manifest.inputs.contains { !$0.failed }
        if !result.manifest.inputs.isEmpty, !pagesOK { fail("no page could be read; see \(output)/errors.jsonl") }
        if strict, !result.errors.isEmpty { fail("\(result.errors.count) error(s) with --strict; see \(output)/errors.jsonl") }
    }
}

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label pages not in the corpus; print one JSON Lines record per application to stdout.",
        discussion: """
        Give '-' to read one page from standard input. Errors (and pages without applications) go to \
        stderr as JSON Lines {file, kind, message}. Exit 1, with a last plain line on stderr, when no \
        page gave a record and at least one failed.
        """)

    @Argument(help: "Page files, or '-' for standard input.")
    var pages: [String]
    @Option(help: "Folder of lexicon files.")
    var lexicons = "Lexicons"

    func validate() throws {
        if pages.isEmpty { throw ValidationError("give at least one page file, or '-' for standard input") }
        if pages.contains("") || lexicons.isEmpty { throw ValidationError("paths must not be empty") }
    }

    func run() throws {
        let pipeline = loadPipeline(lexicons)
        var failed = 0
        var produced = 0
        var seen: [String: String] = [:]  // record id → page that gave it
        for page in pages {
            let result: PageResult
            if page == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                result = pipeline.process(bytes: [UInt8](data), file: "-")
            } else {
                result = pipeline.process(fileAt: URL(fileURLWithPath: page), name: page)
            }
            var notes = result.errors
            // As in `run`, an id already printed is not printed again.
            let fresh = result.records.filter { record in
                if let first = seen[record.id] {
                    notes.append(ErrorEntry(file: page, kind: "duplicate_id", message: "record id \(record.id) already given by \(first); this one is dropped"))
                    return false
                }
                seen[record.id] = page
                return true
            }
            produced += fresh.count
            FileHandle.standardOutput.write(try RecordFormat.jsonLines(fresh))
            if let info = result.info, result.records.isEmpty, result.errors.isEmpty {
                // Not an error, but say so: the page held no application.
                notes.append(ErrorEntry(file: info.file, kind: "no_applications", message: "no application found on the page"))
            }
            if !result.errors.isEmpty { failed += 1 }
            if !notes.isEmpty { FileHandle.standardError.write(try RecordFormat.jsonLines(notes)) }
        }
        if produced == 0 && failed > 0 { fail("no record produced; see the errors above") }
    }
}

/// The summary table `run` prints.
enum Summary {
    static func table(_ result: RunResult, output: String) -> String {
        var byCity: [String: Int] = [:]
        var byPrimary: [String: Int] = [:]
        for r in result.records {
            byCity[r.city, default: 0] += 1
            byPrimary[r.primary, default: 0] += 1
        }
        var lines: [String] = []
        let c = result.manifest.counts
        lines.append("pages \(c["pages"] ?? 0) (failed \(c["pages_failed"] ?? 0)), records \(result.records.count), errors \(result.errors.count) → \(output)/")
        lines.append("")
        lines.append(pad("city", 24) + "applications")
        for (k, v) in byCity.sorted(by: { $0.key < $1.key }) { lines.append(pad(k, 24) + String(v)) }
        lines.append("")
        lines.append(pad("primary category", 36) + "applications")
        for k in SandboxLexicon.LabelScheme.categories { lines.append(pad(k, 36) + String(byPrimary[k] ?? 0)) }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare predictions with a hand-labelled gold set: P/R/F1 per label, averages, confusion matrix, disagreements.",
        discussion: """
        Gold formats: JSON Lines (LABELS.md §5), CSV with the same columns, a Label Studio JSON export, a doccano \
        JSONL export (detected from the file; override with --gold-format). Records are joined on id; ids on one \
        side only are errors in the report. Exit 1 when the report has errors (malformed lines, one-sided ids) or \
        a score is below its floor (--min-from).
        """)

    @Option(help: "Gold file.")
    var gold: String
    @Option(help: "Predictions as JSON Lines records (default Output/records.jsonl); ignored with --corpus.")
    var predictions: String?
    @Option(help: "Label this corpus folder now and evaluate the result instead of reading --predictions.")
    var corpus: String?
    @Option(help: "Folder of lexicon files (with --corpus).")
    var lexicons = "Lexicons"
    @Option(help: "Gold format: jsonl, csv, label-studio or doccano (default: detected).")
    var goldFormat: String?
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Option(help: "Output format.")
    var format: Format = .text
    @Option(help: "JSON file of minimum scores, e.g. {\"primary.accuracy\": 0.95}; a score below its floor fails.")
    var minFrom: String?
    @Flag(help: "The gold set labels a sample: predictions whose ids it lacks are listed, not errors.")
    var goldIsSample = false

    func run() throws {
        do {
            var override: GoldFormat?
            if let name = goldFormat {
                guard let f = GoldFormat(rawValue: name) else { fail("--gold-format must be jsonl, csv, label-studio or doccano (got \(name))") }
                override = f
            }
            let goldSet = try GoldReader.read(contentsOf: URL(fileURLWithPath: gold), format: override)
            let predicted: ReadResult
            if let corpus {
                let pipeline = loadPipeline(lexicons)
                let result = try pipeline.run(corpus: URL(fileURLWithPath: corpus), jobs: ProcessInfo.processInfo.activeProcessorCount)
                predicted = PredictionReader.read(data: try RecordFormat.jsonLines(result.records), fileName: corpus)
            } else {
                predicted = try PredictionReader.read(contentsOf: URL(fileURLWithPath: predictions ?? "Output/records.jsonl"))
            }
            var report = Evaluator.evaluate(gold: goldSet, predictions: predicted)
            report.goldIsSample = goldIsSample
            switch format {
            case .json: print(try report.renderJSON())
            case .md: print(report.renderMarkdown(), terminator: "")
            case .text: print(report.renderText(), terminator: "")
            }
            var problems: [String] = []
            if report.hasErrors {
                problems.append("the report has errors (malformed gold or prediction lines, or ids on one side only; see its 'errors' section on stdout)")
            }
            if let minFrom {
                let floor = try QualityFloor(contentsOf: URL(fileURLWithPath: minFrom))
                let violations = floor.check(report)
                for v in violations { FileHandle.standardError.write(Data("below floor: \(v)\n".utf8)) }
                if violations.isEmpty {
                    FileHandle.standardError.write(Data("quality floors met: \(floor.entries.count) of \(floor.entries.count) (\(minFrom))\n".utf8))
                } else {
                    problems.append("\(violations.count) score(s) below the floors of \(minFrom)")
                }
            }
            if !problems.isEmpty { fail(problems.joined(separator: "; ")) }
        } catch let e as EvalError {
            fail(e.description)
        } catch let e as ExitCode {
            throw e
        } catch {
            fail("\(error)")
        }
    }
}

/// Options shared by `stats` and `report`.
struct StatsInputs: ParsableArguments {
    @Option(help: "Labelled records (JSON Lines).")
    var records = "Output/records.jsonl"
    @Option(help: "Published figures with their source (JSON).")
    var published = "Corpus/published.json"
    @Option(help: "Corpus coverage: published vs present applications per city and batch (JSON).")
    var coverage = "Corpus/coverage.json"

    /// The records and the report built from them; exits 1 naming the file on bad input.
    func load() -> (records: [SandboxRecord], report: StatsReport) {
        do {
            let records = try RecordsLoader.load(from: URL(fileURLWithPath: self.records))
            let published = try PublishedFigures.load(from: URL(fileURLWithPath: self.published))
            let coverage = try Coverage.load(from: URL(fileURLWithPath: self.coverage))
            return (records, StatsReport.make(records: records, published: published, coverage: coverage))
        } catch {
            fail("\(error)")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the dataset against the published figures (PUBLISHED.md), with the ids behind every cell, and print cross-tabulations.",
        discussion: "Where ours falls short of a published count, the row names the batches missing from the corpus (Corpus/coverage.json).")

    @OptionGroup var inputs: StatsInputs
    @Option(help: "Output format: text, md, json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        print(inputs.load().report.render(format), terminator: "")
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML report (SVG charts, published-vs-ours table; no network).")

    @OptionGroup var inputs: StatsInputs
    @Option(help: "HTML file to write.")
    var output = "Output/report.html"

    func run() throws {
        let (records, report) = inputs.load()
        let html = ReportRenderer.render(records: records, comparison: report.comparison)
        let url = URL(fileURLWithPath: output)
        do {
            try AtomicOutput(directory: url.deletingLastPathComponent()).write([(url.lastPathComponent, Data(html.utf8))])
        } catch {
            fail("cannot write \(output): \(error)")
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }
}
