import Foundation
import Testing
@testable import SandboxIngest
import SandboxPipeline

/// A page covering two batches (the ninth blind set's two-batch report), a press release
/// naming its publisher 我行, with counter-examples.
@Suite struct BatchScopeTests {
    static let twoBatches = "<html><head><meta charset=\"utf-8\"><title>北京金融科技创新监管试点前两批应用盘点</title></head><body>"
        + "<p>2020-12-28 来源：某网</p><p>本文从前两批中摘选3个应用，按原公示序号介绍。</p>"
        + "<h2>一、首批（2020年1月14日公示）</h2>"
        + "<h3>（二）甲贷产品</h3><p>企业线上申请贷款。该产品由甲银行申报。</p>"
        + "<h3>（五）乙支付服务</h3><p>手机收款。申请机构为乙银行。</p>"
        + "<h2>二、第二批（2020年6月2日公示）</h2>"
        + "<h3>（三）基于区块链的丙服务</h3><p>链上融资。申请机构：丙银行、丁科技。</p></body></html>"

    @Test func batchHeadingsScopeTheApplicationsUnderThem() throws {
        let r = projectPipeline.process(bytes: Array(Self.twoBatches.utf8), file: "two.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.id) == ["beijing-2020-b1-02", "beijing-2020-b1-05", "beijing-2020-b2-03"])
        #expect(r.records.map(\.announced) == ["2020-01-14", "2020-01-14", "2020-06-02"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["甲银行"], ["乙银行"], ["丙银行", "丁科技"]])
    }

    @Test func oneBatchHeadingChangesNothingAndUnnumberedHeadingsOpenNone() throws {
        // Counter-examples: a single batch heading keeps the page's metadata; an unnumbered
        // heading that reads as a name is a section title in a report.
        let one = Self.twoBatches.replacingOccurrences(of: "<h2>二、第二批（2020年6月2日公示）</h2>", with: "")
        let r = projectPipeline.process(bytes: Array(one.utf8), file: "one.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02", "beijing-2020-b1-03"])
        #expect(ProseReader.headingName("支付安全与“无感”银行服务") == nil)
        #expect(ProseReader.headingName("（三）中信银行智令产品") == "中信银行智令产品")
        #expect(BatchScope.opened(by: "二、第二批（2020年6月2日公示，共11个）", folder: .always) == BatchScope(batch: 2, announced: "2020-06-02"))
        #expect(BatchScope.opened(by: "本批应用运用了区块链。第二批将于6月公示。", folder: .always) == nil)
    }

    @Test func aPressReleaseNamesItselfWe() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>甲银行“快贷产品”入选北京首批金融科技创新监管试点</title></head><body>"
            + "<p>发布日期：2020-01-15</p><p>2020年1月14日，人民银行公示北京首批创新应用，我行申报的“快贷产品”成功入围。该产品运用大数据提供线上贷款。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "pr.html")
        #expect(r.records.map { $0.applicants.map(\.name) } == [["甲银行"]])
        #expect(PageParser.titleInstitution("关于金融科技的通知", original: "关于金融科技的通知") == nil)
    }
}

/// An open-data page's records, each with its own 公示日期 (the ninth blind set), with a
/// counter-example.
@Suite struct RecordDateTests {
    static func page(_ records: String) -> String {
        "<html><head><meta charset=\"utf-8\"><title>金融科技创新监管试点应用（北京·2020年首批）</title></head><body>"
            + "<dl><dt>首次发布</dt><dd>2020-02-20</dd></dl>" + records + "</body></html>"
    }

    @Test func anApplicationsOwnDateWinsOverThePages() throws {
        let records = "<dl><dt>创新应用名称</dt><dd>甲服务</dd><dt>申请机构</dt><dd>甲银行</dd><dt>技术路径</dt><dd>区块链存证</dd><dt>公示日期</dt><dd>2020-01-14</dd></dl>"
            + "<dl><dt>创新应用名称</dt><dd>乙服务</dd><dt>申请机构</dt><dd>乙银行</dd><dt>公示日期</dt><dd>2020-01-14</dd></dl>"
        let r = projectPipeline.process(bytes: Array(Self.page(records).utf8), file: "od.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02"])
        #expect(r.records.map(\.announced) == ["2020-01-14", "2020-01-14"])
        #expect(r.records.first?.sections.map(\.field) == ["technology"])
        // Counter-example: without a date of their own the records take the page's.
        let q = projectPipeline.process(bytes: Array(Self.page(records.replacingOccurrences(of: "<dt>公示日期</dt><dd>2020-01-14</dd>", with: "")).utf8), file: "od2.html")
        #expect(q.records.map(\.announced) == ["2020-02-20", "2020-02-20"])
    }

    /// A slide deck's overview slide: its title and 公示日期 line open no application, and
    /// the page takes that date (the tenth blind set's seminar slides).
    @Test func aDateLineUnderATitleOpensNothing() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>上海2020年第一批创新应用观察</title></head><body>"
            + "<div class=slide><h2>上海第一批概况</h2><p>公示日期：2020年7月21日</p><p>共8项应用。</p></div>"
            + "<div class=slide><h2>1. 甲服务</h2><p>申请机构：甲银行</p><p>线上融资。</p></div>"
            + "<div class=slide><h2>2. 乙产品</h2><p>申请机构：乙银行</p><p>风险识别。</p></div></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "slides.html")
        #expect(r.records.map(\.id) == ["shanghai-2020-b1-01", "shanghai-2020-b1-02"])
        #expect(r.records.map(\.name) == ["甲服务", "乙产品"])
        #expect(r.records.map(\.announced) == ["2020-07-21", "2020-07-21"])
    }
}

