import CLibXML2
import Foundation

/// A node of a parsed HTML document, as a Swift value: no libxml2 pointer escapes this
/// module (every `xmlDoc` is freed before `HTMLDocument.parse` returns).
public enum HTMLNode: Sendable, Equatable {
    /// An element.
    case element(HTMLElement)
    /// Character data, entities decoded (`&nbsp;` is U+00A0).
    case text(String)
}

/// An element: lowercase tag name, attributes, children and the 1-based source line
/// where libxml2 saw its start tag.
public struct HTMLElement: Sendable, Equatable {
    /// Lowercase tag name (`p`, `td`, `o:p` …).
    public let name: String
    /// Attributes by lowercase name.
    public let attributes: [String: String]
    /// Child nodes in document order (comments, `script` and `style` dropped).
    public let children: [HTMLNode]
    /// 1-based line of the start tag in the decoded source.
    public let line: Int
    /// `name` as a `Tag` (`.other` for names the reader does not test), so that the
    /// block builder compares bytes, not strings.
    let tag: Tag
    /// Facts about the subtree, computed once from the children (see `Subtree`).
    let subtree: Subtree

    /// Creates an element; `tag` and `subtree` follow from `name` and `children`.
    init(name: String, attributes: [String: String], children: [HTMLNode], line: Int) {
        self.init(name: name, tag: Tag.of(name), attributes: attributes, children: children, line: line)
    }

