/// A byte-level Aho-Corasick automaton: finds every occurrence of every pattern in one
/// left-to-right pass over the text (Aho & Corasick, 1975).
///
/// Built once, immutable and `Sendable`: share one instance between threads; the search
/// takes no locks. Patterns are byte strings (the UTF-8 of normalised terms); a pattern
/// id is its index in the array given to `init`. Duplicate patterns share one state and
/// are all reported.
public struct AhoCorasick: Sendable {
    /// One occurrence: pattern `pattern` spans bytes `start..<end` of the text.
    public struct Occurrence: Sendable, Equatable, Hashable {
        /// Index of the pattern in the array given to `init`.
        public let pattern: Int
        /// First byte of the occurrence.
        public let start: Int
        /// One past the last byte of the occurrence.
        public let end: Int
    }

    // Trie edges, per state a contiguous run sorted by byte: edgeStart[s]..<edgeStart[s+1].
    private let edgeStart: [Int32]
    private let edgeByte: [UInt8]
    private let edgeTarget: [Int32]
    private let failure: [Int32]
    /// Nearest state on the failure chain (itself included) that ends a pattern; -1 if none.
    private let outputLink: [Int32]
    /// Patterns ending exactly at a state: outputStart[s]..<outputStart[s+1] in outputs.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let patternLength: [Int32]

    /// Number of trie states (a measure of size).
    public var stateCount: Int { failure.count }

    /// Builds the automaton. Empty patterns are ignored (they never match).
    public init(patterns: [[UInt8]]) {
        // 1. Trie with dictionary children (construction only).
        var children: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for byte in pattern {
                if let next = children[Int(state)][byte] {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    ends.append([])
                    children[Int(state)][byte] = next
                    state = next
                }
            }
            ends[Int(state)].append(Int32(id))
        }
        let count = children.count

        // 2. Flatten edges, sorted by byte.
        var edgeStart = [Int32](repeating: 0, count: count + 1)
        var edgeByte: [UInt8] = []
        var edgeTarget: [Int32] = []
        for s in 0..<count {
            edgeStart[s] = Int32(edgeByte.count)
            for (byte, target) in children[s].sorted(by: { $0.key < $1.key }) {
                edgeByte.append(byte)
                edgeTarget.append(target)
            }
        }
        edgeStart[count] = Int32(edgeByte.count)

        // 3. Failure and output links, breadth first.
        var failure = [Int32](repeating: 0, count: count)
        var outputLink = [Int32](repeating: -1, count: count)
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        for (_, target) in children[0] {
            failure[Int(target)] = 0
            queue.append(target)
        }
        var head = 0
        while head < queue.count {
            let s = Int(queue[head]); head += 1
            outputLink[s] = ends[s].isEmpty ? outputLink[Int(failure[s])] : Int32(s)
            for (byte, target) in children[s] {
                var f = failure[s]
                while true {
                    if let next = children[Int(f)][byte] { failure[Int(target)] = next; break }
                    if f == 0 { failure[Int(target)] = 0; break }
                    f = failure[Int(f)]
                }
                queue.append(target)
            }
        }

        var outputStart = [Int32](repeating: 0, count: count + 1)
        var outputs: [Int32] = []
        for s in 0..<count {
            outputStart[s] = Int32(outputs.count)
            outputs.append(contentsOf: ends[s])
        }
        outputStart[count] = Int32(outputs.count)

        self.edgeStart = edgeStart
        self.edgeByte = edgeByte
        self.edgeTarget = edgeTarget
        self.failure = failure
        self.outputLink = outputLink
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = patterns.map { Int32($0.count) }
    }

    @inline(__always)
    private func child(_ state: Int32, _ byte: UInt8) -> Int32 {
        var lo = Int(edgeStart[Int(state)])
        var hi = Int(edgeStart[Int(state) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let b = edgeByte[mid]
            if b == byte { return edgeTarget[mid] }
            if b < byte { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    /// Every occurrence of every pattern in `text`, ordered by end byte, then by pattern
    /// length (longest first). Overlapping occurrences are all reported.
    public func occurrences(in text: [UInt8]) -> [Occurrence] {
        var result: [Occurrence] = []
        var state: Int32 = 0
        for (i, byte) in text.enumerated() {
            while true {
                let next = child(state, byte)
                if next >= 0 { state = next; break }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            var o = outputLink[Int(state)]
            while o >= 0 {
                let s = Int(o)
                for k in Int(outputStart[s])..<Int(outputStart[s + 1]) {
                    let p = Int(outputs[k])
                    result.append(Occurrence(pattern: p, start: i + 1 - Int(patternLength[p]), end: i + 1))
                }
                o = outputLink[Int(failure[s])]
                if o == Int32(s) { break }
            }
        }
        return result
    }

    /// Leftmost-longest selection: from all occurrences, keep non-overlapping ones, scanning
    /// left to right and taking at each position the longest occurrence that starts
    /// there. Occurrences sharing the exact span (duplicate patterns) are all kept.
    public static func leftmostLongest(_ occurrences: [Occurrence]) -> [Occurrence] {
        let sorted = occurrences.sorted {
            $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.pattern < $1.pattern)
        }
        var kept: [Occurrence] = []
        var frontier = 0
        for occ in sorted {
            if let last = kept.last, last.start == occ.start, last.end == occ.end {
                kept.append(occ)
                continue
            }
            if occ.start >= frontier {
                kept.append(occ)
                frontier = occ.end
            }
        }
        return kept
    }
}