/// A bank's own release on applications of two batches (the ninth blind set), with the
/// kinds it showed: 第二批入选：X headings, applicants before an unquoted name, a batch's
/// date taken by the sibling that states none.
@Suite struct TwoBatchReleaseTests {
    @Test func batchHeadingsNameTheirApplication() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>甲银行三项创新应用入选上海金融科技创新监管试点</title></head><body>"
            + "<p>发布时间：2021-01-04</p><p>近日，人民银行公示了上海第二批创新应用。</p>"
            + "<h3>首批入选：基于区块链的甲服务</h3><p>该应用于2020年7月21日公示，由甲银行联合乙科技申报。</p><p>企业线上融资。</p>"
            + "<h3>第二批入选：远程视频银行服务</h3><p>2020年12月31日，上海市第二批创新应用公示，甲银行与丙云计算共同申报的远程视频银行服务位列其中。</p>"
            + "<h3>第二批入选：基于多方安全计算的图像保护产品</h3><p>与远程视频银行服务同批公示的，还有由丁银联、甲银行共同申报的这一产品。</p>"
            + "<p>甲银行相关负责人表示，下一步将探索人工智能在乡村振兴中的应用。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "release.html")
        #expect(r.records.map(\.id) == ["shanghai-2020-b1-01", "shanghai-2020-b2-01", "shanghai-2020-b2-02"])
        #expect(r.records.map(\.announced) == ["2020-07-21", "2020-12-31", "2020-12-31"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["甲银行", "乙科技"], ["甲银行", "丙云计算"], ["丁银联", "甲银行"]])
        #expect(r.records.last?.technologies == [.privacyComputing])
    }
}

/// A research group's dataset table with a City, Batch, number and date column per row
/// (the tenth blind set), with a counter-example.
@Suite struct DatasetTableTests {
    @Test func eachRowsCityBatchNumberAndDateMakeItsID() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>FinSandbox-CN dataset sample</title></head><body><table>"
            + "<tr><th>Lab ID</th><th>City</th><th>Batch</th><th>No. in notice</th><th>Announced</th><th>Application name</th><th>Applicants</th><th>Type</th><th>Summary</th></tr>"
            + "<tr><td>L1</td><td>北京</td><td>第二批</td><td>3</td><td>2020-06-02</td><td>甲服务</td><td>甲银行</td><td>金融服务</td><td>线上融资。</td></tr>"
            + "<tr><td>L2</td><td>重庆</td><td>第一批</td><td>5</td><td>2020-08-07</td><td>乙产品</td><td>乙银行</td><td>科技产品</td><td>风险识别。</td></tr>"
            + "</table></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "dataset.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b2-03", "chongqing-2020-b1-05"])
        #expect(r.records.map(\.city) == ["beijing", "chongqing"])
        #expect(r.records.map(\.announced) == ["2020-06-02", "2020-08-07"])
        // Counter-example: without those columns the rows take the page's metadata.
        let plain = "<html><head><meta charset=\"utf-8\"><title>北京2020年第二批金融科技创新监管试点应用公示</title></head><body><p>发布时间：2020-06-02</p><table>"
            + "<tr><th>Application name</th><th>Applicants</th><th>Type</th></tr><tr><td>甲服务</td><td>甲银行</td><td>金融服务</td></tr></table></body></html>"
        #expect(projectPipeline.process(bytes: Array(plain.utf8), file: "plain.html").records.map(\.id) == ["beijing-2020-b2-01"])
    }
}

/// Numbered titles as plain paragraphs, and titles with nothing under them (the breaker's
/// pages), with counter-examples.
@Suite struct NumberedTitleTests {
    static let head = "<html><head><meta charset=\"utf-8\"><title>北京 2020年第一批金融科技创新监管试点应用公示</title></head><body><p>发布时间：2020-01-14</p><p>人民银行公示了应用。</p>"

    @Test func plainParagraphTitlesAndBatchHeadingsCount() throws {
        let html = Self.head + "<p>一、首批（2020年1月14日公示）</p><p>（一）中信银行智令产品</p><p>该产品由中信银行申报，用支付标记保护卡号。</p>"
            + "<p>二、第二批（2020年6月2日公示）</p><p>（二）基于区块链的产业金融服务</p><p>该服务由中国银行申报，链上融资。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "p.html")
        #expect(r.records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b2-02"])
        #expect(r.records.map(\.announced) == ["2020-01-14", "2020-06-02"])
        #expect(r.records.map { $0.applicants.map(\.name) } == [["中信银行"], ["中国银行"]])
    }

    @Test func aTitleWithNothingUnderItIsNoApplication() throws {
        let html = Self.head + String(repeating: "<h4>（三）某某服务</h4>", count: 50) + "<h4>（四）甲贷产品</h4><p>该产品由甲银行申报，提供线上贷款。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "t.html")
        #expect(r.records.map(\.name) == ["甲贷产品"])
        #expect(r.records.first?.warnings.map(\.code.rawValue).contains("empty_title") == true)
        // Counter-example: a long numbered sentence is no title.
        #expect(ProseReader.isNumberedTitle(Block(kind: .paragraph, text: "（一）本批应用运用了区块链和大数据等技术，面向小微企业。", line: 1, context: [])) == false)
    }
}
