import Foundation
import SandboxSchema

/// Accumulates records and issues for one file: validates labels, rejects duplicate ids.
struct RecordCollector {
    let file: String
    private(set) var records: [GoldRecord] = []
    private(set) var issues: [Diagnostic] = []
    private var firstLine = FirstOccurrence<Int>()

    init(file: String) {
        self.file = file
    }

    /// Records a skipped line: `code` says why (default `malformed_record`).
    mutating func issue(line: Int, column: Int? = nil, code: DiagnosticCode = .malformedRecord, _ message: String) {
        issues.append(Diagnostic(code: code, file: file, line: line, column: column, message: message))
    }

    /// Adds `record` unless it has unknown labels or a duplicate id (then an issue).
    /// `column(for:)` gives the column of a family's field when the format knows it.
    mutating func add(_ record: GoldRecord, line: Int, column: (ScoredFamily?) -> Int? = { _ in nil }) {
        if let problem = RecordBuilding.unknownLabels(in: record) {
            issue(line: line, column: column(problem.family), code: .unknownLabel, problem.message)
            return
        }
        if let first = firstLine.claim(record.id, at: line) {
            issue(line: line, column: column(nil), code: .duplicateID, "duplicate id \"\(record.id)\" (first on line \(first))")
            return
        }
        records.append(record)
    }

    func result(format: GoldFormat) -> ReadResult {
        ReadResult(file: file, format: format, records: records, issues: issues)
    }
}
