import SandboxText
import Foundation

/// One piece of evidence the page gives about its structure, in reading order.
enum Item {
    /// A field label with its value (empty: the value is the next text).
    case field(LabelHit, lines: [String], block: Int)
    /// An application-start cue.
    case start(StartCue, block: Int)
    /// Text that is neither a label nor a cue.
    case text(String, block: Int)
    /// A row of a table that lists the applications (one row or column per application):
    /// its cells already mapped to fields.
    case tableApplication([(LabelHit, [String])], block: Int, summary: Bool, table: Int)
    /// Closing matter (特此公示, signatures, copyright, footers, 责任编辑, 往期推荐 …).
    case closing(block: Int)
    /// A warning about the page's structure.
    case note(String)

    var block: Int {
        switch self {
        case .field(_, _, let b), .start(_, let b), .text(_, let b), .tableApplication(_, let b, _, _), .closing(let b): return b
        case .note: return -1
        }
    }
}

/// An application being assembled from items.
struct Draft {
    var headingName: String?
    var fieldName: String?
    var fieldNameEnglish: String?
    var applicants: [String] = []
    var applicantsTruncated = false
    /// The text of the applicants field being read (its lines joined with "\n"), and where
    /// its names start in `applicants`.
    var applicantsRaw = ""
    var applicantsStart = 0
    var type = "unstated"
    var sections: [Section] = []
    /// Fields set so far (a single-valued field coming round again starts the next one).
    var seen: Set<String> = []
    /// The field the last label set (continuation lines extend it).
    var lastField: String?
    /// Further paragraphs of section i, joined to it with "\n" when the draft is done.
    var continuations: [Int: [String]] = [:]
    var line: Int
    /// The table the draft came from (`Block.Kind.row`'s table number), if any.
    var table: Int?
    /// The heading level of the block that opened the draft (`Segmenter.headingLevel`).
    var startLevel: Int?
    /// True when the draft came from a table that summarises applications described
    /// again in detail elsewhere on the page.
    var fromSummary = false
    /// The number the page gives the application on its opening line (二、X → 2), if any.
    var ordinal: Int?
    /// The heading that gave the first applicants (申请机构): a second applicants heading of
    /// another wording (合作机构, 运营主体, Participants) adds to them, the same wording
    /// coming round again starts the next application.
    var applicantsHeading: String?

    /// Units read since the draft's last field that `Lexicons/fields.yaml` lists: loose
    /// paragraphs and unlisted 【】 sections (`Segmenter.segment` compares siblings' tails).
    var tail = 0
    /// The batch and announcement date of the batch heading the draft stands under
    /// (`BatchScope`), on a page that covers more than one batch.
    var scope: BatchScope?
    /// Whether a numbered title alone opened the draft (prose: （三）X, its text after it).
    var openedByTitle = false
    /// The list depth (`Block.listDepth`) of the first unit read into the draft.
    var listDepth: Int?

    init(line: Int) { self.line = line }

    /// Whether nothing has been read into the draft yet.
    var isEmpty: Bool { headingName == nil && seen.isEmpty && sections.isEmpty }

    /// The Chinese (or only) name, and an English name where the page gives both: a
    /// name field wins over a heading; a heading or field in Latin script beside a name
    /// with Han characters is the English name.
    var names: (name: String?, english: String?) {
        var candidates = [fieldName, headingName].compactMap { $0.map { Self.unquoted(PageText.withoutSymbolEnds($0)) } }.filter { !$0.isEmpty }
        // An English name with the Chinese one in brackets after it is both.
        var glossed: String?
        for i in candidates.indices {
            if let g = PageText.hanGloss(candidates[i]) { candidates[i] = g.gloss; glossed = g.text; break }
        }
        let han = candidates.first { PageText.hasHan($0) }
        let latin = candidates.first { !PageText.hasHan($0) }
        let name = han ?? candidates.first ?? fieldNameEnglish
        var english = fieldNameEnglish ?? (han != nil ? latin : nil) ?? glossed
        if english == name { english = nil }
        return (name, english)
    }

    /// The sections with their continuation paragraphs joined in.
    var joinedSections: [Section] {
        sections.enumerated().map { i, s in
            guard let more = continuations[i] else { return s }
            return Section(field: s.field, heading: s.heading, text: ([s.text] + more).joined(separator: "\n"))
        }
    }

    static let singleValued: Set<String> = ["name", "name_en", "applicants", "application_type", "announced"]

    /// The date an `announced` field gives (ISO 8601), if any.
    var announcedField: String?
    /// The place a `city` field gives, as written.
    var cityField: String?

    /// Whether `text` is a short line (at most 40 scalars) holding none of `stops`: the
    /// wrapped rest of a value, not a sentence.
    static func isShortLine(_ text: String, without stops: String) -> Bool {
        let u = text.unicodeScalars
        return u.count <= 40 && !u.contains(where: { stops.unicodeScalars.contains($0) })
    }

    /// Whether `text` is an English sentence: three words or more, Latin letters and no Han,
    /// ending in a full stop that closes no abbreviation of a company's form (Co., Ltd.,
    /// Inc., Corp., …). A line after an applicants list that reads so is text, not an
    /// applicant.
    static func isEnglishSentence(_ text: String) -> Bool {
        let t = ScalarClass.trimmingHorizontalSpace(text)
        guard t.hasSuffix("."), !PageText.hasHan(t), PageText.latinWordCount(t) >= 3 else { return false }
        let last = t.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return !["co.", "ltd.", "inc.", "corp.", "plc.", "llc.", "l.l.c.", "s.a.", "ag.", "co.,ltd.", "bhd.", "pte.", "limited."].contains(last)
    }

