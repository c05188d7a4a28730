import Foundation
import SandboxLexicon
import SandboxPipeline

/// The pipeline built from the lexicons in `lexicons`.
/// - Throws: ``CommandFailure`` naming the lexicon error (file, line, column) or the folder.
func loadPipeline(_ lexicons: String) throws(CommandFailure) -> Pipeline {
    do {
        return try Pipeline(lexiconDirectory: URL(fileURLWithPath: lexicons))
    } catch let e as LexiconError {
        throw CommandFailure("lexicon error: \(e)")
    } catch {
        throw CommandFailure("cannot load lexicons from \(lexicons): \(error)")
    }
}
