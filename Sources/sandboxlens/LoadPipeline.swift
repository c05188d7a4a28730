import Foundation
import SandboxLexicon
import SandboxPipeline

/// Where the lexicons come from when `--lexicons` is not given, in order: `./Lexicons`;
/// `$SANDBOXLENS_LEXICONS`; the installed copy `<bin>/../share/sandboxlens/Lexicons`
/// (README, "Install"); the `Lexicons/` of the source checkout this binary was built from
/// (so a binary under `.build/` works from any folder). Returns the folder and how records
/// name it (`Lexicons` for the current folder's, else the absolute path).
func defaultLexicons() -> (URL, String)? {
    let fm = FileManager.default
    func isFolder(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return fm.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
    if isFolder(URL(fileURLWithPath: "Lexicons")) { return (URL(fileURLWithPath: "Lexicons"), "Lexicons") }
    var candidates: [URL] = []
    if let env = ProcessInfo.processInfo.environment["SANDBOXLENS_LEXICONS"], !env.isEmpty { candidates.append(URL(fileURLWithPath: env)) }
    let executable = runningExecutable()
    let bin = executable.deletingLastPathComponent()
    candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/sandboxlens/Lexicons"))
    // Sources/sandboxlens/LoadPipeline.swift → the checkout's root.
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons"))
    for url in candidates where isFolder(url) {
        let absolute = url.standardizedFileURL
        return (absolute, absolute.path)
    }
    return nil
}

/// The pipeline built from the lexicons in `lexicons`, or from ``defaultLexicons()`` when nil.
/// - Throws: ``CommandFailure`` naming the lexicon error (file, line, column) or the
///   folder, and `--lexicons`.
func loadPipeline(_ lexicons: String?) throws(CommandFailure) -> Pipeline {
    let folder: URL, shown: String
    if let lexicons {
        (folder, shown) = (URL(fileURLWithPath: lexicons), lexicons)
    } else if let found = defaultLexicons() {
        (folder, shown) = found
    } else {
        throw CommandFailure("no lexicon folder: ./Lexicons does not exist and no installed lexicons were found (see README, Install); give one with --lexicons DIR")
    }
    do {
        return try Pipeline(lexiconDirectory: folder, shownAs: shown)
    } catch let e as LexiconError {
        // Every error in a file has its line; the folder itself has none to give.
        let place = e.line > 0 ? "\(e)" : "\(e.file): \(e.message)"
        throw CommandFailure("lexicon error: \(place) (lexicon folder \(shown); choose another with --lexicons DIR)")
    } catch {
        throw CommandFailure("cannot load lexicons from \(shown): \(error) (choose another with --lexicons DIR)")
    }
}

/// The file of the running executable, symbolic links resolved: `/proc/self/exe` (Linux),
/// else `argv[0]`, looked up in `$PATH` when it names no folder. (`argv[0]` alone is only
/// the command's name when the binary is run from `PATH`, which pointed the installed
/// lexicon lookup at the current folder.)
func runningExecutable() -> URL {
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), target.hasPrefix("/") {
        return URL(fileURLWithPath: target).resolvingSymlinksInPath()
    }
    let name = CommandLine.arguments[0]
    if !name.contains("/"), let path = ProcessInfo.processInfo.environment["PATH"] {
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.resolvingSymlinksInPath() }
        }
    }
    return URL(fileURLWithPath: name).resolvingSymlinksInPath()
}
