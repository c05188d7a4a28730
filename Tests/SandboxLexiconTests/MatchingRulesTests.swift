import Foundation
import Testing
@testable import SandboxLexicon

/// One test per matching rule of issue 10, each with its counter-example.
@Suite struct MatchingRulesTests {
    let matcher = Matcher(lexicons: projectLexicons)

    func tags(_ text: String) -> [String] {
        matcher.matches(in: text, group: .tags).map { "\($0.label)\($0.negated ? ":neg" : "")" }
    }

    /// Project lexicons with the technologies file replaced by `yaml`.
    func withTechnologies(_ yaml: String) throws -> Matcher {
        var lexicons = projectLexicons.lexicons
        lexicons[.technologies] = try LexiconLoader.parseLexicon(yaml: yaml, file: "technologies.yaml", expected: .technologies)
        let set = LexiconSet(lexicons: lexicons, negation: projectLexicons.negation, places: projectLexicons.places,
                             fields: projectLexicons.fields, rules: projectLexicons.rules, version: "test", contentHash: "")
        return Matcher(lexicons: set)
    }

    // MARK: 1. Negation

    @Test func terminationEndsAPreCueScope() {
        #expect(tags("不采集人脸识别信息而是通过数字证书认证") == ["biometrics:neg", "information_security"])
        // Counter-example: a coordinated list without a termination stays negated.
        #expect(tags("不采集人脸识别信息和数字证书") == ["biometrics:neg", "information_security:neg"])
    }

    /// Over English text a pre-cue's scope reaches `word_window` (10) words, where 40 scalars
    /// would stop after some 7: the term in the 9th word is negated.
    @Test func englishScopeCountsWords() {
        #expect(projectLexicons.negation.wordWindow == 10)
        #expect(tags("The bank will not keep photos or recordings of shoppers or any other biometric templates") == ["biometrics:neg"])
        // Counter-examples: a term beyond 10 words stays affirmed, and Chinese text keeps
        // its 40-scalar window (a Chinese character is no word).
        #expect(tags("The bank will not keep photos or recordings of the shoppers at its tills or any biometric templates") == ["biometrics"])
        #expect(tags("不采集" + String(repeating: "客", count: 41) + "人脸识别") == ["biometrics"])
        #expect(tags("不采集" + String(repeating: "客", count: 30) + "人脸识别") == ["biometrics:neg"])
    }

    /// A comma inside an English list of alternatives after a cue continues the scope;
    /// 并没有 / 并未 are cues, 没什么关系 / 无关 post-cues (the ninth blind page set).
    @Test func englishListsAndChineseDenials() {
        #expect(tags("The platform does not collect customers' photos, fingerprints or any other biometric data.") == ["biometrics:neg", "biometrics:neg"])
        #expect(tags("公示里并没有写用了任何人工智能技术") == ["artificial_intelligence:neg"])
        #expect(tags("这个项目跟区块链没什么关系") == ["blockchain:neg"])
        // Counter-examples: a comma before a new clause ends the scope; a Chinese comma too.
        #expect(tags("Without paper forms, customers open accounts by face recognition.") == ["biometrics"])
        #expect(tags("不采集纸质材料，客户通过人脸识别开户") == ["biometrics"])
    }

    /// Saying the notice does not mention a technology (未提及, 没有提到, 没提, no mention of)
    /// or that the application does not do it (不做) negates it.
    @Test func notMentionedIsANegation() {
        #expect(tags("公示没有提到人脸识别") == ["biometrics:neg"])
        #expect(tags("系统识别说了什么，不做声纹识别") == ["biometrics:neg"])
        #expect(tags("公示材料未提及区块链") == ["blockchain:neg"])
        #expect(tags("The notice makes no mention of blockchain.") == ["blockchain:neg"])
        #expect(tags("Blockchain is not mentioned.") == ["blockchain:neg"])
        // Counter-examples: what the notice does mention, and a comma closing the cue's clause.
        #expect(tags("公示提到了人脸识别") == ["biometrics"])
        #expect(tags("公示未提及费用，客户通过人脸识别开户") == ["biometrics"])
    }

