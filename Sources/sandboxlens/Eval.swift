import ArgumentParser
import Foundation
import SandboxEval

/// `sandboxlens eval`: predictions against a hand-labelled gold set.
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

    /// Report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Option(help: "Output format.")
    var format: Format = .text
    @Option(help: "JSON file of minimum scores, e.g. {\"primary.accuracy\": 0.95}; a score below its floor fails.")
    var minFrom: String?
    @Flag(help: "The gold set labels a sample: predictions whose ids it lacks are listed, not errors.")
    var goldIsSample = false

    func run() throws {
        try failingWithOneLine {
            var override: GoldFormat?
            if let name = goldFormat {
                guard let f = GoldFormat(rawValue: name) else {
                    throw CommandFailure("--gold-format must be jsonl, csv, label-studio or doccano (got \(name))")
                }
                override = f
            }
            let goldSet = try GoldReader.read(contentsOf: URL(fileURLWithPath: gold), format: override)
            let predicted: ReadResult
            if let corpus {
                let pipeline = try loadPipeline(lexicons)
                let result = try pipeline.run(corpus: URL(fileURLWithPath: corpus), jobs: ProcessInfo.processInfo.activeProcessorCount)
                // The pipeline's records as they are, not re-parsed from their JSON.
                predicted = PredictionReader.read(records: result.records, source: corpus)
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
            if !problems.isEmpty { throw CommandFailure(problems.joined(separator: "; ")) }
        }
    }
}
