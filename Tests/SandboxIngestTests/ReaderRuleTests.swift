import Foundation
import Testing
@testable import SandboxIngest
import SandboxSchema
import SandboxText

/// One test per rule of the reader, each with a counter-example.
@Suite struct ReaderRuleTests {
    static func hex(_ s: String) -> [UInt8] { s.split(separator: " ").map { UInt8($0, radix: 16)! } }

    static func page(_ body: String, title: String = "北京2020年第一批金融科技创新监管试点应用公示") -> String {
        "<html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body><p>发布时间：2020-01-14</p>\(body)</body></html>"
    }

    // MARK: Field labels

    @Test func labelsAfterNormalisation() {
        let labeler = projectParser.labeler
        #expect(labeler.label(in: "申　请　机　构：某银行")?.field == "applicants")
        #expect(labeler.label(in: "【申請機構】　某銀行") == LabelHit(field: "applicants", heading: "申請機構", value: "某銀行"))
        #expect(labeler.label(in: "（１）功能描述∶文本")?.value == "文本")
        #expect(labeler.label(in: "申请机构／交通银行")?.value == "交通银行")
        #expect(labeler.label(in: "功能描述", lead: nil) == LabelHit(field: "function", heading: "功能描述", value: ""))
        // Counter-examples: a sentence that merely starts with a label word is no label.
        #expect(labeler.label(in: "功能描述了该应用的主要用途，即线上融资。") == nil)
        #expect(labeler.label(in: "风险防控方面，银行设置限额。") == nil)
    }

    @Test func severalFieldsOnOneLine() {
        let (first, more) = projectParser.labeler.splitInline("甲服务；申请单位：某银行；类型：金融服务")
        #expect(first == "甲服务")
        #expect(more.map(\.field) == ["applicants", "application_type"])
        // A semicolon before ordinary text splits nothing.
        #expect(projectParser.labeler.splitInline("线上融资；随借随还").1.isEmpty)
    }

    @Test func ordinals() {
        let labeler = projectParser.labeler
        #expect(labeler.ordinal("创新应用一：甲服务") == StartCue(name: "甲服务", explicit: true))
        #expect(labeler.ordinal("Application 2: Smart card") == StartCue(name: "Smart card", explicit: true))
        #expect(labeler.ordinal("01") == StartCue(name: nil, explicit: true))
        // 第一批 is a batch, not an application; a sentence is no ordinal.
        #expect(labeler.ordinal("第一批创新应用") == nil)
        #expect(labeler.ordinal("应用场景广泛，覆盖多个领域") == nil)
    }

    // MARK: Segmentation

