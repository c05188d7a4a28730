import Foundation
import SandboxText
import Testing
@testable import SandboxIngest

/// The reader's shortcut around regular expressions gives the regex's answers: each
/// pattern's declared literals (`Pattern.requires`) against the pattern run without them.
@Suite struct PatternShortcutTests {
    /// Every pattern with declared literals, on texts that hold them and texts that do not:
    /// the shortcut never says "no match" where the regex finds one.
    @Test func declaredLiteralsNeverHideAMatch() {
        let patterns: [(String, Pattern)] = [
            ("announcingDate", PageParser.announcingDate), ("chineseBatch", PageParser.chineseBatch),
            ("chineseCount", PageParser.chineseCount), ("englishCount", PageParser.englishCount),
            ("statedType", ProseReader.statedType), ("byApplicants", ProseReader.byApplicants),
            ("ledBy", ProseReader.ledBy), ("statedApplicants", ProseReader.statedApplicants),
            ("applicantsAre", ProseReader.applicantsAre), ("appliedBy", ProseReader.appliedBy),
            ("askedOrdinal", ProseReader.askedOrdinal), ("nameAnnotation", Draft.nameAnnotation),
        ] + DateParser.patterns.enumerated().map { ("date\($0.offset)", $0.element.0) }
        let texts = [
            "2021年1月12日，央行深圳市中心支行对外公示了深圳市第二批4个创新应用", "1月14日发布", "第三批", "共4个应用", "共 4 項應用",
            "5 innovative applications", "12 Projects", "该应用属于金融服务类", "is a Financial Service", "由甲银行申请，", "由甲银行牵头，乙公司共同参与",
            "申报机构为甲银行。", "第2个", "名称（英文：Smart Loan）", "2020-12-31", "二〇二〇年十二月三十一日", "14th Jan., 2020", "January 14, 2020",
            "没有日期的句子", "plain text", "（科技产品）", "由甲银行推出",
        ]
        var hidden: [String] = []
        for (name, p) in patterns {
            for t in texts {
                let ns = NSRange(t.startIndex..<t.endIndex, in: t)
                let regexFinds = p.regexForCaptures.firstMatch(in: t, options: [], range: ns) != nil
                if regexFinds && !p.mayMatch(t) { hidden.append("\(name): \(t)") }
            }
        }
        #expect(hidden == [])
        // The shortcut does decide: texts without the literals are answered without ICU.
        #expect(!PageParser.announcingDate.mayMatch("没有日期的句子"))
        #expect(!ProseReader.statedType.mayMatch("plain text"))
        #expect(ProseReader.statedType.mayMatch("IS A FINANCIAL SERVICE"))
        // ICU folds ſ to s: text holding it is left to the regex.
        #expect(ProseReader.englishBy.mayMatch("ſubmitted By X"))
    }
}
