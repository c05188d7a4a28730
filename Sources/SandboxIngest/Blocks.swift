import Foundation
import SandboxText

/// A unit of page text in reading order: a heading, a paragraph line, a table row, or a
/// definition-list term/description. Layout analysis works on blocks, not on the DOM.
public struct Block: Sendable, Equatable {
    /// What produced the block.
    public enum Kind: Sendable, Equatable {
        /// `h1`…`h6` (level 1–6), or a paragraph whose text is entirely bold (level 0).
        case heading(level: Int)
        /// A paragraph or one `<br>`-separated line of it.
        case paragraph
        /// A table row; `cells` holds the cell texts. `table` numbers tables in document
        /// order; `row` is the row's index within its table.
        case row(cells: [String], table: Int, row: Int)
        /// A `<dt>`.
        case term
        /// A `<dd>`.
        case definition
    }
    /// The kind.
    public let kind: Kind
    /// Cleaned text (see `TextCleaner.clean`); for rows, the cells joined with a tab.
    public let text: String
    /// 1-based source line of the element that produced the block.
    public let line: Int
    /// Lowercase `class` and `id` attribute values of the element and its ancestors
    /// (e.g. "footer", "zoom"), for layout hints.
    public let context: [String]
    /// For table rows: per cell, whether its text was carried down from a cell above by
    /// `rowspan` (empty for other blocks).
    public var carried: [Bool] = []
    /// For table rows: per cell, its lines (split at `<br>` and block children, each line
    /// cleaned), so that a list written one item per line keeps its items apart.
    public var cellLines: [[String]] = []
    /// The cleaned text of a bold run (`<b>`, `<strong>`, `font-weight:bold|600–900`) that
    /// opens the block and is shorter than it: a cue that the run is a field label.
    public var lead: String?
    /// Nesting depth of list items (`<li>`) around the block (0 outside lists).
    public var listDepth = 0
}

/// Cleans text the way a browser lays it out (CSS Text Level 3, white-space processing):
/// runs of collapsible white space (space, tab, line breaks) become one space; a run that
/// holds a line break between two CJK characters disappears (segment break
/// transformation: Chinese has no spaces between words, so a source line wrap inside a
/// sentence, as Word-exported pages have, is not a space); a space typed between CJK
/// characters is kept. No-break and ideographic spaces (U+00A0, U+3000) count as spaces
/// and never vanish. Leading and trailing white space is dropped.
public enum TextCleaner {
    /// Whether `s` is a CJK ideograph, CJK punctuation or a full-width form (`ScalarClass.isCJK`).
    public static func isCJK(_ s: Unicode.Scalar) -> Bool { ScalarClass.isCJK(s) }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { ScalarClass.isSpace(s) }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s.value == 0x0A || s.value == 0x0D }

    /// Collapses white space as described above.
    public static func clean(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if isSpace(s) {
                var j = i
                var lineBreak = false
                var hard = false  // U+00A0 or U+3000: a space the author typed on purpose
                while j < scalars.count, isSpace(scalars[j]) {
                    if isLineBreak(scalars[j]) { lineBreak = true }
                    if scalars[j].value == 0xA0 || scalars[j].value == 0x3000 { hard = true }
                    j += 1
                }
                let before = out.last
                let after = j < scalars.count ? scalars[j] : nil
                if let before, let after, !before.properties.isWhitespace {
                    let vanishes = lineBreak && !hard && isCJK(before) && isCJK(after)
                    if !vanishes { out.append(" ") }
                }
                i = j
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out)
    }
}

/// Turns a DOM into blocks.
enum BlockBuilder {
    static let blockElements: Set<String> = [
        "html", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "section", "article", "header", "footer", "main",
        "nav", "aside", "blockquote", "center", "form", "pre", "address", "figure", "figcaption", "caption",
    ]

    static func blocks(_ root: HTMLElement) -> [Block] {
        var builder = Builder()
        builder.visit(root, context: [])
        return builder.blocks
    }

