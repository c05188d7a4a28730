import Foundation
import Testing
@testable import SandboxSchema

@Suite struct DiagnosticTests {
    @Test func encodesTheOneShape() throws {
        let page = Diagnostic(code: .binary, file: "bad.html", message: "not HTML: PDF signature")
        let line = Diagnostic(code: .unknownLabel, file: "gold.csv", line: 4, column: 9, message: #"unknown primary label "lending""#)
        let warning = Diagnostic(code: .noApplications, severity: .warning, file: "p.html", message: "no application found on the page")
        let text = String(decoding: try JSONLinesWriter.encode([page, line, warning]), as: UTF8.self)
        #expect(text == """
            {"code":"binary","location":{"file":"bad.html"},"message":"not HTML: PDF signature","severity":"error"}
            {"code":"unknown_label","location":{"column":9,"file":"gold.csv","line":4},"message":"unknown primary label \\"lending\\"","severity":"error"}
            {"code":"no_applications","location":{"file":"p.html"},"message":"no application found on the page","severity":"warning"}

            """)
        let back = JSONLinesReader.decode(Diagnostic.self, from: Data(text.utf8), file: "d.jsonl")
        #expect(try back.map { try $0.result.get() } == [page, line, warning])
        #expect(line.description == #"gold.csv:4:9: unknown primary label "lending""#)
    }

    @Test func codesAreTheirStrings() throws {
        #expect(DiagnosticCode.duplicateID.rawValue == "duplicate_id")
        #expect(DiagnosticCode("parser_dropped_content") == .parserDroppedContent)
        let data = try JSONLinesWriter.encode([RecordWarning(code: "a_new_code", message: "m")])
        #expect(String(decoding: data, as: UTF8.self) == #"{"code":"a_new_code","message":"m"}"# + "\n")
    }

    @Test func labelsSortInLabelsMdOrder() {
        #expect([Technology.rpa, .bigData, .biometrics].sorted() == [.bigData, .biometrics, .rpa])
        #expect([Category.insurtech, .digitalCredit].sorted() == [.digitalCredit, .insurtech])
    }
}

@Suite struct FirstOccurrenceTests {
    @Test func theFirstClaimHolds() {
        var ledger = FirstOccurrence<Int>()
        #expect(ledger.claim("a", at: 1) == nil)
        #expect(ledger.claim("b", at: 2) == nil)
        #expect(ledger.claim("a", at: 3) == 1)
        #expect(ledger.claim("a", at: 4) == 1)
    }
}
