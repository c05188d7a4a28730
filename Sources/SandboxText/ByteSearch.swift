import Foundation

/// Substring and prefix tests on a string's UTF-8 bytes, for the reader's hot loops:
/// `String.contains` and `hasPrefix` compare by `Character` (grapheme clusters, with
/// normalisation), which was a visible cost on every block of every page. Byte tests
/// answer the same for needles that begin and end on whole characters, as every marker
/// the reader looks for does: a needle's bytes occur in a string's bytes exactly when its
/// scalars occur in its scalars (UTF-8 is self-synchronising). They differ from the
/// `Character` tests only where a needle would end inside a cluster (a base letter before
/// a combining mark), and there they find it.
public enum ByteSearch {
    /// Whether `haystack` holds `needle` (UTF-8 bytes). An empty needle is always held.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                guard nb.count > 0, nb.count <= hb.count, let hp = hb.baseAddress, let np = nb.baseAddress else { return nb.count == 0 }
                // Vectorised first-byte scan (memchr), then compare: needles are short markers.
                let first = Int32(np[0]), end = hp + (hb.count - nb.count + 1)
                var p = hp
                while p < end {
                    guard let hit = memchr(p, first, end - p) else { return false }
                    let q = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(q, np, nb.count) == 0 { return true }
                    p = q + 1
                }
                return false
            }
        }
    }

    /// Whether `text` begins with `prefix` (UTF-8 bytes).
    public static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    /// Whether `haystack` contains the ASCII `needle` (given in lowercase), ignoring the
    /// case of ASCII letters. Equal to searching `haystack.lowercased()` for a needle
    /// without `k` that does not end in `i`: the only scalars outside ASCII that lowercase
    /// to ASCII are U+212A KELVIN SIGN (to k) and U+0130 (to i followed by U+0307).
    public static func containsASCIICaseInsensitive(_ haystack: String, _ needle: StaticString) -> Bool {
        var h = haystack
        return h.withUTF8 { hb in
            containsASCIICaseInsensitive(hb, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
        }
    }

    /// `containsASCIICaseInsensitive` for a needle known only at run time (lowercase
    /// ASCII, as there).
    public static func containsASCIICaseInsensitive(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in containsASCIICaseInsensitive(hb, nb) } }
    }

    /// The byte loop of both: `hb` holds `nb` (lowercase), ASCII letters of `hb` folded.
    private static func containsASCIICaseInsensitive(_ hb: UnsafeBufferPointer<UInt8>, _ nb: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = nb.count
        guard count > 0, count <= hb.count else { return count == 0 }
        var i = 0
        while i + count <= hb.count {
            var k = 0
            while k < count {
                var b = hb[i + k]
                if b >= 0x41 && b <= 0x5A { b += 0x20 }
                if b != nb[k] { break }
                k += 1
            }
            if k == count { return true }
            i += 1
        }
        return false
    }
}
