import ArgumentParser
import Foundation
import SandboxExport
import SandboxStats

/// `sandboxlens report`: one self-contained HTML file.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML report (SVG charts, published-vs-ours table; no network).")

    @OptionGroup var inputs: StatsInputs
    @Option(help: "HTML file to write.")
    var output = "Output/report.html"

    func run() throws {
        try failingWithOneLine {
            let (records, report) = try inputs.load()
            let html = ReportRenderer.render(records: records, comparison: report.comparison)
            let url = URL(fileURLWithPath: output)
            do {
                try AtomicOutput(directory: url.deletingLastPathComponent()).write([(url.lastPathComponent, Data(html.utf8))])
            } catch {
                throw CommandFailure("cannot write \(output): \(error)")
            }
            FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
        }
    }
}
