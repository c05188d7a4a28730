import Testing
@testable import SandboxIngest

@Suite struct PageParserTests {
    @Test func applicantSplitting() {
        #expect(PageParser.splitApplicants("交通银行、中国移动(上海)产业研究院、富数科技").0 == ["交通银行", "中国移动(上海)产业研究院", "富数科技"])
        #expect(PageParser.splitApplicants("WeBank and Bank of China Shenzhen Branch").0 == ["WeBank", "Bank of China Shenzhen Branch"])
        let (names, truncated) = PageParser.splitApplicants("中国互联网金融协会、厦门银行、重庆富民银行等")
        #expect(names == ["中国互联网金融协会", "厦门银行", "重庆富民银行"])
        #expect(truncated)
    }

    @Test func dates() {
        #expect(DateParser.parseAll("发布日期：2020年6月2日") == ["2020-06-02"])
        #expect(DateParser.parseAll("二〇二〇年七月二十一日") == ["2020-07-21"])
        #expect(DateParser.parseAll("Date: 31 July 2020; re-posted July 31, 2021") == ["2020-07-31", "2021-07-31"])
    }

    @Test func batchesAndNumerals() {
        #expect(PageParser.findBatch(in: ["上海市2020年第二批金融科技创新监管试点"]) == 2)
        #expect(PageParser.findBatch(in: ["拟纳入首批试点"]) == 1)
        #expect(PageParser.findBatch(in: ["pilot applications (third batch)"]) == 3)
        #expect(PageParser.findBatch(in: ["2020年第0批"]) == nil)  // no batch 0
        #expect(ChineseNumerals.value("十一") == 11)
        #expect(ChineseNumerals.value("二十") == 20)
    }

    @Test func repostTakesTheOriginalDateAndNamelessApplicationIsAnError() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>雄安新区2020年第一批金融科技创新监管试点应用公示</title></head><body>
        <p>原发布日期：2020-08-14　转载日期：2020-09-01</p>
        <p>现将2个创新应用予以公示。</p>
        <h3>创新应用一</h3><p>申请机构：某银行</p><p>功能描述：没有名称。</p>
        <h3>创新应用二</h3><p>创新应用名称：有名称的应用</p><p>申请机构：河北银行</p>
        </body></html>
        """
        let page = try parse(html)
        #expect(page.info.city == "xiongan")
        #expect(page.info.announced == "2020-08-14")
        #expect(page.applications.map(\.name) == ["有名称的应用"])
        #expect(page.applications.map(\.position) == [2])
        #expect(page.errors == [IngestError(file: "t.html", kind: .missingName,
                                            message: "application 1 (line 4) has no name; skipped, its siblings are kept", line: 4)])
    }

    @Test func notHTMLInputs() {
        #expect(throws: IngestError(file: "e.html", kind: .empty, message: "empty file")) {
            try projectParser.parse(bytes: [], file: "e.html")
        }
        #expect(throws: IngestError(file: "p.html", kind: .binary, message: "not HTML: PDF signature")) {
            try projectParser.parse(bytes: Array("%PDF-1.7\n".utf8), file: "p.html")
        }
    }
}

@Suite struct SpanningCellTests {
    @Test func rowspanCarriesCellsAndContinuesApplications() throws {
        let html = """
        <html><head><meta charset="utf-8"><title>北京 2020年第一批金融科技创新监管试点应用公示</title></head><body>
        <p>发布时间：2020-01-14</p><p>现将3个创新应用予以公示。</p>
        <table>
        <tr><th>序号</th><th>创新应用名称</th><th>申请机构</th><th>应用类型</th></tr>
        <tr><td>1</td><td>甲应用</td><td>工商银行</td><td rowspan="2">金融服务</td></tr>
        <tr><td>2</td><td>乙应用</td><td>农业银行</td></tr>
        <tr><td rowspan="2">3</td><td rowspan="2">丙应用</td><td>中国银联</td><td>科技产品</td></tr>
        <tr><td>小米数科</td><td></td></tr>
        <tr><td>4</td><td colspan="2">丁应用</td><td>科技产品</td></tr>
        </table></body></html>
        """
        let page = try parse(html)
        #expect(page.applications.map(\.name) == ["甲应用", "乙应用", "丙应用", "丁应用"])
        // 金融服务 spans rows 1–2; 小米数科 continues application 3; 丁应用 spans two columns.
        #expect(page.applications.map(\.applicationType) == ["financial_service", "financial_service", "technology_product", "technology_product"])
        #expect(page.applications.map(\.applicants) == [["工商银行"], ["农业银行"], ["中国银联", "小米数科"], []])
        #expect(page.info.warnings == ["declared_count_mismatch: the introduction declares 3 applications, the page holds 4"])
    }
}

@Suite struct TextCleanerTests {
    @Test func whiteSpaceFollowsCSSRules() {
        // A source line break between Chinese characters vanishes (Word wraps lines there).
        #expect(TextCleaner.clean("人工\n   智能") == "人工智能")
        // A typed space between CJK characters, or a no-break/ideographic space, stays.
        #expect(TextCleaner.clean("中国银联 小米数科") == "中国银联 小米数科")
        #expect(TextCleaner.clean("ＢＩＧ ＤＡＴＡ") == "ＢＩＧ ＤＡＴＡ")
        #expect(TextCleaner.clean("物联网\u{3000}传感器") == "物联网 传感器")
        #expect(TextCleaner.clean("物联网&\u{A0}\n传感器".replacingOccurrences(of: "&", with: "")) == "物联网 传感器")
        // Between Latin words any run becomes one space; ends are trimmed.
        #expect(TextCleaner.clean("  big \n\t data  ") == "big data")
    }
}
