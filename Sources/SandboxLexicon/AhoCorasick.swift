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
    ///
    /// The trie is built in the rows of the transition table itself (a row per state,
    /// 0 for "no child": the root is nobody's child), with each state's children also
    /// kept in a list; breadth first, each row then becomes its failure state's finished
    /// row (one copy) with the trie children written over it.
    public init(patterns: [[UInt8]]) {
        // 0. Byte classes.
        var byteClass = [Int32](repeating: 0, count: 256)
        var classCount = 1
        var totalBytes = 0
        for pattern in patterns {
            totalBytes += pattern.count
            for byte in pattern where byteClass[Int(byte)] == 0 { byteClass[Int(byte)] = Int32(classCount); classCount += 1 }
        }

        // 1. Trie: delta[s * classCount + c] is the child of s on class c (state id, 0 none);
        //    firstChild / nextSibling / childClass list each state's children.
        var delta: [Int32] = []
        // At most one state per pattern byte; large reserved memory not written is not touched.
        delta.reserveCapacity(min((totalBytes + 1) * classCount, 1 << 22))
        let zeroRow = [Int32](repeating: 0, count: classCount)
        delta.append(contentsOf: zeroRow)
        var firstChild: [Int32] = [-1], nextSibling: [Int32] = [-1], childClass: [Int32] = [0]
        var ends: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let c = Int(byteClass[Int(byte)])
                let child = Int(delta[state * classCount + c])
                if child != 0 { state = child; continue }
                let next = firstChild.count
                delta[state * classCount + c] = Int32(truncatingIfNeeded: next)
                firstChild.append(-1)
                nextSibling.append(firstChild[state])
                childClass.append(Int32(c))
                firstChild[state] = Int32(truncatingIfNeeded: next)
                ends.append([])
                delta.append(contentsOf: zeroRow)  // a copy (appending repeatElement goes element by element)
                state = next
            }
            ends[state].append(Int32(id))
        }
        let count = firstChild.count
        precondition(count * classCount <= Int(Int32.max), "AhoCorasick: automaton too large")

        // 2. Failure and output links and complete transitions, breadth first (a state's
        //    failure state is shallower, so its row is finished first). A row entry
        //    becomes the next state's row offset, complemented when that state ends a
        //    pattern (itself or on its failure chain).
        var failure = [Int32](repeating: 0, count: count)
        var outputLink = [Int32](repeating: -1, count: count)
        var queue: [Int32] = []
        queue.reserveCapacity(count)
        delta.withUnsafeMutableBufferPointer { d in
            // The root: a missing class stays at the root (offset 0); children fail to it.
            var t = Int(firstChild[0])
            while t >= 0 {
                outputLink[t] = ends[t].isEmpty ? -1 : Int32(t)
                let offset = Int32(t * classCount)
                d[Int(childClass[t])] = outputLink[t] >= 0 ? ~offset : offset
                queue.append(Int32(t))
                t = Int(nextSibling[t])
            }
            var head = 0
            while head < queue.count {
                let s = Int(queue[head]); head += 1
                let row = s * classCount, fail = Int(failure[s]) * classCount
                // The trie children of s are in its child list: the whole row can take the
                // failure state's finished row first.
                (d.baseAddress! + row).update(from: d.baseAddress! + fail, count: classCount)
                var t = Int(firstChild[s])
                while t >= 0 {
                    let c = Int(childClass[t])
                    let viaFailure = d[fail + c]  // the failure state's transition on c
                    let f = Int(viaFailure < 0 ? ~viaFailure : viaFailure) / classCount
                    failure[t] = Int32(f)
                    outputLink[t] = ends[t].isEmpty ? outputLink[f] : Int32(t)
                    let offset = Int32(t * classCount)
                    d[row + c] = outputLink[t] >= 0 ? ~offset : offset
                    queue.append(Int32(t))
                    t = Int(nextSibling[t])
                }
            }
        }

        var outputStart = [Int32](repeating: 0, count: count + 1)
        var outputs: [Int32] = []
        outputs.reserveCapacity(patterns.count)
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
