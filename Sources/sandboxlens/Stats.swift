import ArgumentParser
import SandboxStats

/// `sandboxlens stats`: the dataset against the published figures, and cross-tabulations.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Set the dataset against the published figures (PUBLISHED.md), with the ids behind every cell, and print cross-tabulations.",
        discussion: """
        Where ours falls short of a published count, the row names the batches missing from the corpus \
        (Corpus/coverage.json). --table ID prints one table alone (with --format csv: a plain CSV file that \
        pandas.read_csv loads); an unknown id lists the ids.
        """)

    @OptionGroup var inputs: StatsInputs
    @Option(help: "Output format: text, md, json or csv.")
    var format: OutputFormat = .text
    @Option(help: "Print only the table with this id (e.g. with --format csv).")
    var table: String?
    @Flag(help: "Print nothing on stderr.")
    var quiet = false

    func run() throws {
        try failingWithOneLine {
            let report = try inputs.load().report
            guard let table else {
                try Std.out(report.render(format))
                return
            }
            let tables = report.tables(includeIDs: true)
            guard let chosen = tables.first(where: { $0.id == table }) else {
                // A usage error: the id is an argument.
                throw ValidationError("--table: no table '\(table)' (tables: \(tables.map(\.id).joined(separator: ", ")))")
            }
            try Std.out(TableRenderer.render(chosen, as: format))
        }
    }
}
