import Foundation
import SandboxSchema
import SandboxPipeline

/// The repository root (three levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The pipeline with the project's lexicons, built once.
let projectPipeline: Pipeline = {
    do { return try Pipeline(lexiconDirectory: repositoryRoot.appendingPathComponent("Lexicons"), shownAs: "Lexicons") }
    catch { fatalError("Lexicons/ failed to load: \(error)") }
}()

// Test-only comparisons of typed labels with the LABELS.md id strings the assertions spell.
func == <L: SchemaLabel>(lhs: L, rhs: String) -> Bool { lhs.rawValue == rhs }
func == <L: SchemaLabel>(lhs: L?, rhs: String?) -> Bool { lhs?.rawValue == rhs }
func == <L: SchemaLabel>(lhs: [L], rhs: [String]) -> Bool { lhs.map(\.rawValue) == rhs }
func == <L: SchemaLabel>(lhs: [[L]], rhs: [[String]]) -> Bool { lhs.map { $0.map(\.rawValue) } == rhs }
func == <L: SchemaLabel>(lhs: [L?], rhs: [String?]) -> Bool { lhs.map { $0?.rawValue } == rhs }
func == (lhs: [RecordWarning], rhs: [String]) -> Bool { lhs.map(\.description) == rhs }