    struct Line {
        var text = ""
        var boldCount = 0
        var count = 0
        var line = 0
        /// Raw text of the bold run that opens the line, while it is still open.
        var leadRaw = ""
        /// False once non-bold visible text has been seen.
        var leadOpen = true
    }

    /// Whether an element renders its text bold: `<b>`, `<strong>`, or an inline style
    /// `font-weight: bold|bolder|600…900`.
    static func isBold(_ e: HTMLElement) -> Bool {
        if e.name == "b" || e.name == "strong" { return true }
        guard let style = e.attributes["style"]?.lowercased(), let r = style.range(of: "font-weight") else { return false }
        let rest = style[r.upperBound...].drop { $0 == " " || $0 == ":" }
        return rest.hasPrefix("bold") || rest.hasPrefix("bolder") || ["6", "7", "8", "9"].contains(where: { rest.hasPrefix($0 + "00") })
    }

    struct Builder {
        var blocks: [Block] = []
        var tableCounter = 0
        var listDepth = 0

        mutating func visit(_ e: HTMLElement, context: [String]) {
            var ctx = context
            for key in ["class", "id"] { if let v = e.attributes[key] { ctx.append(v.lowercased()) } }
            if ["aside", "nav", "footer"].contains(e.name) { ctx.append(e.name) }
            if e.name == "head" { return }  // <title> is read separately; the rest is not content
            if e.name == "table" { table(e, context: ctx); return }
            if e.name == "li" { listDepth += 1 }
            defer { if e.name == "li" { listDepth -= 1 } }
            let hasBlockChild = e.childElements.contains { Self.separates(parent: e, child: $0) }
            if !hasBlockChild {
                leaf(e, nodes: e.children, context: ctx)
                return
            }
            // Mixed content: inline runs between block children become anonymous paragraphs.
            var run: [HTMLNode] = []
            for child in e.children {
                if case .element(let c) = child, Self.separates(parent: e, child: c) {
                    if !run.isEmpty { leaf(e, nodes: run, context: ctx, anonymous: true); run = [] }
                    visit(c, context: ctx)
                } else {
                    run.append(child)
                }
            }
            if !run.isEmpty { leaf(e, nodes: run, context: ctx, anonymous: true) }
        }

        /// Whether `child` breaks `parent`'s inline content into separate blocks. A block
        /// element without visible text does not (Word's `<o:p></o:p>` — which libxml2
        /// reads as a `p` — inside a sentence would otherwise cut it in two). A `p` with
        /// text inside a `p` does: libxml2 nests the paragraphs of pages that never close
        /// their `<P>` tags (old print versions), and each is a paragraph of its own. An
        /// inline element that wraps block elements with text separates too.
        static func separates(parent: HTMLElement, child: HTMLElement) -> Bool {
            if child.name == "head" { return true }
            guard BlockBuilder.blockElements.contains(child.name) else {
                // An inline element wrapping blocks (<font> around paragraphs and tables on
                // old pages) is a container, not a run of text.
                return child.descendants { BlockBuilder.blockElements.contains($0.name) && $0.name != "br" }.contains { $0.hasVisibleText }
            }
            return child.hasVisibleText
        }