    /// Creates an element whose `tag` is already known (`Tag.of(name)`).
    init(name: String, tag: Tag, attributes: [String: String], children: [HTMLNode], line: Int) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
        self.tag = tag
        var facts = Subtree()
        for child in children {
            switch child {
            case .text(let t):
                if !facts.contains(.visibleText), TextCleaner.hasVisible(t) { facts.insert(.visibleText) }
            case .element(let c):
                let f = c.subtree
                if f.contains(.visibleText) { facts.insert(.visibleText) }
                if c.tag.isBlock || f.contains(.blockBelow) { facts.insert(.blockBelow) }
                if (c.tag.isBlock && f.contains(.visibleText)) || f.contains(.blockWithTextBelow) { facts.insert(.blockWithTextBelow) }
                if c.tag == .table || f.contains(.tableBelow) { facts.insert(.tableBelow) }
                if c.tag.isStructural || f.contains(.structuralBelow) { facts.insert(.structuralBelow) }
                if c.tag == .br || f.contains(.lineBreakBelow) { facts.insert(.lineBreakBelow) }
            }
        }
        self.subtree = facts
    }

    /// What lies below an element (strictly below: the element itself is not counted).
    struct Subtree: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        /// Some text below is other than white space (`hasVisibleText`).
        static let visibleText = Subtree(rawValue: 1)
        /// A block element (`Tag.isBlock`) below.
        static let blockBelow = Subtree(rawValue: 2)
        /// A block element with visible text below.
        static let blockWithTextBelow = Subtree(rawValue: 4)
        /// A `table` below.
        static let tableBelow = Subtree(rawValue: 8)
        /// A structural element (`Tag.isStructural`) below.
        static let structuralBelow = Subtree(rawValue: 16)
        /// A `<br>` below.
        static let lineBreakBelow = Subtree(rawValue: 32)
    }

    /// Tag names the reader tests, numbered.
    enum Tag: UInt8, Sendable, CaseIterable {
        case other
        case html, body, div, p, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd
        case table, tbody, thead, tfoot, tr, td, th, section, article, header, footer, main
        case nav, aside, blockquote, center, form, pre, address, figure, figcaption, caption
        case br, b, strong, head, title, script, style, noscript, template, colgroup, label
        case sup

        /// The tag's name (`other`: none).
        var name: String { self == .other ? "" : "\(self)" }

        /// The tag named by the UTF-8 bytes `name` exactly, else `.other`: names of up to
        /// eight bytes are read as one little-endian integer and switched on.
        static func of(bytes name: UnsafeBufferPointer<UInt8>) -> Tag {
            if name.count > 8 || name.contains(0) {
                if name.elementsEqual("blockquote".utf8) { return .blockquote }
                if name.elementsEqual("figcaption".utf8) { return .figcaption }
                return .other
            }
            var packed: UInt64 = 0
            for (i, b) in name.enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            switch packed {
            case 0x6C6D7468: return .html
            case 0x79646F62: return .body
            case 0x766964: return .div
            case 0x70: return .p
            case 0x3168: return .h1
            case 0x3268: return .h2
            case 0x3368: return .h3
            case 0x3468: return .h4
            case 0x3568: return .h5
            case 0x3668: return .h6
            case 0x696C: return .li
            case 0x6C75: return .ul
            case 0x6C6F: return .ol
            case 0x6C64: return .dl
            case 0x7464: return .dt
            case 0x6464: return .dd
            case 0x656C626174: return .table
            case 0x79646F6274: return .tbody
            case 0x6461656874: return .thead
            case 0x746F6F6674: return .tfoot
            case 0x7274: return .tr
            case 0x6474: return .td
            case 0x6874: return .th
            case 0x6E6F6974636573: return .section
            case 0x656C6369747261: return .article
            case 0x726564616568: return .header
            case 0x7265746F6F66: return .footer
            case 0x6E69616D: return .main
            case 0x76616E: return .nav
            case 0x6564697361: return .aside
            case 0x7265746E6563: return .center
            case 0x6D726F66: return .form
            case 0x657270: return .pre
            case 0x73736572646461: return .address
            case 0x657275676966: return .figure
            case 0x6E6F6974706163: return .caption
            case 0x7262: return .br
            case 0x62: return .b
            case 0x676E6F727473: return .strong
            case 0x6C6562616C: return .label
            case 0x64616568: return .head
            case 0x656C746974: return .title
            case 0x747069726373: return .script
            case 0x656C797473: return .style
            case 0x7470697263736F6E: return .noscript
            case 0x6574616C706D6574: return .template
            case 0x70756F72676C6F63: return .colgroup
            case 0x707573: return .sup
            default: return .other
            }
        }

        /// The tag named `name` exactly, else `.other`.
        static func of(_ name: String) -> Tag {
            var name = name
            return name.withUTF8 { of(bytes: $0) }
        }

        /// Block-level elements (`BlockBuilder.blockElements`).
        var isBlock: Bool { rawValue >= Tag.html.rawValue && rawValue <= Tag.caption.rawValue }

        /// Elements that lay out a page rather than a table cell's value
        /// (`BlockBuilder.Builder.structural`).
        var isStructural: Bool {
            switch self {
            case .div, .blockquote, .section, .article, .ul, .ol, .dl, .h1, .h2, .h3, .h4, .h5, .h6,
                 .form, .main, .aside, .header, .footer: return true
            default: return false
            }
        }

        /// Elements whose content is not page text (dropped by the conversion).
        var isSkipped: Bool { self == .script || self == .style || self == .noscript || self == .template }

        /// Table structure kept as a tree below the depth limit.
        var isTableStructure: Bool {
            switch self {
            case .table, .tbody, .thead, .tfoot, .tr, .colgroup: return true
            default: return false
            }
        }
    }

    /// All text below this element, concatenated without separators.
    public var textContent: String {
        var out = ""
        func walk(_ nodes: [HTMLNode]) {
            for n in nodes {
                switch n {
                case .text(let t): out += t
                case .element(let e): walk(e.children)
                }
            }
        }
        walk(children)
        return out
    }

    /// Whether any text below this element is other than white space (computed once,
    /// when the element is made).
    public var hasVisibleText: Bool { subtree.contains(.visibleText) }

    /// Child elements only.
    public var childElements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Every element below this one (depth first, document order) that satisfies `test`.
    public func descendants(where test: (HTMLElement) -> Bool) -> [HTMLElement] {
        var out: [HTMLElement] = []
        func walk(_ e: HTMLElement) {
            for c in e.childElements {
                if test(c) { out.append(c) }
                walk(c)
            }
        }
        walk(self)
        return out
    }
}

/// The result of parsing one page with libxml2's HTML parser.
public struct HTMLDocument: Sendable {
    /// The root element (`html`); nil when libxml2 produced no tree.
    public let root: HTMLElement?
    /// Errors libxml2 reported (silenced, counted).
    public let errorCount: Int
    /// Warnings libxml2 reported (silenced, counted).
    public let warningCount: Int
    /// libxml2's message when it dropped part of the page (nesting deeper than 256
    /// levels, a text node over 10 MB, …); nil when it read everything.
    public let droppedContent: String?

