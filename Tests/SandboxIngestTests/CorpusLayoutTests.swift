import Foundation
import Testing
@testable import SandboxIngest

/// One expectation per corpus page (each page is one layout of ../shared/corpus/manifest.jsonl).
struct LayoutCase: CustomTestStringConvertible, Sendable {
    let file, city: String
    let batch: Int
    let announced: String
    let declared: Int
    let count: Int
    let declaredCharset: String?
    let usedEncoding: String
    let position: Int
    let name: String
    let nameEnglish: String?
    let applicants: [String]
    let truncated: Bool
    let type: String
    var testDescription: String { file }
}

let layoutCases: [LayoutCase] = [
    // heading-kv: <h3>创新应用一</h3> + 字段：值 paragraphs
    .init(file: "beijing-2020-b1.html", city: "beijing", batch: 1, announced: "2020-01-14", declared: 6, count: 6,
          declaredCharset: "utf-8", usedEncoding: "UTF-8", position: 3, name: "中信银行智令产品", nameEnglish: nil,
          applicants: ["中信银行", "中国银联", "度小满", "携程"], truncated: false, type: "unstated"),
    // summary table + detail blocks with two-column key/value tables
    .init(file: "beijing-2020-b2.html", city: "beijing", batch: 2, announced: "2020-06-02", declared: 11, count: 11,
          declaredCharset: "utf-8", usedEncoding: "UTF-8", position: 10, name: "基于区块链的企业电子身份认证信息系统", nameEnglish: nil,
          applicants: ["国家计算机网络与信息安全管理中心", "中关村银行", "百信银行", "民生银行北京分行"], truncated: false, type: "unstated"),
    // Word-exported GBK bytes labelled gb2312, MsoNormal paragraphs
    .init(file: "shanghai-2020-b1.html", city: "shanghai", batch: 1, announced: "2020-07-21", declared: 8, count: 8,
          declaredCharset: "gb2312", usedEncoding: "GB18030", position: 1, name: "基于多方安全图计算的中小微企业融资服务", nameEnglish: nil,
          applicants: ["交通银行", "中国移动(上海)产业研究院", "富数科技"], truncated: false, type: "financial_service"),
    // #zoom paragraphs with <br>-separated fields
    .init(file: "shanghai-2020-b2.html", city: "shanghai", batch: 2, announced: "2020-12-31", declared: 5, count: 5,
          declaredCharset: "utf-8", usedEncoding: "UTF-8", position: 4, name: "基于同态加密的“数据通”数据融合应用", nameEnglish: nil,
          applicants: ["上海市银行卡产业园开发有限公司", "上海同态信息科技有限责任公司", "平安银行上海分行"], truncated: false, type: "unstated"),
    // English translation with Chinese names
    .init(file: "shenzhen-2020-b1.html", city: "shenzhen", batch: 1, announced: "2020-07-31", declared: 4, count: 4,
          declaredCharset: "utf-8", usedEncoding: "UTF-8", position: 2, name: "基于TEE解决方案的智能数字信用卡",
          nameEnglish: "Smart digital credit card based on a TEE solution",
          applicants: ["China CITIC Bank Credit Card Center", "Huawei"], truncated: false, type: "financial_service"),
    // one GBK table, a row per application
    .init(file: "chongqing-2020-b1.html", city: "chongqing", batch: 1, announced: "2020-08-07", declared: 5, count: 5,
          declaredCharset: "gbk", usedEncoding: "GB18030", position: 4, name: "基于区块链的数字函证平台", nameEnglish: nil,
          applicants: ["中国互联网金融协会", "厦门银行", "重庆富民银行"], truncated: true, type: "technology_product"),
    // UTF-8 with BOM, no charset declared, <dl> lists
    .init(file: "hangzhou-2020-b1.html", city: "hangzhou", batch: 1, announced: "2020-08-14", declared: 5, count: 5,
          declaredCharset: nil, usedEncoding: "UTF-8", position: 1, name: "“亿亩田”-基于卫星遥感和人工智能技术的智能化农村金融服务",
          nameEnglish: nil, applicants: ["网商银行"], truncated: false, type: "financial_service"),
    // summary + details; declares 5, holds 2
    .init(file: "suzhou-2020-b1.html", city: "suzhou", batch: 1, announced: "2020-08-14", declared: 5, count: 2,
          declaredCharset: "utf-8", usedEncoding: "UTF-8", position: 2, name: "基于大数据的APP风险防控产品", nameEnglish: nil,
          applicants: ["常熟农商银行", "江苏省农村信用社联合社", "江苏通付盾科技"], truncated: false, type: "technology_product"),
]