        /// Emits the inline content `nodes` of `e` as one block per `<br>`-separated line.
        mutating func leaf(_ e: HTMLElement, nodes: [HTMLNode], context: [String], anonymous: Bool = false) {
            var lines: [Line] = [Line(line: e.line)]
            let style = (e.attributes["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
            let preformatted = e.name == "pre" || style.contains("white-space:pre")
            func walk(_ nodes: [HTMLNode], bold: Bool) {
                for n in nodes {
                    switch n {
                    case .text(let t) where preformatted && t.contains("\n"):
                        // In <pre> a line break is a line break: each line is a unit.
                        let parts = t.split(separator: "\n", omittingEmptySubsequences: false)
                        for (k, part) in parts.enumerated() {
                            if k > 0 { lines.append(Line(line: lines[lines.count - 1].line + 1)) }
                            walk([.text(String(part))], bold: bold)
                        }
                    case .text(let t):
                        lines[lines.count - 1].text += t
                        let visible = t.unicodeScalars.filter { !TextCleaner.isSpace($0) }.count
                        lines[lines.count - 1].count += visible
                        if bold { lines[lines.count - 1].boldCount += visible }
                        if lines[lines.count - 1].leadOpen {
                            if bold { lines[lines.count - 1].leadRaw += t } else if visible > 0 { lines[lines.count - 1].leadOpen = false }
                        }
                    case .element(let c):
                        if c.name == "br" {
                            lines.append(Line(line: c.line))
                        } else {
                            walk(c.children, bold: bold || BlockBuilder.isBold(c))
                        }
                    }
                }
            }
            walk(nodes, bold: false)
            let headingLevel: Int? = {
                if !anonymous, e.name.count == 2, e.name.first == "h", let d = Int(String(e.name.last!)), (1...6).contains(d) { return d }
                return nil
            }()
            for l in lines {
                let text = TextCleaner.clean(l.text)
                if text.isEmpty { continue }
                let kind: Block.Kind
                if let level = headingLevel {
                    kind = .heading(level: level)
                } else if !anonymous && e.name == "dt" {
                    kind = .term
                } else if !anonymous && e.name == "dd" {
                    kind = .definition
                } else if l.count > 0 && l.boldCount == l.count && lines.count == 1 {
                    kind = .heading(level: 0)
                } else {
                    kind = .paragraph
                }
                var block = Block(kind: kind, text: text, line: l.line, context: context)
                let lead = TextCleaner.clean(l.leadRaw)
                if !lead.isEmpty, lead.unicodeScalars.count < text.unicodeScalars.count, text.hasPrefix(lead) { block.lead = lead }
                block.listDepth = listDepth
                blocks.append(block)
            }
        }

        mutating func table(_ t: HTMLElement, context: [String]) {
            tableCounter += 1
            let id = tableCounter
            // Rows of this table only (not of tables nested in its cells).
            var rows: [HTMLElement] = []
            var looseCells: [HTMLElement] = []
            func collect(_ e: HTMLElement) {
                for c in e.childElements {
                    switch c.name {
                    case "tr": rows.append(c)
                    case "td", "th": looseCells.append(c)
                    case "table": break
                    default: collect(c)
                    }
                }
            }
            collect(t)
            var index = 0
            // Cells spanning rows (rowspan) are carried down, by column, into the rows
            // below; cells spanning columns (colspan) fill the columns after them with "".
            var carry: [Int: (text: String, lines: [String], remaining: Int)] = [:]
            // A row holds at most `maxColumns` cells and a span at most the rows left, so a
            // table of spans (rowspan × colspan) cannot grow without bound.
            let maxColumns = 256
            for (rowNumber, r) in rows.enumerated() {
                let cells = r.childElements.filter { $0.name == "td" || $0.name == "th" }
                let nonEmpty = cells.filter { $0.hasVisibleText }
                if nonEmpty.isEmpty { continue }
                // Layout tables (a page, or its body, laid out in a table): a row with one
                // non-empty cell holding blocks, a lone cell, or a cell holding a table of
                // its own is a container, read like a <div>.
                // So is a row with a cell holding structural blocks (a forum post's <div>s
                // and <blockquote> beside its author's cell).
                let nested = cells.contains { !$0.descendants { $0.name == "table" }.isEmpty }
                let structural = cells.contains { c in !c.descendants { Self.structural.contains($0.name) }.isEmpty && c.hasVisibleText }
                if nested || structural || (nonEmpty.count == 1 && (hasBlocks(nonEmpty[0]) || rows.count == 1)) {
                    for c in cells { visit(c, context: context) }
                    continue
                }
                var texts: [String] = []
                var lines: [[String]] = []
                var carried: [Bool] = []
                var column = 0
                var next = cells.makeIterator()
                func takeCarried() -> Bool {
                    guard let c = carry[column], c.remaining > 0 else { return false }
                    texts.append(c.text)
                    lines.append(c.lines)
                    carried.append(true)
                    carry[column] = c.remaining > 1 ? (c.text, c.lines, c.remaining - 1) : nil
                    column += 1
                    return true
                }
                while true {
                    if takeCarried() { continue }
                    guard let cell = next.next() else { break }
                    let cellLines = self.cellLines(cell)
                    let text = TextCleaner.clean(cellLines.joined(separator: "\n"))
                    let rowspan = min(max(Int(cell.attributes["rowspan"] ?? "") ?? 1, 1), rows.count - rowNumber)
                    let colspan = min(max(Int(cell.attributes["colspan"] ?? "") ?? 1, 1), 100)
                    for k in 0..<colspan where column < maxColumns {
                        texts.append(k == 0 ? text : "")
                        lines.append(k == 0 ? cellLines : [])
                        carried.append(false)
                        if rowspan > 1 { carry[column] = (k == 0 ? text : "", k == 0 ? cellLines : [], rowspan - 1) }
                        column += 1
                    }
                }
                while column < maxColumns, carry.keys.contains(where: { $0 >= column }) {
                    if !takeCarried() { texts.append(""); lines.append([]); carried.append(false); column += 1 }
                }
                var block = Block(kind: .row(cells: texts, table: id, row: index), text: texts.joined(separator: "\t"),
                                  line: r.line, context: context)
                block.carried = carried
                block.cellLines = lines
                blocks.append(block)
                index += 1
            }
            // Cells standing without <tr>: read them as rows of two (key, value).
            var i = 0
            while i < looseCells.count {
                let pair = Array(looseCells[i..<min(i + 2, looseCells.count)])
                let texts = pair.map { cellText($0) }
                if texts.contains(where: { !$0.isEmpty }) {
                    blocks.append(Block(kind: .row(cells: texts, table: id, row: index), text: texts.joined(separator: "\t"),
                                        line: pair[0].line, context: context))
                    index += 1
                }
                i += 2
            }
        }

        /// Elements that lay out a page rather than a table cell's value.
        static let structural: Set<String> = ["div", "blockquote", "section", "article", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "form", "main", "aside", "header", "footer"]

        func hasBlocks(_ e: HTMLElement) -> Bool {
            !e.descendants { BlockBuilder.blockElements.contains($0.name) }.isEmpty
        }

        /// A cell's lines: its text split at `<br>` and at block children, each cleaned,
        /// empty lines dropped.
        func cellLines(_ cell: HTMLElement) -> [String] {
            var out: [String] = []
            var cur = ""
            func walk(_ nodes: [HTMLNode]) {
                for n in nodes {
                    switch n {
                    case .text(let t): cur += t
                    case .element(let c):
                        if c.name == "br" { out.append(cur); cur = "" }
                        let isBlock = BlockBuilder.blockElements.contains(c.name)
                        if isBlock { out.append(cur); cur = "" }
                        walk(c.children)
                        if isBlock { out.append(cur); cur = "" }
                    }
                }
            }
            walk(cell.children)
            out.append(cur)
            return out.map { TextCleaner.clean($0) }.filter { !$0.isEmpty }
        }

        func cellText(_ cell: HTMLElement) -> String {
            // Block children and <br> inside a cell separate text with a line break, which
            // clean() keeps as a space only between non-CJK characters.
            var out = ""
            func walk(_ nodes: [HTMLNode]) {
                for n in nodes {
                    switch n {
                    case .text(let t): out += t
                    case .element(let c):
                        if c.name == "br" { out += "\n" }
                        walk(c.children)
                        if BlockBuilder.blockElements.contains(c.name) { out += "\n" }
                    }
                }
            }
            walk(cell.children)
            return TextCleaner.clean(out)
        }
    }
}