    /// 不进行 / 未开展 / 不搜集 (not perform / not carry out / not gather) are cues like 不采集.
    @Test func notPerformingIsANegation() {
        #expect(tags("视频过程中不进行人脸识别比对") == ["biometrics:neg"])
        #expect(tags("平臺不蒐集客戶臉部等生物辨識資料") == ["biometrics:neg"])
        // Counter-example: 进行 without 不 performs it.
        #expect(tags("视频过程中进行人脸识别比对") == ["biometrics"])
    }

    @Test func useVerbOpensANewPredicate() {
        #expect(tags("未涉及生物识别采用区块链存证") == ["biometrics:neg", "blockchain"])
        // Counter-example: the cue 不采用 contains 采用 and wins as the longer phrase.
        #expect(tags("不采用区块链存证") == ["blockchain:neg"])
    }

    @Test func postCueNegatesWhatComesBefore() {
        #expect(tags("客户的人脸识别信息一律不予采集") == ["biometrics:neg"])
        #expect(tags("Fingerprint data is not collected.") == ["biometrics:neg"])
        // Counter-example: the scope of a post-cue starts at its clause.
        #expect(tags("平台运用大数据，人脸识别信息一律不予采集") == ["big_data", "biometrics:neg"])
    }

    @Test func pseudoNegationNegatesNothing() {
        #expect(tags("不仅运用大数据，不但引入区块链") == ["big_data", "blockchain"])
        #expect(tags("including but not limited to big data and blockchain") == ["big_data", "blockchain"])
        #expect(tags("not merely big data") == ["big_data"])
        // Counter-examples: the plain cues negate.
        #expect(tags("不运用大数据") == ["big_data:neg"])
        #expect(tags("not big data") == ["big_data:neg"])
    }

    @Test func gapPseudoNegation() {
        #expect(tags("无需安装SDK即可使用") == ["api_open_banking"])
        // Counter-example: without its tail, 无需 is an ordinary cue.
        #expect(tags("无需安装SDK，直接办理") == ["api_open_banking:neg"])
    }

    @Test func englishTerminations() {
        #expect(tags("It does not use facial recognition but uses big data") == ["biometrics:neg", "big_data"])
        #expect(tags("It does not use facial recognition or big data") == ["biometrics:neg", "big_data:neg"])
    }

    @Test func englishContractionsAreCues() {
        #expect(tags("The app doesn’t use facial recognition.") == ["biometrics:neg"])
        #expect(tags("It can't rely on big data") == ["big_data:neg"])
        // Counter-example: an apostrophe that is no contraction negates nothing.
        #expect(tags("The bank's big data platform") == ["big_data"])
    }

    @Test func sameRuleForCategoryTerms() {
        let m = matcher.matches(in: "不涉及贷款而是支付", group: .categories).map { "\($0.label)\($0.negated ? ":neg" : "")" }
        #expect(m == ["digital_credit:neg", "payment"])
    }

    // MARK: 2. Names

    @Test func namePatternClaimsTermsInsideTheName() {
        #expect(matcher.matches(in: "江苏省农村信用合作联社为个体工商户提供贷款", group: .tags).map(\.label) == ["small_micro_enterprises"])
        #expect(matcher.matches(in: "某某区块链科技有限公司负责运维", group: .tags).isEmpty)
        // Counter-examples: the same words outside a name are terms; a break word (为)
        // ends the name; a term that ends with the suffix (开放银行) is not claimed.
        #expect(tags("为农村个体工商户提供贷款") == ["agriculture_rural", "small_micro_enterprises"])
        #expect(tags("平台运用区块链为有限公司提供服务") == ["blockchain"])
        #expect(tags("通过开放银行模式输出服务") == ["api_open_banking"])
    }

    @Test func namePatternSpans() {
        let spans = matcher.nameSpans(TextNormalizer().normalize("江苏省农村信用合作联社为客户服务"))
        #expect(spans.map { [$0.start, $0.end, $0.claimEnd] } == [[0, 33, 27]])  // 11 characters, suffix 联社
        // Counter-example: fewer than 2 characters before the suffix is no name.
        #expect(matcher.nameSpans(TextNormalizer().normalize("为银行服务")).isEmpty)
    }

