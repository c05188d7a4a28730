import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import SandboxText
import SandboxPipeline


/// Renders applications through randomly chosen wrappers, numberings, colons, label
/// styles, tags splitting words, and encodings, and checks that the reader recovers each
/// application's name, applicants, type and text.
@Suite struct ReaderPropertyTests {
    struct App { let name: String; let applicants: [String]; let type: String; let function: String; let risk: String }
    static let apps = [
        App(name: "基于区块链的供应链融资服务", applicants: ["甲银行", "乙科技有限公司"], type: "金融服务",
            function: "为上下游小微企业提供线上融资，运用区块链记录应收账款。", risk: "设置授信上限并建立应急预案。"),
        App(name: "智能风控产品", applicants: ["丙银行"], type: "科技产品",
            function: "运用大数据识别欺诈交易，向银行实时预警。", risk: "明确数据使用授权，建立投诉机制。"),
        App(name: "移动支付受理服务", applicants: ["丁支付", "戊数科", "己银行"], type: "金融服务",
            function: "商户通过手机受理二维码支付。", risk: "实行商户实名准入与交易限额。"),
    ]

    static func render(_ apps: [App], rng: inout SplitMix64) -> (html: String, encoding: String) {
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let colon = pick(["：", ":", "∶", "﹕"])
        let spaced = pick([false, true])
        func label(_ s: String) -> String { spaced ? s.map(String.init).joined(separator: "\u{3000}") : s }
        func split(_ text: String) -> String {
            // Cut a text with an inline tag at a random place (never inside an entity).
            let chars = Array(text)
            guard chars.count > 4 else { return text }
            let k = 1 + Int(rng.next() % UInt64(chars.count - 2))
            let tag = pick(["span", "font", "i", "em"])
            return String(chars[..<k]) + "<\(tag)>" + String(chars[k...]) + "</\(tag)>"
        }
        let numbering = pick(["（%@）", "%@、", "%@.", "创新应用%@："])
        let numerals = ["一", "二", "三", "四", "五"]
        let style = Int(rng.next() % 5)
        var body = ""
        for (i, a) in apps.enumerated() {
            let n = numbering.replacingOccurrences(of: "%@", with: numbering.hasSuffix(".") ? String(i + 1) : numerals[i])
            let fields: [(String, String)] = [("申请机构", a.applicants.joined(separator: "、")), ("应用类型", a.type),
                                              ("功能描述", split(a.function)), ("风险防控", split(a.risk))]
            switch style {
            case 0:  // heading + key/value paragraphs
                body += "<h3>\(n)\(a.name)</h3>\n" + fields.map { "<p>\(label($0.0))\(colon)\($0.1)</p>\n" }.joined()
            case 1:  // one paragraph, 【label】 lines separated by <br>
                body += "<p>（\(i + 1)）【\(label("创新应用名称"))】\u{3000}\(a.name)<br>" + fields.map { "【\(label($0.0))】\u{3000}\($0.1)" }.joined(separator: "<br>") + "</p>\n"
            case 2:  // one two-column table per application
                body += "<table><tr><td>\(label("创新应用名称"))</td><td>\(a.name)</td></tr>" + fields.map { "<tr><td>\(label($0.0))</td><td>\($0.1)</td></tr>" }.joined() + "</table>\n"
            case 3:  // section + dl
                body += "<section><h2>\(a.name)</h2><dl>" + fields.map { "<dt>\(label($0.0))</dt><dd>\($0.1)</dd>" }.joined() + "</dl></section>\n"
            default:  // list item with a bold name and nested list of fields
                body += "<li><strong>\(a.name)</strong><ul>" + fields.map { "<li>\(label($0.0))\(colon)\($0.1)</li>" }.joined() + "</ul></li>\n"
            }
        }
        if style == 4 { body = "<ol>\n\(body)</ol>" }
        for _ in 0..<Int(rng.next() % 4) { body = "<div class=\"w\">\(body)</div>" }
        let encoding = pick(["utf-8", "gb18030"])
        let html = """
        <html><head><meta charset="\(encoding)"><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body>
        <p>发布日期：2020年1月14日</p><p>现将\(apps.count)个创新应用予以公示。</p>
        \(body)
        <p>特此公示。</p></body></html>
        """
        return (html, encoding)
    }

    /// `text` encoded with iconv(3), or nil when iconv cannot.
    static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let written else { return nil }
        return output.prefix(written).map { UInt8(bitPattern: $0) }
    }

    @Test(arguments: 0..<60) func readerRecoversRenderedApplications(_ seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919)
        let (html, encoding) = Self.render(Self.apps, rng: &rng)
        let bytes: [UInt8]
        if encoding == "utf-8" {
            bytes = Array(html.utf8)
        } else {
            bytes = try #require(Self.encode(html, to: "GB18030"))
        }
        let records = projectPipeline.process(bytes: bytes, file: "p\(seed).html").records
        #expect(records.map(\.id) == ["beijing-2020-b1-01", "beijing-2020-b1-02", "beijing-2020-b1-03"], "\(html)")
        #expect(records.map(\.name) == Self.apps.map(\.name), "\(html)")
        #expect(records.map { $0.applicants.map(\.name) } == Self.apps.map(\.applicants), "\(html)")
        #expect(records.map(\.applicationType.rawValue) == ["financial_service", "technology_product", "financial_service"], "\(html)")
        #expect(records.map { $0.sections.map(\.text).joined() } == Self.apps.map { $0.function + $0.risk }, "\(html)")
    }
}
