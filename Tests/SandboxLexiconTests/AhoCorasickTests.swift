import Testing
@testable import SandboxLexicon

@Suite struct AhoCorasickTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func reportsEveryOverlappingOccurrence() {
        // Classic example: he, she, his, hers in "ushers".
        let ac = AhoCorasick(patterns: ["he", "she", "his", "hers"].map(bytes))
        let occ = ac.occurrences(in: bytes("ushers"))
        // "she" ends at byte 4 (1..<4), "he" ends at 4 (2..<4), "hers" ends at 6 (2..<6).
        #expect(Set(occ) == [
            .init(pattern: 1, start: 1, end: 4), .init(pattern: 0, start: 2, end: 4), .init(pattern: 3, start: 2, end: 6),
        ])
    }

    @Test func leftmostLongestKeepsNonOverlapping() {
        // 安全计算 sits inside 多方安全计算: the longer, leftmost one wins; 计算 too is hidden.
        let patterns = ["多方安全计算", "安全计算", "计算", "区块链"].map(bytes)
        let ac = AhoCorasick(patterns: patterns)
        let text = bytes("多方安全计算与区块链")
        let kept = AhoCorasick.leftmostLongest(ac.occurrences(in: text))
        #expect(kept == [.init(pattern: 0, start: 0, end: 18), .init(pattern: 3, start: 21, end: 30)])
    }

    @Test func duplicatePatternsAreAllReported() {
        let ac = AhoCorasick(patterns: ["ai", "ai"].map(bytes))
        #expect(ac.occurrences(in: bytes("ai")).map(\.pattern).sorted() == [0, 1])
    }

    @Test func emptyPatternNeverMatches() {
        let ac = AhoCorasick(patterns: [[], bytes("x")])
        #expect(ac.occurrences(in: bytes("xx")) == [.init(pattern: 1, start: 0, end: 1), .init(pattern: 1, start: 1, end: 2)])
    }

    /// The DFA against a naive search: same occurrences in the same order (end byte, then
    /// longest first, then pattern id), on seeded random patterns and texts.
    @Test func agreesWithNaiveSearch() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let alphabet: [UInt8] = [0x61, 0x62, 0x63, 0xE4, 0xB8, 0x80, 0x00, 0xFF]
        for _ in 0..<200 {
            let patterns = (0..<(1 + next(12))).map { _ in (0..<next(6)).map { _ in alphabet[next(alphabet.count)] } }
            let text = (0..<next(80)).map { _ in alphabet[next(alphabet.count)] }
            var expected: [AhoCorasick.Occurrence] = []
            if !text.isEmpty {
                for end in 1...text.count {
                    let here = patterns.indices.filter { p in
                        let n = patterns[p].count
                        return n > 0 && n <= end && Array(text[(end - n)..<end]) == patterns[p]
                    }.sorted { patterns[$0].count != patterns[$1].count ? patterns[$0].count > patterns[$1].count : $0 < $1 }
                    expected += here.map { .init(pattern: $0, start: end - patterns[$0].count, end: end) }
                }
            }
            #expect(AhoCorasick(patterns: patterns).occurrences(in: text) == expected)
        }
    }
}
