import Foundation
import Testing
@testable import SandboxSchema

@Suite struct JSONLinesReaderTests {
    struct Item: Codable, Equatable { var a: Int }

    @Test func bomCRLFBlankLinesAndNumbers() {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\r\n\r\n  \n{\"a\":2}".utf8))
        #expect(JSONLinesReader.lines(data).map(\.number) == [1, 4])
        let read = JSONLinesReader.decode(Item.self, from: data, file: "f.jsonl")
        #expect(read.map(\.line) == [1, 4])
        #expect(read.compactMap { try? $0.result.get() } == [Item(a: 1), Item(a: 2)])
    }

    @Test func aResultPerLine() {
        let data = Data("{\"a\":1}\n{oops\n{\"a\":null}\n{\"b\":1}\n".utf8)
        let read = JSONLinesReader.decode(Item.self, from: data, file: "f.jsonl")
        #expect(read.count == 4)
        let failures = read.compactMap { if case let .failure(d) = $0.result { return d } else { return nil } }
        #expect(failures == [
            Diagnostic(code: .malformedJSON, file: "f.jsonl", line: 2, message: "not valid JSON"),
            Diagnostic(code: .malformedRecord, file: "f.jsonl", line: 3, message: "\"a\": null where Int expected"),
            Diagnostic(code: .malformedRecord, file: "f.jsonl", line: 4, message: "missing key \"a\""),
        ])
        #expect(failures[1].description == "f.jsonl:3: \"a\": null where Int expected")
    }

    @Test func unreadableFile() {
        #expect(throws: SchemaError.unreadable(file: "/nonexistent/x.jsonl", reason: "The operation could not be completed. The file doesn’t exist.")) {
            try JSONLinesReader.read(URL(fileURLWithPath: "/nonexistent/x.jsonl"))
        }
    }
}