    /// Whether `text`, the line after a name, is the rest of it: a short line without
    /// sentence punctuation, after a name wrapped inside its value element (`wraps`) or
    /// one that cannot end where it does (基于区块链的 / 与 / 和 / 及 / 、).
    static func nameWrapsOnto(_ name: String, _ text: String, wraps: Bool) -> Bool {
        guard PageText.hasHan(text), isShortLine(text, without: "：:。！？；!?，,") else { return false }
        if wraps { return true }
        guard let last = name.unicodeScalars.last else { return false }
        return "的与和及、之".unicodeScalars.contains(last)
    }

    /// `(Chinese: 名称)` / `（英文名称：Name）` after a name: the name in the other script.
    static let nameAnnotation = Pattern(#"[（(]\s*(?:chinese(?:\s+name)?|in\s+chinese|中文(?:名称)?|english(?:\s+name)?|in\s+english|英文(?:名称)?)\s*[:：]?\s*([^()（）]{2,200}?)\s*[)）]\s*$"#, caseInsensitive: true, requires: [["(", "（"], [")", "）"]])

    /// A name given whole in quotes (「名称」, “名称”, 《名称》) without them; a name that only
    /// holds a quoted part (“一路行”移动终端理赔产品) is kept as it is.
    static func unquoted(_ value: String) -> String {
        guard let f = value.unicodeScalars.first, ProseReader.quotes[f] != nil else { return value }
        let u = Array(value.unicodeScalars)
        guard u.count > 2, let close = ProseReader.quotes[u[0]], u[u.count - 1] == close,
              !u[1..<(u.count - 1)].contains(close) else { return value }
        return String(scalars: u[1..<(u.count - 1)])
    }

    /// Takes an annotation in the other script off `value`; returns the bare value.
    mutating func takeAnnotation(_ value: String) -> String {
        guard let c = Self.nameAnnotation.captures(in: value), let whole = c[0], let inner = c[1] else {
            // A Chinese name followed by its English name in brackets, unannounced: three
            // Latin words at least (a bracketed acronym or tag, B2B, Open API, is part of it).
            if let (text, gloss) = PageText.latinGloss(value), PageText.latinWordCount(gloss) >= 3 {
                if fieldNameEnglish == nil { fieldNameEnglish = gloss }
                return text
            }
            return value
        }
        let other = String(value[inner]).trimmingCharacters(in: .whitespaces)
        if PageText.hasHan(other) {
            // The Latin name already read is the English one.
            if let f = fieldName, !PageText.hasHan(f), fieldNameEnglish == nil { fieldNameEnglish = f }
            fieldName = other
        } else {
            fieldNameEnglish = other
        }
        return String(value[..<whole.lowerBound]).trimmingCharacters(in: .whitespaces)
    }

    /// Sets a field.
    mutating func set(_ hit: LabelHit, lines: [String], folder: ScriptFolder = .always) {
        seen.insert(hit.field)
        lastField = hit.field
        switch hit.field {
        case "name":
            let before = fieldName
            let bare = Self.unquoted(takeAnnotation(hit.value))
            if !bare.isEmpty {
                if let f = fieldName, f != before, PageText.hasHan(f), !PageText.hasHan(bare) { fieldNameEnglish = bare }
                else if let f = fieldName, PageText.hasHan(f), !PageText.hasHan(bare) { fieldNameEnglish = bare }
                else { fieldName = bare }
            }
        case "name_en": fieldNameEnglish = takeAnnotation(hit.value)
        case "applicants":
            if applicantsHeading == nil { applicantsHeading = hit.heading }
            applicantsRaw = lines.count > 1 ? lines.joined(separator: "\n") : hit.value
            applicantsStart = applicants.count
            let (names, truncated) = PageParser.splitApplicants(applicantsRaw)
            applicants += names
            applicantsTruncated = truncated
        case "application_type":
            let t = PageParser.applicationType(hit.value, folder: folder)
            if t != "unstated" { type = t }
        case "announced":
            if let d = DateParser.parseAll(folder(hit.value)).first { announcedField = d }
        case "city":
            cityField = hit.value
        case "batch":
            let v = folder(hit.value)
            if let n = PageParser.findBatch(in: [v]) ?? Int(v.filter(\.isASCII).filter(\.isNumber)) ?? ChineseNumerals.value(v) {
                scope = BatchScope(batch: n, announced: nil)
            }
        case "ordinal":
            if let n = Int(hit.value.trimmingCharacters(in: .whitespaces)) ?? FieldLabeler.ordinalValue(hit.value) { ordinal = n }
        default:
            if hit.value.isEmpty { return }
            sections.append(Section(field: hit.field, heading: hit.heading, text: lines.count > 1 ? lines.joined(separator: "\n") : hit.value))
        }
    }

    /// Adds text that continues the last field (or opens a `description`). `wraps`: the
    /// text continues the unit before it across a `<br>` inside an inline element.
    mutating func continueWith(_ line: String, wraps: Bool = false) {
        // A plain-text table's border (`| 续行`) or a bullet opens no text.
        let text = FieldLabeler.stripMarks(line)
        if text.isEmpty { return }
        if lastField == "name" || lastField == "name_en", Self.nameAnnotation.captures(in: text)?[0]?.lowerBound == text.startIndex {
            _ = takeAnnotation(text)
            return
        }
        if lastField == "name", let name = fieldName, Self.nameWrapsOnto(name, text, wraps: wraps) {
            fieldName = name + text
            return
        }
        if lastField == "applicants", Self.isShortLine(text, without: "：:。！？；!?"), !Self.isEnglishSentence(text) {
            // The list is split again as a whole: a line may end inside a name (a hard wrap).
            applicantsRaw += "\n" + text
            let (names, truncated) = PageParser.splitApplicants(applicantsRaw)
            applicants = Array(applicants.prefix(applicantsStart)) + names
            applicantsTruncated = truncated
            return
        }
        // A sentence after a list of applicants ends the list: short lines after it are not applicants.
        if lastField == "name" || lastField == "name_en" || lastField == "application_type" || lastField == "applicants" { lastField = nil }
        if sections.isEmpty || lastField == nil && sections.last?.field != "description" && seen.isEmpty {
            sections.append(Section(field: "description", heading: "", text: text))
        } else if sections.isEmpty {
            sections.append(Section(field: "description", heading: "", text: text))
        } else {
            continuations[sections.count - 1, default: []].append(text)
        }
    }
}

/// A heading that opens one batch's part of a page covering several (一、首批（2020年1月14日
/// 公示，共6个）… 二、第二批（6月2日公示）…): its batch, and its date when it gives one.
struct BatchScope: Equatable {
    var batch: Int
    var announced: String?

