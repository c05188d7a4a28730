import SandboxSchema

/// A small RFC 4180 CSV parser: comma-separated, fields optionally in double quotes, a
/// doubled quote (`""`) inside quotes is one quote, quoted fields may hold commas and line
/// breaks, records end at LF or CRLF. A leading UTF-8 BOM is ignored.
///
/// Malformed records are not fatal: the record carries an error (with line and column) and
/// parsing resumes at the next line, so a reader can report it and go on.
enum CSVParser {
    struct Field: Equatable {
        var value: String
        /// 1-based physical line where the field starts.
        var line: Int
        /// 1-based column (Unicode scalars) where the field starts.
        var column: Int
    }

    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    struct Row: Equatable {
        var fields: [Field]
        /// 1-based physical line where the record starts.
        var line: Int
        var problem: Problem?

        /// An empty line parses as one empty field; readers skip such rows.
        var isBlank: Bool { problem == nil && fields.count == 1 && fields[0].value.isEmpty }
    }

    static func parse(_ text: String) -> [Row] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let n = scalars.count
        var i = 0
        var line = 1
        var column = 1
        var rows: [Row] = []

        func advance() {
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        func atLineEnd() -> Bool {
            scalars[i] == "\n" || (scalars[i] == "\r" && i + 1 < n && scalars[i + 1] == "\n")
        }
        func consumeLineEnd() {
            if scalars[i] == "\r" { advance() }
            advance()
        }
        func skipRestOfLine() {
            while i < n, !atLineEnd() { advance() }
            if i < n { consumeLineEnd() }
        }

        while i < n {
            var row = Row(fields: [], line: line, problem: nil)
            record: while true {
                let fieldLine = line
                let fieldColumn = column
                var value = String.UnicodeScalarView()
                if i < n, scalars[i] == "\"" {
                    advance()
                    var closed = false
                    while i < n {
                        let c = scalars[i]
                        if c == "\"" {
                            if i + 1 < n, scalars[i + 1] == "\"" {
                                value.append("\"")
                                advance()
                                advance()
                            } else {
                                advance()
                                closed = true
                                break
                            }
                        } else {
                            value.append(c)
                            advance()
                        }
                    }
                    if !closed {
                        row.problem = Problem(line: fieldLine, column: fieldColumn, message: "quoted field is not closed")
                        row.fields.append(Field(value: String(value), line: fieldLine, column: fieldColumn))
                        break record
                    }
                    if i < n, scalars[i] != ",", !atLineEnd() {
                        row.problem = Problem(
                            line: line, column: column,
                            message: "unexpected character after a closing quote (a quote inside a quoted field must be doubled)")
                        skipRestOfLine()
                        break record
                    }
                } else {
                    while i < n, scalars[i] != ",", !atLineEnd() {
                        if scalars[i] == "\"", row.problem == nil {
                            row.problem = Problem(
                                line: line, column: column,
                                message: "quote inside an unquoted field (quote the whole field and double the quote)")
                        }
                        value.append(scalars[i])
                        advance()
                    }
                }
                row.fields.append(Field(value: String(value), line: fieldLine, column: fieldColumn))
                if i >= n { break record }
                if scalars[i] == "," {
                    advance()
                    if i >= n {  // a trailing comma at end of input is one more empty field
                        row.fields.append(Field(value: "", line: line, column: column))
                        break record
                    }
                    continue record
                }
                consumeLineEnd()
                break record
            }
            rows.append(row)
        }
        return rows
    }
}