    /// Parses `bytes` (already stripped of any BOM) as HTML in `encoding` (a libxml2 /
    /// iconv encoding name such as "UTF-8" or "GB18030"), in recover mode, with network
    /// access forbidden and errors counted instead of printed.
    /// - Throws: `IngestError.parse` when libxml2 returns no document (e.g. empty input).
    public static func parse(bytes: [UInt8], encoding: String, file: String = "-") throws -> HTMLDocument {
        HTMLDocument.initializeOnce
        var report = sl_parse_report()
        // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, so a page nested deeper
        // (unclosed tags, editors' wrappers) is read whole; the tree is flattened below
        // `maxDepth` (see `convert`), so nothing here recurses with the page's depth.
        let options = parseOptions
        let root: HTMLElement? = try withUnsafeMutablePointer(to: &report) { reportPtr -> HTMLElement? in
            sl_silence_errors(reportPtr)
            defer { sl_restore_errors() }
            guard let doc = bytes.withUnsafeBufferPointer({ buf -> htmlDocPtr? in
                buf.withMemoryRebound(to: CChar.self) { chars in
                    htmlReadMemory(chars.baseAddress, Int32(chars.count), file, encoding, options)
                }
            }) else {
                throw IngestError(file: file, kind: .parse, message: "libxml2 returned no document (\(bytes.isEmpty ? "empty input" : "unparseable input"))")
            }
            defer { xmlFreeDoc(doc) }
            guard let rootNode = xmlDocGetRootElement(doc) else { return nil }
            let (name, tag) = elementTag(rootNode)
            return convert(rootNode, name: name, tag: tag, depth: 0)
        }
        var dropped: String?
        if report.dropped > 0 {
            dropped = withUnsafeBytes(of: report.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }.trimmingCharacters(in: .whitespaces)
        }
        return HTMLDocument(root: root, errorCount: Int(report.errors), warningCount: Int(report.warnings), droppedContent: dropped)
    }

