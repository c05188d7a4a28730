import Foundation
import SandboxPipeline

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The pipeline with the project's lexicons, built once.
let projectPipeline: Pipeline = {
    do { return try Pipeline(lexiconDirectory: repositoryRoot.appendingPathComponent("Lexicons")) }
    catch { fatalError("Lexicons/ failed to load: \(error)") }
}()
