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
}