    /// The scope a heading opens: a short one (at most 60 scalars, no sentence stop inside)
    /// that names a batch (`PageParser.findBatch`) and opens no application; nil otherwise.
    /// (Callers pass headings only: h1–h6, a bold line, a `<dt>`.)
    static func opened(by text: String, folder: ScriptFolder) -> BatchScope? {
        let u = text.unicodeScalars
        guard u.count <= 60, ByteSearch.contains(text, "批") || ByteSearch.containsASCIICaseInsensitive(text, "batch") else { return nil }
        if let stop = u.firstIndex(where: { "。；;！？!?".unicodeScalars.contains($0) }), u.index(after: stop) != u.endIndex { return nil }
        let f = folder(text)
        guard let batch = PageParser.findBatch(in: [f]) else { return nil }
        return BatchScope(batch: batch, announced: DateParser.parseAll(f).first)
    }
}

/// Where the last application of a page ends when no next start ends it: when 3 or more
/// applications before it all end the same number of units after their last listed field
/// (the page's shape: 申请机构 then one paragraph), what the last one reads beyond that
/// number (a newsletter's next section, a news report's closing paragraphs, a forum's
/// signature) is not part of it.
struct TailShape {
    private var first: Int?
    private var uniform = true
    private var count = 0
    /// The current draft as it stood when its tail reached the siblings' length.
    private var snapshot: Draft?

    /// The tail length every finished sibling has, once 3 have it.
    var expected: Int? { uniform && count >= 3 ? first : nil }

    /// Notes the current draft after a unit was read into it (`Draft.tail` updated).
    mutating func note(_ current: Draft) {
        if let k = expected, current.tail == k { snapshot = current }
    }

    /// Notes a finished draft; `eligible`: one read unit by unit (not a table row).
    mutating func finished(_ d: Draft, eligible: Bool) {
        if !eligible || (first != nil && first != d.tail) { uniform = false }
        if first == nil { first = d.tail }
        count += 1
        snapshot = nil
    }

    /// The last draft cut back to its siblings' tail, with a `trailing_text` warning, or
    /// nil when it is not longer than they are. `line`: where the closing matter starts.
    mutating func trimmed(_ last: Draft, at line: Int?, warnings: inout [String]) -> Draft? {
        guard let k = expected, last.tail > k, let s = snapshot else { return nil }
        let from = line.map { " before line \($0)" } ?? ""
        warnings.append("trailing_text: line \(last.line): \(last.tail - k) unit(s)\(from) after the application's \(k) are left out: its \(count) siblings each end \(k) unit(s) after their last field")
        return s
    }
}

/// Splits a page's blocks into applications from the evidence the page gives — field
/// labels, ordinals, headings followed by fields, tables whose rows or columns are
/// applications, the name field (or another single-valued field) coming round again —
/// rather than from a list of layouts. Text before the first application is the
/// introduction; closing matter and what follows it belong to no application.
struct Segmenter {
    let labeler: FieldLabeler
    /// The page's context words already judged (`PageParser.isClosing`).
    let closingContexts = PageParser.ClosingContexts()

    /// What segmentation found.
    struct Result {
        var drafts: [Draft] = []
        /// Blocks before the first application (title area, byline, introduction).
        var header: [Int] = []
        /// Paragraph texts of the header: the introduction.
        var introduction: [String] = []
        /// Blocks from the closing on.
        var closing: [Int] = []
        var warnings: [String] = []
        /// Whether any field label was seen on the page.
        var sawLabels = false
    }

    // MARK: - Items

    func items(_ blocks: [Block]) -> [Item] {
        closingContexts.noteMainColumn(blocks)
        var items: [Item] = []
        var i = 0
        while i < blocks.count {
            let b = blocks[i]
            if case .row(_, let table, _) = b.kind {
                var j = i
                while j < blocks.count, case .row(_, let t, _) = blocks[j].kind, t == table { j += 1 }
                items += tableItems(blocks, i..<j)
                i = j
                continue
            }
            items += unitItems(b, index: i)
            i += 1
        }
        // A name field that names the announcement itself (an open-information page's
        // metadata table: 名称：…创新监管试点应用公示（2020年第一批）) is page matter.
        return items.map { item in
            if case .field(let hit, _, let b) = item, hit.field == "name", Self.namesTheAnnouncement(hit.value) {
                return .text(blocks[b].text, block: b)
            }
            return item
        }
    }

    /// Whether `text` reads as the title of an announcement, not of an application: it
    /// speaks of a notice (公示, 公告, public notice) and of the programme or a batch
    /// (试点, 第N批, 首批, 批次, pilot, batch; not 批量 or 审批).
    static func namesTheAnnouncement(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["公示", "公告", "public notice"].contains { ByteSearch.contains(lower, $0) }
            && (["试点", "首批", "批次", "pilot", "batch"].contains { ByteSearch.contains(lower, $0) }
                || batchNumber.firstMatch(in: lower) != nil)
    }

