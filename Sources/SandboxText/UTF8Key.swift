/// A string as a dictionary key that hashes and compares its UTF-8 bytes. `String`'s
/// `Hashable` normalises to NFC before hashing and compares by canonical equivalence,
/// which for Chinese text costs a pass through the normalisation tables per hash; memo
/// tables of page text (cells, context words) only need byte identity. Two strings that
/// are canonically equivalent but spelled differently are different keys.
public struct UTF8Key: Hashable, Sendable {
    /// The string.
    public let string: String

    public init(_ string: String) {
        var s = string
        s.makeContiguousUTF8()
        self.string = s
    }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        a.string.utf8.elementsEqual(b.string.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(s.utf8.count)
    }
}
