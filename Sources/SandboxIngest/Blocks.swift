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
    /// Whether `lead` comes wholly from a form's `<label>`: a caption by markup, never the
    /// bold start of a word (so a two-character `<label>属于</label>` before a value is a label).
    public var leadIsCaption = false
    /// Nesting depth of list items (`<li>`) around the block (0 outside lists).
    public var listDepth = 0
    /// Whether the block continues the one before it across a `<br>` inside an inline
    /// element (`<span class=v>基于区块链的<br>产业金融服务</span>`): a wrapped value, where a
    /// `<br>` directly under the block element separates units.
    public var wraps = false
    /// The cleaned texts of the bold runs (`isBold`) of the unit, in order; adjacent bold
    /// elements make one run (a WeChat article cuts its text into many `<span>`s).
    public var emphasis: [String] = []

    /// The same unit with another text (every other field kept).
    func withText(_ text: String) -> Block {
        var out = Block(kind: kind, text: text, line: line, context: context)
        out.carried = carried
        out.cellLines = cellLines
        out.lead = lead
        out.leadIsCaption = leadIsCaption
        out.listDepth = listDepth
        out.wraps = wraps
        out.emphasis = emphasis
        return out
    }
}

/// Cleans text the way a browser lays it out (CSS Text Level 3, white-space processing):
/// runs of white space (`ScalarClass.isWhiteSpace`: spaces, tabs, line breaks, and the
/// rest of Unicode's White_Space) become one space; a run that
/// holds a line break between two CJK characters disappears (segment break
/// transformation: Chinese has no spaces between words, so a source line wrap inside a
/// sentence, as Word-exported pages have, is not a space); a space typed between CJK
/// characters is kept. No-break and ideographic spaces (U+00A0, U+3000) count as spaces
/// and never vanish. Leading and trailing white space is dropped.
public enum TextCleaner {
    /// Whether `s` is a CJK ideograph, CJK punctuation or a full-width form (`ScalarClass.isCJK`).
    public static func isCJK(_ s: Unicode.Scalar) -> Bool { ScalarClass.isCJK(s) }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s.value == 0x0A || s.value == 0x0D }

    /// Collapses white space as described above.
    public static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { clean(utf8: $0) }
    }

    /// `clean` of UTF-8 bytes (well-formed, as a `String`'s are).
    static func clean(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { clean(utf8: $0) }
    }

    /// The scalar starting at `i` in well-formed UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// `ScalarClass.isCJK` of a scalar value.
    @inline(__always)
    static func isCJK(value v: UInt32) -> Bool {
        switch v {
        case 0x3000...0x303F, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF, 0x2018...0x201F: return true
        default: return false
        }
    }

    /// `clean` on bytes: one pass, whole scalars copied, one string made.
    static func clean(utf8 src: UnsafeBufferPointer<UInt8>) -> String {
        let n = src.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { dst in
            var o = 0
            var i = 0
            var before: UInt32 = 0  // last scalar written
            var wrote = false
            while i < n {
                let (v, length) = scalar(src, at: i)
                if ScalarClass.isWhiteSpace(value: v) {
                    var lineBreak = false
                    var hard = false  // U+00A0 or U+3000: a space the author typed on purpose
                    var j = i
                    var after: UInt32 = 0
                    var hasAfter = false
                    while j < n {
                        let (w, l) = scalar(src, at: j)
                        if !ScalarClass.isWhiteSpace(value: w) { after = w; hasAfter = true; break }
                        if w == 0x0A || w == 0x0D { lineBreak = true }
                        if w == 0xA0 || w == 0x3000 { hard = true }
                        j += l
                    }
                    if wrote, hasAfter, !ScalarClass.isWhiteSpace(value: before) {
                        let vanishes = lineBreak && !hard && isCJK(value: before) && isCJK(value: after)
                        if !vanishes { dst[o] = 0x20; o += 1; before = 0x20 }
                    }
                    i = j
                    continue
                }
                for k in 0..<length { dst[o + k] = src[i + k] }
                o += length
                before = v
                wrote = true
                i += length
            }
            return o
        }
    }

    /// `text.unicodeScalars.count`, from the UTF-8 bytes (those that start a scalar).
    static func scalarCount(_ text: String) -> Int {
        var count = 0
        for b in text.utf8 where b & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Scalars of `text` other than white space (`ScalarClass.isWhiteSpace`).
    static func visibleCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { p in
            var count = 0
            var i = 0
            while i < p.count {
                let (v, length) = scalar(p, at: i)
                if !ScalarClass.isWhiteSpace(value: v) { count += 1 }
                i += length
            }
            return count
        }
    }

    /// Whether `text` holds a scalar other than white space (`ScalarClass.isWhiteSpace`).
    static func hasVisible(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { p in
            var i = 0
            while i < p.count {
                let (v, length) = scalar(p, at: i)
                if !ScalarClass.isWhiteSpace(value: v) { return true }
                i += length
            }
            return false
        }
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
        /// Raw text (UTF-8), cleaned when the line is done.
        var text: [UInt8] = []
        var boldCount = 0
        var count = 0
        var line = 0
        /// Raw text (UTF-8) of the bold run that opens the line, while it is still open.
        var leadRaw: [UInt8] = []
        /// False once non-bold visible text has been seen.
        var leadOpen = true
        /// Whether every part of the lead so far came from inside a `<label>`.
        var leadCaption = true
        /// Whether the `<br>` that opened the line sits inside an inline element.
        var wraps = false
        /// Raw text (UTF-8) of each bold run, and whether the last one is still open.
        var boldRuns: [[UInt8]] = []
        var boldOpen = false
    }

    /// Whether an element renders its text bold: `<b>`, `<strong>`, or an inline style
    /// `font-weight: bold|bolder|600…900`. A form's `<label>` counts too: like a bold run,
    /// it marks the text it holds as a caption (`<label>谁申请</label><output>…</output>`).
    static func isBold(_ e: HTMLElement) -> Bool {
        if e.tag == .b || e.tag == .strong || e.tag == .label { return true }
        guard !e.attributes.isEmpty, let raw = e.attributes["style"] else { return false }
        if let ascii = asciiBold(raw) { return ascii }
        let style = raw.lowercased()
        guard let r = style.range(of: "font-weight") else { return false }
        let rest = style[r.upperBound...].drop { $0 == " " || $0 == ":" }
        return rest.hasPrefix("bold") || rest.hasPrefix("bolder") || ["6", "7", "8", "9"].contains(where: { rest.hasPrefix($0 + "00") })
    }

    /// Whether a style's bytes can be searched as bytes: ASCII, and otherwise only CJK
    /// characters (`font-family:宋体`) that neither case-map to ASCII nor combine with
    /// the character before them (U+302A–302F do), so that lowercasing ASCII bytes and
    /// comparing bytes finds what `lowercased()` and Foundation's search find.
    static func searchableAsBytes(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            if p[i] < 0x80 { i += 1; continue }
            let (v, length) = TextCleaner.scalar(p, at: i)
            guard TextCleaner.isCJK(value: v), !(0x302A...0x302F).contains(v) else { return false }
            i += length
        }
        return true
    }

    /// `isBold`'s style test on the bytes of the style; nil when they cannot be searched
    /// as bytes (`searchableAsBytes`: then Unicode case mapping and Foundation decide).
    static func asciiBold(_ style: String) -> Bool? {
        var style = style
        return style.withUTF8 { p -> Bool? in
            if !searchableAsBytes(p) { return nil }
            let key = Array("font-weight".utf8)
            guard let at = find(key, in: p, lowercasing: true) else { return false }
            var i = at + key.count
            while i < p.count, p[i] == 0x20 || p[i] == 0x3A { i += 1 }
            func lower(_ k: Int) -> UInt8 { k < p.count ? asciiLower(p[k]) : 0 }
            if lower(i) == 0x62, lower(i + 1) == 0x6F, lower(i + 2) == 0x6C, lower(i + 3) == 0x64 { return true }  // bold
            return (0x36...0x39).contains(lower(i)) && lower(i + 1) == 0x30 && lower(i + 2) == 0x30  // 600…900
        }
    }

    @inline(__always)
    static func asciiLower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }

    /// The first index where `key` (lowercase ASCII) occurs in `p`, comparing `p`
    /// lowercased when `lowercasing`.
    static func find(_ key: [UInt8], in p: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> Int? {
        guard key.count <= p.count else { return nil }
        var i = 0
        outer: while i + key.count <= p.count {
            for k in 0..<key.count {
                let b = lowercasing ? asciiLower(p[i + k]) : p[i + k]
                if b != key[k] { i += 1; continue outer }
            }
            return i
        }
        return nil
    }

    /// Whether an inline style sets `white-space: pre…` (spaces ignored, any case).
    static func stylePreformats(_ raw: String) -> Bool {
        var style = raw
        let ascii: Bool? = style.withUTF8 { p -> Bool? in
            if !searchableAsBytes(p) { return nil }
            var squeezed: [UInt8] = []
            squeezed.reserveCapacity(p.count)
            for b in p where b != 0x20 { squeezed.append(asciiLower(b)) }
            return squeezed.withUnsafeBufferPointer { find(Array("white-space:pre".utf8), in: $0, lowercasing: false) } != nil
        }
        if let ascii { return ascii }
        return raw.lowercased().replacingOccurrences(of: " ", with: "").contains("white-space:pre")
    }

    struct Builder {
        var blocks: [Block] = []
        var tableCounter = 0
        var listDepth = 0

        mutating func visit(_ e: HTMLElement, context: [String]) {
            var ctx = context
            if !e.attributes.isEmpty {
                if let v = e.attributes["class"] { ctx.append(v.lowercased()) }
                if let v = e.attributes["id"] { ctx.append(v.lowercased()) }
            }
            switch e.tag {
            case .aside, .nav, .footer: ctx.append(e.name)
            case .head: return  // <title> is read separately; the rest is not content
            case .table: table(e, context: ctx); return
            default: break
            }
            if e.tag == .li { listDepth += 1 }
            defer { if e.tag == .li { listDepth -= 1 } }
            let hasBlockChild = e.children.contains { if case .element(let c) = $0 { return Self.separates(parent: e, child: c) } else { return false } }
            if !hasBlockChild {
                leaf(e, nodes: e.children[...], context: ctx)
                return
            }
            // Mixed content: inline runs between block children become anonymous paragraphs.
            var runStart = 0
            for (k, child) in e.children.enumerated() {
                if case .element(let c) = child, Self.separates(parent: e, child: c) {
                    if runStart < k { leaf(e, nodes: e.children[runStart..<k], context: ctx, anonymous: true) }
                    runStart = k + 1
                    visit(c, context: ctx)
                }
            }
            if runStart < e.children.count { leaf(e, nodes: e.children[runStart...], context: ctx, anonymous: true) }
        }

        /// Whether `child` breaks `parent`'s inline content into separate blocks. A block
        /// element without visible text does not (Word's `<o:p></o:p>` — which libxml2
        /// reads as a `p` — inside a sentence would otherwise cut it in two). A `p` with
        /// text inside a `p` does: libxml2 nests the paragraphs of pages that never close
        /// their `<P>` tags (old print versions), and each is a paragraph of its own. An
        /// inline element that wraps block elements with text separates too.
        static func separates(parent: HTMLElement, child: HTMLElement) -> Bool {
            if child.tag == .head { return true }
            guard child.tag.isBlock else {
                // An inline element wrapping blocks (<font> around paragraphs and tables on
                // old pages) is a container, not a run of text.
                return child.subtree.contains(.blockWithTextBelow)
            }
            return child.hasVisibleText
        }

        /// Emits the inline content `nodes` of `e` as one block per `<br>`-separated line.
        mutating func leaf(_ e: HTMLElement, nodes: ArraySlice<HTMLNode>, context: [String], anonymous: Bool = false) {
            var lines: [Line] = [Line(line: e.line)]
            let preformatted = e.tag == .pre || (e.attributes["style"].map(BlockBuilder.stylePreformats) ?? false)
            func walk(_ nodes: ArraySlice<HTMLNode>, bold: Bool, caption: Bool = false, nested: Bool = false) {
                for n in nodes {
                    switch n {
                    case .text(let t) where preformatted && t.utf8.contains(0x0A):
                        // In <pre> a line break is a line break: each line is a unit. Split
                        // on the byte: "\r\n" is one Character, so a split on Characters
                        // left it whole and this case recursed until the stack ran out.
                        let parts = t.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
                        for (k, part) in parts.enumerated() {
                            if k > 0 { lines.append(Line(line: lines[lines.count - 1].line + 1)) }
                            walk([HTMLNode.text(String(decoding: part, as: UTF8.self))][...], bold: bold, caption: caption, nested: nested)
                        }
                    case .text(let t):
                        let visible = TextCleaner.visibleCount(t)
                        let last = lines.count - 1
                        lines[last].text.append(contentsOf: t.utf8)
                        lines[last].count += visible
                        if bold { lines[last].boldCount += visible }
                        if visible > 0 {
                            if bold {
                                if lines[last].boldOpen { lines[last].boldRuns[lines[last].boldRuns.count - 1].append(contentsOf: t.utf8) }
                                else { lines[last].boldRuns.append(Array(t.utf8)) }
                            }
                            lines[last].boldOpen = bold
                        }
                        if lines[last].leadOpen {
                            if bold {
                                lines[last].leadRaw.append(contentsOf: t.utf8)
                                if visible > 0 && !caption { lines[last].leadCaption = false }
                            } else if visible > 0 { lines[last].leadOpen = false }
                        }
                    case .element(let c):
                        if c.tag == .br {
                            var next = Line(line: c.line)
                            next.wraps = nested
                            lines.append(next)
                        } else {
                            walk(c.children[...], bold: bold || BlockBuilder.isBold(c), caption: caption || c.tag == .label, nested: true)
                        }
                    }
                }
            }
            walk(nodes, bold: false)
            let headingLevel: Int? = {
                guard !anonymous else { return nil }
                switch e.tag {
                case .h1: return 1
                case .h2: return 2
                case .h3: return 3
                case .h4: return 4
                case .h5: return 5
                case .h6: return 6
                default: return nil
                }
            }()
            // A unit made of a first element and more after it, with nothing between
            // (<span class=label>申请机构</span><span class=value>甲银行</span>): the first
            // element's text is a lead of the first line, as a bold run is, so a label needs
            // no colon there — also when a `<br>` later in the unit wraps the value.
            var elementLead: String?
            let visible = nodes.lazy.filter { n in
                switch n {
                case .text(let t): return TextCleaner.visibleCount(t) > 0
                case .element(let c): return c.tag != .br && !TextCleaner.clean(c.textContent).isEmpty
                }
            }
            if let firstNode = visible.first, case .element(let first) = firstNode, !first.subtree.contains(.lineBreakBelow) {
                let t = TextCleaner.clean(first.textContent)
                if TextCleaner.scalarCount(t) <= 16 { elementLead = t }
            }
            for (index, l) in lines.enumerated() {
                let text = TextCleaner.clean(l.text)
                if text.isEmpty { continue }
                let kind: Block.Kind
                if let level = headingLevel {
                    kind = .heading(level: level)
                } else if !anonymous && e.tag == .dt {
                    kind = .term
                } else if !anonymous && e.tag == .dd {
                    kind = .definition
                } else if l.count > 0 && l.boldCount == l.count && lines.count == 1 {
                    kind = .heading(level: 0)
                } else {
                    kind = .paragraph
                }
                var block = Block(kind: kind, text: text, line: l.line, context: context)
                let lead = TextCleaner.clean(l.leadRaw)
                if !lead.isEmpty, TextCleaner.scalarCount(lead) < TextCleaner.scalarCount(text), text.hasPrefix(lead) {
                    block.lead = lead
                    block.leadIsCaption = l.leadCaption
                } else if lead.isEmpty, index == 0, let e = elementLead, !e.isEmpty, TextCleaner.scalarCount(e) < TextCleaner.scalarCount(text), text.hasPrefix(e) {
                    block.lead = e
                }
                block.listDepth = listDepth
                block.wraps = l.wraps
                if !l.boldRuns.isEmpty { block.emphasis = l.boldRuns.map { TextCleaner.clean($0) }.filter { !$0.isEmpty } }
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
                for case .element(let c) in e.children {
                    switch c.tag {
                    case .tr: rows.append(c)
                    case .td, .th: looseCells.append(c)
                    case .table: break
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
                let cells = r.childElements.filter { $0.tag == .td || $0.tag == .th }
                let nonEmpty = cells.filter { $0.hasVisibleText }
                if nonEmpty.isEmpty { continue }
                // Layout tables (a page, or its body, laid out in a table): a row with one
                // non-empty cell holding blocks, a lone cell, or a cell holding a table of
                // its own is a container, read like a <div>.
                // So is a row with a cell holding structural blocks (a forum post's <div>s
                // and <blockquote> beside its author's cell).
                let nested = cells.contains { $0.subtree.contains(.tableBelow) }
                let structural = cells.contains { $0.subtree.contains(.structuralBelow) && $0.hasVisibleText }
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
            e.subtree.contains(.blockBelow)
        }

        /// A cell's lines: its text split at `<br>` and at block children, each cleaned,
        /// empty lines dropped.
        func cellLines(_ cell: HTMLElement) -> [String] {
            var out: [String] = []
            var cur: [UInt8] = []
            func end() {
                let line = TextCleaner.clean(cur)
                if !line.isEmpty { out.append(line) }
                cur.removeAll(keepingCapacity: true)
            }
            func walk(_ nodes: [HTMLNode]) {
                for n in nodes {
                    switch n {
                    case .text(let t): cur.append(contentsOf: t.utf8)
                    case .element(let c):
                        if c.tag == .br { end() }
                        let isBlock = c.tag.isBlock
                        if isBlock { end() }
                        walk(c.children)
                        if isBlock { end() }
                    }
                }
            }
            walk(cell.children)
            end()
            return out
        }

        func cellText(_ cell: HTMLElement) -> String {
            // Block children and <br> inside a cell separate text with a line break, which
            // clean() keeps as a space only between non-CJK characters.
            var out: [UInt8] = []
            func walk(_ nodes: [HTMLNode]) {
                for n in nodes {
                    switch n {
                    case .text(let t): out.append(contentsOf: t.utf8)
                    case .element(let c):
                        if c.tag == .br { out.append(0x0A) }
                        walk(c.children)
                        if c.tag.isBlock { out.append(0x0A) }
                    }
                }
            }
            walk(cell.children)
            return TextCleaner.clean(out)
        }
    }
}