    /// Recover mode, no network, errors counted not printed, and XML_PARSE_HUGE (see `parse`).
    static let parseOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
                                    | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue) | Int32(XML_PARSE_HUGE.rawValue)

    private static let initializeOnce: Void = { xmlInitParser() }()

    /// Nesting kept as a tree; deeper content is flattened (see `flatten`).
    static let maxDepth = 96

    /// `String(cString: p).lowercased()`, without the Unicode case mapping when the name
    /// is ASCII (libxml2 lowercases HTML names already; then no copy is made at all).
    private static func lowercaseName(_ p: UnsafePointer<xmlChar>) -> String {
        let count = strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: p, count: count)
        var upper = false
        for b in bytes {
            if b >= 0x80 { return String(cString: p).lowercased() }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        if !upper { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: count) { out in
            for (i, b) in bytes.enumerated() { out[i] = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : b }
            return count
        }
    }

    private static func elementName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { lowercaseName($0) } ?? ""
    }

    /// `elementName` and its `Tag`.
    private static func elementTag(_ node: xmlNodePtr) -> (String, HTMLElement.Tag) {
        let name = elementName(node)
        return (name, HTMLElement.Tag.of(name))
    }

    private static func attributes(_ node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name {
                let key = lowercaseName(n)
                // xmlNodeGetContent's own shortcut, without its copy: no children is the
                // empty string, one text child is that text; anything else goes through it.
                if let only = a.pointee.children, only.pointee.next == nil,
                   only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE {
                    if let content = only.pointee.content { attributes[key] = String(cString: content) }
                } else if a.pointee.children == nil {
                    attributes[key] = ""
                } else if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                    attributes[key] = String(cString: value)
                    sl_xmlFree(value)
                }
            }
            attr = a.pointee.next
        }
        return attributes
    }

    /// Whether character data is itself markup: escaped HTML in a feed's `<description>`
    /// (`&lt;p&gt;…&lt;/p&gt;`, decoded by the parser to `<p>…</p>`) or a CDATA section of
    /// HTML. Shown as text, it would put tags among the words; it is parsed again instead.
    /// Evidence: a closing tag or a `<br`/`<p>`/`<li>` of HTML, and a `>` after the `<`.
    static func isMarkup(_ content: UnsafePointer<xmlChar>) -> Bool {
        let n = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        let u = UnsafeBufferPointer(start: content, count: n)
        var sawTag = false
        var i = 0
        // `&lt;`/`&gt;` count as `<`/`>`: markup escaped twice (`&amp;lt;p&amp;gt;`) reads
        // `&lt;p&gt;` after the first parse.
        func entity(_ at: Int, _ letter: UInt8) -> Bool {
            at + 3 < n && u[at] == 0x26 && u[at + 1] == letter && u[at + 2] == 0x74 && u[at + 3] == 0x3B  // &lt; &gt;
        }
        while i < n {
            if entity(i, 0x6C) {  // &lt; as <
                if opensTag(u, after: i + 4) { sawTag = true }
                i += 4
                continue
            }
            if entity(i, 0x67), sawTag { return true }  // &gt; as >
            if u[i] == 0x3C, opensTag(u, after: i + 1) { sawTag = true }
            else if u[i] == 0x3E, sawTag { return true }
            i += 1
        }
        return false
    }

    /// Whether the bytes of `u` from `j` (just after a `<`) open `/x`, `br`, `p` or `li` (a
    /// tag of HTML, not `a < b`).
    static func opensTag(_ u: UnsafeBufferPointer<UInt8>, after j: Int) -> Bool {
        let n = u.count
        func lower(_ i: Int) -> UInt8 { i < n ? u[i] | 0x20 : 0 }
        func ends(_ i: Int) -> Bool { i < n && (u[i] == 0x3E || u[i] == 0x20 || u[i] == 0x2F || u[i] == 0x26) }  // > space / &
        if j < n, u[j] == 0x2F, lower(j + 1) >= 0x61, lower(j + 1) <= 0x7A { return true }  // </x
        if lower(j) == 0x62, lower(j + 1) == 0x72, ends(j + 2) { return true }             // <br
        if lower(j) == 0x70, ends(j + 1) { return true }                                   // <p
        return lower(j) == 0x6C && lower(j + 1) == 0x69 && ends(j + 2)                     // <li
    }

    /// Character data that is markup (`isMarkup`), parsed as an HTML fragment into a
    /// `div` whose lines continue from `line`; nil when it gives no element. Re-parsing
    /// stops at `fragmentDepth` 2 (escaped twice), so no input parses itself forever.
    private static func fragment(_ content: UnsafePointer<xmlChar>, line: Int, fragmentDepth: Int) -> HTMLElement? {
        guard fragmentDepth < 2 else { return nil }
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        let options = parseOptions
        let wrapped = Array("<html><body><div>".utf8) + Array(UnsafeBufferPointer(start: content, count: length)) + Array("</div></body></html>".utf8)
        guard let doc = wrapped.withUnsafeBufferPointer({ buf in
            buf.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        let html = convert(root, name: "html", tag: .of("html"), depth: 0, lineOffset: line - 1, fragmentDepth: fragmentDepth + 1)
        func child(_ e: HTMLElement, _ name: String) -> HTMLElement? {
            e.children.lazy.compactMap { node -> HTMLElement? in
                if case .element(let c) = node, c.name == name { return c }
                return nil
            }.first
        }
        // The fragment is what the wrapper div holds (all of the body when the fragment
        // closed it early). Inline markup (&lt;b&gt;name&lt;/b&gt; in a table cell) stays inline.
        guard let body = child(html, "body") else { return nil }
        let content = body.children.count == 1 ? child(body, "div") ?? body : body
        return HTMLElement(name: content.subtree.contains(.blockBelow) ? "div" : "span", attributes: [:], children: content.children, line: line)
    }

    /// Converts a libxml2 element and its subtree to Swift values, recursing at most
    /// `maxDepth` levels; below that the subtree is flattened. `lineOffset` is added to
    /// libxml2's lines (a fragment's lines count from its text node's).
    private static func convert(_ node: xmlNodePtr, name: String, tag: HTMLElement.Tag, depth: Int,
                                lineOffset: Int = 0, fragmentDepth: Int = 0) -> HTMLElement {
        var children: [HTMLNode] = []
        // Table structure (table, tbody, tr …) is kept down to its cells, so that a table
        // past the depth still has rows; the flattening starts at the cell.
        if depth >= maxDepth && !tag.isTableStructure {
            children = flatten(node)
        } else {
            var count = 0
            var child = node.pointee.children
            while let c = child { count += 1; child = c.pointee.next }
            children.reserveCapacity(count)
            child = node.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    let (childName, childTag) = elementTag(c)
                    if !childTag.isSkipped && !(childTag == .sup && isFootnoteReference(c)) {
                        children.append(.element(convert(c, name: childName, tag: childTag, depth: depth + 1,
                                                         lineOffset: lineOffset, fragmentDepth: fragmentDepth)))
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = c.pointee.content else { break }
                    if isMarkup(content), let f = fragment(content, line: Int(xmlGetLineNo(c)) + lineOffset, fragmentDepth: fragmentDepth) {
                        children.append(.element(f))
                    } else {
                        children.append(.text(String(cString: content)))
                    }
                default:
                    break  // comments, processing instructions, DTD nodes
                }
                child = c.pointee.next
            }
        }
        return HTMLElement(name: name, tag: tag, attributes: attributes(node), children: children, line: Int(xmlGetLineNo(node)) + lineOffset)
    }

    /// Whether a `<sup>` is a footnote reference and no page text: its text, white space
    /// trimmed, is 1–3 digits (bare or in `[]` / `［］` / `〔〕`) or a run of `*†‡§`
    /// (`Co., Ltd.<sup>3</sup>`). Dropped with what it holds, so that no applicant or
    /// name ends in a footnote number.
    static func isFootnoteReference(_ node: xmlNodePtr) -> Bool {
        // The text below the node, read no further than a mark can be long (32 bytes) and
        // through no more than 16 nodes: a page of unclosed <sup>s nests each in the one
        // before, and reading each one's whole content took quadratic time.
        var bytes: [UInt8] = []
        var visited = 0
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { stack.append(c); child = c.pointee.next }
        stack.reverse()
        while let n = stack.popLast() {
            visited += 1
            if visited > 16 || bytes.count > 32 { return false }
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content {
                    var p = content
                    while p.pointee != 0 { bytes.append(p.pointee); if bytes.count > 32 { return false }; p += 1 }
                }
            case XML_ELEMENT_NODE:
                var kids: [xmlNodePtr] = []
                var k = n.pointee.children
                while let x = k { kids.append(x); k = x.pointee.next; if kids.count > 16 { return false } }
                stack.append(contentsOf: kids.reversed())
            default:
                break
            }
        }
        return isFootnoteMark(String(decoding: bytes, as: UTF8.self))
    }

    /// The text test of `isFootnoteReference`.
    static func isFootnoteMark(_ text: String) -> Bool {
        var u = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars)
        guard !u.isEmpty, u.count <= 8 else { return false }
        if u.allSatisfy({ "*†‡§".unicodeScalars.contains($0) }) { return true }
        if let f = u.first, let l = u.last, u.count >= 3,
           (f == "[" && l == "]") || (f == "［" && l == "］") || (f == "〔" && l == "〕") { u = Array(u[1..<(u.count - 1)]) }
        return (1...3).contains(u.count) && u.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// The content below `node` as one flat run, walked with an explicit stack (no
    /// recursion, whatever the depth): text in document order, a `<br>` wherever a block
    /// element (`p`, `div`, `li`, `td`, headings …) starts or ends, so that its lines
    /// stay separate units; inline elements add nothing.
    private static func flatten(_ node: xmlNodePtr) -> [HTMLNode] {
        var out: [HTMLNode] = []
        func breakLine(_ n: xmlNodePtr) {
            out.append(.element(HTMLElement(name: "br", attributes: [:], children: [], line: Int(xmlGetLineNo(n)))))
        }
        // (node, entering) pairs: a block element gets a break on entry and on exit.
        var stack: [(xmlNodePtr, Bool)] = []
        var child = node.pointee.children
        var firstLevel: [xmlNodePtr] = []
        while let c = child { firstLevel.append(c); child = c.pointee.next }
        for c in firstLevel.reversed() { stack.append((c, true)) }
        while let (n, entering) = stack.popLast() {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = HTMLElement.Tag.of(elementName(n))
                if tag.isSkipped || tag == .sup && isFootnoteReference(n) { continue }
                let block = tag == .br || tag.isBlock
                if !entering { if block { breakLine(n) }; continue }
                if block { breakLine(n) }
                stack.append((n, false))
                var kids: [xmlNodePtr] = []
                var k = n.pointee.children
                while let x = k { kids.append(x); k = x.pointee.next }
                for x in kids.reversed() { stack.append((x, true)) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out.append(.text(String(cString: content))) }
            default:
                break
            }
        }
        return out
    }
}
