import ArgumentParser
import Foundation
import SandboxSchema
import SandboxStats

/// Options shared by `stats` and `report`.
struct StatsInputs: ParsableArguments {
    @Option(help: "Labelled records (JSON Lines), or '-' for standard input.")
    var records = "Output/records.jsonl"
    @Option(help: "Published figures with their source (JSON), or '-' for standard input.")
    var published = "Corpus/published.json"
    @Option(help: "Corpus coverage: published vs present applications per city and batch (JSON), or '-' for standard input.")
    var coverage = "Corpus/coverage.json"

    func validate() throws {
        if [records, published, coverage].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one of --records, --published and --coverage can be '-' (standard input)")
        }
    }

    /// `path`, with `-` read from standard input through `/dev/stdin`.
    static func url(_ path: String) -> URL { URL(fileURLWithPath: path == "-" ? "/dev/stdin" : path) }

    /// The records and the report built from them.
    /// - Throws: `StatsError` naming the file (and line) on bad input; ``CommandFailure``
    ///   when standard input cannot be read.
    func load() throws -> (records: [LabelledRecord], report: StatsReport) {
        let records = self.records == "-"
            ? try RecordsLoader.parse(try readInput("-"), path: "-")
            : try RecordsLoader.load(from: URL(fileURLWithPath: self.records))
        let published = try PublishedFigures.load(from: Self.url(self.published))
        let coverage = try Coverage.load(from: Self.url(self.coverage))
        return (records, StatsReport.make(records: records, published: published, coverage: coverage))
    }
}
