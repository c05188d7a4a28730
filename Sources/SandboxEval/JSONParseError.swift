import Foundation
import SandboxSchema

struct JSONParseError: Error, Equatable {
    var message: String
    /// 0-based byte offset into the parsed data, when known.
    var byteOffset: Int?

    /// 1-based column in Unicode scalars of `byteOffset` within single-line `data`.
    func column(in data: Data) -> Int? {
        guard let byteOffset, byteOffset >= 0, byteOffset <= data.count else { return nil }
        return String(decoding: data.prefix(byteOffset), as: UTF8.self).unicodeScalars.count + 1
    }
}
