import Foundation
@testable import SandboxStats

enum Fixture {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageDir = testsDir.deletingLastPathComponent().deletingLastPathComponent()  // repository root
    static func url(_ name: String) -> URL { testsDir.appendingPathComponent("Fixtures/\(name)") }
    static var publishedURL: URL { packageDir.appendingPathComponent("Corpus/published.json") }
    static var coverageURL: URL { packageDir.appendingPathComponent("Corpus/coverage.json") }

    /// ../shared/PUBLISHED.md beside the repository (present on developer machines and in CI).
    static var sharedPublished: URL { packageDir.deletingLastPathComponent().appendingPathComponent("shared/PUBLISHED.md") }

    static func small() throws -> [SandboxRecord] { try RecordsLoader.load(from: url("small.jsonl")) }
    static func realistic() throws -> [SandboxRecord] { try RecordsLoader.load(from: url("realistic-46.jsonl")) }
    static func published() throws -> PublishedFigures { try PublishedFigures.load(from: publishedURL) }
    static func coverage() throws -> Coverage { try Coverage.load(from: coverageURL) }
    static func compare(_ records: [SandboxRecord]) throws -> Comparison {
        Stats.compare(records: records, published: try published(), coverage: try coverage())
    }
}
