import Foundation
import SandboxSchema
@testable import SandboxStats

/// A record with only the fields statistics read set (ids as LABELS.md spells them); the
/// rest hold fixed placeholder values.
func record(id: String, city: String, batch: Int, announced: String = "2020-01-14", primary: String,
            technologies: [String] = [], participation: String? = "financial_institutions_only") -> LabelledRecord {
    LabelledRecord(id: id, city: city, batch: batch, announced: announced, position: 1, name: id,
                   participation: participation.flatMap(Participation.init(rawValue:)), primary: Category(rawValue: primary)!,
                   technologies: technologies.compactMap(Technology.init(rawValue:)),
                   source: SourceInfo(file: "\(id).html", sha256: "", declaredEncoding: nil, usedEncoding: "UTF-8"),
                   provenance: Provenance(toolVersion: "0", lexiconVersion: "0", lexiconHash: "0"))
}

enum Fixture {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageDir = testsDir.deletingLastPathComponent().deletingLastPathComponent()  // repository root
    static func url(_ name: String) -> URL { testsDir.appendingPathComponent("Fixtures/\(name)") }
    static var publishedURL: URL { packageDir.appendingPathComponent("Corpus/published.json") }
    static var coverageURL: URL { packageDir.appendingPathComponent("Corpus/coverage.json") }

    /// ../shared/PUBLISHED.md beside the repository (present on developer machines and in CI).
    static var sharedPublished: URL { packageDir.deletingLastPathComponent().appendingPathComponent("shared/PUBLISHED.md") }

    static func small() throws -> [LabelledRecord] { try RecordsLoader.load(from: url("small.jsonl")) }
    static func realistic() throws -> [LabelledRecord] { try RecordsLoader.load(from: url("realistic-46.jsonl")) }
    static func published() throws -> PublishedFigures { try PublishedFigures.load(from: publishedURL) }
    static func coverage() throws -> Coverage { try Coverage.load(from: coverageURL) }
    static func compare(_ records: [LabelledRecord]) throws -> Comparison {
        Stats.compare(records: records, published: try published(), coverage: try coverage())
    }
}

// Test-only comparisons of typed labels with the LABELS.md id strings the assertions spell.
func == <L: SchemaLabel>(lhs: L, rhs: String) -> Bool { lhs.rawValue == rhs }
func == <L: SchemaLabel>(lhs: L?, rhs: String?) -> Bool { lhs?.rawValue == rhs }
func == <L: SchemaLabel>(lhs: [L], rhs: [String]) -> Bool { lhs.map(\.rawValue) == rhs }
func == <L: SchemaLabel>(lhs: [[L]], rhs: [[String]]) -> Bool { lhs.map { $0.map(\.rawValue) } == rhs }
func == <L: SchemaLabel>(lhs: [L?], rhs: [String?]) -> Bool { lhs.map { $0?.rawValue } == rhs }
func == (lhs: [RecordWarning], rhs: [String]) -> Bool { lhs.map(\.description) == rhs }
