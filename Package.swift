// swift-tools-version: 6.0
// SandboxLens: HTML announcements of China's fintech innovation regulatory pilot
// → application records → lexicon matches → labels with evidence → datasets on disk.
// One module per stage; data flows one way (see README.md, "Architecture").
import Foundation
import PackageDescription

let package = Package(
    name: "SandboxLens",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sandboxlens", targets: ["sandboxlens"]),
        .library(name: "SandboxPipeline", targets: ["SandboxPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries from the system (Debian: libxml2-dev, libssl-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // OpenCC (Debian: libopencc-dev): traditional / regional Chinese → mainland, with phrases.
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),

        // The bottom module, no C, no YAML: LABELS.md as types, the one exported record
        // (LabelledRecord), Diagnostic, the JSON Lines reader and writer, CSV quoting.
        .target(name: "SandboxSchema"),
        // Text normalisation, lexicons, gazetteer, Aho-Corasick matching, negation.
        // Scalar classes, iconv, traditional folding: the text tools every stage shares (no C module).
        .target(name: "SandboxText"),
        .target(name: "SandboxLexicon", dependencies: ["SandboxSchema", "SandboxText", "COpenSSL", "COpenCC", .product(name: "Yams", package: "Yams")]),
        // HTML bytes → decoded DOM (libxml2) → page metadata + application records.
        .target(name: "SandboxIngest", dependencies: ["SandboxSchema", "SandboxText", "CLibXML2", "SandboxLexicon"]),
        // Application records + lexicon matches → labels with evidence.
        .target(name: "SandboxClassify", dependencies: ["SandboxSchema", "SandboxIngest", "SandboxLexicon"]),
        // Page + labels → LabelledRecord; JSON Lines / CSV files, written atomically.
        .target(name: "SandboxExport", dependencies: ["SandboxSchema", "SandboxIngest", "SandboxClassify"]),
        // The whole job over a corpus folder; what the CLI and the tests call.
        .target(name: "SandboxPipeline", dependencies: ["SandboxSchema", "SandboxIngest", "SandboxClassify", "SandboxExport", "SandboxLexicon"]),
        // Gold sets (JSONL, CSV, Label Studio, doccano) vs predictions: P/R/F1, confusion, gate.
        .target(name: "SandboxEval", dependencies: ["SandboxSchema"]),
        // Published figures vs the dataset; cross-tabs; self-contained HTML report with SVG charts.
        .target(name: "SandboxStats", dependencies: ["SandboxSchema", "SandboxText"]),
        .executableTarget(name: "sandboxlens", dependencies: [
            "SandboxSchema",
            "SandboxText",
            "SandboxPipeline",
            "SandboxExport",
            "SandboxLexicon",
            "SandboxEval",
            "SandboxStats",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Time split of page reading against libxml2's bare parse (issue 9): not built by tests.
        .executableTarget(name: "sandboxlens-stages", dependencies: ["SandboxPipeline", "SandboxIngest", "CLibXML2"]),

        .testTarget(name: "SandboxSchemaTests", dependencies: ["SandboxSchema"]),
        .testTarget(name: "SandboxLexiconTests", dependencies: ["SandboxLexicon", "SandboxText"], exclude: ["Fixtures"]),
        .testTarget(name: "SandboxIngestTests", dependencies: ["SandboxIngest", "SandboxLexicon", "SandboxText"]),
        .testTarget(name: "SandboxEvalTests", dependencies: ["SandboxEval", "SandboxSchema"], exclude: ["Fixtures"]),
        .testTarget(name: "SandboxStatsTests", dependencies: ["SandboxStats", "SandboxSchema"], exclude: ["Fixtures"]),
        // Runs the built sandboxlens executable: exit codes, stderr, what is (not) written.
        .testTarget(name: "SandboxCLITests", dependencies: ["sandboxlens"], exclude: ["Fixtures"]),
        .testTarget(name: "SandboxPipelineTests", dependencies: ["SandboxSchema", "SandboxPipeline", "SandboxIngest", "SandboxClassify", "SandboxExport", "SandboxLexicon", "SandboxStats", "SandboxEval", "SandboxText"], exclude: ["Fixtures"]),
    ]
)

// The libFuzzer targets (issues 5 and 11) exist only when scripts/fuzz.sh asks for them, so
// that a normal build or test never compiles them: page bytes → ingest → classify, and the
// text of one lexicon file → the lexicon loader's parsers.
if ProcessInfo.processInfo.environment["SANDBOXLENS_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "IngestFuzzer", dependencies: ["SandboxPipeline", "SandboxSchema"], path: "Fuzz/IngestFuzzer"))
    package.targets.append(.executableTarget(name: "LexiconFuzzer", dependencies: ["SandboxLexicon"], path: "Fuzz/LexiconFuzzer"))
}
