import Foundation
import SandboxLexicon

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The project's own lexicons, loaded once.
let projectLexicons: LexiconSet = {
    do { return try LexiconLoader.load(directory: repositoryRoot.appendingPathComponent("Lexicons")) }
    catch { fatalError("Lexicons/ failed to load: \(error)") }
}()
