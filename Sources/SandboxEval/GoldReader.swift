import Foundation
import SandboxSchema

/// Reads gold annotations in any ``GoldFormat`` into ``GoldRecord``s.
///
/// A malformed line (or Label Studio task, or CSV record) is skipped and reported as a
/// ``SandboxSchema/Diagnostic`` with file and 1-based line (code `malformed_json`,
/// `malformed_record`, `unknown_label` or `duplicate_id`); the rest of the file is still read. Issues:
/// not parseable, no id, duplicate id (the first occurrence is kept), a label id not in
/// ``LabelScheme``, a field of the wrong type. Gold records never carry evidence.
public enum GoldReader {
    /// Reads the file at `url`; messages name it by `url.relativePath`.
    /// - Parameter format: the format to read as; `nil` detects it (``GoldFormat/detect(fileName:data:)``).
    /// - Throws: ``EvalError/unreadable(file:reason:)`` when the file cannot be read, and
    ///   the errors of ``read(data:fileName:format:)``.
    public static func read(contentsOf url: URL, format: GoldFormat? = nil) throws(EvalError) -> ReadResult {
        let data = try readFile(url)
        return try read(data: data, fileName: url.relativePath, format: format)
    }

    /// Reads gold records from `data`; `fileName` is used for format detection and messages.
    /// - Throws: ``EvalError/unknownFormat(file:)`` when `format` is `nil` and detection
    ///   fails; ``EvalError/malformedFile(file:line:message:)`` when the file as a whole is
    ///   unusable (CSV without the required header columns, Label Studio export that is not
    ///   a JSON array); ``EvalError/unreadable(file:reason:)`` for CSV that is not UTF-8.
    public static func read(data: Data, fileName: String, format: GoldFormat? = nil) throws(EvalError) -> ReadResult {
        guard let format = format ?? GoldFormat.detect(fileName: fileName, data: data) else {
            throw .unknownFormat(file: fileName)
        }
        switch format {
        case .jsonl: return readJSONLines(data, fileName: fileName)
        case .doccano: return readDoccano(data, fileName: fileName)
        case .csv: return try readCSV(data, fileName: fileName)
        case .labelStudio: return try readLabelStudio(data, fileName: fileName)
        }
    }

