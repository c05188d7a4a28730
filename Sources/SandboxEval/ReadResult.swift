import Foundation
import SandboxSchema

/// What a reader produced: the records that passed, and one issue per skipped line.
public struct ReadResult: Sendable, Equatable {
    /// File name used in messages.
    public var file: String
    /// Format the file was read as (detected or given).
    public var format: GoldFormat
    /// Records in file order; ids are unique.
    public var records: [GoldRecord]
    /// Problems found, in file order; each names a line that was skipped.
    public var issues: [Diagnostic]

    /// Memberwise initialiser.
    public init(file: String, format: GoldFormat, records: [GoldRecord], issues: [Diagnostic]) {
        self.file = file
        self.format = format
        self.records = records
        self.issues = issues
    }
}
