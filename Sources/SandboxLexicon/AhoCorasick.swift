/// A byte-level Aho-Corasick automaton: finds every occurrence of every pattern in one
/// left-to-right pass over the text (Aho & Corasick, 1975).
///
/// Built once, immutable and `Sendable`: share one instance between threads; the search
/// takes no locks. Patterns are byte strings (the UTF-8 of normalised terms); a pattern
/// id is its index in the array given to `init`. Duplicate patterns share one state and
/// are all reported.
///
/// The search runs a complete DFA (failure links folded into the transitions at build
/// time): one table look-up per text byte. Bytes are mapped to classes first (each byte
/// that occurs in a pattern has its own class, all other bytes share one), so the table
/// has `stateCount × classCount` entries.
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

    /// Class of each byte value (256 entries); class 0 holds the bytes no pattern has.
    private let byteClass: [Int32]
    /// Number of byte classes (the row width of `delta`).
    private let classCount: Int
    /// Transitions: `delta[state * classCount + class]` is the next state's row offset
    /// (`next * classCount`), bitwise complemented (negative) when the next state ends a
    /// pattern (itself or on its failure chain).
    private let delta: [Int32]
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
        // 0. Byte classes.
        var byteClass = [Int32](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns { for byte in pattern where byteClass[Int(byte)] == 0 { byteClass[Int(byte)] = Int32(classCount); classCount += 1 } }

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
        precondition(count * classCount <= Int(Int32.max), "AhoCorasick: automaton too large")

        // 2. Failure and output links, breadth first.
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

        // 3. Complete transitions, breadth first (a state's failure state comes earlier).
        var next = [Int32](repeating: 0, count: count * classCount)  // state ids
        for (byte, target) in children[0] { next[Int(byteClass[Int(byte)])] = target }
        for q in queue {
            let s = Int(q), row = s * classCount, fail = Int(failure[s]) * classCount
            for c in 0..<classCount { next[row + c] = next[fail + c] }
            for (byte, target) in children[s] { next[row + Int(byteClass[Int(byte)])] = target }
        }
        var delta = [Int32](repeating: 0, count: count * classCount)
        for k in 0..<delta.count {
            let t = Int(next[k])
            let offset = Int32(t * classCount)
            delta[k] = outputLink[t] >= 0 ? ~offset : offset
        }

        var outputStart = [Int32](repeating: 0, count: count + 1)
        var outputs: [Int32] = []
        for s in 0..<count {
            outputStart[s] = Int32(outputs.count)
            outputs.append(contentsOf: ends[s])
        }
        outputStart[count] = Int32(outputs.count)

        self.byteClass = byteClass
        self.classCount = classCount
        self.delta = delta
        self.failure = failure
        self.outputLink = outputLink
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLength = patterns.map { Int32($0.count) }
    }

    /// Calls `body(pattern, start, end)` for every occurrence of every pattern in `text`,
    /// ordered by end byte, then by pattern length (longest first), then by pattern id.
    @inline(__always)
    func forEachOccurrence(in text: [UInt8], _ body: (Int, Int, Int) -> Void) {
        let classCount = self.classCount
        byteClass.withUnsafeBufferPointer { cls in
            delta.withUnsafeBufferPointer { delta in
                text.withUnsafeBufferPointer { text in
                    var row = 0
                    for i in 0..<text.count {
                        let t = delta[row + Int(cls[Int(text[i])])]
                        if t >= 0 { row = Int(t); continue }
                        row = Int(~t)
                        reportOutputs(state: row / classCount, end: i + 1, body)
                    }
                }
            }
        }
    }

    @inline(__always)
    private func reportOutputs(state: Int, end: Int, _ body: (Int, Int, Int) -> Void) {
        var o = outputLink[state]
        while o >= 0 {
            let s = Int(o)
            for k in Int(outputStart[s])..<Int(outputStart[s + 1]) {
                let p = Int(outputs[k])
                body(p, end - Int(patternLength[p]), end)
            }
            o = outputLink[Int(failure[s])]
            if o == Int32(s) { break }
        }
    }

    /// Every occurrence of every pattern in `text`, ordered by end byte, then by pattern
    /// length (longest first). Overlapping occurrences are all reported.
    public func occurrences(in text: [UInt8]) -> [Occurrence] {
        var result: [Occurrence] = []
        forEachOccurrence(in: text) { p, start, end in result.append(Occurrence(pattern: p, start: start, end: end)) }
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
