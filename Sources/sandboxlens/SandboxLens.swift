import ArgumentParser
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
        error (unknown option, missing or invalid argument).
        """,
        version: toolVersion,
        subcommands: [Run.self, Classify.self, Eval.self, Stats.self, Report.self])
}
