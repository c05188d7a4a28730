import ArgumentParser
import Foundation
import SandboxPipeline

/// The `sandboxlens` command: one subcommand per file in this folder.
@main
struct SandboxLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandboxlens",
        abstract: "Label announcements of China's fintech innovation regulatory pilot (金融科技创新监管试点).",
        discussion: """
        Exit codes: 0 success (per-page errors are listed in errors.jsonl and do not fail a run \
        unless --strict is given); 1 a failure, with a one-line reason on stderr; 64 a usage \
        error (unknown command or option, missing or invalid argument); 74 standard output or \
        error could not be written; 141 standard output was closed by its reader (as `yes | head -1`).
        """,
        version: toolVersion,
        subcommands: [Run.self, Classify.self, Eval.self, Stats.self, Report.self])

    /// Parses, runs, and turns every error into its exit code: stream failures into 74 or
    /// 141 (``StreamFailure``), an unknown subcommand into 64 with "did you mean".
    static func main() {
        Std.guardDescriptors()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = unknownCommand(arguments) {
            try? Std.err(message)
            Foundation.exit(64)
        }
        let command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            var running = command
            try running.run()
        } catch {
            if let failure = error as? StreamFailure { Std.exit(for: failure) }
            exit(withError: error)
        }
    }

    /// The usage line for a first argument that is no subcommand, with the nearest name.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return nil }
        let names: [String] = configuration.subcommands.map { $0._commandName }
        if names.contains(first) { return nil }
        var best: (String, Int)?
        for name in names {
            let d = editDistance(name, first)
            if d <= 2 && (best == nil || d < best!.1) { best = (name, d) }
        }
        let hint = best.map { "; did you mean '\($0.0)'?" } ?? ""
        return "sandboxlens: unknown command '\(first)'\(hint) (commands: \(names.joined(separator: ", ")); see sandboxlens --help)\n"
    }

    /// Levenshtein distance between two command names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}