    static func readFile(_ url: URL) throws(EvalError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.relativePath, reason: error.localizedDescription)
        }
    }

    // MARK: JSON Lines (LABELS.md §5; also predictions)

    static func readJSONLines(_ data: Data, fileName: String) -> ReadResult {
        readObjectLines(data, fileName: fileName, format: .jsonl) {
            RecordBuilding.record(fromObject: $0)
        }
    }

    // MARK: doccano

    /// doccano text classification: `{"id":…, "text":…, "label":["family:label", …]}`;
    /// the record id is `record_id` (string or integer), falling back to `id`.
    static func readDoccano(_ data: Data, fileName: String) -> ReadResult {
        readObjectLines(data, fileName: fileName, format: .doccano, record: doccanoRecord)
    }

    /// One JSON object a line, each turned into a record by `record`; a line that is not
    /// a JSON object, or that `record` rejects, becomes an issue with its line number.
    private static func readObjectLines(
        _ data: Data, fileName: String, format: GoldFormat,
        record: ([String: JSONValue]) -> Result<GoldRecord, RecordProblem>
    ) -> ReadResult {
        var collector = RecordCollector(file: fileName)
        for line in JSONLinesReader.lines(data) {
            let object: [String: JSONValue]
            do {
                let value = try JSONValue.parse(line.data)
                guard let o = value.objectValue else {
                    collector.issue(line: line.number, code: .malformedJSON, "expected a JSON object, found \(value.typeName)")
                    continue
                }
                object = o
            } catch {
                collector.issue(line: line.number, column: error.column(in: line.data), code: .malformedJSON, error.message)
                continue
            }
            switch record(object) {
            case let .success(r): collector.add(r, line: line.number)
            case let .failure(problem): collector.issue(line: line.number, problem.message)
            }
        }
        return collector.result(format: format)
    }

    private static func doccanoRecord(_ object: [String: JSONValue]) -> Result<GoldRecord, RecordProblem> {
        let idValue = [object["record_id"], object["id"]].compactMap { $0 }.first { !$0.isNull }
        guard let idValue else { return .failure(RecordProblem(message: "missing \"record_id\" and \"id\"")) }
        guard let id = idValue.idString, !id.isEmpty else {
            return .failure(RecordProblem(message: "record id must be a non-empty string or an integer, found \(idValue.typeName)"))
        }
        let labels: [JSONValue]
        switch object["label"] ?? .null {
        case .null: labels = []
        case let .array(items): labels = items
        case let other: return .failure(RecordProblem(message: "\"label\" must be an array of strings, found \(other.typeName)"))
        }
        var byFamily: [ScoredFamily: Set<String>] = [:]
        for item in labels {
            guard let text = item.stringValue else {
                return .failure(RecordProblem(message: "\"label\" must be an array of strings, found \(item.typeName) in it"))
            }
            guard let colon = text.firstIndex(of: ":") else {
                return .failure(RecordProblem(message: "label \"\(text)\" has no family prefix (expected e.g. \"technologies:big_data\")"))
            }
            let prefix = String(text[..<colon])
            guard let family = ScoredFamily(rawValue: prefix) else {
                return .failure(RecordProblem(message: "label \"\(text)\" has an unknown family prefix \"\(prefix)\""))
            }
            byFamily[family, default: []].insert(String(text[text.index(after: colon)...]))
        }
        return build(id: id, byFamily: byFamily)
    }

    /// Builds a record from per-family label sets, rejecting several values for a
    /// single-label family.
    private static func build(id: String, byFamily: [ScoredFamily: Set<String>]) -> Result<GoldRecord, RecordProblem> {
        var record = GoldRecord(id: id)
        for family in ScoredFamily.allCases {
            let labels = byFamily[family] ?? []
            if !family.isMultiLabel, labels.count > 1 {
                return .failure(RecordProblem(
                    message: "\(family.rawValue) has \(labels.count) labels (\(labels.sorted().joined(separator: ", "))); it takes one",
                    family: family))
            }
            record.setLabels(labels, for: family)
        }
        return .success(record)
    }

    // MARK: CSV

    /// The header columns the CSV format requires (order free; extra columns ignored).
    public static let csvColumns: [String] = ["id"] + ScoredFamily.allCases.map(\.rawValue)

    static func readCSV(_ data: Data, fileName: String) throws(EvalError) -> ReadResult {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: fileName, reason: "not valid UTF-8")
        }
        var collector = RecordCollector(file: fileName)
        var rows = CSVParser.parse(text)[...]
        while let first = rows.first, first.isBlank { rows.removeFirst() }
        guard let header = rows.popFirst() else {
            throw .malformedFile(file: fileName, line: nil, message: "no header row")
        }
        if let problem = header.problem {
            throw .malformedFile(file: fileName, line: problem.line, message: "header row: \(problem.message)")
        }
        let names = header.fields.map { $0.value.trimmingCharacters(in: .whitespaces) }
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        let missing = csvColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw .malformedFile(
                file: fileName, line: header.line,
                message: "header lacks column(s) \(missing.joined(separator: ", ")) (expected \(csvColumns.joined(separator: ",")))")
        }
        for row in rows where !row.isBlank {
            if let problem = row.problem {
                collector.issue(line: problem.line, column: problem.column, problem.message)
                continue
            }
            guard row.fields.count == names.count else {
                collector.issue(line: row.line, "expected \(names.count) fields, found \(row.fields.count)")
                continue
            }
            func field(_ name: String) -> CSVParser.Field {
                row.fields[index[name] ?? 0]
            }
            let idField = field("id")
            let id = idField.value.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                collector.issue(line: idField.line, column: idField.column, "missing \"id\"")
                continue
            }
            var byFamily: [ScoredFamily: Set<String>] = [:]
            for family in ScoredFamily.allCases {
                let raw = field(family.rawValue).value
                let parts = raw.split(separator: ";", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    .filter { !$0.isEmpty }
                byFamily[family] = Set(parts)
            }
            switch build(id: id, byFamily: byFamily) {
            case let .success(record):
                collector.add(record, line: row.line) { family in
                    let f = field(family?.rawValue ?? "id")
                    return f.column
                }
            case let .failure(problem):
                let f = field(problem.family?.rawValue ?? "id")
                collector.issue(line: f.line, column: f.column, problem.message)
            }
        }
        return collector.result(format: .csv)
    }

    // MARK: Label Studio

    /// Label Studio JSON export: an array of tasks `{"data":{"id":…}, "annotations":[{
    /// "was_cancelled":false, "result":[{"type":"choices","from_name":"technologies",
    /// "value":{"choices":["big_data"]}}]}]}`. The first annotation whose `was_cancelled`
    /// is not `true` is used; results of other types (text areas, ratings) are ignored; a
    /// `choices` result whose `from_name` is not a family name is an issue. Issue lines are
    /// the line each task starts on.
    static func readLabelStudio(_ data: Data, fileName: String) throws(EvalError) -> ReadResult {
        let bytes = [UInt8](data)
        let split: JSONArraySplitter.Result
        do {
            split = try JSONArraySplitter.split(bytes)
        } catch {
            guard case let .notAnArray(line) = error else { throw .malformedFile(file: fileName, line: nil, message: "\(error)") }
            throw .malformedFile(file: fileName, line: line, message: "a Label Studio export must be a JSON array of tasks")
        }
        var collector = RecordCollector(file: fileName)
        for element in split.elements {
            let task: [String: JSONValue]
            do {
                let value = try JSONValue.parse(Data(bytes[element.bytes]))
                guard let o = value.objectValue else {
                    collector.issue(line: element.line, "expected a task object, found \(value.typeName)")
                    continue
                }
                task = o
            } catch {
                collector.issue(line: element.line, code: .malformedJSON, error.message)
                continue
            }
            switch labelStudioRecord(task) {
            case let .success(record): collector.add(record, line: element.line)
            case let .failure(problem): collector.issue(line: element.line, problem.message)
            }
        }
        if let trailing = split.trailingProblem {
            collector.issue(line: trailing.line, code: .malformedJSON, trailing.message)
        }
        return collector.result(format: .labelStudio)
    }

    private static func labelStudioRecord(_ task: [String: JSONValue]) -> Result<GoldRecord, RecordProblem> {
        guard let dataObject = task["data"]?.objectValue else {
            return .failure(RecordProblem(message: "missing \"data\" object"))
        }
        guard let idValue = dataObject["id"], !idValue.isNull else {
            return .failure(RecordProblem(message: "missing \"data.id\""))
        }
        guard let id = idValue.idString, !id.isEmpty else {
            return .failure(RecordProblem(message: "\"data.id\" must be a non-empty string or an integer, found \(idValue.typeName)"))
        }
        guard case let .array(annotations) = task["annotations"] ?? .null else {
            return .failure(RecordProblem(message: "missing \"annotations\" array"))
        }
        let annotation = annotations.compactMap(\.objectValue).first { $0["was_cancelled"] != .bool(true) }
        guard let annotation else {
            return .failure(RecordProblem(message: "no annotation that is not cancelled"))
        }
        guard case let .array(results) = annotation["result"] ?? .null else {
            return .failure(RecordProblem(message: "annotation has no \"result\" array"))
        }
        var byFamily: [ScoredFamily: Set<String>] = [:]
        for item in results {
            guard let result = item.objectValue else {
                return .failure(RecordProblem(message: "annotation result item must be an object, found \(item.typeName)"))
            }
            guard result["type"]?.stringValue == "choices" else { continue }
            let fromName = result["from_name"]?.stringValue ?? ""
            guard let family = ScoredFamily(rawValue: fromName) else {
                return .failure(RecordProblem(message: "choices result has unknown from_name \"\(fromName)\" (expected one of \(ScoredFamily.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            guard case let .array(choices) = result["value"]?.objectValue?["choices"] ?? .null else {
                return .failure(RecordProblem(message: "\(fromName): missing value.choices array", family: family))
            }
            for choice in choices {
                guard let s = choice.stringValue else {
                    return .failure(RecordProblem(message: "\(fromName): value.choices must hold strings, found \(choice.typeName)", family: family))
                }
                byFamily[family, default: []].insert(s)
            }
        }
        return build(id: id, byFamily: byFamily)
    }
}
