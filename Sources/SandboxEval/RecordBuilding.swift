import Foundation
import SandboxSchema

/// A reason a line cannot become a record.
struct RecordProblem: Error, Equatable {
    var message: String
    /// The family the problem is about, when there is one (lets CSV point at the column).
    var family: LabelFamily?
}

/// Shared checks and record building for every reader.
enum RecordBuilding {
    /// The record's id from `key`, or a problem naming the key.
    static func id(_ object: [String: JSONValue], key: String = "id") -> Result<String, RecordProblem> {
        guard let value = object[key], !value.isNull else {
            return .failure(RecordProblem(message: "missing \"\(key)\""))
        }
        guard let id = value.stringValue, !id.isEmpty else {
            return .failure(RecordProblem(message: "\"\(key)\" must be a non-empty string, found \(value.typeName)"))
        }
        return .success(id)
    }

    /// A record from an object of the LABELS.md §5 shape (extra keys ignored). Missing or
    /// `null` label keys mean "no label". Gold records carry no evidence.
    static func record(fromObject object: [String: JSONValue]) -> Result<GoldRecord, RecordProblem> {
        do throws(RecordProblem) {
            let id = try Self.id(object).get()
            var record = GoldRecord(id: id)
            for family in LabelFamily.allCases {
                let key = family.rawValue
                let value = object[key] ?? .null
                if family.isMultiLabel {
                    switch value {
                    case .null: break
                    case let .array(items):
                        var labels: Set<String> = []
                        for item in items {
                            guard let s = item.stringValue else {
                                throw RecordProblem(message: "\"\(key)\" must be an array of strings, found \(item.typeName) in it", family: family)
                            }
                            labels.insert(s)
                        }
                        record.setLabels(labels, for: family)
                    default:
                        throw RecordProblem(message: "\"\(key)\" must be an array of strings, found \(value.typeName)", family: family)
                    }
                } else {
                    switch value {
                    case .null: break
                    case let .string(s): record.setLabels([s], for: family)
                    default:
                        throw RecordProblem(message: "\"\(key)\" must be a string or null, found \(value.typeName)", family: family)
                    }
                }
            }
            return .success(record)
        } catch {
            return .failure(error)
        }
    }

    /// Every label id of `record` that LABELS.md does not define, as one problem (families in
    /// canonical order, ids sorted), or `nil` when all are known.
    static func unknownLabels(in record: GoldRecord) -> RecordProblem? {
        var parts: [String] = []
        var firstFamily: LabelFamily?
        for family in LabelFamily.allCases {
            for label in record.labels(for: family).sorted() where !LabelScheme.isValid(label, in: family) {
                parts.append("unknown \(family.rawValue) label \"\(label)\"")
                if firstFamily == nil { firstFamily = family }
            }
        }
        guard !parts.isEmpty else { return nil }
        return RecordProblem(message: parts.joined(separator: "; "), family: firstFamily)
    }
}

/// Accumulates records and issues for one file: validates labels, rejects duplicate ids.
struct RecordCollector {
    let file: String
    private(set) var records: [GoldRecord] = []
    private(set) var issues: [Diagnostic] = []
    private var firstLine: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    /// Records a skipped line: `code` says why (default `malformed_record`).
    mutating func issue(line: Int, column: Int? = nil, code: DiagnosticCode = .malformedRecord, _ message: String) {
        issues.append(Diagnostic(code: code, file: file, line: line, column: column, message: message))
    }

    /// Adds `record` unless it has unknown labels or a duplicate id (then an issue).
    /// `column(for:)` gives the column of a family's field when the format knows it.
    mutating func add(_ record: GoldRecord, line: Int, column: (LabelFamily?) -> Int? = { _ in nil }) {
        if let problem = RecordBuilding.unknownLabels(in: record) {
            issue(line: line, column: column(problem.family), code: .unknownLabel, problem.message)
            return
        }
        if let first = firstLine[record.id] {
            issue(line: line, column: column(nil), code: .duplicateID, "duplicate id \"\(record.id)\" (first on line \(first))")
            return
        }
        firstLine[record.id] = line
        records.append(record)
    }

    func result(format: GoldFormat) -> ReadResult {
        ReadResult(file: file, format: format, records: records, issues: issues)
    }
}
