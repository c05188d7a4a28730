import ArgumentParser
import Foundation
import SandboxExport
import SandboxPipeline
import SandboxSchema

/// `sandboxlens classify`: label pages that are not in the corpus.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label pages not in the corpus; print one JSON Lines record per application to stdout.",
        discussion: """
        Give '-' to read one page from standard input. Errors (and pages without applications) go to \
        stderr as JSON Lines diagnostics {code, severity, location: {file}, message}. Exit 1, with a last \
        plain line on stderr, when no page gave a record and at least one failed.
        """)

    @Argument(help: "Page files, or '-' for standard input.")
    var pages: [String]
    @Option(help: "Folder of lexicon files.")
    var lexicons = "Lexicons"

    func validate() throws {
        if pages.isEmpty { throw ValidationError("give at least one page file, or '-' for standard input") }
        if pages.contains("") || lexicons.isEmpty { throw ValidationError("paths must not be empty") }
    }

    func run() throws {
        try failingWithOneLine {
            let pipeline = try loadPipeline(lexicons)
            var failed = 0
            var produced = 0
            var seen = FirstOccurrence<String>()  // record id → page that gave it
            for page in pages {
                let result: PageResult
                if page == "-" {
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    result = pipeline.process(bytes: [UInt8](data), file: "-")
                } else {
                    result = pipeline.process(fileAt: URL(fileURLWithPath: page), name: page)
                }
                var notes = result.errors
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
                FileHandle.standardOutput.write(try JSONLinesWriter.encode(fresh))
                if let info = result.info, result.records.isEmpty, result.errors.isEmpty {
                    // Not an error, but say so: the page held no application.
                    notes.append(Diagnostic(code: .noApplications, severity: .warning, file: info.file,
                                            message: "no application found on the page"))
                }
                if !result.errors.isEmpty { failed += 1 }
                if !notes.isEmpty { FileHandle.standardError.write(try JSONLinesWriter.encode(notes)) }
            }
            if produced == 0 && failed > 0 { throw CommandFailure("no record produced; see the errors above") }
        }
    }
}