    @Test func notNamesAreNoNames() {
        let n = TextNormalizer()
        #expect(matcher.nameSpans(n.normalize("客户在合作平台绑定中信银行卡支付")).isEmpty)
        #expect(matcher.nameSpans(n.normalize("通过远程视频银行办理")).isEmpty)
        // Counter-example: the same bank name without 卡 is a name (after the break 在).
        #expect(matcher.nameSpans(n.normalize("客户在中信银行开户")).map { [$0.start, $0.end] } == [[9, 21]])
    }

    @Test func namePatternIsOnlyForEntities() {
        let yaml = "family: technologies\nname_pattern:\n  suffixes: [银行]\nlabels:\n  blockchain:\n    terms: [区块链]\n"
        #expect {
            try LexiconLoader.parseLexicon(yaml: yaml, file: "technologies.yaml")
        } throws: { error in
            (error as? LexiconError).map { $0.line == 3 && $0.message.contains("entities lexicon only") } ?? false
        }
        let dup = "family: technologies\nblockers: [线上链接, 线上链接]\nlabels:\n  blockchain:\n    terms: [区块链]\n"
        #expect(throws: LexiconError.self) { try LexiconLoader.parseLexicon(yaml: dup, file: "technologies.yaml") }
    }

    @Test func gazetteerEntityCancelsOverlappingTerms() {
        #expect(tags("农业银行面向小微企业") == ["small_micro_enterprises"])
        #expect(tags("服务农业生产") == ["agriculture_rural"])
    }

    // MARK: 3. Blockers

    @Test func blockerCancelsTheShorterTerm() {
        #expect(tags("客户通过线上链接提交申请") == [])
        // Counter-example: 上链 outside the blocker is a term.
        #expect(tags("交易数据实时上链存证") == ["blockchain"])
    }

    @Test func blockerDoesNotCancelAnEqualOrLongerTerm() throws {
        let m = try withTechnologies("""
        family: technologies
        blockers: [智能合约, 数据分析]
        labels:
          artificial_intelligence:
            terms: [智能, 智能合约引擎]
          big_data:
            terms: [数据分析]
        """)
        // 智能 (2) inside the blocker 智能合约 (4) is cancelled; 智能合约引擎 (6) is longer and stays.
        #expect(m.matches(in: "采用智能合约执行", group: .tags).isEmpty)
        #expect(m.matches(in: "采用智能合约引擎", group: .tags).map(\.term) == ["智能合约引擎"])
        // A blocker equal to a term is the term (the term is listed; the blocker adds nothing).
        #expect(m.matches(in: "开展数据分析", group: .tags).map(\.term) == ["数据分析"])
        // Counter-example: 智能 alone is a term here.
        #expect(m.matches(in: "智能风控", group: .tags).map(\.term) == ["智能"])
    }

    // MARK: 4. Latin tokens

    @Test func lettersAndDigitsAreDifferentTokens() {
        #expect(tags("通过SDK2.0嵌入") == ["api_open_banking"])
        #expect(tags("调用API_v2接口") == ["api_open_banking"])
        #expect(tags("采用5G网络") == ["mobile_5g"])
        // Counter-examples: a letter next to a letter, a digit next to a digit.
        #expect(tags("AIBank Inside") == [])
        #expect(tags("支持125G存储") == [])
        #expect(tags("APIX平台") == [])
    }

    @Test func regularPluralsByRule() {
        #expect(Matcher.inflections("api") == ["apis"])
        #expect(Matcher.inflections("smart contract") == ["smart contracts"])
        #expect(Matcher.inflections("technology") == ["technologies"])
        #expect(Matcher.inflections("day") == ["days"])
        #expect(Matcher.inflections("pos") == ["poses"])
        #expect(Matcher.inflections("5g") == [])
        #expect(Matcher.inflections("云计算") == [])
        #expect(tags("open APIs and SDKs") == ["api_open_banking", "api_open_banking"])
        #expect(tags("smart contracts") == ["blockchain"])
        // Counter-example: other endings are no inflection.
        #expect(tags("apiary") == [])
        // A term written in the lexicon beats the generated plural of the same form
        // (categories list both lender and lenders).
        #expect(matcher.matches(in: "banks and lenders", group: .categories).map(\.term).contains("lenders"))
    }

    // MARK: 5. Traditional and regional Chinese, letter-spacing

    @Test func openCCPhraseConversionWithOffsets() throws {
        #expect(ChineseConverter.shared != nil)
        let n = TextNormalizer().normalize("運用人工智慧與雲端運算")
        #expect(n.text == "运用人工智能与云端运算")
        // 網際網路 (4 scalars) → 互联网 (3): the term covers the original 4.
        let w = TextNormalizer().normalize("透過網際網路")
        #expect(w.text == "通过互联网")
        let start = w.bytes.count - "互联网".utf8.count
        #expect(w.originalRange(bytes: start..<w.bytes.count) == 2..<6)
        // hk2s after tw2sp: the Hong Kong form 衞 folds too.
        #expect(TextNormalizer().normalize("衞星遙感").text == "卫星遥感")
        // Counter-example: mainland text is left as it is (线上 stays, no 在线).
        #expect(TextNormalizer().normalize("客户通过线上渠道").text == "客户通过线上渠道")
    }

    @Test func taiwanTermsGiveTagsWithOriginalOffsets() {
        let m = matcher.matches(in: "透過網際網路運用人工智慧", group: .tags)
        #expect(m.map { [$0.label, String($0.start), String($0.end)] } == [["artificial_intelligence", "8", "12"]])
    }

    @Test func letterSpacingBetweenHanVanishes() {
        let n = TextNormalizer().normalize("区　块 链技术")
        #expect(n.text == "区块链技术")
        #expect(n.originalRange(bytes: 0..<9) == 0..<5)
        #expect(tags("区　块　链与小\u{200B}微企业") == ["blockchain", "small_micro_enterprises"])
        // Counter-example: a space between Latin and Han, or between Latin words, stays.
        #expect(TextNormalizer().normalize("AI 技术 big data").text == "ai 技术 big data")
    }

    // MARK: 6. Globs

    @Test func globTerms() throws {
        let m = try withTechnologies("""
        family: technologies
        labels:
          information_security:
            terms: ["tokeni*"]
          artificial_intelligence:
            terms: ["*机器人", "区块链*"]
        """)
        let t = m.matches(in: "payment tokenization, tokenised cards", group: .tags)
        #expect(t.map { [$0.term, String($0.start), String($0.end)] } == [["tokeni*", "8", "20"], ["tokeni*", "22", "31"]])
        let r = m.matches(in: "聊天机器人", group: .tags)
        #expect(r.map { [$0.term, String($0.start), String($0.end)] } == [["*机器人", "2", "5"]])
        // Counter-example: the glob side is free, the other keeps its boundary.
        #expect(m.matches(in: "detokenization", group: .tags).isEmpty)
    }

    @Test func badGlobsAreRejectedWithFileAndLine() {
        for (term, message) in [("区*块链", "* must be the first or the last character"), ("*区块链*", "one * only"),
                                ("*a", "at least 2 characters")] {
            let yaml = "family: technologies\nlabels:\n  blockchain:\n    terms:\n      - \"\(term)\"\n"
            #expect {
                try LexiconLoader.parseLexicon(yaml: yaml, file: "technologies.yaml")
            } throws: { error in
                guard let e = error as? LexiconError else { return false }
                return e.file == "technologies.yaml" && e.line == 5 && e.message.contains(message)
            }
        }
    }

    @Test func negationFileRejectsBadPseudo() {
        #expect(throws: LexiconError.self) {
            try LexiconLoader.parseNegation(yaml: "pre_cues: [不]\npseudo: [\"无需…即可…\"]\n", file: "negation.yaml")
        }
        #expect(throws: LexiconError.self) {
            try LexiconLoader.parseNegation(yaml: "pre_cues: [不]\nunknown: 1\n", file: "negation.yaml")
        }
    }

    // MARK: 7. Coverage by kind (LABELS.md "includes", abbreviations, regional forms)

    @Test func usualAbbreviations() {
        let text = "ML, NLP, OCR, MPC, TEE, DLT, SaaS, IoT, e-CNY, CA, RPA, 5G, SDK"
        #expect(tags(text) == ["artificial_intelligence", "artificial_intelligence", "artificial_intelligence", "privacy_computing",
                               "privacy_computing", "blockchain", "cloud_computing", "internet_of_things", "digital_currency",
                               "information_security", "rpa", "mobile_5g", "api_open_banking"])
        // Counter-example: the same letters inside longer Latin words are no abbreviation.
        #expect(tags("HTML, CASE, STEEL, MLB") == [])
    }

    @Test func regionalForms() {
        #expect(tags("人臉辨識與語音辨識") == ["biometrics", "artificial_intelligence"])
        #expect(tags("巨量資料分析") == ["big_data"])
        #expect(tags("長者與身心障礙人士") == ["underserved_groups", "underserved_groups"])
    }

    /// Taiwan and Hong Kong wording OpenCC leaves lexically different, a kind at a time:
    /// 運算 for 计算 in every 计算 term, 電腦 for 计算机, 辨識 for 识别, 帳 for 账, 憑證 for 证书.
    @Test func regionalWordingOpenCCKeeps() {
        #expect(tags("透過隱私運算技術聯合建模") == ["privacy_computing"])
        #expect(tags("以多方安全運算與雲運算支撐") == ["privacy_computing", "cloud_computing"])
        #expect(tags("電腦視覺檢測票據") == ["artificial_intelligence"])
        #expect(tags("以分散式帳本記錄") == ["blockchain"])
        #expect(tags("無線射頻辨識標籤") == ["internet_of_things"])
        #expect(tags("改以數位憑證驗證客戶身分") == ["information_security"])
        // Counter-example: 运算 alone is no technology.
        #expect(tags("系统运算速度快") == [])
    }

    /// Government bodies are names too (…管理局, …委员会, …人民政府): 贵阳市大数据发展管理局
    /// names an applicant, not a use of big data.
    @Test func agencyNamesClaimTheirTerms() {
        #expect(tags("本应用由贵阳市大数据发展管理局与某农村商业银行联合申请") == [])
        #expect(tags("区块链服务委员会指导") == [])
        // Counter-example: after a break word the term is the application's own.
        #expect(tags("运用大数据为管理局提供分析") == ["big_data"])
    }

    /// English company names (words before Co., Ltd. / Inc. / Corporation …, back to a break
    /// word, at most 6 words) claim their terms like Chinese ones.
    @Test func englishCompanyNamesClaimTheirTerms() {
        #expect(tags("Co-applicant Beijing Lianxin Blockchain Technology Co., Ltd. supplies the servers") == [])
        #expect(tags("jointly with Shenzhen Cloud Computing Inc. and the bank") == [])
        let spans = matcher.nameSpans(TextNormalizer().normalize("by Lianxin Blockchain Co., Ltd."))
        #expect(spans.map { [$0.start, $0.end, $0.claimEnd] } == [[3, 30, 22]])
        // Counter-examples: a break word (by) ends the name, so the term before it is the
        // application's own; a suffix inside a word (inc in inclusive) ends no name.
        #expect(tags("uses blockchain supplied by Lianxin Co., Ltd.") == ["blockchain"])
        #expect(tags("blockchain inclusive finance") == ["blockchain", "inclusive_finance"])
        #expect(matcher.nameSpans(TextNormalizer().normalize("Inc. is a suffix")).isEmpty)
    }

    /// Found by a breaker: a name never reaches back over a sentence end, a bracket or a
    /// verb of transfer; 用不到 (less than) is no negation.
    @Test func namesStopAtSentencesAndTransfers() {
        #expect(tags("The platform adopts privacy computing. WeBank Co., Ltd. provides the nodes.") == ["privacy_computing"])
        #expect(tags("Risk control applies machine learning models (Huawei Technologies Co., Ltd.).") == ["artificial_intelligence"])
        #expect(tags("relies on big data. Ltd. partners join") == ["big_data"])
        #expect(tags("企业授权数据通过区块链实时同步至地方金融监督管理局") == ["blockchain"])
        #expect(tags("企业数据经大数据分析后报送地方金融监督管理局") == ["big_data"])
        #expect(tags("系统用不到1秒完成人脸比对") == ["biometrics"])
    }

    @Test func fingerprintBlockers() {
        #expect(tags("采集设备指纹防范欺诈") == [])
        // Counter-example: a fingerprint of a person is biometrics.
        #expect(tags("支持指纹识别登录") == ["biometrics"])
    }
}
