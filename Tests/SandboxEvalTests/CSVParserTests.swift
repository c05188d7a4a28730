import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct CSVParserTests {
    @Test func quotingCommasNewlinesAndDoubledQuotes() {
        let rows = CSVParser.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\n")
        #expect(rows.map { $0.fields.map(\.value) } == [["a", "b,c", "say \"hi\""], ["multi\nline", "", "x"]])
        #expect(rows.map(\.line) == [1, 2])
        #expect(rows[1].fields.map(\.column) == [1, 7, 8])
        #expect(rows[1].fields[2].line == 3)
        #expect(rows.allSatisfy { $0.problem == nil })
    }

    @Test func blankLinesBOMAndNoTrailingNewline() {
        let rows = CSVParser.parse("\u{FEFF}a,b\n\nc,d")
        #expect(rows.map { $0.fields.map(\.value) } == [["a", "b"], [""], ["c", "d"]])
        #expect(rows.map(\.isBlank) == [false, true, false])
        #expect(rows[2].line == 3)
    }

    @Test func trailingCommaAtEndOfInput() {
        #expect(CSVParser.parse("a,").map { $0.fields.map(\.value) } == [["a", ""]])
    }

    @Test func unclosedQuoteRunsToEndAndIsReported() {
        let rows = CSVParser.parse("ok,1\nx,\"open\nmore")
        #expect(rows.count == 2)
        #expect(rows[1].problem == CSVParser.Problem(line: 2, column: 3, message: "quoted field is not closed"))
    }

    @Test func strayQuoteInUnquotedField() {
        let rows = CSVParser.parse("ab\"c,d\nnext,1\n")
        #expect(rows[0].problem?.line == 1 && rows[0].problem?.column == 3)
        #expect(rows[1].fields.map(\.value) == ["next", "1"] && rows[1].problem == nil)
    }

    @Test func textAfterClosingQuoteSkipsToNextLine() {
        let rows = CSVParser.parse("\"a\"b,c\nd,e\n")
        #expect(rows[0].problem?.column == 4)
        #expect(rows[1].fields.map(\.value) == ["d", "e"])
        #expect(rows[1].line == 2)
    }
}
