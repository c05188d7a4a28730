import Foundation
import SandboxSchema

/// Splits the bytes of a top-level JSON array into its elements without parsing them, so
/// each element (a Label Studio task) can be decoded on its own and reported with the
/// line it starts on; a broken element does not take the rest of the file with it.
enum JSONArraySplitter {
    struct Element: Equatable {
        var bytes: Range<Int>
        /// 1-based line of the element's first byte.
        var line: Int
    }

    struct Result: Equatable {
        var elements: [Element]
        /// Set when the array is not closed or has trailing content: message and line.
        var trailingProblem: (line: Int, message: String)?

        static func == (a: Result, b: Result) -> Bool {
            a.elements == b.elements && a.trailingProblem?.line == b.trailingProblem?.line
                && a.trailingProblem?.message == b.trailingProblem?.message
        }
    }

    enum SplitError: Error, Equatable {
        case notAnArray(line: Int)
    }

    static func split(_ bytes: [UInt8]) throws(SplitError) -> Result {
        var i = 0
        var line = 1
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func skipWhitespace() {
            while i < n {
                switch bytes[i] {
                case 0x0A: line += 1; i += 1
                case 0x20, 0x09, 0x0D: i += 1
                default: return
                }
            }
        }

        skipWhitespace()
        guard i < n, bytes[i] == UInt8(ascii: "[") else { throw .notAnArray(line: line) }
        i += 1
        var elements: [Element] = []
        while true {
            skipWhitespace()
            if i >= n { return Result(elements: elements, trailingProblem: (line, "JSON array is not closed")) }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                skipWhitespace()
                if i < n { return Result(elements: elements, trailingProblem: (line, "content after the closing ]")) }
                return Result(elements: elements, trailingProblem: nil)
            }
            if bytes[i] == UInt8(ascii: ",") {  // tolerate stray commas; the element count still shows
                i += 1
                continue
            }
            let start = i
            let startLine = line
            var depth = 0
            var inString = false
            scan: while i < n {
                let b = bytes[i]
                if inString {
                    if b == UInt8(ascii: "\\") { i += 2; continue }
                    if b == UInt8(ascii: "\"") { inString = false }
                    if b == 0x0A { line += 1 }
                    i += 1
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { break scan }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { break scan }
                case 0x0A: line += 1
                default: break
                }
                i += 1
            }
            var end = min(i, n)
            // Trim trailing whitespace from the element's byte range.
            while end > start, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[end - 1]) { end -= 1 }
            elements.append(Element(bytes: start..<end, line: startLine))
        }
    }
}
