import Foundation

/// Text prepared for matching, with a map back to the original text.
///
/// `bytes` is the UTF-8 encoding of the normalised text. `originalScalar[i]` is the
/// offset, in Unicode scalars of the *original* string, of the scalar that produced
/// normalised byte `i`; `originalScalar[bytes.count]` is the original scalar count, so a
/// half-open byte range `[a, b)` maps to the original scalar range
/// `[originalScalar[a], originalScalar[b - 1] + 1)`.
public struct NormalizedText: Sendable, Equatable {
    /// UTF-8 bytes of the normalised text.
    public let bytes: [UInt8]
    /// For each byte of `bytes`, the Unicode-scalar offset in the original string; one
    /// extra trailing element holds the original scalar count.
    public let originalScalar: [Int32]
    /// The original text, unchanged.
    public let original: String

    /// The normalised text as a String (for display and tests).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Maps a half-open normalised byte range to a half-open original scalar range.
    public func originalRange(bytes range: Range<Int>) -> Range<Int> {
        let start = Int(originalScalar[range.lowerBound])
        let end = range.isEmpty ? start : Int(originalScalar[range.upperBound - 1]) + 1
        return start..<end
    }
}

/// Folds text so that lexicon terms match regardless of width, case, script variant and
/// dash style, while keeping a map back to the original offsets.
///
/// Steps, applied per Unicode scalar of the original text:
/// 1. Traditional → simplified Chinese with ICU's "Traditional-Simplified" transform
///    (through Foundation's `applyingTransform`); used only where it maps scalars one to
///    one, so offsets stay exact (otherwise the scalar is kept as is).
/// 2. NFKC (full-width letters and digits fold to ASCII, U+3000 to a space).
/// 3. Case folding of Latin letters (lowercase).
/// 4. Hyphens, dashes and underscores become spaces; runs of white space become one space;
///    default-ignorable code points (U+00AD, U+200B–U+200F, U+2060…, U+FEFF …) vanish.
///
/// CJK characters are otherwise kept as they are.
public struct TextNormalizer: Sendable {
    /// Whether step 1 (traditional → simplified) is applied.
    public var foldTraditional: Bool

    /// Creates a normaliser; `foldTraditional` turns step 1 on (default).
    public init(foldTraditional: Bool = true) {
        self.foldTraditional = foldTraditional
    }

    /// Normalises `text`. Pure; cost is linear in the text length.
    public func normalize(_ text: String) -> NormalizedText {
        let scalars = Array(text.unicodeScalars)
        let simplified = foldTraditional ? Self.simplifiedScalars(text, scalars: scalars) : scalars
        var bytes: [UInt8] = []
        var map: [Int32] = []
        bytes.reserveCapacity(text.utf8.count)
        map.reserveCapacity(text.utf8.count + 1)
        var lastWasSpace = true  // drop leading white space
        for (index, scalar) in simplified.enumerated() {
            for folded in Self.fold(scalar) {
                if Self.isSpaceLike(folded) {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                    bytes.append(0x20)
                    map.append(Int32(index))
                    continue
                }
                lastWasSpace = false
                for b in String(folded).utf8 {
                    bytes.append(b)
                    map.append(Int32(index))
                }
            }
        }
        map.append(Int32(scalars.count))
        return NormalizedText(bytes: bytes, originalScalar: map, original: text)
    }

    /// Normalises a lexicon term the same way as text, without the offset map.
    public func normalizeTerm(_ term: String) -> String {
        var s = normalize(term).text
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    // MARK: - Internal

    private static let traditionalTransform = StringTransform("Traditional-Simplified")

    /// Scalars of `text` folded to simplified Chinese where the transform maps one scalar
    /// to one scalar; the input scalars otherwise.
    private static func simplifiedScalars(_ text: String, scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // Only text with Han characters outside GB2312 can change (the transform is slow).
        guard HanScript.mayHaveTraditional(text) else { return scalars }
        guard let converted = text.applyingTransform(traditionalTransform, reverse: false) else { return scalars }
        let out = Array(converted.unicodeScalars)
        if out.count == scalars.count { return out }
        // Lengths differ (rare): convert Han scalars one by one so offsets stay aligned.
        return scalars.map { scalar in
            guard scalar.value >= 0x3400 else { return scalar }
            let single = String(scalar).applyingTransform(traditionalTransform, reverse: false)
            if let single, single.unicodeScalars.count == 1, let s = single.unicodeScalars.first { return s }
            return scalar
        }
    }

    private static func isSpaceLike(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B: return true
        case 0x2D, 0x5F, 0x2010...0x2015, 0x2212: return true  // hyphen, underscore, dashes, minus
        default: return false
        }
    }

    /// NFKC + lowercase for one scalar; ASCII and CJK ideographs take fast paths;
    /// default-ignorable code points (soft hyphen, zero-width space and joiners, bidi
    /// marks, word joiner, variation selectors, BOM) vanish, so they cannot hide a term.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return [Unicode.Scalar(v + 0x20)!] }
            return [scalar]
        }
        if (0x4E00...0x9FFF).contains(v) { return [scalar] }
        if scalar.properties.isDefaultIgnorableCodePoint { return [] }
        if (0xFF01...0xFF5E).contains(v) {  // full-width ASCII block
            return fold(Unicode.Scalar(v - 0xFEE0)!)
        }
        let nfkc = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
        return Array(nfkc.unicodeScalars)
    }
}
