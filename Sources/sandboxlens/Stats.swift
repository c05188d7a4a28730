import ArgumentParser
import SandboxStats

/// `sandboxlens stats`: the dataset against the published figures, and cross-tabulations.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the dataset against the published figures (PUBLISHED.md), with the ids behind every cell, and print cross-tabulations.",
        discussion: "Where ours falls short of a published count, the row names the batches missing from the corpus (Corpus/coverage.json).")

    @OptionGroup var inputs: StatsInputs
    @Option(help: "Output format: text, md, json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        try failingWithOneLine {
            print(try inputs.load().report.render(format), terminator: "")
        }
    }
}
