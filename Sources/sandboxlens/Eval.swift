import ArgumentParser
import Foundation
import SandboxEval

extension GoldFormat: ExpressibleByArgument {}

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

    @Option(help: "Gold file, or '-' for standard input.")
    var gold: String
    @Option(help: "Predictions as JSON Lines records (default Output/records.jsonl; '-' for standard input); ignored with --corpus.")
    var predictions: String?
    @Option(help: "Label this corpus folder now and evaluate the result instead of reading --predictions.")
    var corpus: String?
    @Option(help: "Folder of lexicon files (with --corpus; default: ./Lexicons, else the installed ones).")
    var lexicons: String?
    @Option(help: "Gold format (default: detected).")
    var goldFormat: GoldFormat?

    /// Report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Option(help: "Output format.")
    var format: Format = .text
    @Option(help: "JSON file ('-' for standard input) of minimum scores, e.g. {\"primary.accuracy\": 0.95}; a score below its floor fails.")
    var minFrom: String?
    @Flag(help: "The gold set labels a sample: predictions whose ids it lacks are listed, not errors.")
    var goldIsSample = false
    @Flag(help: "Print no floor results on stderr (the report still goes to stdout).")
    var quiet = false

    func validate() throws {
        if [gold, predictions, minFrom].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one of --gold, --predictions and --min-from can be '-' (standard input)")
        }
    }

    func run() throws {
        try failingWithOneLine {
            let goldSet = gold == "-"
                ? try GoldReader.read(data: try readInput("-"), fileName: "-", format: goldFormat)
                : try GoldReader.read(contentsOf: URL(fileURLWithPath: gold), format: goldFormat)
            let predicted: ReadResult
            if let corpus {
                let pipeline = try loadPipeline(lexicons)
                let result = try pipeline.run(corpus: URL(fileURLWithPath: corpus), jobs: ProcessInfo.processInfo.activeProcessorCount)
                // The pipeline's records as they are, not re-parsed from their JSON.
                predicted = PredictionReader.read(records: result.records, source: corpus)
            } else if predictions == "-" {
                predicted = PredictionReader.read(data: try readInput("-"), fileName: "-")
            } else {
                predicted = try PredictionReader.read(contentsOf: URL(fileURLWithPath: predictions ?? "Output/records.jsonl"))
            }
            var report = Evaluator.evaluate(gold: goldSet, predictions: predicted)
            report.goldIsSample = goldIsSample
            switch format {
            case .json: try Std.out(try report.renderJSON() + "\n")
            case .md: try Std.out(report.renderMarkdown())
            case .text: try Std.out(report.renderText())
            }
            var problems: [String] = []
            if report.hasErrors {
                problems.append("the report has errors (malformed gold or prediction lines, or ids on one side only; see its 'errors' section on stdout)")
            }
            if let minFrom {
                let floor = minFrom == "-"
                    ? try QualityFloor(data: try readInput("-"), fileName: "-")
                    : try QualityFloor(contentsOf: URL(fileURLWithPath: minFrom))
                let violations = floor.check(report)
                for v in violations where !quiet { try Std.err("below floor: \(v)\n") }
                if violations.isEmpty {
                    if !quiet { try Std.err("quality floors met: \(floor.entries.count) of \(floor.entries.count) (\(minFrom))\n") }
                } else {
                    problems.append("\(violations.count) score(s) below the floors of \(minFrom)")
                }
            }
            if !problems.isEmpty { throw CommandFailure(problems.joined(separator: "; ")) }
        }
    }
}
