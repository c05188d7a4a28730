import Foundation

/// One non-blank line of a JSON Lines file: its 1-based line number and its bytes (without
/// the line end, and without the byte-order mark on line 1).
public struct JSONLine: Sendable, Equatable {
    /// 1-based physical line number (counting `\n`).
    public let number: Int
    /// The line's bytes, `\r\n` or `\n` removed.
    public let data: Data

    /// Creates a line.
    public init(number: Int, data: Data) {
        self.number = number
        self.data = data
    }
}
