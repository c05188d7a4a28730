import Testing
@testable import SandboxLexicon

@Suite struct MatcherTests {
    let matcher = Matcher(lexicons: projectLexicons)

    @Test func spansOnMixedTextWithOverlapAndNegation() {
        // Scalars: A0 I1 B2 a3 n4 k5 采6 用7 同8 态9 加10 密11 与12 B13 … a20 分21 析22 ，23
        // 不24 涉25 及26 数27 字28 人29 民30 币31 。32
        let text = "AIBank采用同态加密与Big-Data分析，不涉及数字人民币。"
        let m = matcher.matches(in: text, group: .tags)
        #expect(m == [
            // 同态加密 (privacy computing) hides the shorter 加密 (information security) inside it.
            Match(family: .technologies, label: "privacy_computing", term: "同态加密", start: 8, end: 12, negated: false, weight: 1),
            Match(family: .technologies, label: "big_data", term: "big data", start: 13, end: 21, negated: false, weight: 1),
            // 不涉及 governs the rest of its clause.
            Match(family: .technologies, label: "digital_currency", term: "数字人民币", start: 27, end: 32, negated: true, weight: 1),
        ])
        // AI inside the Latin word AIBank is not on a word boundary: no AI match.
        #expect(!m.contains { $0.label == "artificial_intelligence" })
    }

    @Test func latinTermsNeedWordBoundariesButNotNextToCJK() {
        #expect(matcher.matches(in: "系统支持125G存储，通过5G传输", group: .tags).map { [$0.label, String($0.start)] } == [["mobile_5g", "13"]])
        #expect(matcher.matches(in: "运用AI技术", group: .tags).map(\.label) == ["artificial_intelligence"])
        #expect(matcher.matches(in: "said it", group: .tags).isEmpty)
    }

    @Test func falseCueDoesNotNegate() {
        let m = matcher.matches(in: "It is not only big data but blockchain.", group: .tags)
        #expect(m.map(\.label) == ["big_data", "blockchain"])
        #expect(m.allSatisfy { !$0.negated })
    }

    @Test func negationEndsAtClauseAndWindow() {
        let m = matcher.matches(in: "平台不采集人脸识别信息。交易记录通过区块链存证。", group: .tags)
        #expect(m.map { "\($0.label):\($0.negated)" } == ["biometrics:true", "blockchain:false"])
    }

    @Test func applicantKindsAllMatchesIncludeOverlaps() {
        let m = matcher.allMatches(in: "上海市银行卡产业园开发有限公司", group: .applicantKinds)
        #expect(m.map(\.term) == ["银行", "产业园", "产业园开发"])
    }
}
