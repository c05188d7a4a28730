import Foundation
import SandboxSchema

/// Reads the pipeline's predictions: exported ``SandboxSchema/LabelledRecord``s, from a
/// records file (`Output/records.jsonl`, through the one ``JSONLinesReader``) or in
/// memory (`eval --corpus`), keeping their scored fields and evidence (``GoldRecord/init(_:)``).
/// A line that is not a whole record of the schema, or repeats an id, is an issue with
/// its line number; the other lines are still read.
public enum PredictionReader {
    /// Reads predictions from the file at `url`; messages name it by `url.relativePath`.
    /// - Throws: ``EvalError/unreadable(file:reason:)`` when the file cannot be read.
    public static func read(contentsOf url: URL) throws(EvalError) -> ReadResult {
        let data = try GoldReader.readFile(url)
        return read(data: data, fileName: url.relativePath)
    }

    /// Reads predictions from JSON Lines `data`; `fileName` is used in messages. Never
    /// throws: every problem is a line-level issue.
    public static func read(data: Data, fileName: String) -> ReadResult {
        var collector = RecordCollector(file: fileName)
        for (line, result) in JSONLinesReader.decode(LabelledRecord.self, from: data, file: fileName) {
            switch result {
            case let .success(record): collector.add(GoldRecord(record), line: line)
            case let .failure(diagnostic): collector.issue(line: line, code: diagnostic.code, diagnostic.message)
            }
        }
        return collector.result(format: .jsonl)
    }

    /// Takes records held in memory (the pipeline's own, in its order); `source` names them
    /// in messages, and a record's 1-based position stands for its line.
    public static func read(records: [LabelledRecord], source: String) -> ReadResult {
        var collector = RecordCollector(file: source)
        for (i, record) in records.enumerated() { collector.add(GoldRecord(record), line: i + 1) }
        return collector.result(format: .jsonl)
    }
}
