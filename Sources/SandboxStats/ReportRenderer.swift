import Foundation
import SandboxSchema

/// Renders the self-contained HTML report: published vs ours, the consistency arithmetic,
/// SVG bar charts and the cross-tabs.
///
/// The output is one UTF-8 file with no external resources and no script, written as
/// well-formed XML (XHTML syntax: every element closed, attributes quoted, only the five
/// XML entities) so that it can be parsed strictly. Every bar is an SVG
/// `<rect class="bar" data-chart="…" data-label="…" data-value="…">` with a `<title>` child.
public enum ReportRenderer {
    /// Chart ids used in `data-chart`: applications per city (one bar per city in the
    /// records), technology mentions (one bar per technology id, zero bars included), and
    /// primary categories per city (one stacked segment per non-zero city × category cell,
    /// `data-label` = `<city>/<primary>`).
    public static let chartIDs = ["applications_by_city", "technology_mentions", "primary_by_city"]

    /// The whole report page.
    /// - Parameters:
    ///   - records: the labelled records (charts and cross-tabs are computed from them).
    ///   - comparison: `Stats.compare(...)` of the same records.
    ///   - title: page heading.
    /// - Returns: the HTML document as a string (UTF-8 when written out).
    public static func render(records: [LabelledRecord], comparison: Comparison,
                              title: String = "SandboxLens — 金融科技创新监管试点 2020 statistics") -> String {
        var h = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n"
        h += "<meta charset=\"utf-8\"/>\n<title>\(esc(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<h1>\(esc(title))</h1>\n"
        h += "<p class=\"meta\">\(records.count) records. Published figures: \(esc(comparison.source)).</p>\n"

        let cities = CrossTabs.cities(records)
        h += "<h2>各城市创新应用数 / Applications per city</h2>\n"
        h += verticalBars(id: "applications_by_city",
                          items: cities.map { c in (c, records.filter { $0.city == c }.count) },
                          xTitle: "城市 city", yTitle: "应用数 applications")
        let tech = CrossTabs.cityByTechnology(records)
        h += "<h2>技术提及次数 / Technology mentions</h2>\n"
        h += horizontalBars(id: "technology_mentions", items: Array(zip(tech.columnKeys, tech.columnTotals)),
                            xTitle: "提及次数 mentions", yTitle: "技术 technology")
        h += "<h2>各城市业务类别 / Primary categories per city</h2>\n"
        h += stackedBars(id: "primary_by_city", tab: CrossTabs.cityByPrimary(records),
                         xTitle: "城市 city", yTitle: "应用数 applications")

        h += "<h2>已公布数字与本数据集 / Published figures vs ours</h2>\n" + comparisonTable(comparison)
        h += "<p class=\"legend\">Difference = published − ours. Highlighted cells differ from the published figure.</p>\n"
        h += "<h2>公布数字的一致性 / Consistency of the published figures</h2>\n" + checks(comparison)

        h += "<h2>交叉表 / Cross-tabulations</h2>\n"
        for t in CrossTabs.all(records) { h += htmlTable(t.table()) }
        h += htmlTable(CrossTabs.inclusiveShareByCity(records).table())
        if !comparison.coverageNotes.isEmpty {
            h += "<h2>说明 / Notes</h2>\n<ul>\n"
            for n in comparison.coverageNotes { h += "<li>\(esc(n))</li>\n" }
            h += "</ul>\n"
        }
        h += "</body>\n</html>\n"
        return h
    }

    /// Escapes text for XML/HTML content and attribute values (`& < > " '`), and replaces
    /// characters XML 1.0 forbids (C0 controls other than tab, LF, CR) with U+FFFD.
    public static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    static let css = """
    body { font-family: "Noto Sans CJK SC", sans-serif; margin: 24px; color: #222; max-width: 1220px; }
    h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
    p.meta, p.legend { font-size: 13px; color: #555; }
    table { border-collapse: collapse; font-size: 12px; margin: 8px 0 20px; }
    th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
    th { background: #f2f2f2; }
    td.num { text-align: right; white-space: nowrap; }
    td.diff { background: #fde2e1; color: #a40000; font-weight: bold; }
    td.zero { color: #bbb; }
    td.key { white-space: nowrap; }
    td.expl { max-width: 520px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    code { font-size: 12px; }
    svg { display: block; margin: 8px 0 20px; }
    svg text { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12px; fill: #222; }
    .axis { stroke: #444; stroke-width: 1; }
    .grid { stroke: #e2e2e2; stroke-width: 1; }

    """

