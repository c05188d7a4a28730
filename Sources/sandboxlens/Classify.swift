import ArgumentParser
import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema

/// `sandboxlens classify`: label pages that are not in the corpus.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label pages not in the corpus; print one JSON Lines record per application to stdout.",
        discussion: """
        Give '-' to read one page from standard input. Errors (and pages without applications) go to \
        stderr as JSON Lines diagnostics {code, severity, location: {file}, message}. Exit 1, with a last \
        plain line on stderr, when no page gave a record (as grep does when nothing matched).
        """)

    @Argument(help: "Page files, or '-' for standard input.")
    var pages: [String]
    @Option(help: "Folder of lexicon files (default: ./Lexicons, else the installed ones).")
    var lexicons: String?
    @Flag(help: "Print no diagnostics on stderr (the last line of a failure still is).")
    var quiet = false

    func validate() throws {
        if pages.isEmpty { throw ValidationError("give at least one page file, or '-' for standard input") }
        if pages.contains("") || lexicons == "" { throw ValidationError("paths must not be empty") }
    }

    func run() throws {
        try failingWithOneLine {
            let pipeline = try loadPipeline(lexicons)
            var produced = 0
            var lastFailure: Diagnostic?
            var seen = FirstOccurrence<String>()  // record id → page that gave it
            for page in pages {
                let result: PageResult
                if page == "-" {
                    result = pipeline.process(bytes: [UInt8](try readInput("-")), file: "-")
                } else {
                    result = pipeline.process(fileAt: URL(fileURLWithPath: page), name: page)
                }
                var notes = result.errors
                if let failure = result.errors.first(where: { $0.severity == .error }) { lastFailure = failure }
                // As in `run`, an id already printed is not printed again.
                let fresh = result.records.filter { record in
                    if let first = seen.claim(record.id, at: page) {
                        notes.append(Diagnostic(code: .duplicateID, file: page,
                                                message: "record id \(record.id) already given by \(first); this one is dropped"))
                        return false
                    }
                    return true
                }
                produced += fresh.count
                if !fresh.isEmpty { try Std.out(try JSONLinesWriter.encode(fresh)) }
                if let info = result.info, result.records.isEmpty, result.errors.isEmpty {
                    // Not an error, but say so: the page held no application.
                    notes.append(Diagnostic(code: .noApplications, severity: .warning, file: info.file,
                                            message: "no application found on the page"))
                }
                if !notes.isEmpty && !quiet { try Std.err(try JSONLinesWriter.encode(notes)) }
            }
            if produced == 0 {
                // The one-line reason: what went wrong with a single page, when something did.
                if pages.count == 1, let failure = lastFailure {
                    throw CommandFailure("no record: \(failure.location.file): \(failure.code.rawValue): \(failure.message)")
                }
                throw CommandFailure(pages.count == 1 ? "no record: the page gave no application" : "no record: none of the \(pages.count) pages gave an application")
            }
        }
    }
}
