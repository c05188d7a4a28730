import ArgumentParser
import Foundation
import SandboxExport
import SandboxStats

/// `sandboxlens report`: one self-contained HTML file.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report (SVG charts, published-vs-ours table; no network).")

    @OptionGroup var inputs: StatsInputs
    @Option(help: "HTML file to write, or '-' for standard output.")
    var output = "Output/report.html"
    @Flag(help: "Do not say on stderr which file was written.")
    var quiet = false

    func run() throws {
        try failingWithOneLine {
            let (records, report) = try inputs.load()
            let html = Data(ReportRenderer.render(records: records, comparison: report.comparison).utf8)
            if output == "-" {
                try Std.out(html)
                return
            }
            do {
                try AtomicFile.write(html, to: URL(fileURLWithPath: output))
            } catch {
                throw CommandFailure("cannot write \(output): \(error)")
            }
            if !quiet { try Std.err("wrote \(output)\n") }
        }
    }
}