    static let palette = ["#3b6ea5", "#e07b39", "#5aa469", "#c94c4c", "#8e6bb8", "#c9a227", "#7f7f7f", "#2aa1a8"]

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }

    /// "北京 beijing" or the id alone.
    static func both(_ id: String) -> String { Labels.zh(id).map { "\($0) \(id)" } ?? id }

    /// Axis maximum and tick step: smallest 1/2/5×10ⁿ step giving at most 8 ticks.
    static func scale(_ maxValue: Int) -> (max: Int, step: Int) {
        let m = max(1, maxValue)
        var step = 1
        var candidates: [Int] = []
        var p = 1
        while p <= 1_000_000_000 { candidates += [p, 2 * p, 5 * p]; p *= 10 }
        for s in candidates where (m + s - 1) / s <= 8 { step = s; break }
        return (((m + step - 1) / step) * step, step)
    }

    static func bar(chart: String, label: String, value: Int, title: String,
                    x: Double, y: Double, w: Double, h: Double, fill: String) -> String {
        "<rect class=\"bar\" data-chart=\"\(esc(chart))\" data-label=\"\(esc(label))\" data-value=\"\(value)\" "
            + "x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" fill=\"\(fill)\">"
            + "<title>\(esc(title))</title></rect>\n"
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "middle", extra: String = "") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(extra)>\(esc(s))</text>\n"
    }

    static func svgOpen(_ id: String, _ w: Double, _ h: Double, _ label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-\(esc(id))\" width=\"\(Int(w))\" height=\"\(Int(h))\" "
            + "viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"\(esc(label))\">\n"
    }

    /// Y axis with grid lines and tick labels for a vertical chart.
    static func yAxis(left: Double, top: Double, plotW: Double, plotH: Double, scale s: (max: Int, step: Int), title: String) -> String {
        var o = ""
        for v in stride(from: 0, through: s.max, by: s.step) {
            let y = top + plotH - Double(v) / Double(s.max) * plotH
            o += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y))\"/>\n"
            o += text(String(v), x: left - 6, y: y + 4, anchor: "end")
        }
        o += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\"/>\n"
        o += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>\n"
        let cy = top + plotH / 2
        o += text(title, x: 16, y: cy, extra: " transform=\"rotate(-90 16 \(f(cy)))\"")
        return o
    }

    static func verticalBars(id: String, items: [(String, Int)], xTitle: String, yTitle: String) -> String {
        let w = 800.0, left = 64.0, right = 16.0, top = 24.0, plotH = 260.0, bottom = 70.0
        let h = top + plotH + bottom
        let plotW = w - left - right
        let s = scale(items.map(\.1).max() ?? 0)
        let slot = plotW / Double(max(1, items.count))
        let bw = min(56, slot * 0.6)
        var o = svgOpen(id, w, h, "\(yTitle) / \(xTitle)")
        o += yAxis(left: left, top: top, plotW: plotW, plotH: plotH, scale: s, title: yTitle)
        for (i, (key, v)) in items.enumerated() {
            let bh = Double(v) / Double(s.max) * plotH
            let cx = left + slot * (Double(i) + 0.5)
            o += bar(chart: id, label: key, value: v, title: "\(both(key)): \(v)",
                     x: cx - bw / 2, y: top + plotH - bh, w: bw, h: bh, fill: palette[0])
            o += text(String(v), x: cx, y: top + plotH - bh - 4)
            o += text(Labels.zh(key) ?? key, x: cx, y: top + plotH + 16)
            if Labels.zh(key) != nil { o += text(key, x: cx, y: top + plotH + 31) }
        }
        o += text(xTitle, x: left + plotW / 2, y: h - 8)
        return o + "</svg>\n"
    }

    static func horizontalBars(id: String, items: [(String, Int)], xTitle: String, yTitle: String) -> String {
        let w = 800.0, left = 250.0, right = 50.0, top = 28.0, rowH = 24.0, bottom = 48.0
        let plotH = rowH * Double(max(1, items.count))
        let h = top + plotH + bottom
        let plotW = w - left - right
        let s = scale(items.map(\.1).max() ?? 0)
        var o = svgOpen(id, w, h, "\(xTitle) / \(yTitle)")
        for v in stride(from: 0, through: s.max, by: s.step) {
            let x = left + Double(v) / Double(s.max) * plotW
            o += "<line class=\"grid\" x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH))\"/>\n"
            o += text(String(v), x: x, y: top + plotH + 16)
        }
        o += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\"/>\n"
        o += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\"/>\n"
        o += text(yTitle, x: left - 8, y: top - 10, anchor: "end")
        for (i, (key, v)) in items.enumerated() {
            let y = top + rowH * Double(i)
            let bw = Double(v) / Double(s.max) * plotW
            o += bar(chart: id, label: key, value: v, title: "\(both(key)): \(v)",
                     x: left, y: y + 4, w: bw, h: rowH - 8, fill: palette[0])
            o += text(both(key), x: left - 8, y: y + rowH / 2 + 4, anchor: "end")
            o += text(String(v), x: left + bw + 4, y: y + rowH / 2 + 4, anchor: "start")
        }
        o += text(xTitle, x: left + plotW / 2, y: h - 8)
        return o + "</svg>\n"
    }

    static func stackedBars(id: String, tab: CrossTab, xTitle: String, yTitle: String) -> String {
        let w = 1100.0, left = 64.0, legendW = 360.0, top = 24.0, plotH = 260.0, bottom = 70.0
        let h = max(top + plotH + bottom, top + 22 * Double(tab.columnKeys.count) + 20)
        let plotW = w - left - legendW - 16
        let totals = tab.rowTotals
        let s = scale(totals.max() ?? 0)
        let slot = plotW / Double(max(1, tab.rowKeys.count))
        let bw = min(56, slot * 0.6)
        var o = svgOpen(id, w, h, "\(yTitle) / \(xTitle)")
        o += yAxis(left: left, top: top, plotW: plotW, plotH: plotH, scale: s, title: yTitle)
        for (i, city) in tab.rowKeys.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            var base = top + plotH
            for (j, cat) in tab.columnKeys.enumerated() where tab.counts[i][j] > 0 {
                let v = tab.counts[i][j]
                let bh = Double(v) / Double(s.max) * plotH
                base -= bh
                o += bar(chart: id, label: "\(city)/\(cat)", value: v, title: "\(both(city)) · \(both(cat)): \(v)",
                         x: cx - bw / 2, y: base, w: bw, h: bh, fill: palette[j % palette.count])
            }
            o += text(String(totals[i]), x: cx, y: base - 4)
            o += text(Labels.zh(city) ?? city, x: cx, y: top + plotH + 16)
            if Labels.zh(city) != nil { o += text(city, x: cx, y: top + plotH + 31) }
        }
        o += text(xTitle, x: left + plotW / 2, y: top + plotH + bottom - 8)
        let lx = w - legendW
        o += text("业务类别 primary category", x: lx, y: top + 4, anchor: "start")
        for (j, cat) in tab.columnKeys.enumerated() {
            let y = top + 14 + 22 * Double(j)
            o += "<rect class=\"swatch\" x=\"\(f(lx))\" y=\"\(f(y))\" width=\"14\" height=\"14\" fill=\"\(palette[j % palette.count])\"/>\n"
            o += text(both(cat), x: lx + 20, y: y + 12, anchor: "start")
        }
        return o + "</svg>\n"
    }

    static func comparisonTable(_ c: Comparison) -> String {
        var o = "<table class=\"comparison\">\n<thead><tr><th>id</th><th>figure 数字</th><th>published 公布</th>"
            + "<th>ours 本数据集</th><th>difference 差</th><th>explanation 说明</th></tr></thead>\n<tbody>\n"
        for r in c.rows {
            let cls = r.differs ? "num diff" : "num"
            let label = r.label.zh.map { "\(r.label.en) / \($0)" } ?? r.label.en
            o += "<tr id=\"fig-\(esc(r.id))\" data-figure=\"\(esc(r.id))\"><td><code>\(esc(r.id))</code></td><td>\(esc(label))</td>"
            o += "<td class=\"num\">\(esc(slash(r.published)))</td>"
            o += "<td class=\"\(cls)\">\(esc(slash(r.ours)))</td><td class=\"\(cls)\">\(esc(slash(r.differences)))</td>"
            o += "<td class=\"expl\">\(esc(r.explanation ?? ""))</td></tr>\n"
        }
        return o + "</tbody>\n</table>\n"
    }

    static func checks(_ c: Comparison) -> String {
        var o = "<ul class=\"checks\">\n"
        for k in c.checks {
            o += "<li data-check=\"\(esc(k.id))\"><code>\(esc(k.id))</code>: <strong>\(k.consistent ? "consistent" : "not consistent")</strong>"
            if let n = k.note { o += " — \(esc(n))" }
            o += "<br/>" + k.arithmetic.map { "<code>\(esc($0))</code>" }.joined(separator: "<br/>") + "</li>\n"
        }
        return o + "</ul>\n"
    }

    static func htmlTable(_ t: Table) -> String {
        var o = "<table id=\"table-\(esc(t.id))\">\n<caption>\(esc(t.title))</caption>\n<thead><tr>"
        // Ids break after underscores so that wide cross-tabs fit the page.
        o += t.header.map { key in
            let id = esc(key).replacingOccurrences(of: "_", with: "_<wbr/>")
            return "<th>" + (Labels.zh(key).map { "\(esc($0))<br/>" } ?? "") + id + "</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for r in t.rows {
            o += "<tr>"
            for (i, cell) in r.enumerated() {
                let cls = t.numericColumns.contains(i) ? (cell == "0" ? " class=\"num zero\"" : " class=\"num\"")
                    : (i == 0 ? " class=\"key\"" : "")
                o += "<td\(cls)>\(esc(cell))</td>"
            }
            o += "</tr>\n"
        }
        return o + "</tbody>\n</table>\n"
    }
}