@Suite struct CorpusLayoutTests {
    @Test(arguments: layoutCases)
    func pageFieldsAndOneApplication(_ c: LayoutCase) throws {
        let page = try corpusPage(c.file)
        #expect(page.info.city == c.city)
        #expect(page.info.batch == c.batch)
        #expect(page.info.announced == c.announced)
        #expect(page.info.declaredApplications == c.declared)
        #expect(page.applications.count == c.count)
        #expect(page.info.encoding.declared == c.declaredCharset)
        #expect(page.info.encoding.used == c.usedEncoding)
        #expect(page.errors.isEmpty)
        let app = try #require(page.applications.first { $0.position == c.position })
        #expect(app.name == c.name)
        #expect(app.nameEnglish == c.nameEnglish)
        #expect(app.applicants == c.applicants)
        #expect(app.applicantsTruncated == c.truncated)
        #expect(app.applicationType == c.type)
        #expect(page.info.recordID(position: c.position) == "\(c.city)-2020-b\(c.batch)-\(c.position < 10 ? "0" : "")\(c.position)")
    }

    @Test func sectionsKeepTheirHeadingsAndParagraphs() throws {
        let app = try corpusPage("beijing-2020-b1.html").applications[0]
        #expect(app.sections.map(\.field) == ["function", "technology", "channel", "effect", "risk_control"])
        #expect(app.sections.map(\.heading) == ["功能描述", "技术应用", "服务渠道", "预期效果", "风险防控"])
        // The second paragraph under 功能描述 continues the same section.
        #expect(app.sections[0].text.hasSuffix("\n在可信溯源记录的基础上，银行能够掌握上下游企业之间真实的货物流转情况，据此为链上企业提供应收账款融资、存货融资等供应链金融服务。"))
    }

    @Test func gb2312PageDecodesToTheRightCharacters() throws {
        let page = try corpusPage("shanghai-2020-b1.html")
        #expect(page.info.title == "上海市2020年第一批金融科技创新监管试点应用公示")
        let app = page.applications[3]
        #expect(app.name == "基于人工智能的智慧供应链融资服务")
        // 人工智能 is split across two <span>s and a source line break in the Word markup.
        let technology = try #require(app.sections.first { $0.field == "technology" })
        #expect(technology.text.hasPrefix("运用人工智能技术"))
        #expect(page.applications.map(\.name).last == "“易融星空”产业金融数字风控产品")
    }

    @Test func introductionBelongsToNoApplication() throws {
        let page = try corpusPage("beijing-2020-b1.html")
        #expect(page.info.introduction.contains("试点着重引导物联网、大数据、人工智能、区块链、API等技术"))
        for app in page.applications {
            #expect(!app.sections.contains { $0.text.contains("率先启动") })
        }
    }

    @Test func declaredCountMismatchIsAWarning() throws {
        let page = try corpusPage("suzhou-2020-b1.html")
        #expect(page.info.warnings == ["declared_count_mismatch: the introduction declares 5 applications, the page holds 2"])
    }

    @Test func singleTableRowsSplitRiskControlOut() throws {
        let app = try corpusPage("chongqing-2020-b1.html").applications[0]
        #expect(app.sections.map(\.field) == ["function", "risk_control"])
        #expect(app.sections[1].text.hasPrefix("风险防控方面，银行设置单户授信上限"))
    }
}