    /// 第一批, 第 2 批: a batch, not 批量 or 审批.
    static let batchNumber = Pattern(#"第\s*[一二三四五六七八九十\d]{1,3}\s*批"#, requires: [["批"]])

    /// Items of one text unit.
    func unitItems(_ b: Block, index: Int, lines: [String]? = nil) -> [Item] {
        if PageParser.isClosing(b, folder: labeler.folder, contexts: closingContexts) { return [.closing(block: index)] }
        if let hit = labeler.label(in: b.text, lead: b.lead, leadIsCaption: b.leadIsCaption) {
            var out: [Item] = []
            let (first, more) = labeler.splitInline(hit.value)
            let head = LabelHit(field: hit.field, heading: hit.heading, value: first, unlisted: hit.unlisted)
            out.append(.field(head, lines: more.isEmpty ? (lines ?? []) : [], block: index))
            for m in more { out.append(.field(m, lines: [], block: index)) }
            return out
        }
        if let cue = labeler.ordinal(b.text) { return [.start(cue, block: index)] }
        if let fields = parentheticalFields(b.text) {
            // 名称（申请机构：A；类型：金融服务）：text — a name, its fields in brackets, its text.
            var out: [Item] = [.start(StartCue(name: fields.name, explicit: true), block: index)]
            out += fields.hits.map { .field($0, lines: [], block: index) }
            if !fields.rest.isEmpty { out.append(.text(fields.rest, block: index)) }
            return out
        }
        if isHeadingLike(b), let cue = headingCue(b.text) { return [.start(cue, block: index)] }
        return [.text(b.text, block: index)]
    }

    /// `名称（label：value；label：value）[：text]`: a unit that opens with a name followed by
    /// bracketed fields, the first of them a known label.
    func parentheticalFields(_ text: String) -> (name: String, hits: [LabelHit], rest: String)? {
        // The bracket opens within the first 90 scalars: look there before copying the text.
        guard text.unicodeScalars.prefix(90).contains(where: { $0 == "（" || $0 == "(" }) else { return nil }
        let u = Array(text.unicodeScalars)
        guard let open = u.prefix(90).firstIndex(where: { $0 == "（" || $0 == "(" }), open >= 2 else { return nil }
        // The bracket that closes it, brackets inside balanced (申请机构：中国移动(上海)产业研究院、…）.
        var depth = 0
        var closing: Int?
        for i in open..<u.count {
            if u[i] == "（" || u[i] == "(" { depth += 1 }
            if u[i] == "）" || u[i] == ")" { depth -= 1; if depth == 0 { closing = i; break } }
        }
        guard let close = closing else { return nil }
        let inner = String(scalars: u[(open + 1)..<close])
        guard let first = labeler.label(in: inner), !first.value.isEmpty, first.field != "description" else { return nil }
        let (value, more) = labeler.splitInline(first.value)
        let hits = [LabelHit(field: first.field, heading: first.heading, value: value)] + more
        let name = FieldLabeler.stripNumbering(String(scalars: u[..<open]))
        var rest = Array(u[(close + 1)...])
        while let f = rest.first, FieldLabeler.colons.contains(f) || ScalarClass.isWhiteSpace(f) || f == "，" { rest.removeFirst() }
        return (name, hits, String(scalars: rest))
    }

    /// A heading, a bold paragraph, a list item's lead line or a table caption: text that
    /// may name an application.
    func isHeadingLike(_ b: Block) -> Bool {
        switch b.kind {
        case .heading(let level): return level != 1
        case .term: return true
        default: return false
        }
    }

    /// A heading that may name an application (not page titles or structural headings).
    func headingCue(_ text: String) -> StartCue? {
        let lower = labeler.folder(text).lowercased()
        for word in ["公示", "公告", "名单", "列表", "一览", "基本情况", "详情", "public notice", "list of"] where ByteSearch.contains(lower, word) {
            return nil
        }
        let stripped = FieldLabeler.stripNumbering(text)
        // A type alone (a bold 科技产品 under a title) names no application.
        if ProseReader.groupType(stripped) != nil { return nil }
        // An English name takes more letters (also one glossed with the Chinese name).
        let limit = PageText.hasHan(stripped) && PageText.hanGloss(stripped) == nil ? 80 : 200
        if stripped.isEmpty || stripped.unicodeScalars.count > limit { return nil }
        if let last = stripped.unicodeScalars.last, FieldLabeler.colons.contains(last) { return nil }
        return StartCue(name: stripped, explicit: false)
    }

    // MARK: - Tables

    /// Items of one table: a table whose header row maps columns to fields has one
    /// application per row (a rowspan'd first cell continues the application above);
    /// one whose first column maps rows to fields has one application per column (a
    /// transposed table); otherwise its rows are label/value pairs or text.
    func tableItems(_ blocks: [Block], _ range: Range<Int>) -> [Item] {
        var tableID = 0
        if case .row(_, let t, _) = blocks[range.lowerBound].kind { tableID = t }
        let rows: [(cells: [String], lines: [[String]], carried: [Bool], index: Int)] = range.map { i in
            guard case .row(let cells, _, _) = blocks[i].kind else { return ([], [], [], i) }
            let lines = blocks[i].cellLines.count == cells.count ? blocks[i].cellLines : cells.map { [$0] }
            let carried = blocks[i].carried.count == cells.count ? blocks[i].carried : cells.map { _ in false }
            return (cells, lines, carried, i)
        }
        // The header tests look at the same cells several times: label each cell once.
        let memo = LabelMemo(labeler)
        func wholeLabel(_ s: String) -> String? {
            guard let hit = memo.label(s), hit.value.isEmpty else { return nil }
            return hit.field
        }
        func isHeader(_ cells: [String]) -> Bool {
            // (A cell of more than 200 bytes is text, never a heading: no look-up.)
            let mapped = cells.map { $0.utf8.count > 200 ? nil : wholeLabel($0) }
            let labels = mapped.compactMap { $0 }.count
            guard labels >= 2 else { return false }
            let nonEmpty = cells.filter { !$0.isEmpty }.count
            // (A wide table's header may hold columns no field has — 城市, 批次, 序号, 备注 —
            // beside 3 or more labels, two of them side by side: half its cells labelling is
            // enough then. Label/value pairs in a row, 名称 | X | 申请机构 | Y | 类型 | Z, never
            // put two labels side by side.)
            let adjacent = zip(mapped, mapped.dropFirst()).contains { $0 != nil && $1 != nil }
            return (labels >= 2 && labels >= nonEmpty - 1 || labels >= 3 && 2 * labels >= nonEmpty && adjacent)
                && (mapped.contains("name") || mapped.contains("name_en"))
        }
        // A header split over two rows (创新应用 / 名称): the rows joined column by column,
        // a cell carried down by rowspan counted once.
        func joinedHeader(_ k: Int) -> [String]? {
            guard k + 1 < rows.count, rows[k].cells.count == rows[k + 1].cells.count else { return nil }
            let joined = rows[k].cells.indices.map { c in rows[k + 1].carried[c] ? rows[k].cells[c] : rows[k].cells[c] + rows[k + 1].cells[c] }
            return isHeader(joined) ? joined : nil
        }
        // Header row: the first row with 2+ cells that label name/applicants.
        var headerCells: [String]?
        var headerEnd = 0
        // (Caption and note rows — one cell across the table: a title, 资料来源…, a note —
        // may stand above it: they do not count toward the three.)
        let captions = rows.prefix(8).prefix { $0.cells.filter { !$0.isEmpty }.count <= 1 }.count
        for k in 0..<min(captions + 3, rows.count) {
            if isHeader(rows[k].cells) {
                // (The two-row form first when the next row is short cells too: 创新应用 | 申请
                // over 名称 | 机构 reads 创新应用名称 | 申请机构, though its first row alone labels.)
                // (Only when that row labels too — 名称 | 机构 | 类型 —: a data row never does.)
                if k + 1 < rows.count, rows[k + 1].cells.allSatisfy({ $0.unicodeScalars.count <= 10 }),
                   rows[k + 1].cells.filter({ wholeLabel($0) != nil }).count >= 2, let j = joinedHeader(k) {
                    headerCells = j; headerEnd = k + 1
                } else {
                    headerCells = rows[k].cells; headerEnd = k
                }
                break
            }
            if let j = joinedHeader(k) { headerCells = j; headerEnd = k + 1; break }
        }
        if let headings = headerCells {
            let h = headerEnd
            let header = headings.map(wholeLabel)
            var items: [Item] = []
            for r in rows[..<h] { items += rowText(blocks, r.index) }
            var sawApplication = false
            for r in rows[(h + 1)...] {
                // A row whose first cell is carried down continues the application above,
                // unless it names one of its own (a value under the name column).
                let namesOne = r.cells.indices.contains { c in
                    c < header.count && (header[c] == "name" || header[c] == "name_en") && !r.carried[c] && !r.cells[c].isEmpty
                        && r.cells[c].unicodeScalars.count <= 80 && memo.label(r.cells[c]) == nil
                        && (c + 1 >= r.cells.count || !r.cells[c + 1].isEmpty)  // a detail cell spans the columns after it
                }
                let continues = sawApplication && r.carried.first == true && !namesOne
                if continues {
                    // Detail rows under a rowspan'd ordinal: their own cells are units.
                    // A cell that opens with a label is that field; otherwise a cell under
                    // the applicants column adds applicants, one under a text column
                    // continues that text, and one under a single-valued column is noted.
                    for (c, cell) in r.cells.enumerated() where !r.carried[c] && !cell.isEmpty {
                        let unit = Block(kind: .paragraph, text: cell, line: blocks[r.index].line, context: blocks[r.index].context)
                        if memo.label(cell) != nil {
                            items += unitItems(unit, index: r.index, lines: r.lines[c])
                        } else if c < header.count, let f = header[c], f != "name", f != "name_en", f != "application_type" {
                            items.append(.field(LabelHit(field: f, heading: FieldLabeler.trim(headings[c]), value: cell), lines: r.lines[c], block: r.index))
                        } else if c < header.count, header[c] != nil {
                            items.append(.note("summary_continuation: line \(unit.line): '\(cell)' continues an application under a column that holds one value; not used"))
                        } else {
                            items.append(.text(cell, block: r.index))
                        }
                    }
                    continue
                }
                var fields: [(LabelHit, [String])] = []
                for (c, cell) in r.cells.enumerated() where c < header.count && !cell.isEmpty {
                    guard let f = header[c] else { continue }
                    fields.append((LabelHit(field: f, heading: FieldLabeler.trim(headings[c]), value: cell), r.lines[c]))
                }
                // A totals row (合计 | | 8 | 金融服务4项、科技产品4项…) names no application.
                let totals = r.cells.first { !$0.isEmpty }.map { ["合计", "总计", "小计", "total", "totals"].contains(FieldLabeler.trim($0).lowercased()) } ?? false
                if !totals, fields.contains(where: { $0.0.field == "name" || $0.0.field == "name_en" }) {
                    items.append(.tableApplication(fields, block: r.index, summary: true, table: tableID))
                    sawApplication = true
                } else {
                    items += rowText(blocks, r.index)
                }
            }
            return items
        }
        // Transposed: the first column labels 2+ rows, the name once, and 2+ columns of values.
        let firstColumn = rows.map { $0.cells.first.flatMap(wholeLabel) }
        let width = rows.map(\.cells.count).max() ?? 0
        // (Not when the name's row holds another label: rows of two label/value pairs,
        // 创新应用名称 | X | 英文名称 | Y, are label/value rows.)
        let nameRow = firstColumn.firstIndex(of: "name").map { rows[$0].cells.dropFirst() }
        if width >= 3, firstColumn.compactMap({ $0 }).count >= 2, firstColumn.filter({ $0 == "name" }).count == 1,
           nameRow?.contains(where: { wholeLabel($0) != nil }) != true {
            var items: [Item] = []
            for c in 1..<width {
                var fields: [(LabelHit, [String])] = []
                for (k, r) in rows.enumerated() {
                    guard let f = firstColumn[k], c < r.cells.count, !r.cells[c].isEmpty else { continue }
                    fields.append((LabelHit(field: f, heading: FieldLabeler.trim(r.cells[0]), value: r.cells[c]), r.lines[c]))
                }
                if fields.contains(where: { $0.0.field == "name" }) {
                    items.append(.tableApplication(fields, block: rows[0].index, summary: false, table: tableID))
                }
            }
            return items
        }
        // Label/value rows.
        var items: [Item] = []
        for r in rows {
            var c = 0
            var consumed = false
            while c + 1 < r.cells.count {
                if let f = wholeLabel(r.cells[c]), wholeLabel(r.cells[c + 1]) == nil {  // a label's value is no label
                    // The value is the next cell that holds text: spacer columns (Excel's
                    // web export, empty layout cells) stand between a label and its value.
                    var v = c + 1
                    while v + 1 < r.cells.count, r.cells[v].isEmpty { v += 1 }
                    if r.cells[v].isEmpty || wholeLabel(r.cells[v]) != nil { v = c + 1 }
                    let hit = LabelHit(field: f, heading: FieldLabeler.trim(FieldLabeler.stripNumbering(r.cells[c])), value: r.cells[v],
                                       unlisted: memo.label(r.cells[c])?.unlisted ?? false)
                    items.append(.field(hit, lines: r.lines[v], block: r.index))
                    consumed = true
                    c = v + 1
                } else {
                    c += 1
                }
            }
            if !consumed { items += rowText(blocks, r.index) }
        }
        return items
    }

    /// A table row that is not a field: its cells as units (labels inside cells count).
    private func rowText(_ blocks: [Block], _ index: Int) -> [Item] {
        guard case .row(let cells, _, _) = blocks[index].kind else { return [] }
        let nonEmpty = cells.filter { !$0.isEmpty }
        if nonEmpty.isEmpty { return [] }
        let b = blocks[index]
        if nonEmpty.count == 1 {
            return unitItems(Block(kind: .paragraph, text: nonEmpty[0], line: b.line, context: b.context), index: index)
        }
        // A row of short cells reads as one line of text.
        return [.text(nonEmpty.joined(separator: " "), block: index)]
    }

    /// `FieldLabeler.label(in:)` of table cells, each distinct text labelled once.
    /// Texts are told apart by their UTF-8 bytes (`UTF8Key`): String's own hashing
    /// normalises each cell to NFC first, which cost more than labelling short cells.
    final class LabelMemo {
        private let labeler: FieldLabeler
        private var seen: [UTF8Key: LabelHit?] = [:]
        init(_ labeler: FieldLabeler) { self.labeler = labeler }
        func label(_ text: String) -> LabelHit? {
            let key = UTF8Key(text)
            if let known = seen[key] { return known }
            let hit = labeler.label(in: text)
            seen[key] = .some(hit)
            return hit
        }
    }

    // MARK: - Assembly

    /// The heading level of a block: 1–6 for h1–h6, 7 for a bold paragraph or a `<dt>`
    /// (below every h), nil for other text.
    static func headingLevel(_ b: Block) -> Int? {
        switch b.kind {
        case .heading(let level): return level == 0 ? 7 : level
        case .term: return 7
        default: return nil
        }
    }

    /// Whether the field after item `k` is one the current application already has: the
    /// cycle of fields is coming round again.
    func nextFieldRepeats(_ k: Int, items: [Item], in draft: Draft) -> Bool {
        guard k + 1 < items.count, case .field(let hit, _, _) = items[k + 1] else { return false }
        return draft.seen.contains(hit.field) || draft.sections.contains { $0.field == hit.field }
    }

    /// Whether two headings of one field are the same wording: equal ignoring case and,
    /// in English, the plural (Applicant / Applicants, Participant(s)).
    static func sameWording(_ a: String, _ b: String) -> Bool {
        func base(_ s: String) -> String {
            var l = s.lowercased()
            if l.hasSuffix("(s)") { l.removeLast(3) } else if l.hasSuffix("s"), l.unicodeScalars.allSatisfy({ $0.isASCII }) { l.removeLast() }
            return l
        }
        return base(a) == base(b)
    }

    /// Whether text item `k` reads as a title for the fields after it: short, without
    /// sentence punctuation, and followed at once by a field other than the name that
    /// `Lexicons/fields.yaml` lists (a newsletter's 行业动态 before 【数字货币】… items is a
    /// section title, not an application).
    func titleBeforeFields(_ t: String, at k: Int, items: [Item]) -> Bool {
        let n = t.unicodeScalars.count
        guard n >= 2, n <= 60, !t.unicodeScalars.contains(where: { "。；;！？!?".unicodeScalars.contains($0) }),
              !t.unicodeScalars.contains(where: { FieldLabeler.colons.contains($0) && $0 != "｜" }),
              k + 1 < items.count, case .field(let hit, _, _) = items[k + 1], hit.field != "name", hit.field != "name_en", hit.field != "announced", !hit.unlisted else { return false }
        // (An application type alone, 科技产品, names no application.)
        return headingCue(t) != nil && DateParser.parseAll(t).isEmpty && ProseReader.groupType(t) == nil
    }

    func segment(_ blocks: [Block]) -> Result {
        let items = items(blocks)
        var result = Result()
        var current: Draft?
        var pending: LabelHit?
        var outside = false
        var closed = false

        // The last application has no next start to end it: when 3+ applications before it
        // all end the same number of units after their last listed field (the page's shape:
        // 申请机构 then one paragraph), what the last one reads beyond that number (a
        // newsletter's next section, a news report's closing paragraphs) is not part of it.
        var shape = TailShape()
        var scope: BatchScope?
        /// Counts a unit into the current draft's tail (`listed`: a listed field, which ends it).
        func counted(listed: Bool) {
            guard current != nil else { return }
            if listed { current!.tail = 0 } else { current!.tail += 1 }
            shape.note(current!)
        }
        func flush(last: Bool = false, at line: Int? = nil) {
            if last, let c = current, let s = shape.trimmed(c, at: line, warnings: &result.warnings) { current = s }
            if var c = current, !c.isEmpty {
                if c.scope == nil { c.scope = scope }
                result.drafts.append(c)
                shape.finished(c, eligible: c.table == nil && !c.fromSummary)
            }
            current = nil
        }
        /// Whether fields follow item `k` before the next start — and before a title of
        /// their own (楼主 in bold, then `1. X` and X's fields: the fields are X's).
        func fieldsFollow(_ k: Int) -> Bool {
            var j = k + 1
            while j < items.count {
                switch items[j] {
                case .field(let hit, _, _) where hit.field == "announced": break  // a date makes no application
                case .field: return true
                case .start, .closing, .tableApplication: return false
                case .text(let t, _): if titleBeforeFields(t, at: j, items: items) { return false }
                case .note: break
                }
                j += 1
            }
            return false
        }
        func header(_ item: Item) {
            result.header.append(item.block)
            if case .text(let t, _) = item { result.introduction.append(t) }
        }
        /// Applies a field with a value: the name (or another single-valued field) coming
        /// round again starts the next application.
        func apply(_ hit: LabelHit, lines: [String], line: Int, item: Item) {
            if current == nil {
                guard hit.field == "name" || hit.field == "name_en" else { header(item); return }
                current = Draft(line: line)
            } else if Draft.singleValued.contains(hit.field), current!.seen.contains(hit.field),
                      !(current!.fromSummary && hit.field == "applicants"),  // a table row's applicants may run over rows
                      !(hit.field == "applicants" && current!.applicantsHeading.map { !Self.sameWording($0, hit.heading) } == true) {
                flush()
                current = Draft(line: line)
            }
            outside = false
            current!.set(hit, lines: lines, folder: labeler.folder)
        }

        for (k, item) in items.enumerated() {
            if case .note(let warning) = item { result.warnings.append(warning); continue }
            defer { if current != nil, current!.listDepth == nil { current!.listDepth = blocks[item.block].listDepth } }
            if closed {
                // Closing matter followed by applications (特此公示 and the signature, then
                // the attachment that lists them): the applications are read all the same.
                switch item {
                case .tableApplication: closed = false
                case .start(let cue, _) where cue.explicit || fieldsFollow(k) && cue.name.map(ProseReader.readsAsName) == true:
                    closed = false  // (a heading that reads as a name, fields after it)
                case .field(let hit, _, _) where hit.field == "name": closed = false
                default: result.closing.append(item.block); continue
                }
            }
            switch item {
            case .note: break
            case .closing(let b):
                if let p = pending, p.field == "announced", current != nil, !DateParser.parseAll(labeler.folder(blocks[b].text)).isEmpty {
                    // 公示日期 | 2020-01-14: a date alone reads as a signature's, but it is the
                    // value the label waits for.
                    pending = nil
                    apply(LabelHit(field: p.field, heading: p.heading, value: blocks[b].text), lines: [], line: blocks[b].line, item: item)
                    continue
                }
                if current != nil || !result.drafts.isEmpty || outside {
                    flush(last: true, at: blocks[b].line); closed = true; result.closing.append(b)
                } else {
                    result.header.append(b)
                }
            case .start(let cue, let b):
                pending = nil
                if !cue.explicit, let c = current, let started = c.startLevel, let level = Self.headingLevel(blocks[b]), level > started {
                    // A heading deeper than the one that opened the application (an <h4>
                    // under its <h3>) heads a section of it, whatever its words.
                    pending = LabelHit(field: "description", heading: FieldLabeler.trim(blocks[b].text), value: "")
                    continue
                }
                if cue.explicit || fieldsFollow(k) {
                    if var c = current, c.seen.isEmpty, c.sections.isEmpty, c.headingName == nil || cue.name == nil {
                        // An ordinal box followed by the name heading: one application.
                        if c.headingName == nil { c.headingName = cue.name }
                        if c.ordinal == nil { c.ordinal = FieldLabeler.ordinalValue(blocks[b].text) }
                        current = c
                    } else {
                        flush()
                        current = Draft(line: blocks[b].line)
                        current!.headingName = cue.name
                        current!.ordinal = FieldLabeler.ordinalValue(blocks[b].text)
                    }
                    current!.startLevel = Self.headingLevel(blocks[b])
                    outside = false
                } else if current != nil || !result.drafts.isEmpty {
                    result.warnings.append("non_application_heading: line \(blocks[b].line): '\(blocks[b].text)' has no application fields after it; its text is not part of any application")
                    flush()
                    outside = true
                } else {
                    header(item)
                }
            case .field(let hit, let lines, let b):
                result.sawLabels = true
                if hit.value.isEmpty && lines.isEmpty {
                    pending = hit
                    if current == nil && !Draft.singleValued.contains(hit.field) && result.drafts.isEmpty { header(item) }
                    continue
                }
                pending = nil
                apply(hit, lines: lines, line: blocks[b].line, item: item)
                counted(listed: !hit.unlisted)
            case .tableApplication(let fields, let b, let isSummary, let table):
                result.sawLabels = true
                pending = nil
                flush()
                var d = Draft(line: blocks[b].line)
                d.table = table
                for (hit, lines) in fields { d.set(hit, lines: lines, folder: labeler.folder) }
                d.lastField = nil
                d.fromSummary = isSummary
                if isSummary {
                    // A row of a table listing the applications; detail rows under it
                    // (a rowspan'd ordinal) may follow.
                    current = d
                    outside = false
                } else {
                    result.drafts.append(d)
                    shape.finished(d, eligible: false)
                }
            case .text(let t, let b):
                if pending == nil, Self.headingLevel(blocks[b]) != nil, let opened = BatchScope.opened(by: t, folder: labeler.folder),
                   current == nil || !current!.isEmpty {
                    // 二、第二批（6月2日公示）: the applications after it are that batch's.
                    flush()
                    scope = opened
                    outside = false
                    if result.drafts.isEmpty { header(item) }
                    continue
                }
                if let c = current, !outside, let depth = c.listDepth, depth > 0, blocks[b].listDepth < depth,
                   let sibling = result.drafts.last, sibling.listDepth == depth, sibling.table == nil {
                    // The applications are items of one list (each opened at the same list
                    // depth): a unit outside that list (a chronicle's next dated entry) is
                    // no part of the last one.
                    result.warnings.append("trailing_text: line \(c.line): the text from line \(blocks[b].line) on is outside the list that holds the applications and is left out")
                    flush()
                    outside = true
                    continue
                }
                if let p = pending {
                    pending = nil
                    apply(LabelHit(field: p.field, heading: p.heading, value: t), lines: [], line: blocks[b].line, item: item)
                    counted(listed: !p.unlisted)
                    continue
                }
                if titleBeforeFields(t, at: k, items: items), let c = current, c.isEmpty {
                    // An ordinal box (01) or a bare 应用一 opened the application and a title line comes
                    // before its fields: the title names it.
                    current!.headingName = FieldLabeler.stripNumbering(t)
                    continue
                }
                if titleBeforeFields(t, at: k, items: items), current == nil || nextFieldRepeats(k, items: items, in: current!) {
                    // A short line, no sentence, followed by fields that give no name: it
                    // names the application they describe.
                    flush()
                    current = Draft(line: blocks[b].line)
                    current!.headingName = FieldLabeler.stripNumbering(t)
                    outside = false
                    continue
                }
                if current != nil, !outside, !current!.isEmpty, ProseReader.opensAsSummary(labeler.folder(t)) {
                    // 总结一下：… / 以上信息来自公示原文: the batch's summary ends the descriptions.
                    outside = true
                    continue
                }
                if let c = current, !outside, c.sections.isEmpty, c.type == "unstated", !c.seen.contains("application_type"),
                   let type = ProseReader.groupType(t) {
                    // A tag under the application's title that is only its type (金融服务 /
                    // 科技产品类), before any text: the type, as a field would give it.
                    // (Not a field seen: an 应用类型 field after it is the same application's.)
                    current!.type = type
                    counted(listed: true)
                    continue
                }
                if current != nil, !outside { current!.continueWith(t, wraps: blocks[b].wraps); counted(listed: false) }
                else if result.drafts.isEmpty && !outside { header(item) }
            }
        }
        flush(last: true)
        result.drafts = Self.mergingRepeats(result.drafts, warnings: &result.warnings)
        return result
    }

    /// A page that shows an application twice in a row (a feed's truncated preview, …展开全文,
    /// before its hidden full text) announces it once:
    /// of two consecutive drafts with the same name whose applicants agree (one list the start
    /// of the other, or empty), the one with more text is kept, its
    /// missing applicants and type taken from the other, and a warning says so. Summary
    /// table rows are left to the summary/detail merge.
    ///
    /// An application shown again further down (a reply quoting it, a print copy after the
    /// screen one) is the same application: the later copy adds only the applicants and type
    /// the first leaves unsaid, and the first copy's text stands.
    static func mergingRepeats(_ drafts: [Draft], warnings: inout [String]) -> [Draft] {
        func textLength(_ d: Draft) -> Int { d.sections.reduce(0) { $0 + $1.text.unicodeScalars.count } }
        // (Each draft's name computed once: `names` cleans and splits its candidates.)
        func agree(_ x: Draft, _ xName: String?, _ y: Draft, _ yName: String?) -> Bool {
            !x.fromSummary && !y.fromSummary && xName != nil && xName == yName
                && (x.applicants.starts(with: y.applicants) || y.applicants.starts(with: x.applicants))
        }
        var out: [Draft] = []
        var outNames: [String?] = []
        for d in drafts {
            let dName = d.names.name
            guard let earlier = out.indices.last(where: { agree(out[$0], outNames[$0], d, dName) }), let b = dName else {
                out.append(d)
                outNames.append(dName)
                continue
            }
            let last = out[earlier]
            let adjacent = earlier == out.count - 1
            var keep = adjacent && textLength(d) > textLength(last) ? d : last
            let other = adjacent && textLength(d) > textLength(last) ? last : d
            if keep.applicants.isEmpty { keep.applicants = other.applicants; keep.applicantsTruncated = other.applicantsTruncated }
            if keep.type == "unstated" { keep.type = other.type }
            let from = adjacent ? "from the copy with more text" : "from the first copy"
            warnings.append("repeated_application: line \(d.line): '\(b)' repeats the application of line \(last.line); read once, \(from)")
            out[earlier] = keep
            outNames[earlier] = keep.names.name
        }
        return out
    }
}