    @Test func aTitleLineBeforeARepeatingFieldCycleNamesTheApplication() throws {
        let p = try parse(Self.page("<p>一｜甲服务</p><p>申请机构：甲银行</p><p>功能描述：线上融资。</p><p>二｜乙服务</p><p>申请机构：乙银行</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        // Applicants one per line are not titles: the field after them is new to the application.
        let q = try parse(Self.page("<p>创新应用名称：丙服务</p><p>申请机构：丙银行</p><p>丁科技</p><p>功能描述：线上融资。</p>"))
        #expect(q.applications.map(\.name) == ["丙服务"])
        #expect(q.applications.map(\.applicants) == [["丙银行", "丁科技"]])
    }

    /// Kinds found on the fourth blind page set, each with its counter-example.
    @Test func spacerCellsStandBetweenALabelAndItsValue() throws {
        let p = try parse(Self.page("<table><tr><td>项目名称</td><td>&nbsp;</td><td>甲服务</td></tr><tr><td>参与机构</td><td></td><td>甲银行</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"]])
        // Counter-example: a label whose next text cell is another label keeps its empty value.
        let q = try parse(Self.page("<p>创新应用名称：乙服务</p><table><tr><td>申请机构</td><td></td><td>应用类型</td><td>金融服务</td></tr></table>"))
        #expect(q.applications.map(\.applicants) == [[]])
        #expect(q.applications.map(\.applicationType) == ["financial_service"])
    }

    @Test func aNameFieldNamingTheAnnouncementIsPageMatter() throws {
        let p = try parse(Self.page("<table><tr><th>名称：</th><td>某分行金融科技创新监管试点应用公示（2020年第一批）</td></tr></table><p><strong>（一）甲服务</strong></p><p>研发单位：甲银行。</p>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(Segmenter.namesTheAnnouncement("某分行金融科技创新监管试点应用公示（2020年第一批）"))
        // Counter-example: an application may name a notice service without a batch or the programme.
        #expect(!Segmenter.namesTheAnnouncement("企业信息公示查询服务"))
    }

    @Test func englishGlossesInBrackets() throws {
        #expect(PageText.latinGloss("华为（Huawei）")! == ("华为", "Huawei"))
        #expect(PageText.latinGloss("中国移动(上海)产业研究院") == nil)
        #expect(PageText.latinGloss("（TEE）") == nil)
        let p = try parse(Self.page("<p>应用名称：甲服务（Service A for SMEs）</p><p>申请机构：甲银行（Bank A）、乙科技（B Tech）</p>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.nameEnglish) == ["Service A for SMEs"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"]])
        // Counter-example: a bracketed acronym (one Latin word) stays part of the name.
        let q = try parse(Self.page("<p>应用名称：基于可信执行环境的支付服务（TEE）</p><p>申请机构：丙银行</p>"))
        #expect(q.applications.map(\.name) == ["基于可信执行环境的支付服务（TEE）"])
    }

    @Test func letterSpacedLabelsWithoutAColon() throws {
        let p = try parse(Self.page("<div><span>名　　称</span><span>　甲服务</span></div><div><span>申报单位</span><span>　甲银行　乙科技</span></div>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"]])
    }

    @Test func anApplicationShownTwiceIsReadOnce() throws {
        let p = try parse(Self.page("<div>应用：甲服务<br>申报方：甲银行<br>能干啥：线上融资，办理…展开全文</div><div style=\"display:none\">应用：甲服务<br>申报方：甲银行<br>能干啥：线上融资，办理贷款全程在线。</div><div>应用：乙服务<br>申报方：乙银行</div>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.info.warnings.filter { $0.hasPrefix("repeated_application") } == ["repeated_application: line 1: '甲服务' repeats the application of line 1; read once, from the copy with more text"])
    }

    @Test func interviewQuestionsPointAtTheApplicationAnswered() throws {
        let body = "<p>记者：首批有哪些应用？</p><p>答：工商银行申请的“甲服务”，农业银行申请的“乙产品”。</p>"
            + "<p>记者：第一个应用用到了人工智能吗？</p><p>答：这个应用由工商银行申请，运用区块链记录交易。</p>"
            + "<p>记者：最后一个应用呢？</p><p>答：它面向小微企业。</p>"
        let p = try parse(Self.page(body))
        #expect(p.applications.map(\.name) == ["甲服务", "乙产品"])
        // The question's 人工智能 is the journalist's word, in no application's text.
        #expect(p.applications.map { $0.sections.map(\.text) } == [["这个应用由工商银行申请，运用区块链记录交易。"], ["它面向小微企业。"]])
        if case .answer(let rest)? = ProseReader.speaker("答：好的") { #expect(rest == "好的") } else { Issue.record("答： is an answer") }
        if case .question(let rest)? = ProseReader.speaker("记者： 第一个应用呢？") { #expect(rest == "第一个应用呢？") } else { Issue.record("记者： is a question") }
        #expect(ProseReader.speaker("答复函已发出") == nil)
    }

    /// Found by a breaker on this session's rules; each test holds the breaking page.
    @Test func aSecondApplicantsHeadingAddsToTheApplicants() throws {
        let p = try parse(Self.page("<p>创新应用名称：基于物联网的农户信贷服务</p><p>申请机构：中国农业银行股份有限公司</p><p>合作机构：华为技术有限公司</p><p>功能描述：运用物联网技术采集农户数据。</p>"))
        #expect(p.applications.map(\.name) == ["基于物联网的农户信贷服务"])
        #expect(p.applications.map(\.applicants) == [["中国农业银行股份有限公司", "华为技术有限公司"]])
        #expect(p.applications.map { $0.sections.map(\.field) } == [["function"]])
        // Counter-example: the same heading coming round again starts the next application.
        let q = try parse(Self.page("<p>创新应用名称：甲服务</p><p>申请机构：甲银行</p><p>申请机构：乙银行</p>"))
        #expect(q.applications.map(\.applicants) == [["甲银行"]])
    }

    @Test func sameNamesWithOtherApplicantsAreTwoApplications() throws {
        let p = try parse(Self.page("<p>一、创新应用名称：手机POS创新应用</p><p>申请机构：中国银联股份有限公司</p><p>功能描述：运用安全芯片技术。</p><p>二、创新应用名称：手机POS创新应用</p><p>申请机构：小米数字科技有限公司</p><p>功能描述：基于手机NFC技术。</p>"))
        #expect(p.applications.map(\.applicants) == [["中国银联股份有限公司"], ["小米数字科技有限公司"]])
        let q = try parse(Self.page("<p>一、创新应用名称：跨境电商支付服务（B2B）</p><p>申请机构：中国银行</p><p>二、创新应用名称：跨境电商支付服务（B2C）</p><p>申请机构：连连银通</p>"))
        #expect(q.applications.map(\.name) == ["跨境电商支付服务（B2B）", "跨境电商支付服务（B2C）"])
        #expect(q.applications.map(\.nameEnglish) == [nil, nil])
    }

    @Test func applicationNamesMentioningNoticesAreNames() throws {
        let p = try parse(Self.page("<p>创新应用名称：基于企业信用信息公示数据的小微企业批量授信服务</p><p>申请机构：中国工商银行股份有限公司</p>"))
        #expect(p.applications.map(\.name) == ["基于企业信用信息公示数据的小微企业批量授信服务"])
        #expect(!Segmenter.namesTheAnnouncement("基于区块链的电子公告与批量公示服务"))
        #expect(Segmenter.namesTheAnnouncement("关于第２批创新应用的公示"))
    }

    @Test func twoCharacterHeadingsNeedASeparator() throws {
        let p = try parse(Self.page("<p>创新应用名称：甲服务</p><p>申请机构：甲银行</p><p><strong>应用</strong>场景覆盖农村地区，运用物联网技术。</p><p>名称 变更后，该应用运用区块链。</p>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        // Counter-example: with a colon or letter-spaced it is a label.
        let q = try parse(Self.page("<p>应用：乙服务</p><p>申请机构：乙银行</p><p>名　称　丙服务</p>"))
        #expect(q.applications.map(\.name) == ["乙服务", "丙服务"])
    }

    @Test func glossAfterEtcIsDropped() {
        #expect(PageParser.splitApplicants("中国银行、华为技术有限公司（Huawei）等").0 == ["中国银行", "华为技术有限公司"])
    }

    @Test func interviewQuestionsAboutNoApplication() throws {
        let body = "<p>记者：首批有哪些应用？</p><p>答：工商银行申请的“数字钱包”，农业银行申请的“数字钱包跨境版”。</p>"
            + "<p>记者：第一个应用有什么特点？</p><p>答：这个应用运用区块链记录交易。</p>"
            + "<p>记者：“数字钱包跨境版”有什么特点？</p><p>答：它运用物联网技术。</p>"
            + "<p>记者：监管部门下一步如何防范风险？</p><p>答：我们将运用大数据、人工智能等手段加强监测。</p>"
        let p = try parse(Self.page(body))
        #expect(p.applications.map(\.name) == ["数字钱包", "数字钱包跨境版"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["这个应用运用区块链记录交易。"], ["它运用物联网技术。"]])
    }

    @Test func englishApplicantsKeepAndAndCompanySuffixes() {
        #expect(PageParser.splitApplicants("Industrial and Commercial Bank of China Limited; Huawei Technologies Co., Ltd.").0
                == ["Industrial and Commercial Bank of China Limited", "Huawei Technologies Co., Ltd."])
        // Counter-examples: after an institution's ending, and and commas separate.
        #expect(PageParser.splitApplicants("WeBank and Bank of China Shenzhen Branch").0 == ["WeBank", "Bank of China Shenzhen Branch"])
        #expect(PageParser.splitApplicants("Ping An Bank, Tencent Cloud").0 == ["Ping An Bank", "Tencent Cloud"])
    }

    @Test func rowsOfTwoLabelValuePairsAreNoTransposedTable() throws {
        let p = try parse(Self.page("<table><tr><td>创新应用名称</td><td>基于物联网的农户信贷服务</td><td>英文名称</td><td>IoT Credit</td></tr><tr><td>申请机构</td><td>农业银行</td><td>应用类型</td><td>金融服务</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["基于物联网的农户信贷服务"])
        #expect(p.applications.map(\.nameEnglish) == ["IoT Credit"])
        #expect(p.applications.map(\.applicants) == [["农业银行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service"])
    }

    /// From a fifth blind page (a PDF's text version): a conversion or update date is not
    /// the announcement's; the signature's date is.
    @Test func conversionAndUpdateDatesAreNotTheAnnouncementDate() throws {
        let p = try parse("<html><head><meta charset=\"utf-8\"><title>上海市2020年第二批金融科技创新监管试点创新应用公示</title></head><body><p>原件：公示.pdf　转换时间：2021-01-05 10:12</p><p>创新应用名称：甲服务</p><p>申请机构：甲银行</p><p>特此公示。</p><p>中国人民银行上海总部</p><p>2020年12月31日</p></body></html>")
        #expect(p.info.announced == "2020-12-31")
        #expect(PageParser.withoutOtherDates("发布时间：2021-01-01　更新时间：2021-02-03") == "发布时间：2021-01-01　")
        // Counter-example: a publication date stays.
        let q = try parse(Self.page("<p>创新应用名称：乙服务</p>"))
        #expect(q.info.announced == "2020-01-14")
    }

    /// From a fifth blind page (a news app's cards): a form `<label>` marks its text as a
    /// caption, and the question forms of headings (谁申请, 能做什么, 用了哪些技术) are labels.
    @Test func formLabelsAndQuestionHeadings() throws {
        let p = try parse(Self.page("<section><h2>甲服务</h2><div><label>谁申请</label><output>甲银行</output></div><dl><dt>能做什么</dt><dd>线上放贷。</dd><dt>用了哪些技术</dt><dd>区块链存证。</dd></dl></section>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"]])
        #expect(p.applications.map { $0.sections.map(\.field) } == [["function", "technology"]])
        // A card counter (1/5) before a name is numbering; a date is not.
        #expect(FieldLabeler.stripNumbering("1/5 “亿亩田”农村金融服务") == "“亿亩田”农村金融服务")
        #expect(FieldLabeler.stripNumbering("2020/1/14 公示") == "2020/1/14 公示")
    }

    @Test func transposedTable() throws {
        let p = try parse(Self.page("<table><tr><th>项目</th><th>应用一</th><th>应用二</th></tr><tr><th>创新应用名称</th><td>甲服务</td><td>乙服务</td></tr><tr><th>申请机构</th><td>甲银行</td><td>乙银行</td></tr><tr><th>应用类型</th><td>金融服务</td><td>科技产品</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
        // Two columns only: label/value rows of one application, a name coming round again starts the next.
        let q = try parse(Self.page("<table><tr><td>创新应用名称</td><td>甲服务</td></tr><tr><td>申请机构</td><td>甲银行</td></tr><tr><td>创新应用名称</td><td>乙服务</td></tr></table>"))
        #expect(q.applications.map(\.name) == ["甲服务", "乙服务"])
    }

    @Test func tickBoxTypeAndNameAnnotation() throws {
        let p = try parse(Self.page("<p>Name of the innovation application: Smart card<br>(Chinese: 智能卡)</p><p>申请机构：甲银行</p><p>服务类型：□金融服务　☑科技产品</p>"))
        #expect(p.applications.map(\.name) == ["智能卡"])
        #expect(p.applications.map(\.nameEnglish) == ["Smart card"])
        #expect(p.applications.map(\.applicationType) == ["technology_product"])
        // Without a tick, the first type word stated is the type.
        #expect(PageParser.applicationType("金融服务") == "financial_service")
    }

    @Test func attachmentsAndEditorLinesEndTheApplications() throws {
        let p = try parse(Self.page("<p>创新应用名称：甲服务</p><p>功能描述：线上融资。</p><p>附：意见反馈方式</p><p>运用区块链技术。</p>"))
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"]])
        // A paragraph that merely mentions 附件 inside a sentence continues the text.
        let q = try parse(Self.page("<p>创新应用名称：甲服务</p><p>功能描述：线上融资。</p><p>客户上传附件后即可办理。</p>"))
        #expect(q.applications.map { $0.sections.map(\.text) } == [["线上融资。\n客户上传附件后即可办理。"]])
    }

    // MARK: Prose

    @Test func proseEnumerationGivesOrderAndApplicants() throws {
        let p = try parse(Self.page("""
        <p>首批应用分别是：甲银行“甲信贷产品”、乙银行联合丙科技、丁数科推出的“乙支付服务”、戊银行的“戊账户服务”。</p>
        <p>其中，“乙支付服务”运用区块链技术完成清算。</p>
        <p>记者注意到，本批应用多数运用大数据技术。</p>
        """))
        #expect(p.applications.map(\.name) == ["甲信贷产品", "乙支付服务", "戊账户服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行", "丙科技", "丁数科"], ["戊银行"]])
        // The batch-level paragraph belongs to no application.
        #expect(p.applications[1].sections.map(\.text) == ["运用区块链技术完成清算。"])
    }

    @Test func oneParagraphDescribingSeveralApplications() throws {
        let p = try parse(Self.page("<p>一是甲银行、乙科技的“甲信贷服务”，为农户提供线上贷款并运用联邦学习建模。二是丙银行的“丙银行服务”，运用智能语音技术识别方言指令。</p>"))
        #expect(p.applications.map(\.name) == ["甲信贷服务", "丙银行服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"], ["丙银行"]])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["为农户提供线上贷款并运用联邦学习建模。"], ["运用智能语音技术识别方言指令。"]])
    }

    @Test func andBetweenInstitutionsOnly() {
        #expect(ProseReader.cleanApplicants("由中国银联与小米数科、京东数科") == "中国银联、小米数科、京东数科")
        #expect(ProseReader.cleanApplicants("国家计算机网络与信息安全管理中心、中关村银行") == "国家计算机网络与信息安全管理中心、中关村银行")
    }

    @Test func announcementDateFromProseOverARepostDate() throws {
        let p = try parse("<html><head><meta charset=\"utf-8\"><title>北京首批金融科技创新监管试点应用</title></head><body><p class=\"time\">2020/01/15 07:42</p><p>1月14日，央行营管部对外公示了北京首批6个创新应用。</p><p>创新应用名称：甲服务</p></body></html>")
        #expect(p.info.announced == "2020-01-14")
        // Without such a sentence the header's date is the date.
        let q = try parse("<html><head><meta charset=\"utf-8\"><title>北京首批金融科技创新监管试点应用</title></head><body><p class=\"time\">2020/01/15 07:42</p><p>创新应用名称：甲服务</p></body></html>")
        #expect(q.info.announced == "2020-01-15")
    }

    // MARK: Decoding

    @Test func undeclaredBig5ByEvidence() throws {
        // 申請機構提供線上信用貸款產品服務小微企業 in Big5: half its trail bytes are below 0x7F.
        let big5 = Self.hex("a5 d3 bd d0 be f7 ba 63 b4 a3 a8 d1 bd 75 a4 57 ab 48 a5 ce b6 55 b4 da b2 a3 ab 7e aa 41 b0 c8 a4 70 b7 4c a5 f8 b7 7e")
        #expect(EncodingSniffer.looksLikeBig5(big5))
        // The same traditional text in GB18030 (low trails too, but GBK's leads 0x81–0xA0),
        // and simplified text in GB18030, are not Big5.
        let gbTraditional = Self.hex("c9 ea d5 88 99 43 98 8b cc e1 b9 a9 be 80 c9 cf d0 c5 d3 c3 d9 4a bf ee ae 61 c6 b7 b7 fe 84 d5 d0 a1 ce a2 c6 f3 98 49")
        #expect(!EncodingSniffer.looksLikeBig5(gbTraditional))
        let gbSimplified = Self.hex("c9 ea c7 eb bb fa b9 b9 cc e1 b9 a9 cf df c9 cf d0 c5 d3 c3 b4 fb bf ee b2 fa c6 b7 b7 fe ce f1 d0 a1 ce a2 c6 f3 d2 b5")
        #expect(!EncodingSniffer.looksLikeBig5(gbSimplified))
    }

    // MARK: Rules from the second and third blind page sets

    @Test func decorativeMarksAreNotPartOfNames() {
        #expect(FieldLabeler.stripNumbering("### 1. 远程视频银行服务") == "远程视频银行服务")
        #expect(FieldLabeler.stripNumbering("1\u{FE0F}\u{20E3} 基于区块链的服务") == "基于区块链的服务")
        #expect(projectParser.labeler.label(in: "**申请机构：** 交通银行")?.value == "交通银行")
        // A hyphen inside a name, or a name starting with a digit, is kept.
        #expect(FieldLabeler.stripNumbering("5G+智能银行") == "5G+智能银行")
        #expect(FieldLabeler.stripNumbering("“亿亩田”-基于卫星遥感的服务") == "“亿亩田”-基于卫星遥感的服务")
    }

    @Test func unknownBracketLabelsAreSections() throws {
        let p = try parse(Self.page("<p><b>1. 甲服务</b></p><p>【申请机构】甲银行</p><p>【能做什么】线上融资。</p><p><b>2. 乙服务</b></p><p>【申请机构】乙银行</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications[0].sections.map(\.heading) == ["能做什么"])
        // A long bracketed sentence is no label.
        #expect(projectParser.labeler.label(in: "【本行提醒，请注意防范电信诈骗】") == nil)
    }

    @Test func aDeeperHeadingHeadsASection() throws {
        let p = try parse(Self.page("<h3>甲服务</h3><p>申请机构：甲银行</p><h4>合作模式</h4><p>银行与平台分工。</p><h3>乙服务</h3><p>申请机构：乙银行</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications[0].sections.map(\.heading) == ["合作模式"])
        // A heading of the same level after an application, with no fields, names none.
        let q = try parse(Self.page("<h3>甲服务</h3><p>申请机构：甲银行</p><h3>联系方式</h3><p>电话。</p>"))
        #expect(q.applications.map { $0.sections.map(\.text) } == [[]])
    }

    @Test func nameWithBracketedFields() throws {
        let p = try parse(Self.page("<ol><li>甲服务（申请机构：甲银行、乙科技；类型：科技产品）：运用区块链技术。</li></ol>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"]])
        #expect(p.applications.map(\.applicationType) == ["technology_product"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["运用区块链技术。"]])
        // Brackets without a label are part of the text.
        #expect(projectParser.labeler.label(in: "甲服务（试点）") == nil)
    }

    @Test func headerSplitOverTwoRows() throws {
        let p = try parse(Self.page("<table><tr><td rowspan=\"2\">序号</td><td>创新应用</td><td>申请</td></tr><tr><td>名称</td><td>机构</td></tr><tr><td>1</td><td>甲服务</td><td>甲银行</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"]])
    }

    @Test func applicationsAfterTheClosing() throws {
        let p = try parse(Self.page("<p>特此公示。</p><p>中国人民银行营业管理部</p><p>附件</p><table><tr><th>创新应用名称</th><th>申请机构</th></tr><tr><td>甲服务</td><td>甲银行</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        // Plain text after the closing stays out of every application.
        let q = try parse(Self.page("<p>创新应用名称：甲服务</p><p>特此公示。</p><p>运用区块链技术。</p>"))
        #expect(q.applications.map { $0.sections.map(\.text) } == [[]])
    }

    @Test func bilingualTablesAreOneList() throws {
        let p = try parse(Self.page("""
        <table><tr><th>创新应用名称</th><th>申请机构</th></tr><tr><td>甲服务</td><td>甲银行</td></tr><tr><td>乙服务</td><td>乙银行</td></tr></table>
        <table><tr><th>Application</th><th>Applicants</th></tr><tr><td>Service A</td><td>Bank A</td></tr><tr><td>Service B</td><td>Bank B</td></tr></table>
        """))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications.map(\.nameEnglish) == ["Service A", "Service B"])
        // Tables of different lengths are not translations of each other.
        let q = try parse(Self.page("""
        <table><tr><th>创新应用名称</th><th>申请机构</th></tr><tr><td>甲服务</td><td>甲银行</td></tr></table>
        <table><tr><th>Application</th><th>Applicants</th></tr><tr><td>Service A</td><td>Bank A</td></tr><tr><td>Service B</td><td>Bank B</td></tr></table>
        """))
        #expect(q.applications.count == 3)
    }

    @Test func pronounsStandForTheInstitutionNamedBefore() {
        #expect(ProseReader.lastInstitution(in: "百信银行是国内首家获批的独立法人直销银行。") == "百信银行")
        #expect(ProseReader.lastInstitution(in: "据了解，宁波银行已上线该产品，") == "宁波银行")
        #expect(ProseReader.lastInstitution(in: "该产品面向小微企业。") == nil)
    }
}

/// The byte-level tests the reader's hot paths use instead of Foundation's.
@Suite struct ReaderFastPathTests {
    @Test func asciiCaseInsensitiveSearch() {
        #expect(ByteSearch.containsASCIICaseInsensitive("© COPYRIGHT 2021 人民银行", "copyright"))
        #expect(ByteSearch.containsASCIICaseInsensitive("Copyright", "copyright"))
        #expect(!ByteSearch.containsASCIICaseInsensitive("copyrİght", "copyright"))  // as lowercased() finds it
        #expect(!ByteSearch.containsASCIICaseInsensitive("copy", "copyright"))
    }

    /// The calendar rule against Foundation's Gregorian calendar, for every year, month and
    /// day the date reader accepts (1990–2100, 1–12, 1–31), and the ISO form against
    /// `String(format:)`.
    @Test func realDatesAgreeWithFoundationsCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var real = 0, disagreements = 0
        for y in 1990...2100 {
            for m in 1...12 {
                for d in 1...31 {
                    let date = calendar.date(from: DateComponents(year: y, month: m, day: d))!
                    let back = calendar.dateComponents([.year, .month, .day], from: date)
                    let foundation = back.year == y && back.month == m && back.day == d
                    if foundation != DateParser.isRealDate(y, m, d) { disagreements += 1 }
                    if foundation { real += 1 }
                }
            }
        }
        #expect(disagreements == 0)
        #expect(real == 40542)  // days from 1990-01-01 to 2100-12-31
        #expect(!DateParser.isRealDate(2020, 13, 1))
        #expect(!DateParser.isRealDate(2020, 0, 1))
        #expect(!DateParser.isRealDate(2020, 1, 0))
        #expect(DateParser.iso(2020, 1, 4) == String(format: "%04d-%02d-%02d", 2020, 1, 4))
        #expect(DateParser.iso(2100, 12, 31) == "2100-12-31")
    }

    /// The byte substring test against Foundation's `contains` on text where the two
    /// could differ (multi-byte scalars, a needle at either end, the needle longer than
    /// the text, an empty needle).
    @Test func substringSearchOnBytes() {
        let haystacks = ["", "特此公示", "版权所有 © 2021", "a版权所有", "版权所", "编辑：张三", "People's Bank of China", "x"]
        let needles = ["版权所有", "编辑：", "China", "x", "特此", "公示", "所有 ©"]
        var checked = 0
        for h in haystacks {
            for n in needles {
                #expect(ByteSearch.contains(h, n) == h.contains(n), "\(h) / \(n)")
                checked += 1
            }
        }
        #expect(checked == 56)
        #expect(ByteSearch.contains("abc", ""))
        #expect(!ByteSearch.contains("", "a"))
        #expect(ByteSearch.hasPrefix("特此公示。", "特此公示"))
        #expect(!ByteSearch.hasPrefix("特此", "特此公示"))
        #expect(!ByteSearch.hasPrefix("一、特此公示", "特此公示"))
    }

    @Test func datesNeedTheirYear() {
        #expect(DateParser.parseAll("第一批创新应用") == [])
        #expect(DateParser.parseAll("２０２０年１月１４日") == ["2020-01-14"])
        #expect(DateParser.parseAll("二〇二〇年七月二十一日 and 14 Jan., 2020; July 31, 2020") == ["2020-07-21", "2020-01-14", "2020-07-31"])
        #expect(DateParser.parseAll("2020/1/14 12:30") == ["2020-01-14"])
        #expect(DateParser.parseAll("No. 123 of Jan") == [])
    }

    /// Found by a tester comparing the old and new reader on adversarial pages.
    @Test func zeroWidthCharactersDoNotHideALabel() {
        let labeler = projectParser.labeler
        #expect(labeler.label(in: "申请机构\u{200B}：工商银行") == LabelHit(field: "applicants", heading: "申请机构\u{200B}", value: "工商银行"))
        #expect(labeler.label(in: "申\u{200B}请\u{200B}机\u{200B}构：工商银行")?.field == "applicants")
        #expect(labeler.label(in: "\u{FEFF}应用类型：金融服务")?.field == "application_type")
    }

    /// Labels are keyed in NFKC whatever the changed scalar (ſ → s, full-width → ASCII).
    @Test func labelKeysAreNFKC() {
        let labeler = projectParser.labeler
        #expect(labeler.label(in: "Applicantſ: 工商银行")?.field == "applicants")
        #expect(labeler.label(in: "ＡＰＰＬＩＣＡＮＴＳ：工商银行")?.field == "applicants")
    }

    /// Keywords are found on scalars: a stray combining mark after one does not hide it.
    @Test func keywordsBeforeACombiningMarkAreFound() {
        #expect(PageParser.applicationType("金融服务\u{301}") == "financial_service")
        #expect(PageParser.isClosing(Block(kind: .paragraph, text: "特此公示\u{301}。", line: 1, context: [])))
    }

    /// 。 with a combining mark or joiner after it is one character: no sentence ends there.
    @Test func aFullStopWithACombiningMarkEndsNoSentence() {
        let out = projectParser.splitCombined([Section(field: "function", heading: "功能", text: "提供贷款。\u{301}风险防控方面，设置限额。")])
        #expect(out.map(\.field) == ["function"])
        #expect(ScalarClass.extendsCluster("\u{301}") && ScalarClass.extendsCluster("\u{200D}") && ScalarClass.extendsCluster("\u{20E3}"))
        #expect(!ScalarClass.extendsCluster("风") && !ScalarClass.extendsCluster("a") && !ScalarClass.extendsCluster("\u{200B}"))
    }

    @Test func riskControlSentencesMoveToTheirField() {
        let parser = projectParser
        let out = parser.splitCombined([Section(field: "function", heading: "功能", text: "提供线上贷款。风险防控方面，设置限额。并实时监控。")])
        #expect(out.map(\.field) == ["function", "risk_control"])
        #expect(out.map(\.text) == ["提供线上贷款。", "风险防控方面，设置限额。并实时监控。"])
    }

}

extension ReaderRuleTests {
    // MARK: Kinds of the sixth blind page set (and the fifth's remaining ones)

    /// A form's `<label>` is a caption by markup: a two-character one (属于) before its value
    /// is a label; the same two characters in bold before more Han characters start a word.
    @Test func aFormCaptionIsALabelEvenWhenShort() throws {
        let p = try parse(Self.page("<p><label><b>名称</b></label><output>甲服务</output></p><p><label><b>属于</b></label><output>金融服务</output></p><p><label><b>申请机构</b></label><output>甲银行</output></p>"))
        #expect(p.applications.map(\.name) == ["甲服务"])
        #expect(p.applications.map(\.applicationType) == ["financial_service"])
        #expect(p.applications.map(\.applicants) == [["甲银行"]])
        // Counter-example: a bold 应用 opening 应用场景… is the start of a word.
        #expect(projectParser.labeler.label(in: "应用场景覆盖县域", lead: "应用") == nil)
    }

    /// An applicant list broken across lines (pdftotext, narrow cells) is joined where the
    /// next line starts with the tail of a company suffix or the list runs on with 、;
    /// a list of one name per line stays split.
    @Test func wrappedApplicantListsAreJoined() {
        #expect(PageParser.splitApplicants("中国银联、上海同态信息科技有\n限责任公司、交通银行").0 == ["中国银联", "上海同态信息科技有限责任公司", "交通银行"])
        #expect(PageParser.splitApplicants("甲银行、乙科\n技、丙银行").0 == ["甲银行", "乙科技", "丙银行"])
        #expect(PageParser.splitApplicants("小米数科\n中国银联").0 == ["小米数科", "中国银联"])
    }

    /// A news credit in 【】 (【本報訊】, 【新华社北京8月1日电】) opens a story, not a field, so a
    /// traditional-character news re-post is read as prose: its clauses (申報的「X」) are
    /// read on the folded text and keep the page's own characters.
    @Test func aNewsCreditIsNoFieldAndTraditionalClausesRead() throws {
        #expect(PageText.isNewsCredit("本報訊"))
        #expect(PageText.isNewsCredit("新华社北京8月1日电"))
        #expect(!PageText.isNewsCredit("能做什么"))
        let p = try parse(Self.page("<p>【本報訊】記者深圳報道：深圳公示首批4個應用。</p><p>首個項目是百行徵信申報的「百行徵信信用普惠服務」，屬金融服務。該服務運用大數據技術。</p><p>四個項目中唯一的科技產品，是微眾銀行與中國銀行深圳市分行申報的「基於區塊鏈的收入核驗產品」。區塊鏈記錄收入信息。</p>", title: "深圳公布首批金融科技監管沙盒應用"))
        #expect(p.applications.map(\.name) == ["百行徵信信用普惠服務", "基於區塊鏈的收入核驗產品"])
        #expect(p.applications.map(\.applicants) == [["百行徵信"], ["微眾銀行", "中國銀行深圳市分行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
        // Counter-example: a bracketed phrase that is a heading still opens a section.
        #expect(projectParser.labeler.label(in: "【能做什么】线上开户")?.heading == "能做什么")
    }

    /// Stated types: 属 / 同属 alone, and a type before its clause (唯一的科技产品，是…);
    /// 专属金融服务 (an exclusive financial service) states none.
    @Test func statedTypesInProse() {
        #expect(ProseReader.type(in: "该应用同属金融服务。") == "financial_service")
        #expect(ProseReader.type(in: "唯一的科技产品，是甲银行申报的“甲产品”。") == "technology_product")
        #expect(ProseReader.type(in: "为小微企业提供专属金融服务。") == "unstated")
    }

    /// 独立申报 names one applicant; 兴业数金和兴业银行 is two (数金 ends an institution);
    /// a paragraph listing two or more other applications by name only belongs to none.
    @Test func applicantVerbsAndListsOfOtherApplications() throws {
        let p = try parse(Self.page("<p>重庆银行独立申报的“甲数字银行服务”属于金融服务，客户在手机上办理业务。</p><p>兴业数金和兴业银行申报的“乙票据产品”面向中小微企业，运用区块链记录票据流转。</p><p>此外，“丙风控产品”“丁信贷服务”等应用也在本次公示名单之列。</p>"))
        #expect(p.applications.map(\.name) == ["甲数字银行服务", "乙票据产品"])
        #expect(p.applications.map(\.applicants) == [["重庆银行"], ["兴业数金", "兴业银行"]])
        #expect(p.applications[1].sections.map(\.text) == ["面向中小微企业，运用区块链记录票据流转。"])
    }

    /// Applicants and type that only a sentence of a headed application gives (该应用由A与B
    /// 联合申报，应用类型为金融服务); a press release's 关于<institution>： paragraph ends the
    /// applications. Counter-examples: 由系统自动推出 names no applicant; 关于做好…的通知：
    /// is no boilerplate.
    @Test func applicantsFromASentenceAndAboutBoilerplate() throws {
        let p = try parse(Self.page("<h2>应用一：甲信贷服务</h2><p>该应用由甲农村商业银行与乙云计算联合申报，应用类型为金融服务。客户在线申请贷款。</p><h2>应用二：乙语音服务</h2><p>结果由系统自动推出。该服务运用智能语音技术。</p><p>关于甲农村商业银行：本行运用区块链等技术服务小微企业。</p>"))
        #expect(p.applications.map(\.name) == ["甲信贷服务", "乙语音服务"])
        #expect(p.applications.map(\.applicants) == [["甲农村商业银行", "乙云计算"], []])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "unstated"])
        #expect(p.applications[1].sections.map(\.text).joined().contains("区块链") == false)
        #expect(PageParser.isClosing(Block(kind: .paragraph, text: "关于我们：本行成立于1996年。", line: 1, context: [])))
        #expect(!PageParser.isClosing(Block(kind: .paragraph, text: "关于做好试点工作的通知：各机构……", line: 1, context: [])))
    }

    /// The page's own numbers are the positions when every application has one and they
    /// rise (an excerpt keeping 二、四); numbers that restart (one list per type) are not.
    @Test func positionsFromThePagesOwnNumbers() throws {
        #expect(FieldLabeler.ordinalValue("二、甲服务") == 2)
        #expect(FieldLabeler.ordinalValue("（十二）甲服务") == 12)
        #expect(FieldLabeler.ordinalValue("创新应用4：甲服务") == 4)
        #expect(FieldLabeler.ordinalValue("⑤甲服务") == 5)
        #expect(FieldLabeler.ordinalValue("二十一、甲服务") == 21)
        #expect(FieldLabeler.ordinalValue("2020年第二批") == nil)
        #expect(FieldLabeler.ordinalValue("100、甲服务") == 100)
        #expect(FieldLabeler.ordinalValue("1000、甲服务") == nil)
        #expect(FieldLabeler.ordinalValue("一站式服务平台") == nil)
        let p = try parse(Self.page("<p><b>二、</b><b>甲信贷服务</b></p><p>申请机构：甲银行</p><p>功能描述：线上贷款。</p><p><b>四、</b><b>乙支付服务</b></p><p>申请机构：乙银行</p>"))
        #expect(p.applications.map(\.position) == [2, 4])
        let q = try parse(Self.page("<p><b>一、</b><b>甲信贷服务</b></p><p>申请机构：甲银行</p><p><b>一、</b><b>乙支付服务</b></p><p>申请机构：乙银行</p>"))
        #expect(q.applications.map(\.position) == [1, 2])
    }

    /// A unit made of a first element and more after it (`<span class=label>申请机构</span>
    /// <span class=value>甲银行</span>`) has that element's text as its lead: a label needs
    /// no colon there. Counter-examples: a Word export splitting a label across spans
    /// (`<span>功能</span><span>描述：…</span>`) still reads 功能描述; a first span that is no
    /// label gives none.
    @Test func aLabelElementBeforeItsValueElement() throws {
        let p = try parse(Self.page("<section><div><span>创新应用名称</span><span>甲信贷服务</span></div><div><span>申请机构</span><span>甲银行、乙科技</span></div><div><span>功能</span><span>描述：线上贷款。</span></div></section><section><div><span>创新应用名称</span><span>乙支付服务</span></div><div><span>申请机构</span><span>丙银行</span></div></section>"))
        #expect(p.applications.map(\.name) == ["甲信贷服务", "乙支付服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"], ["丙银行"]])
        #expect(p.applications[0].sections.map(\.heading) == ["功能描述"])
        #expect(p.applications[0].sections.map(\.text) == ["线上贷款。"])
        #expect(projectParser.labeler.label(in: "甲银行推出的服务", lead: "甲银行") == nil)
    }

    /// 申报机构为A、B / 申报机构是A与B name a paragraph's one application's applicants; a
    /// type stated as 的金融服务类应用 or 这款科技产品; a paragraph listing other applications
    /// (除上述…外，本批还包括《A》《B》) ends the descriptions, so the commentary after it
    /// belongs to none. Counter-example: 这款产品 states no type.
    @Test func applicantsAreAndTheEndOfTheDescriptions() throws {
        let p = try parse(Self.page("<p>《“甲链”风险共享产品》的用户是金融机构。这款科技产品的申报机构为甲金融科技、甲银行，运用区块链共享风险线索。</p><p>同为科技产品的《“乙星”风控产品》，申报机构是乙科技与丙银行上海分行。它利用区块链存证。</p><p>除上述应用外，本批还包括《基于区块链的丁融资服务》和《基于人工智能的戊服务》，本文不再展开。</p><p>一位学者表示，无论是大数据、人工智能还是隐私计算，关键在于退出机制。</p>"))
        #expect(p.applications.map(\.name) == ["“甲链”风险共享产品", "“乙星”风控产品"])
        #expect(p.applications.map(\.applicants) == [["甲金融科技", "甲银行"], ["乙科技", "丙银行上海分行"]])
        #expect(p.applications.map(\.applicationType) == ["technology_product", "technology_product"])
        #expect(p.applications[1].sections.map(\.text) == ["申报机构是乙科技与丙银行上海分行。它利用区块链存证。"])
        #expect(ProseReader.type(in: "这项由甲银行申报的金融服务类应用面向农户。") == "financial_service")
        #expect(ProseReader.type(in: "这款产品面向农户。") == "unstated")
    }

    /// A quoted brand followed at once by a name's tail is one name (以“磐石”智能风控产品为例,
    /// 申报机构为…): an answer to a question about the programme that describes it opens it.
    /// Counter-examples: “三农”领域 is no name; inside a bracketed gloss the quote stays.
    @Test func aQuotedBrandAndItsTailAreOneName() throws {
        #expect(ProseReader.quoted("以“磐石”智能风控产品为例，").map(\.name) == ["“磐石”智能风控产品"])
        #expect(ProseReader.quoted("在支持“三农”领域方面").map(\.name) == ["三农"])
        #expect(ProseReader.quoted("“Puhui service” (“上行普惠”非接触金融服务)").map(\.name) == ["Puhui service", "上行普惠"])
        let p = try parse(Self.page("<p>记者：第一项应用是什么？</p><p>负责人：重庆银行独立申报的“基于5G的移动银行服务”属于金融服务，依托5G网络。</p><p>记者：科技公司在试点中扮演什么角色？</p><p>负责人：以“磐石”智能风控产品为例，申报机构为度小满科技、光大银行重庆分行，属于科技产品。该产品帮助银行识别欺诈风险。</p>"))
        #expect(p.applications.map(\.name) == ["基于5G的移动银行服务", "“磐石”智能风控产品"])
        #expect(p.applications.map(\.applicants) == [["重庆银行"], ["度小满科技", "光大银行重庆分行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
    }

    /// A page whose only labels are section headings (【数据速览】, 【沙盒进展】) that open no
    /// application is read as prose; 联合社 ends an institution.
    @Test func sectionHeadingsAloneDoNotStopTheProseReader() throws {
        let p = try parse(Self.page("<h2>【数据速览】</h2><p>上半年普惠小微贷款保持较快增长。</p><h2>【沙盒进展】</h2><p>“基于大数据的甲风险防控产品”由甲农商银行、江苏省农村信用社联合社和乙科技共同申报，属于科技产品。该产品运用大数据技术监测风险。</p>"))
        #expect(p.applications.map(\.name) == ["基于大数据的甲风险防控产品"])
        #expect(p.applications.map(\.applicants) == [["甲农商银行", "江苏省农村信用社联合社", "乙科技"]])
        #expect(p.applications.map(\.applicationType) == ["technology_product"])
        // Counter-example: a labelled page is still read by its labels.
        let q = try parse(Self.page("<h2>【申请机构】</h2><p>丙银行</p><p>创新应用名称：丙服务</p>"))
        #expect(q.applications.map(\.name) == ["丙服务"])
    }

    /// A `<br>` inside a value element wraps the value: a name wrapped there is one name,
    /// and a label element before it is still the unit's lead (no colon needed). A name
    /// that cannot end where a line ends (…的) takes the next short line. Counter-examples:
    /// a `<br>` directly under the paragraph separates units; a sentence after a name is
    /// no part of it.
    @Test func aBreakInsideAValueElementWrapsTheValue() throws {
        let p = try parse(Self.page("<div><span>应用名称</span><span>基于物联网的物品溯源<br>认证管理与供应链金融</span></div><div><span>申请机构</span><span>甲银行<br>乙科技</span></div><div><span>应用名称：</span><span>基于区块链的<br>产业金融服务</span></div><div><span>申请机构：</span><span>丙银行</span></div>"))
        #expect(p.applications.map(\.name) == ["基于物联网的物品溯源认证管理与供应链金融", "基于区块链的产业金融服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技"], ["丙银行"]])
        let q = try parse(Self.page("<p>应用名称：基于大数据的<br>普惠金融服务</p><p>申请机构：丁银行</p><p>应用名称：戊服务<br>该应用面向农户</p><p>申请机构：戊银行</p>"))
        #expect(q.applications.map(\.name) == ["基于大数据的普惠金融服务", "戊服务"])
        #expect(q.applications[1].sections.map(\.text) == ["该应用面向农户"])
        #expect(Draft.nameWrapsOnto("戊服务", "普惠金融", wraps: false) == false)
        #expect(Draft.nameWrapsOnto("戊服务", "该应用面向农户，", wraps: true) == false)
    }

    /// A plain-text table in `<pre>`: `[1]` numbers an application, `申请机构 | 甲银行` is a
    /// label and value, and a continuation line's border bar (`| 续行`) is no text.
    @Test func aPlainTextTableInPre() throws {
        let p = try parse(Self.page("<pre>\n  [1] 甲智慧银行服务\n\n      申请机构 | 甲银行\n      应用功能 | 客户通过远程视频办理\n               | 开户业务。\n\n  [2] 乙服务\n\n      申请机构 | 乙银行\n</pre>"))
        #expect(p.applications.map(\.name) == ["甲智慧银行服务", "乙服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.applications[0].sections.map(\.text) == ["客户通过远程视频办理\n开户业务。"])
        #expect(FieldLabeler.stripNumbering("[12] 丙服务") == "丙服务")
    }

    @Test func aPlaceInsideABankNameIsNotThePagesPlace() throws {
        let body = "<p>应用名称：快审快贷产品</p><p>申请机构：宁波银行</p>"
        #expect(try parse(Self.page(body, title: "宁波银行“快审快贷产品”入选北京首批金融科技创新监管试点")).info.city == "beijing")
        // Counter-examples: the bank's place counts when no text names another; a place
        // before a word that is no institution's counts at once.
        #expect(try parse(Self.page(body, title: "宁波银行“快审快贷产品”入选首批金融科技创新监管试点")).info.city == "ningbo")
        #expect(try parse(Self.page(body, title: "宁波首批金融科技创新监管试点应用公示：北京也有")).info.city == "ningbo")
    }

    @Test func escapedMarkupInCharacterDataIsParsedAgain() throws {
        let once = "&lt;p&gt;应用名称：甲服务&lt;/p&gt;&lt;p&gt;申请机构：甲银行&lt;/p&gt;"
        let twice = once.replacingOccurrences(of: "&", with: "&amp;")
        for escaped in [once, twice] {
            let p = try parse(Self.page("<description>\(escaped)</description>"))
            #expect(p.applications.map(\.name) == ["甲服务"])
            #expect(p.applications.map(\.applicants) == [["甲银行"]])
        }
        // Escaped inline markup in a table cell stays inside the cell.
        let table = try parse(Self.page("<table><tr><td>应用名称</td><td>申请机构</td></tr><tr><td>&lt;b&gt;丙服务&lt;/b&gt;</td><td>丙银行</td></tr></table>"))
        #expect(table.applications.map(\.name) == ["丙服务"])
        #expect(table.applications.map(\.applicants) == [["丙银行"]])
        // Counter-example: a comparison in prose is text, not markup.
        let text = try parse(Self.page("<p>应用名称：乙服务</p><p>功能描述：当 a &lt; b 且 c &gt; d 时预警。</p>"))
        #expect(text.applications.first?.sections.map(\.text) == ["当 a < b 且 c > d 时预警。"])
    }

    @Test func aNulByteLosesNoText() throws {
        var bytes = Array(Self.page("<p>应用名称：甲服务</p><p>申请机构：甲银行</p><p>应用名称：乙服务</p><p>申请机构：乙银行</p>").utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "<"))!  // a NUL before the first tag, and one inside a name
        bytes.insert(0, at: at)
        let name = Array("乙服务".utf8)
        let k = (0..<bytes.count).first { Array(bytes[$0..<min(bytes.count, $0 + name.count)]) == name }!
        bytes.insert(0, at: k + 3)
        let p = try projectParser.parse(bytes: bytes, file: "nul.html")
        #expect(p.applications.map(\.name) == ["甲服务", "乙\u{FFFD}服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.info.warnings == ["nul_bytes: 2 NUL byte(s) replaced with U+FFFD"])
    }
}

/// Kinds found on the eighth blind page set (a newsletter laid out in nested tables), each
/// with its counter-example.
@Suite struct NewsletterKindTests {
    static func page(_ body: String) -> String { ReaderRuleTests.page(body) }

    static func card(_ n: String, _ name: String, _ bank: String, _ text: String) -> String {
        "<table><tr><td>\(n)</td><td><table><tr><td><b>\(name)</b></td></tr><tr><td>申请机构：\(bank)</td></tr><tr><td>\(text)</td></tr></table></td></tr></table>"
    }

    @Test func aTitleAfterAnOrdinalBoxNamesTheApplication() throws {
        let p = try parse(Self.page(Self.card("01", "甲服务", "甲银行", "线上融资。") + Self.card("02", "乙服务", "乙银行", "移动支付。")))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"], ["移动支付。"]])
        // Counter-example: a sentence after the ordinal box names nothing (the application
        // has no name and is reported, its sibling kept).
        let q = try parse(Self.page(Self.card("01", "本应用面向小微企业，提供线上融资。", "甲银行", "线上融资。") + Self.card("02", "乙服务", "乙银行", "移动支付。")))
        #expect(q.applications.map(\.name) == ["乙服务"])
        #expect(q.errors.map(\.kind) == [.missingName])
    }

    @Test func aSentenceEndsAListOfApplicants() throws {
        let p = try parse(Self.page("<p>创新应用名称：甲服务</p><p>申请机构：甲银行</p><p>丙科技</p><p>该服务面向小微企业提供线上融资：随借随还。</p><p>退订</p>"))
        #expect(p.applications.map(\.applicants) == [["甲银行", "丙科技"]])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["该服务面向小微企业提供线上融资：随借随还。\n退订"]])
    }

    @Test func aTitleOverUnlistedBracketSectionsOpensNoApplication() throws {
        let cards = Self.card("01", "甲服务", "甲银行", "线上融资。") + Self.card("02", "乙服务", "乙银行", "移动支付。")
        let news = "<table><tr><td><b>行业动态</b></td></tr><tr><td><table><tr><td>【数字货币】</td><td>数字人民币开展试点。</td></tr><tr><td>【区块链】</td><td>某银行升级区块链平台。</td></tr></table></td></tr></table>"
        let p = try parse(Self.page(cards + news))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        // Counter-example: a title over a listed field (申请机构) names an application.
        let q = try parse(Self.page(cards + "<p><b>丙服务</b></p><p>申请机构：丙银行</p>"))
        #expect(q.applications.map(\.name) == ["甲服务", "乙服务", "丙服务"])
    }

    @Test func theLastApplicationEndsWhereItsSiblingsDo() throws {
        let cards = [("01", "甲服务", "甲银行"), ("02", "乙服务", "乙银行"), ("03", "丙服务", "丙银行"), ("04", "丁服务", "丁银行")]
            .map { Self.card($0.0, $0.1, $0.2, "\($0.1)面向小微企业提供线上融资。") }.joined()
        let after = "<p>其余4项为：基于区块链的产业金融服务、某某平台，详见公示原文。</p><p>编辑部地址：某市某区</p>"
        let p = try parse(Self.page(cards + after))
        #expect(p.applications.count == 4)
        #expect(p.applications.last?.sections.map(\.text) == ["丁服务面向小微企业提供线上融资。"])
        #expect(p.info.warnings.filter { $0.hasPrefix("trailing_text") }.count == 1)
        // Counter-examples: siblings of unequal length say nothing about where the last ends,
        // and two siblings are too few to show a shape.
        let uneven = Self.card("01", "甲服务", "甲银行", "线上融资。</td></tr><tr><td>随借随还。") + Self.card("02", "乙服务", "乙银行", "移动支付。")
            + Self.card("03", "丙服务", "丙银行", "供应链金融。") + Self.card("04", "丁服务", "丁银行", "跨境结算。")
        let q = try parse(Self.page(uneven + after))
        #expect(q.applications.last?.sections.map(\.text) == ["跨境结算。\n其余4项为：基于区块链的产业金融服务、某某平台，详见公示原文。\n编辑部地址：某市某区"])
        let two = Self.card("01", "甲服务", "甲银行", "线上融资。") + Self.card("02", "乙服务", "乙银行", "移动支付。")
        let r = try parse(Self.page(two + after))
        #expect(r.applications.last?.sections.map(\.text) == ["移动支付。\n其余4项为：基于区块链的产业金融服务、某某平台，详见公示原文。\n编辑部地址：某市某区"])
    }
}

/// English news prose naming each application by its Chinese name (the eighth blind page
/// set's English report), with counter-examples.
@Suite struct EnglishProseTests {
    static let paragraphs = [
        "<p>The central bank’s branch announced four applications for its fintech innovation regulatory pilot on Tuesday.</p>",
        "<p>China Merchants Bank has filed 招银智能投顾服务 (“CMB robo-advisory service”), which answers savers’ questions with machine learning.</p>",
        "<p>The Smart Receipt platform (智能票据平台) from Ping An Bank and Tencent Cloud lets firms discount bills online.</p>",
        "<p>WeBank’s 微众跨境汇款产品 (“WeBank cross-border remittance product”) moves money for small traders.</p>",
        "<p>Finally, 基于区块链的供应链服务 (“Blockchain-based supply chain service”) was submitted jointly by Bank of Shenzhen, Huawei Cloud, Ctrip and China UnionPay.</p>",
    ]

    @Test func eachParagraphNamingOneChineseNameOpensAnApplication() throws {
        let p = try parse(ReaderRuleTests.page(Self.paragraphs.joined() + "<h2>Outlook</h2><p>Analysts expect privacy computing next.</p>"))
        #expect(p.applications.map(\.name) == ["招银智能投顾服务", "智能票据平台", "微众跨境汇款产品", "基于区块链的供应链服务"])
        #expect(p.applications.map(\.nameEnglish) == ["CMB robo-advisory service", "Smart Receipt platform", "WeBank cross-border remittance product", "Blockchain-based supply chain service"])
        #expect(p.applications.map(\.applicants) == [["China Merchants Bank"], ["Ping An Bank", "Tencent Cloud"], ["WeBank"],
                                                     ["Bank of Shenzhen", "Huawei Cloud", "Ctrip", "China UnionPay"]])
        #expect(p.applications.first?.sections.map(\.text) == ["which answers savers’ questions with machine learning."])
        // The last application ends where its siblings do: the outlook is about none.
        #expect(p.applications.last?.sections.map(\.text) == ["was submitted jointly by Bank of Shenzhen, Huawei Cloud, Ctrip and China UnionPay."])
        #expect(p.info.warnings.filter { $0.hasPrefix("trailing_text") }.count == 1)
    }

    @Test func aParagraphNamingTwoNamesOrWrittenInChineseOpensNone() throws {
        let reader = ProseReader(folder: .always)
        #expect(reader.englishOpening("Ping An Bank filed 智能票据平台 and 微众跨境汇款产品 together.", opened: []) == nil)
        #expect(reader.englishOpening("平安银行申请了智能票据平台（Smart Receipt platform）。", opened: []) == nil)
        #expect(reader.englishOpening("Ping An Bank filed 智能票据平台 in May.", opened: ["智能票据平台"]) == nil)
        #expect(reader.englishOpening("Ping An Bank filed 智能票据平台 in May.", opened: [])?.name == "智能票据平台")
    }

    @Test func englishInstitutionLists() {
        #expect(ProseReader.englishInstitutions("Industrial and Commercial Bank of China (ICBC) is behind") == ["Industrial and Commercial Bank of China"])
        #expect(ProseReader.englishInstitutions("China UnionPay and JD Digits, turns phones into terminals") == ["China UnionPay", "JD Digits"])
        #expect(ProseReader.englishInstitutions("A Bank, B Pay, and C Tech.") == ["A Bank", "B Pay", "C Tech"])
        #expect(ProseReader.englishInstitutions("CITIC aiBank, packages accounts") == ["CITIC aiBank"])
        // Counter-examples: a lowercase word is no name; one-word names joined by and stay one.
        #expect(ProseReader.englishInstitutions("the bank and its partners") == [])
        #expect(ProseReader.englishInstitutions("Ctrip and Xiaomi") == ["Ctrip and Xiaomi"])
    }
}

/// Kinds of the eighth blind page set's news re-post (a portal's article column), with
/// counter-examples.
@Suite struct PortalArticleTests {
    static let article = "<p>8月7日，某分行公示了本市首批3个创新应用。</p>"
        + "<p>其中，由甲农商行与乙科技联合申报的“基于区块链的供应链服务”，属于金融服务类。该服务为小微企业提供线上融资。</p>"
        + "<p>丙银行推出的“基于5G的移动银行服务”，同属金融服务类。客户在手机上办理开户。</p>"
        + "<p>两项科技产品中，由丁银行申报的“基于大数据的风控平台”颇受关注。平台识别交易风险。</p>"

    @Test func theColumnHoldingMostOfThePageIsNeverChrome() throws {
        let sidebar = "<div class=\"right-side\"><p>热门：区块链与人工智能</p></div>"
        let p = try parse(ReaderRuleTests.page("<div class=\"left-side\">\(Self.article)</div>\(sidebar)"))
        #expect(p.applications.map(\.name) == ["基于区块链的供应链服务", "基于5G的移动银行服务", "基于大数据的风控平台"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["属于金融服务类。该服务为小微企业提供线上融资。"], ["同属金融服务类。客户在手机上办理开户。"], ["颇受关注。平台识别交易风险。"]])
        // Counter-example: a side column holding less than half of the page is still chrome.
        let q = try parse(ReaderRuleTests.page("<div class=\"main\">\(Self.article)</div><div class=\"left-side\"><p>“基于人脸识别的支付服务”由戊银行申报。</p></div>"))
        #expect(q.applications.map(\.name) == ["基于区块链的供应链服务", "基于5G的移动银行服务", "基于大数据的风控平台"])
    }

    @Test func aGroupNamedBeforeTheClauseStatesTheType() throws {
        let p = try parse(ReaderRuleTests.page(Self.article))
        #expect(p.applications.map(\.applicationType) == ["financial_service", "financial_service", "technology_product"])
        #expect(ProseReader.type(in: "三个金融服务当中，由甲银行申报的“X”") == "financial_service")
        // Counter-example: a count of each type names none.
        #expect(ProseReader.type(in: "其中金融服务3个、科技产品2个。") == "unstated")
    }

    @Test func aShortBankNameEndsAnInstitution() throws {
        let p = try parse(ReaderRuleTests.page(Self.article))
        #expect(p.applications.first?.applicants == ["甲农商行", "乙科技"])
        // Counter-example: 与 after a word that is no institution joins (研究与开发中心 stays whole).
        let q = try parse(ReaderRuleTests.page("<p>由金融研究与开发中心申报的“基于区块链的存证服务”，属于科技产品。平台记录存证。</p>"))
        #expect(q.applications.first?.applicants == ["金融研究与开发中心"])
    }
}

/// Kinds of the eighth blind page set's WeChat article (names in bold, types by group
/// headings), with counter-examples.
@Suite struct BoldNameProseTests {
    static let post = "<p>本批共4个应用，小编按类型捋一捋。</p><h3>📌 金融服务类</h3>"
        + "<p><span>先说甲银行申报的</span><span style=\"font-weight:bold\"><strong>基于区块链的</strong></span><span style=\"font-weight:600\">供应链融资服务</span><span>。企业在线申请贷款。</span></p>"
        + "<p>再看乙银行的<b>“丙丁”非接触金融服务</b>。这是本批唯一名字里带“普惠”二字的应用，客户线上办理开户。</p>"
        + "<h3>📌 科技产品类</h3>"
        + "<p><b>基于大数据的风控平台</b>由戊科技、己银行联合申报，帮助识别交易风险。</p>"
        + "<p>第四个是庚银行申报的<b>移动支付安全产品</b>，保护手机支付。</p>"

    @Test func boldNamesReadAsQuotedOnesAndGroupHeadingsGiveTypes() throws {
        let p = try parse(ReaderRuleTests.page(Self.post))
        #expect(p.applications.map(\.name) == ["基于区块链的供应链融资服务", "“丙丁”非接触金融服务", "基于大数据的风控平台", "移动支付安全产品"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"], ["戊科技", "己银行"], ["庚银行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "financial_service", "technology_product", "technology_product"])
        #expect(p.applications.first?.sections.map(\.text) == ["企业在线申请贷款。"])
    }

    @Test func quotingEmphasisLeavesOtherRunsAlone() {
        // (text, bold run, text after quoting): a run that reads as no name, one in an English
        // paragraph, and one already quoted are left alone; a bare name is quoted.
        let cases: [(String, String, String)] = [
            ("甲银行申报的重点项目，本期重点介绍。", "重点", "甲银行申报的重点项目，本期重点介绍。"),
            ("Bank A’s 微捷贷产品 is a loan.", "微捷贷产品", "Bank A’s 微捷贷产品 is a loan."),
            ("甲银行申报的“智能服务”。", "智能服务", "甲银行申报的“智能服务”。"),
            ("甲银行申报的智能服务。", "智能服务", "甲银行申报的“智能服务”。"),
        ]
        for (text, run, expected) in cases {
            var b = Block(kind: .paragraph, text: text, line: 1, context: [])
            b.emphasis = [run]
            #expect(ProseReader.quotingEmphasis(b).text == expected)
        }
    }

    @Test func groupHeadingsAndBrandTails() {
        #expect(ProseReader.groupType("📌 金融服务类") == "financial_service")
        #expect(ProseReader.groupType("二、科技产品类应用") == "technology_product")
        #expect(ProseReader.groupType("Technology products") == "technology_product")
        #expect(ProseReader.groupType("金融服务类应用3个，科技产品类应用2个") == nil)
        // A head noun alone, or a phrase with 的, is no name's tail; a name's tail is.
        #expect(ProseReader.brandTail(Array("应用出炉，这6项".unicodeScalars)) == nil)
        #expect(ProseReader.brandTail(Array("二字的应用".unicodeScalars)) == nil)
        #expect(ProseReader.brandTail(Array("智能风控产品为例".unicodeScalars)) == 6)
        #expect(ProseReader.brandTail(Array("-基于卫星遥感的农村金融服务".unicodeScalars)) == 14)
    }
}

/// Kinds of the ninth blind page set (a Q&A answer, an English law-firm table), with
/// counter-examples.
@Suite struct AnswerAndBriefingTests {
    @Test func bareVerbLabelsPlusSeparatorsAndRemarks() throws {
        let p = try parse(ReaderRuleTests.page("<h2>1. 甲服务</h2><p><b>谁申报的：</b>甲银行，独立申报｜<b>类型：</b>金融服务</p><p>线上融资。</p>"
            + "<h2>2. 乙产品</h2><p><b>申报：</b>乙科技 + 丙银行｜<b>类型：</b>科技产品</p><p>风险识别。</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙产品"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙科技", "丙银行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
        // Counter-example: a remark is dropped only when it is the whole item.
        #expect(PageParser.splitApplicants("甲银行、独立申报研究院").0 == ["甲银行", "独立申报研究院"])
        // A name given twice (or 10,000 times, the breaker's page) is one applicant.
        #expect(PageParser.splitApplicants(Array(repeating: "农业银行", count: 10_000).joined(separator: "+")).0 == ["农业银行"])
        #expect(PageParser.splitApplicants("甲银行、乙银行、甲银行").0 == ["甲银行", "乙银行"])
    }

    @Test func aBracketedLanguageQualifiesAHeader() {
        let labeler = projectParser.labeler
        #expect(labeler.field(forLabel: "Application (Chinese)") == "name")
        #expect(labeler.field(forLabel: "Application (English)") == "name_en")
        #expect(labeler.field(forLabel: "申请机构（英文）") == "applicants")
        #expect(labeler.field(forLabel: "关键技术（摘自技术应用）") == "technology")
        // Counter-examples: text after the bracket, or a long bracketed sentence, is no note.
        #expect(labeler.field(forLabel: "申请机构（见附件）说明") == nil)
        #expect(labeler.field(forLabel: "申请机构（以下各栏均由申请机构自行填写并负责）") == nil)
    }

    @Test func aSummaryParagraphEndsTheDescriptions() throws {
        let body = "<h2>1. 甲服务</h2><p>申请机构：甲银行</p><p>线上融资。</p><h2>2. 乙服务</h2><p>申请机构：乙银行</p><p>移动支付。</p>"
        let p = try parse(ReaderRuleTests.page(body + "<p>总结一下：两个里面用区块链的只有第1个，以上信息来自公示原文。</p>"))
        #expect(p.applications.last?.sections.map(\.text) == ["移动支付。"])
        // Counter-example: a paragraph of the application that mentions 以上 later is its text.
        let q = try parse(ReaderRuleTests.page(body + "<p>单笔贷款50万元以上需人工审核。</p>"))
        #expect(q.applications.last?.sections.map(\.text) == ["移动支付。\n单笔贷款50万元以上需人工审核。"])
        #expect(ProseReader.opensAsSummary("以上海为中心开展业务") == false)
    }
}


/// An Excel "web page" export of the ninth blind set: caption and note rows above a wide
/// header, merged cells, a totals row; with counter-examples.
@Suite struct WideTableTests {
    static func table(_ header: String, _ rows: [String]) -> String {
        "<table><tr><td colspan=6>某市金融科技创新监管试点创新应用汇总表（2020年第一批）</td></tr><tr><td colspan=6>资料来源：公示，公示日期2020年1月14日</td></tr>"
            + header + rows.joined() + "</table>"
    }

    @Test func aWideHeaderUnderCaptionRowsMapsItsColumns() throws {
        let header = "<tr><td>城市</td><td>序号</td><td>创新应用名称</td><td>申请机构</td><td>关键技术（摘自技术应用）</td><td>备注</td></tr>"
        let rows = ["<tr><td rowspan=2>北京</td><td>1</td><td>甲服务</td><td>甲银行</td><td>区块链存证</td><td></td></tr>",
                    "<tr><td>2</td><td>乙产品</td><td>乙科技</td><td>大数据风控</td><td></td></tr>",
                    "<tr><td>合计</td><td>2</td><td>金融服务1项、科技产品1项</td><td></td><td></td><td></td></tr>"]
        let p = try parse(ReaderRuleTests.page(Self.table(header, rows)))
        #expect(p.applications.map(\.name) == ["甲服务", "乙产品"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙科技"]])
        #expect(p.applications.map { $0.sections.map(\.field) } == [["technology"], ["technology"]])
    }

    @Test func labelValuePairsInARowAreNoHeader() throws {
        // Counter-example: three label/value pairs per row never put two labels side by side.
        let p = try parse(ReaderRuleTests.page("<table><tr><td>应用名称</td><td>甲服务</td><td>申请机构</td><td>甲银行</td><td>应用类型</td><td>金融服务</td></tr>"
            + "<tr><td>应用名称</td><td>乙服务</td><td>申请机构</td><td>乙银行</td><td>应用类型</td><td>科技产品</td></tr></table>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙服务"])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
    }
}

/// A column's section heading quoting a nickname (the eighth blind set's Big5 column), with
/// a counter-example.
@Suite struct HeadingNicknameTests {
    @Test func aHeadingsQuotedNicknameIsNoApplication() throws {
        let body = "<h3>一、甲农商银行的“远端柜员”</h3><p>第一项是甲农商银行申请的“长三角智慧银行服务”，属于金融服务类。客户远程视频办理开户。</p>"
            + "<p>笔者认为，这种“远端柜员”模式很有参考价值。</p>"
        let p = try parse(ReaderRuleTests.page(body))
        #expect(p.applications.map(\.name) == ["长三角智慧银行服务"])
        #expect(p.applications.map(\.applicants) == [["甲农商银行"]])
        // Counter-example: a heading quoting a phrase that reads as a name opens it.
        let q = try parse(ReaderRuleTests.page("<h3>一、甲银行的“智慧柜员服务”</h3><p>该服务由甲银行申报，客户远程视频办理开户。</p>"))
        #expect(q.applications.map(\.name) == ["智慧柜员服务"])
    }
}

/// Kinds of the tenth blind page set's self-media article, with counter-examples.
@Suite struct TitleDecorationTests {
    @Test func emojiAroundATitleAreNoPartOfTheName() {
        #expect(PageText.withoutSymbolEnds("🏦 甲服务") == "甲服务")
        #expect(PageText.withoutSymbolEnds("🇨🇳甲服务👇🏻") == "甲服务")
        #expect(PageText.withoutSymbolEnds("❤️\u{200D}🔥 甲平台") == "甲平台")
        // Symbols inside a name, and its own brackets, quotes and digits, stay.
        #expect(PageText.withoutSymbolEnds("5G+智能银行") == "5G+智能银行")
        #expect(PageText.withoutSymbolEnds("“亿亩田”-基于卫星遥感的服务") == "“亿亩田”-基于卫星遥感的服务")
        #expect(PageText.withoutSymbolEnds("甲→乙服务（试点）") == "甲→乙服务（试点）")
    }

    @Test func aTypeTagUnderTheTitleIsTheType() throws {
        let p = try parse(ReaderRuleTests.page(
            "<h3>💡 甲服务</h3><p>金融服务</p><p>甲银行为小微企业提供线上融资。</p><p>申报主体：甲银行</p>"
            + "<h3>📱 乙产品</h3><p><span class=tag>科技产品类</span></p><p>乙公司的风控工具。</p><p>申报主体：乙科技</p>"
            + "<h3>丙服务</h3><p>丙银行的线上开户。</p><p>科技产品</p><p>申报主体：丙银行</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "乙产品", "丙服务"])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product", "unstated"])
        #expect(p.applications.first?.sections.map(\.text) == ["甲银行为小微企业提供线上融资。"])
    }
}

/// Kinds of the tenth blind set's translated policy brief (English headings glossed with
/// the Chinese name, section numbers, footnote references), with counter-examples.
@Suite struct TranslatedBriefTests {
    static let brief = "<h2>2 The applications</h2>"
        + "<h3>2.1 Remote account service (远程开户服务)</h3><p>Applicants: Bank A; Example Cloud (Beijing) Co., Ltd.<sup>3</sup></p><p>Customers open accounts by video.</p>"
        + "<h3>2.2 Data platform based on federated learning (基于联邦学习的数据平台)</h3><p>Applicant: Bank B<sup>[4]</sup></p><p>Banks share models, not data.</p>"
        + "<h3>2.3 Card product (卡产品)</h3><p>Applicants: Bank C</p><p>A card of 10<sup>th</sup> generation.</p>"

    @Test func englishHeadingsGlossedWithTheChineseName() throws {
        let p = try parse(ReaderRuleTests.page(Self.brief))
        #expect(p.applications.map(\.name) == ["远程开户服务", "基于联邦学习的数据平台", "卡产品"])
        #expect(p.applications.map(\.nameEnglish) == ["Remote account service", "Data platform based on federated learning", "Card product"])
        // Applicant / Applicants is one wording: each opens its own application's list.
        #expect(p.applications.map(\.applicants) == [["Bank A", "Example Cloud (Beijing) Co., Ltd."], ["Bank B"], ["Bank C"]])
        // A superscript that is no footnote number stays.
        #expect(p.applications.last?.sections.map(\.text) == ["A card of 10th generation."])
    }

    @Test func glossesSectionNumbersAndFootnoteMarks() {
        #expect(PageText.hanGloss("Remote video banking service (远程视频银行服务)")! == ("Remote video banking service", "远程视频银行服务"))
        #expect(PageText.hanGloss("Service (基于（改进）算法的服务)")! == ("Service", "基于（改进）算法的服务"))
        #expect(PageText.hanGloss("甲服务（试点）") == nil)
        #expect(PageText.hanGloss("Tencent Cloud (Beijing)") == nil)
        #expect(PageText.hanGloss("Smart card (智能卡 SC)") == nil)
        #expect(FieldLabeler.stripNumbering("2.1 Remote video banking service") == "Remote video banking service")
        #expect(FieldLabeler.stripNumbering("1.5亿元贷款") == "1.5亿元贷款")
        #expect(["3", " 12 ", "[4]", "［5］", "〔6〕", "*", "†‡"].allSatisfy(HTMLDocument.isFootnoteMark))
        #expect(!["th", "1234", "2a", "[]", "", "注1"].contains(where: HTMLDocument.isFootnoteMark))
        #expect(Segmenter.sameWording("Applicant", "applicants"))
        #expect(Segmenter.sameWording("Participant(s)", "Participants"))
        #expect(!Segmenter.sameWording("申请机构", "合作机构"))
        #expect(!Segmenter.sameWording("Applicants", "Partners"))
    }
}

extension TranslatedBriefTests {
    @Test func anEnglishSentenceEndsAnApplicantsList() {
        #expect(Draft.isEnglishSentence("Customers open accounts by video."))
        #expect(Draft.isEnglishSentence("Banks share models, not data."))
        #expect(!Draft.isEnglishSentence("Example Technology Co., Ltd."))
        #expect(!Draft.isEnglishSentence("Huawei Technologies Co."))
        #expect(!Draft.isEnglishSentence("Bank of China"))
        #expect(!Draft.isEnglishSentence("甲银行，乙科技。"))
    }
}

extension TitleDecorationTests {
    /// An unlisted 【】 heading (【整理】, 【点评】) is a section heading, never a field that a
    /// line before it could be the title of (it kept `unlisted` only until the unit's
    /// inline fields were split).
    @Test func anUnlistedBracketHeadingOpensNoApplication() throws {
        let p = try parse(ReaderRuleTests.page("<p>聊聊支付与区块链</p><p>【整理】首批创新应用公示（附点评）</p><p>翻资料时顺手整理。</p>"))
        #expect(p.applications.map(\.name) == [])
        let items = Segmenter(labeler: projectParser.labeler).items([Block(kind: .paragraph, text: "【整理】首批应用", line: 1, context: [])])
        guard case .field(let hit, _, _) = items.first else { Issue.record("no field"); return }
        #expect(hit == LabelHit(field: "description", heading: "整理", value: "首批应用", unlisted: true))
    }
}

/// Kinds of the eleventh blind set's pages about dates (a chronicle, a course handout),
/// with counter-examples.
@Suite struct PageDateTests {
    static func page(_ title: String, _ body: String) -> String {
        "<html><head><meta charset=utf-8><title>\(title)</title></head><body>\(body)</body></html>"
    }

    @Test func aChronicleEntryThatNotifiesOutranksOneThatPublishes() throws {
        let p = try parse(Self.page("上海金融科技大事记（2020年）",
            "<p>编者按：按时间顺序排列。最后更新：2021-01-20。</p><p>1月8日，市政府发布实施方案。</p>"
            + "<p>7月21日，人民银行上海总部公示第一批创新应用：</p><p>应用名称：甲服务</p><p>申请机构：甲银行</p>"))
        #expect(p.info.announced == "2020-07-21")
        #expect(PageParser.titleYear("上海金融科技大事记（2020年）") == "2020")
        #expect(PageParser.titleYear("２０２１年第一批") == "2021")
        #expect(PageParser.titleYear("12020年") == nil)
        #expect(PageParser.titleYear("2020-01-14 公示") == nil)
    }

    @Test func aCitedNoticeDatesThePageAndNotesAreClosingMatter() throws {
        let p = try parse(Self.page("第6讲 监管沙盒——以北京首批试点为例",
            "<p>更新于2021-03-15</p><p>2019年12月5日，试点启动。</p><h3>案例 甲服务</h3><p>申请机构：甲银行</p><p>线上融资。</p>"
            + "<h2>注释</h2><p>人民银行：《金融科技创新监管试点应用公示（2020年第一批）》，2020年1月14日。</p>"))
        #expect(p.info.announced == "2020-01-14")
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"]])
        #expect(PageParser.citedNoticeDates(in: "见《应用公示》，2020年1月14日；《白皮书》，2021年1月1日") == ["2020-01-14"])
        #expect(PageParser.citedNoticeDates(in: "《应用公示》发布后，2020年1月14日") == [])
        #expect(["注释", "【参考文献】", "四、References", "Notes:"].allSatisfy(PageParser.isNotesHeading))
        #expect(!["注释说明了用途", "参考文献显示", "Notes on the pilot"].contains(where: PageParser.isNotesHeading))
    }
}

/// Kinds of the eleventh blind set's handout and chronicle (案例N headings, names in 「」,
/// brackets inside a bracketed field list), with counter-examples.
@Suite struct CaseAndBracketTests {
    @Test func caseOrdinalsAndCornerBracketNames() throws {
        let labeler = projectParser.labeler
        #expect(labeler.ordinal("案例1 甲服务") == StartCue(name: "甲服务", explicit: true))
        #expect(labeler.ordinal("试点应用二：乙产品") == StartCue(name: "乙产品", explicit: true))
        #expect(FieldLabeler.ordinalValue("案例3 丙服务") == 3)
        // A sentence about cases is no ordinal.
        #expect(labeler.ordinal("案例分析表明，线上融资更快。") == nil)
        let p = try parse(ReaderRuleTests.page(
            "<p>「甲服务」（申请机构：甲银行、中国移动(上海)产业研究院、丙科技；应用类型：金融服务）：线上融资。</p>"
            + "<p>「“乙盟链”共享产品」（申请机构：乙银行；应用类型：科技产品）：共享风险线索。</p>"))
        #expect(p.applications.map(\.name) == ["甲服务", "“乙盟链”共享产品"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "中国移动(上海)产业研究院", "丙科技"], ["乙银行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
        // Quotes that open and close inside the name stay: 「甲」与「乙」 is not one quoted name.
        #expect(Draft.unquoted("「甲」与「乙」") == "「甲」与「乙」")
    }
}

extension CaseAndBracketTests {
    /// Applications that are items of one list end with it: a chronicle's next dated entry
    /// (a unit at a shallower list depth) is no part of the last one.
    @Test func theLastListedApplicationEndsWithItsList() throws {
        let chronicle = "<ul><li>7月21日，公示第一批创新应用：<ol>"
            + "<li>「甲服务」（申请机构：甲银行；应用类型：金融服务）：线上融资。</li>"
            + "<li>「乙产品」（申请机构：乙银行；应用类型：科技产品）：风险共享。</li></ol></li>"
            + "<li>9月15日，研究会发布区块链白皮书。</li><li>11月，数字人民币测试开展。</li></ul>"
        let p = try parse(ReaderRuleTests.page(chronicle))
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"], ["风险共享。"]])
        // Counter-example: one listed application has no siblings to show where the list's
        // applications end; the text after it stays its own.
        let single = "<ol><li>「甲服务」（申请机构：甲银行）：线上融资。</li></ol><p>银行通过区块链存证。</p>"
        let q = try parse(ReaderRuleTests.page(single))
        #expect(q.applications.map { $0.sections.map(\.text) } == [["线上融资。\n银行通过区块链存证。"]])
    }
}

extension CaseAndBracketTests {
    /// A lead-applicant column (牵头单位) and participants under rowspan'd cells are one
    /// applicant list, lead first; a placeholder cell (—) names no applicant.
    @Test func leadAndParticipantColumnsAndPlaceholders() throws {
        let table = "<table><tr><td>序号</td><td>项目名称</td><td>牵头单位</td><td>参与单位</td></tr>"
            + "<tr><td rowspan=2>1</td><td rowspan=2>甲服务</td><td rowspan=2>甲银行</td><td>乙科技</td></tr><tr><td>丙数据</td></tr>"
            + "<tr><td>2</td><td>丁平台</td><td>丁支付</td><td>—</td></tr></table>"
        let p = try parse(ReaderRuleTests.page(table))
        #expect(p.applications.map(\.name) == ["甲服务", "丁平台"])
        #expect(p.applications.map(\.applicants) == [["甲银行", "乙科技", "丙数据"], ["丁支付"]])
        #expect(["—", "-", "／", "无", "暂无", "N/A"].allSatisfy(PageParser.isPlaceholder))
        #expect(!["无锡农商银行", "NA Bank", "A-B Tech"].contains(where: PageParser.isPlaceholder))
    }
}

/// Kinds of the tenth blind set's forum thread (numbered titles with a bracketed remark
/// of applicants and type; a level badge read as an ordinal box), with counter-examples.
@Suite struct TitleRemarkTests {
    @Test func aRemarkAfterANumberedTitleGivesApplicantsAndType() throws {
        #expect(ProseReader.titleRemark("甲服务（甲银行、乙科技联合申报，科技产品）")! == ("甲服务", "甲银行、乙科技", "technology_product"))
        #expect(ProseReader.titleRemark("乙服务（由乙银行申请）")! == ("乙服务", "乙银行", nil))
        #expect(ProseReader.titleRemark("中国移动（上海）产业研究院") == nil)
        #expect(ProseReader.titleRemark("丙服务（试点，金融服务）") == nil)
        let post = "<p>钱塘观潮人</p><p>12</p><p>整理一下本批的5个应用：</p>"
            + "<p>1.“亿亩”-基于卫星遥感的农村金融服务（网商银行申报，金融服务）</p><p>给农户发信用贷款。</p>"
            + "<p>2.基于知识图谱的风控产品（海康威视、农业银行浙江省分行联合申报，科技产品）</p><p>把关系连成一张网。</p>"
        let p = try parse(ReaderRuleTests.page(post))
        #expect(p.applications.map(\.name) == ["“亿亩”-基于卫星遥感的农村金融服务", "基于知识图谱的风控产品"])
        #expect(p.applications.map(\.applicants) == [["网商银行"], ["海康威视", "农业银行浙江省分行"]])
        #expect(p.applications.map(\.applicationType) == ["financial_service", "technology_product"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["给农户发信用贷款。"], ["把关系连成一张网。"]])
    }
}

extension PageDateTests {
    /// An article's conclusion heading (结语 / 結語 / Conclusion) and its author's note
    /// (作者简介) are closing matter, not the last application's text.
    @Test func aConclusionAndTheAuthorsNoteAreClosingMatter() throws {
        let body = "<p>应用名称：甲服务</p><p>申请机构：甲银行</p><p>功能描述：线上融资。</p>"
            + "<h3>結語</h3><p>人工智慧與區塊鏈的前景可期。</p><p>作者簡介：長期關注資安議題。</p>"
        let p = try parse(ReaderRuleTests.page(body))
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"]])
        // Counter-example: a sentence that opens with 结语 is no heading.
        #expect(!PageParser.isNotesHeading("结语部分介绍了风控流程"))
        #expect(PageParser.isNotesHeading("四、Conclusion"))
    }
}

extension CaseAndBracketTests {
    /// One text describing several listed applications in turn (（1）甲服务：… （2）乙平台：…)
    /// is split among them; a text naming one application so is left alone.
    @Test func anEnumeratedTextIsSplitAmongTheApplicationsItNames() throws {
        let table = "<table><tr><td>序号</td><td>项目名称</td><td>申请机构</td></tr>"
            + "<tr><td>1</td><td>甲远程服务</td><td>甲银行</td></tr><tr><td>2</td><td>乙数据平台</td><td>乙支付</td></tr></table>"
        let cell = "<table><tr><td>二、项目简介（1）甲远程服务：客户通过视频办理业务。（2）乙数据平台：运用大数据分析流水。</td></tr></table>"
        let p = try parse(ReaderRuleTests.page(table + cell))
        #expect(p.applications.map(\.name) == ["甲远程服务", "乙数据平台"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["客户通过视频办理业务。"], ["运用大数据分析流水。"]])
        #expect(PageParser.enumerationMarkerStart(before: "（12）甲".firstIndex(of: "甲")!, in: "（12）甲") == "（12）甲".startIndex)
        #expect(PageParser.enumerationMarkerStart(before: "共有甲".firstIndex(of: "甲")!, in: "共有甲") == nil)
        // Counter-example: one part only.
        let single = "<table><tr><td>二、项目简介（1）甲远程服务：客户通过视频办理业务。另见乙数据平台。</td></tr></table>"
        let q = try parse(ReaderRuleTests.page(table + single))
        #expect(q.applications.last?.sections.map(\.text) == ["二、项目简介（1）甲远程服务：客户通过视频办理业务。另见乙数据平台。"])
    }
}

extension PageDateTests {
    /// A roundup whose paragraphs open with the city (杭州：… 苏州：…) places each application
    /// in the city of the paragraph it follows; one such paragraph alone changes nothing.
    @Test func cityLedParagraphsPlaceTheApplicationsAfterThem() throws {
        let body = "<p>发布时间：2020-08-16</p><p><b>杭州：</b>8月14日，杭州中心支行公示首批5个创新应用。</p>"
            + "<p><b>苏州：</b>同日，苏州市中心支行公示首批5个创新应用。</p>"
            + "<p>甲银行申报的“长三角智慧银行服务”为金融服务。</p><p>“基于大数据的风险防控产品”由乙银行申报。</p>"
        let p = try parse(Self.page("周报｜杭州、苏州同日公示首批试点应用", body))
        #expect(p.applications.map(\.city) == ["suzhou", "suzhou"])
        let one = "<p>发布时间：2020-08-16</p><p><b>苏州：</b>同日公示。</p><p>甲银行申报的“长三角智慧银行服务”为金融服务。</p>"
        let q = try parse(Self.page("杭州首批试点应用公示", one))
        #expect(q.applications.map(\.city) == [nil])
        #expect(q.info.city == "hangzhou")
    }
}

/// The breaker helper's findings on this session's rules, each with its exact outcome.
@Suite struct BreakerFindingTests {
    @Test func anUpdateDateBeforeThePublishDateOnOneLineKeepsIt() throws {
        for line in ["最后更新：2020-01-02 发布日期：2020-01-14", "更新于2020-01-02，发布于2020-01-14", "Updated: 2019-11-02. Published 2020-01-14"] {
            let p = try parse(PageDateTests.page("北京金融科技创新监管试点第一批创新应用公示",
                "<p>\(line)</p><h3>一、甲服务</h3><p>申请机构：甲银行</p><p>功能描述：线上融资。</p>"))
            #expect(p.info.announced == "2020-01-14", "\(line)")
        }
        #expect(PageParser.withoutOtherDates("Updated: January 5, 2021 Published 2020-01-14") == "Published 2020-01-14")
    }

    @Test func applicationsAfterANotesHeadingBetweenThemAreRead() throws {
        let body = "<p>发布日期：2020-01-14</p><h3>一、甲服务</h3><p>申请机构：甲银行</p><p>功能描述：线上融资。</p>"
            + "<h4>注释</h4><p>注1：区块链指联盟链。</p>"
            + "<h3>二、乙支付服务</h3><p>申请机构：乙银行</p><p>功能描述：移动支付。</p>"
        let p = try parse(PageDateTests.page("北京金融科技创新监管试点第一批创新应用公示", body))
        #expect(p.applications.map(\.name) == ["甲服务", "乙支付服务"])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["线上融资。"], ["移动支付。"]])
    }
}

extension BreakerFindingTests {
    @Test func aTypeTagAndALaterTypeFieldAreOneApplication() throws {
        let body = "<p>发布日期：2020-01-14</p><h3>一、基于区块链的供应链融资服务</h3><p>金融服务</p><p>申请机构：甲银行</p>"
            + "<p>应用类型：科技产品</p><p>功能描述：为小微企业提供贷款。</p>"
            + "<h3>二、乙服务</h3><p><b>科技产品</b></p><p>申请机构：乙银行</p><p>功能描述：移动支付。</p>"
        let p = try parse(PageDateTests.page("北京金融科技创新监管试点第一批创新应用公示", body))
        #expect(p.applications.map(\.name) == ["基于区块链的供应链融资服务", "乙服务"])
        // The stated field wins over the tag.
        #expect(p.applications.map(\.applicationType) == ["technology_product", "technology_product"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.applications.map { $0.sections.map(\.text) } == [["为小微企业提供贷款。"], ["移动支付。"]])
    }
}

extension BreakerFindingTests {
    /// An English name before bracketed fields (Smart Loan（申请机构：…）) opens its own
    /// application: the text before the colon is no bilingual label while a bracket in it
    /// is left open; 申请机构（Applicant）： stays one.
    @Test func anEnglishNameBeforeBracketedFieldsIsItsOwnApplication() throws {
        let body = "<p>发布日期：2020-01-14</p><h3>2.1 远程银行服务</h3><p>申请机构：甲银行</p><p>功能描述：开户。</p>"
            + "<h3>2.2 Smart Loan（申请机构：乙银行；应用类型：金融服务）</h3><p>功能描述：贷款，运用区块链。</p>"
        let p = try parse(PageDateTests.page("上海金融科技创新监管试点第一批创新应用公示", body))
        #expect(p.applications.map(\.name) == ["远程银行服务", "Smart Loan"])
        #expect(p.applications.map(\.applicants) == [["甲银行"], ["乙银行"]])
        #expect(p.applications.map(\.applicationType) == ["unstated", "financial_service"])
        #expect(projectParser.labeler.label(in: "申请机构（Applicant）：甲银行")?.field == "applicants")
        #expect(projectParser.labeler.label(in: "Smart Loan（申请机构：乙银行") == nil)
    }
}

extension BreakerFindingTests {
    @Test func aNoticeDateLabelAndTheTitlesYearWin() throws {
        let app = "<h3>一、甲服务</h3><p>申请机构：甲银行</p><p>功能描述：线上融资。</p>"
        let p = try parse(PageDateTests.page("北京金融科技创新监管试点第一批创新应用公示", "<p>发布日期：2020-01-10</p><p>公示日期：2020-01-14</p>" + app))
        #expect(p.info.announced == "2020-01-14")
        let q = try parse(PageDateTests.page("北京金融科技大事记（2020年）", "<p>7月21日，公示了第二批创新应用。2019年12月5日，人民银行启动试点。</p>" + app))
        #expect(q.info.announced == "2020-07-21")
        // Counter-example: without a notice-date label the publishing date stands.
        let r = try parse(PageDateTests.page("北京金融科技创新监管试点第一批创新应用公示", "<p>发布日期：2020-01-14</p>" + app))
        #expect(r.info.announced == "2020-01-14")
    }
}
