import Foundation
import SandboxSchema

/// The result of a batch run.
public struct RunResult: Sendable {
    /// Records in input order (relative path bytes), then page order: `records.jsonl`'s order.
    public let records: [LabelledRecord]
    /// Errors in file order.
    public let errors: [Diagnostic]
    /// The manifest written as `run.json`.
    public let manifest: RunManifest
}
