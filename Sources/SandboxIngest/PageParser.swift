import SandboxText
import Foundation
import SandboxLexicon

/// Splits an announcement page into innovation applications and extracts their fields.
///
/// Layouts handled (all seen in `Corpus/`): headings followed by `字段：值` paragraphs;
/// two-column key/value tables; a summary table followed by detail blocks (the summary
/// adds no applications); a single summary table whose rows are the applications;
/// Word-exported `MsoNormal` paragraphs with bold numbered titles; `<dl>` term/definition
/// lists; English pages (`Application 1: …` with `Chinese name:`).
public struct PageParser: Sendable {
    /// Place gazetteer (`Lexicons/places.yaml`).
    public let places: [Place]
    /// Field headings (`Lexicons/fields.yaml`).
    public let fields: FieldHeadings
    let labeler: FieldLabeler

    /// Creates a parser from the gazetteer and field headings of a lexicon set.
    public init(places: [Place], fields: FieldHeadings) {
        self.places = places
        self.fields = fields
        self.labeler = FieldLabeler(fields: fields)
    }

    /// Reads, decodes, parses and splits one page.
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - file: the name reported in records and errors.
    /// - Throws: `IngestError` when the page cannot be used at all (empty, binary,
    ///   unparseable, or without place, batch or date to build record ids).
    public func parse(bytes: [UInt8], file: String) throws -> IngestedPage {
        var times = StageTimes()
        return try parse(bytes: bytes, file: file, times: &times)
    }

    /// `parse(bytes:file:)`, adding the time each stage took to `times`.
    /// - Throws: as `parse(bytes:file:)`.
    public func parse(bytes: [UInt8], file: String, times: inout StageTimes) throws -> IngestedPage {
        var clock = StageClock()
        defer { times.pages += 1 }
        if bytes.isEmpty { throw IngestError(file: file, kind: .empty, message: "empty file") }
        if let signature = Self.binarySignature(bytes) {
            throw IngestError(file: file, kind: .binary, message: "not HTML: \(signature) signature")
        }
        let sha = SHA256Digest.hex(bytes)
        var encoding = EncodingSniffer.decide(bytes)
        let body = encoding.bomLength == 0 ? bytes : Array(bytes.dropFirst(encoding.bomLength))
        var utf8 = body
        if !(encoding.used == "UTF-8" && EncodingSniffer.isValidUTF8(body)) {
            var converted: Transcoder.Result
            do {
                converted = try Transcoder.toUTF8(body, from: encoding.used)
            } catch {
                converted = try Transcoder.toUTF8(body, from: "GB18030")
                encoding = EncodingDecision(declared: encoding.declared, used: "GB18030", bomLength: encoding.bomLength,
                                            warnings: encoding.warnings + ["unknown_charset: iconv has no converter for \(encoding.used); decoded as GB18030"])
            }
            utf8 = converted.utf8
            if converted.replaced > 0 {
                encoding = EncodingDecision(declared: encoding.declared, used: encoding.used, bomLength: encoding.bomLength,
                                            warnings: encoding.warnings + ["invalid_bytes: \(converted.replaced) byte(s) not valid \(encoding.used) replaced with U+FFFD"])
            }
        }
        // A NUL byte ends libxml2's text there (the rest of a paragraph, or of the page, was
        // lost without a word): each becomes U+FFFD, and the page says how many.
        if utf8.contains(0) {
            var nuls = 0
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(utf8.count + 16)
            for b in utf8 {
                if b == 0 { nuls += 1; cleaned += [0xEF, 0xBF, 0xBD] } else { cleaned.append(b) }
            }
            utf8 = cleaned
            encoding = EncodingDecision(declared: encoding.declared, used: encoding.used, bomLength: encoding.bomLength,
                                        warnings: encoding.warnings + ["nul_bytes: \(nuls) NUL byte(s) replaced with U+FFFD"])
        }
        times.decode += clock.lap()
        let doc = try HTMLDocument.parse(bytes: utf8, encoding: "UTF-8", file: file)
        times.parse += clock.lap()
        guard let root = doc.root else { throw IngestError(file: file, kind: .parse, message: "no root element") }
        let title = TextCleaner.clean(root.descendants { $0.name == "title" }.first?.textContent ?? "")
        let blocks = BlockBuilder.blocks(root)
        times.blocks += clock.lap()
        defer { times.segmentation += clock.lap() }
        if let dropped = doc.droppedContent {
            encoding = EncodingDecision(declared: encoding.declared, used: encoding.used, bomLength: encoding.bomLength,
                                        warnings: encoding.warnings + ["parser_dropped_content: libxml2 stopped reading part of the page: \(dropped)"])
        }
        let page = try analyse(blocks: blocks, title: title, file: file, sha256: sha, encoding: encoding,
                               parserErrors: doc.errorCount, parserWarnings: doc.warningCount)
        if let dropped = doc.droppedContent, page.applications.isEmpty {
            throw IngestError(file: file, kind: .parse, message: "no application read: libxml2 stopped reading part of the page (\(dropped))")
        }
        return page
    }

    // MARK: - Page analysis

    /// Seconds spent per stage of reading pages, summed over pages.
    public struct StageTimes: Sendable, Equatable {
        /// Pages timed.
        public var pages = 0
        /// Sniffing, validation and transcoding to UTF-8, SHA-256.
        public var decode = 0.0
        /// libxml2's `htmlReadMemory` and the conversion of its tree to Swift values.
        public var parse = 0.0
        /// The DOM walk into blocks (text units with structure cues).
        public var blocks = 0.0
        /// Labels, segmentation, prose reading and page metadata.
        public var segmentation = 0.0
        /// Creates zero times.
        public init() {}
    }

    /// A monotonic stopwatch (CLOCK_MONOTONIC), lap by lap.
    struct StageClock {
        private var last = StageClock.now()
        static func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_MONOTONIC, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        /// Seconds since the last lap.
        mutating func lap() -> Double {
            let n = Self.now()
            defer { last = n }
            return n - last
        }
    }

    func analyse(blocks: [Block], title: String, file: String, sha256: String, encoding: EncodingDecision,
                 parserErrors: Int, parserWarnings: Int) throws -> IngestedPage {
        // One look at the whole page decides whether text needs folding from traditional
        // characters; the folder goes to every stage.
        let folder = ScriptFolder(pageText: title + blocks.map(\.text).joined(separator: "\n"))
        var seg = Segmenter(labeler: labeler.folding(folder)).segment(blocks)
        if seg.drafts.allSatisfy({ $0.names.name == nil }) {
            // No application from labels (none anywhere, only section headings such as
            // 【数据速览】 that open no application, or only nameless ones: a forum user's
            // level badge 12 read as an ordinal box): a page in running prose.
            let prose = ProseReader(folder: folder).read(blocks)
            if !prose.drafts.isEmpty { seg = prose }
        }
        var drafts = Self.distributingEnumeratedText(Self.mergingTranslations(seg.drafts))
        var warnings = encoding.warnings + seg.warnings
        // A table listing applications that the page then describes in detail adds none:
        // it fills what the details leave unsaid.
        let summary = drafts.filter(\.fromSummary)
        let details = drafts.filter { !$0.fromSummary }
        if !summary.isEmpty, !details.isEmpty {
            drafts = details
            for i in drafts.indices {
                guard let row = summary.first(where: { $0.names.name == drafts[i].names.name }) else { continue }
                if drafts[i].applicants.isEmpty { drafts[i].applicants = row.applicants; drafts[i].applicantsTruncated = row.applicantsTruncated }
                if drafts[i].type == "unstated" { drafts[i].type = row.type }
                if drafts[i].fieldNameEnglish == nil, drafts[i].names.english == nil { drafts[i].fieldNameEnglish = row.names.english }
            }
        }

        // Applicants and type that only a sentence of the application's text gives
        // (<h2>应用一：X</h2><p>该应用由A与B联合申报，应用类型为金融服务</p>).
        for i in drafts.indices where drafts[i].applicants.isEmpty || drafts[i].type == "unstated" {
            let text = drafts[i].joinedSections.map(\.text).joined(separator: "\n")
            guard !text.isEmpty else { continue }
            let f = folder(text)
            // (Byte tests first: most texts state neither, and the patterns are costly.)
            if drafts[i].applicants.isEmpty, ByteSearch.contains(f, "申报") || ByteSearch.contains(f, "申请"),
               let c = ProseReader.statedApplicants.captures(in: f) ?? ProseReader.applicantsAre.captures(in: f), let a = c[1] {
                // 由A与B联合申报 / 申请机构为A / 申报方为A和B / 申请机构：A。 (由A联合B申报: 联合 joins
                // two applicants, 联合社 is part of a name.)
                let joined = String(f[a]).replacingOccurrences(of: "联合社", with: "\u{1}").replacingOccurrences(of: "联合", with: "、")
                    .replacingOccurrences(of: "\u{1}", with: "联合社")
                let raw = ProseReader.inOriginal(ProseReader.cleanApplicants(joined), folded: f, original: text)
                let (names, truncated) = Self.splitApplicants(raw)
                drafts[i].applicants = names
                drafts[i].applicantsTruncated = truncated
            }
            if drafts[i].applicants.isEmpty, let name = drafts[i].names.name, !name.isEmpty, ByteSearch.contains(text, name) {
                // A与B共同申报的<name>, the name unquoted in the text: read as if quoted.
                let marked = text.replacingOccurrences(of: name, with: "“" + name + "”")
                if let clause = ProseReader.applicantClauses(in: folder(marked), original: marked).first(where: { $0.name == name }) {
                    let (names, truncated) = Self.splitApplicants(clause.applicants)
                    drafts[i].applicants = names
                    drafts[i].applicantsTruncated = truncated
                }
            }
            if drafts[i].type == "unstated", ByteSearch.contains(f, "金融服务") || ByteSearch.contains(f, "科技产品")
                || ByteSearch.containsASCIICaseInsensitive(f, "financial service") || ByteSearch.containsASCIICaseInsensitive(f, "technology product") {
                drafts[i].type = ProseReader.type(in: text, folder: folder)
            }
        }

        // 我行 / 本公司 in an institution's own press release: the institution the title
        // opens with (宁波银行“快审快贷产品”入选…).
        if drafts.contains(where: { $0.applicants.contains(where: Self.firstPersonInstitutions.contains) }),
           let publisher = Self.titleInstitution(folder(title), original: title) {
            for i in drafts.indices {
                drafts[i].applicants = drafts[i].applicants.map { Self.firstPersonInstitutions.contains($0) ? publisher : $0 }
            }
        }

        // Page metadata.
        let headerBlocks = seg.header.map { blocks[$0] }
        let closingBlocks = seg.closing.map { blocks[$0] }
        let introText = seg.introduction.joined(separator: "\n")
        let headerTexts = headerBlocks.map(\.text)
        let city = findPlace(in: ([title] + headerTexts.prefix(8) + [introText]).map { folder($0) })
        var batch = Self.findBatch(in: ([title] + headerTexts + [introText]).map { folder($0) })
        if batch == nil, !drafts.isEmpty, city != nil {
            // A page (often a news re-post) that names no batch: its applications are kept
            // under batch 1, the only batch most places have had, and the record says so.
            batch = 1
            warnings.append("batch_assumed: the page names no batch (首批/第N批/Nth batch); batch 1 assumed for the record ids")
        }
        // (A page that states its date once, as a 公示日期 line inside its first application
        // or slide, has that date.)
        let announced = Self.findDate(header: headerBlocks, closing: closingBlocks, title: title,
                                      introduction: seg.introduction, folder: folder) ?? drafts.lazy.compactMap(\.announcedField).first
        let declared = Self.declaredCount(folder(introText))
        if let declared, declared != drafts.count {
            warnings.append("declared_count_mismatch: the introduction declares \(declared) applications, the page holds \(drafts.count)")
        }
        if drafts.isEmpty { warnings.append("no_applications: no application found on the page") }
        // A page covering two batches or more under batch headings: each application
        // takes its heading's batch and date (the page's where the heading gives none).
        let scoped = Set(drafts.compactMap { $0.scope?.batch }).count >= 2
        let allScoped = scoped && drafts.allSatisfy { $0.scope != nil }
        // An application's own date: its 公示日期 field, else its batch heading's.
        // (Under a batch heading without a date: the date its text says the notice was made
        // public, 2020年12月31日，…第二批创新应用公示 / 该应用于2020年7月21日公示.)
        func statedDate(_ d: Draft) -> String? {
            if let a = d.announcedField { return a }
            guard scoped, let s = d.scope else { return nil }
            if let a = s.announced { return a }
            let text = folder(d.joinedSections.map(\.text).joined(separator: "\n"))
            return Self.announcementDates(in: text, year: nil).first?.date
        }
        // Applications of one batch share its date: one that states none takes the first
        // date a sibling under the same batch heading states (与…同批公示).
        // (Each draft's date and place are found once: the date may take a regex over its text.)
        let stated = drafts.map(statedDate)
        var batchDates: [Int: String] = [:]
        for (d, a) in zip(drafts, stated) { if scoped, let b = d.scope?.batch, batchDates[b] == nil, let a { batchDates[b] = a } }
        let ownDates = zip(drafts, stated).map { d, a in a ?? (scoped ? d.scope.flatMap { batchDates[$0.batch] } : nil) }
        // A roundup covering several cities in paragraphs that open with the city
        // (杭州：… 苏州：…): each application takes the city of the last such paragraph at or
        // before its line, when two cities or more lead paragraphs so.
        // (Each distinct lead looked up once: field labels in bold, 申请机构：, lead most units.)
        var cityLeads: [(line: Int, city: String)] = []
        var leadPlaces: [String: String?] = [:]
        for b in blocks {
            guard let lead = b.lead.map(ScalarClass.trimmingHorizontalSpace), let last = lead.unicodeScalars.last,
                  last == "：" || last == ":", lead.unicodeScalars.count <= 8 else { continue }
            let place: String?
            if let known = leadPlaces[lead] { place = known } else {
                place = findPlace(in: [folder(String(lead.unicodeScalars.dropLast()))])
                leadPlaces[lead] = place
            }
            if let place { cityLeads.append((b.line, place)) }
        }
        let leadsSeveral = Set(cityLeads.map(\.city)).count >= 2
        let ownCities = drafts.map { d in
            d.cityField.flatMap { findPlace(in: [folder($0)]) }
                ?? (leadsSeveral ? cityLeads.last(where: { $0.line <= d.line })?.city : nil)
        }
        let allDated = !drafts.isEmpty && ownDates.allSatisfy { $0 != nil }
        var missing: [String] = []
        let allPlaced = !drafts.isEmpty && ownCities.allSatisfy { $0 != nil }
        if city == nil && !allPlaced { missing.append("place (no gazetteer name in title or header)") }
        if batch == nil && !allScoped { missing.append("batch (no 首批/第N批/Nth batch)") }
        if announced == nil && !allDated { missing.append("announcement date") }
        if !missing.isEmpty, !drafts.isEmpty {
            let hint = warnings.isEmpty ? "" : " (page warnings: \(warnings.joined(separator: "; ")))"
            throw IngestError(file: file, kind: .missingMetadata, message: "cannot build record ids: missing \(missing.joined(separator: ", "))\(hint)")
        }
        let info = PageInfo(file: file, sha256: sha256, encoding: encoding, title: title, city: city, batch: batch,
                            announced: announced, declaredApplications: declared, introduction: introText,
                            warnings: warnings, parserErrors: parserErrors, parserWarnings: parserWarnings)

        var applications: [ApplicationRecord] = []
        var errors: [IngestError] = []
        // Positions: the page's own numbers when every application has one and they rise
        // (an excerpt keeping the official 二、四、六 gives 2, 4, 6); else the page order —
        // batch by batch on a page covering several.
        func groupKey(_ d: Draft) -> Int { scoped ? (d.scope?.batch ?? batch ?? 0) : 0 }
        var positions = [Int](repeating: 0, count: drafts.count)
        for key in Set(drafts.map(groupKey)) {
            let members = drafts.indices.filter { groupKey(drafts[$0]) == key }
            let ordinals = members.compactMap { drafts[$0].ordinal }
            let useOrdinals = ordinals.count == members.count && zip(ordinals, ordinals.dropFirst()).allSatisfy { $0 < $1 }
            for (k, i) in members.enumerated() { positions[i] = useOrdinals ? ordinals[k] : k + 1 }
        }
        for (index, d) in drafts.enumerated() {
            let position = positions[index]
            let (name, english) = d.names
            guard let name, !name.isEmpty else {
                errors.append(IngestError(file: file, kind: .missingName,
                                          message: "application \(position) (line \(d.line)) has no name; skipped, its siblings are kept", line: d.line))
                continue
            }
            applications.append(ApplicationRecord(position: position, name: name, nameEnglish: english,
                                                  applicants: d.applicants, applicantsTruncated: d.applicantsTruncated,
                                                  applicationType: d.type, sections: splitCombined(d.joinedSections),
                                                  line: d.line, batch: scoped ? d.scope?.batch : nil,
                                                  announced: ownDates[index], city: ownCities[index]))
        }
        return IngestedPage(info: info, applications: applications, errors: errors)
    }

    /// One text that describes several applications in turn, each part opened by an
    /// enumeration marker and the application's name with a colon (`（1）甲服务：…（2）乙平台：…`,
    /// a print page's 项目简介 cell after a table of the names): each part goes to the
    /// application it names, as a description, cut at its first line break. Applies when a
    /// text holds such parts for two applications or more; what precedes the first part
    /// stays only when it is a sentence.
    static func distributingEnumeratedText(_ drafts: [Draft]) -> [Draft] {
        guard drafts.count >= 2 else { return drafts }
        let names = drafts.map { $0.names.name }
        var out = drafts
        for i in drafts.indices {
            let sections = drafts[i].joinedSections
            for (si, section) in sections.enumerated() {
                let t = section.text
                // (Byte tests first: most texts hold no name of another application.)
                guard ByteSearch.contains(t, "：") || ByteSearch.contains(t, ":") else { continue }
                // (name index, marker start, text start) of each part.
                var parts: [(Int, String.Index, String.Index)] = []
                for (j, n) in names.enumerated() {
                    guard let n, n.unicodeScalars.count >= 4, ByteSearch.contains(t, n) else { continue }
                    var from = t.startIndex
                    while let r = t.range(of: n, range: from..<t.endIndex) {
                        from = r.upperBound
                        let after = t[r.upperBound...].unicodeScalars.first
                        guard after == "：" || after == ":", let marker = enumerationMarkerStart(before: r.lowerBound, in: t) else { continue }
                        parts.append((j, marker, t.unicodeScalars.index(after: r.upperBound)))
                        break
                    }
                }
                guard Set(parts.map(\.0)).count >= 2 else { continue }
                parts.sort { $0.1 < $1.1 }
                var kept = sections
                let prefix = ScalarClass.trimmingHorizontalSpace(String(t[..<parts[0].1]))
                kept[si] = Section(field: section.field, heading: section.heading, text: prefix)
                out[i].sections = kept.filter { !($0.text.isEmpty || $0.text == prefix && !prefix.contains("。")) }
                out[i].continuations = [:]
                for (k, part) in parts.enumerated() {
                    let end = k + 1 < parts.count ? parts[k + 1].1 : t.endIndex
                    var text = String(t[part.2..<end])
                    if let nl = text.firstIndex(of: "\n") { text = String(text[..<nl]) }
                    text = ScalarClass.trimmingHorizontalSpace(text)
                    if !text.isEmpty { out[part.0].sections.append(Section(field: "description", heading: "", text: text)) }
                }
                break
            }
        }
        return out
    }

    /// Where an enumeration marker (（3）, (3), 3., 3、, ③) ends right before `index` in `t`
    /// (white space between allowed): the marker's start, or nil.
    static func enumerationMarkerStart(before index: String.Index, in t: String) -> String.Index? {
        let u = t.unicodeScalars
        var i = index
        while i > u.startIndex, ScalarClass.isWhiteSpace(u[u.index(before: i)]) { i = u.index(before: i) }
        guard i > u.startIndex else { return nil }
        let last = u[u.index(before: i)]
        if (0x2460...0x2473).contains(last.value) { return u.index(before: i) }
        var j = u.index(before: i)
        let closes = last == "）" || last == ")"
        if !closes && !"、.．".unicodeScalars.contains(last) { return nil }
        var digits = 0
        while j > u.startIndex, ("0"..."9").contains(u[u.index(before: j)]) || "一二三四五六七八九十".unicodeScalars.contains(u[u.index(before: j)]) {
            j = u.index(before: j); digits += 1
        }
        guard digits >= 1, digits <= 3 else { return nil }
        if closes {
            guard j > u.startIndex, u[u.index(before: j)] == "（" || u[u.index(before: j)] == "(" else { return nil }
            j = u.index(before: j)
        }
        return j
    }

    /// Two tables listing the same number of applications, one with Chinese names and one
    /// with English ones (a bilingual page, side by side or one after the other), are one
    /// list: the English table gives each application its English name, by position, and
    /// what the Chinese one leaves unsaid.
    static func mergingTranslations(_ drafts: [Draft]) -> [Draft] {
        var byTable: [Int: [Int]] = [:]
        for (i, d) in drafts.enumerated() { if let t = d.table { byTable[t, default: []].append(i) } }
        guard byTable.count >= 2 else { return drafts }
        func allHan(_ ix: [Int]) -> Bool { ix.allSatisfy { drafts[$0].names.name.map(PageText.hasHan) ?? false } }
        func allLatin(_ ix: [Int]) -> Bool { ix.allSatisfy { !(drafts[$0].names.name.map(PageText.hasHan) ?? true) } }
        var merged = drafts
        var drop: Set<Int> = []
        let tables = byTable.keys.sorted()
        for a in tables {
            for b in tables where b != a {
                guard let ia = byTable[a], let ib = byTable[b], ia.count == ib.count, allHan(ia), allLatin(ib),
                      !ib.contains(where: drop.contains), !ia.contains(where: drop.contains) else { continue }
                for (x, y) in zip(ia, ib) {
                    if merged[x].names.english == nil { merged[x].fieldNameEnglish = drafts[y].names.name }
                    if merged[x].applicants.isEmpty { merged[x].applicants = drafts[y].applicants }
                    if merged[x].type == "unstated" { merged[x].type = drafts[y].type }
                }
                drop.formUnion(ib)
            }
        }
        return merged.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    // MARK: - Fields

    /// `s` in simplified characters, for recognising headings and keywords on
    /// traditional-character pages; values keep the page's own characters.
    static func simplified(_ s: String) -> String { PageText.simplified(s) }

    static let chineseBatch = Pattern(#"第\s*([一二三四五六七八九十\d]+)\s*批"#, requires: [["批"]])
    static let englishOrdinalBatch = Pattern(#"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+batch"#, requires: [["batch"]])
    static let englishNumberedBatch = Pattern(#"batch\s+(no\.\s*)?\d+"#, requires: [["batch"]])
    // The counts start only where a run of numerals starts and take the run whole (`++`):
    // a match needs the run's end anyway (what follows it is no numeral), and trying every
    // start inside a long run, each read to the run's end, took quadratic time.
    /// `N个(创新)应用`, N in numerals or digits (group 1: N).
    static let chineseCount = Pattern(#"(?<![一二三四五六七八九十\d])([一二三四五六七八九十\d]++)\s*[个個项項]\s*(创新)?应用"#, requires: [["应用"], ["个", "個", "项", "項"]])
    /// `N (innovative|fintech) applications|projects` (group 1: N).
    static let englishCount = Pattern(#"(?<!\d)(\d++)\s+(innovative\s+|fintech\s+)?(applications|projects)"#, requires: [["applications", "projects"]])

    /// Lines that end an article's content on re-posts (editor credit, related links,
    /// WeChat's read-more and follow prompts).
    static let closingMarkers = ["责任编辑", "（编辑：", "(编辑：", "编辑：", "往期推荐", "往期回顾", "相关阅读", "相关新闻", "阅读原文",
                                 "长按", "扫码关注", "Editor:", "Related:", "Read more"]

    /// Closing matter: 特此公示, copyright lines, an issuer signature or a date alone.
    static func isClosing(_ block: Block, folder: ScriptFolder = .always, contexts: ClosingContexts? = nil) -> Bool {
        let t = folder(block.text)
        // Closing formulae; attachments (附：意见反馈方式, 附件1) are page matter, not an
        // application's text. (Byte tests: `hasPrefix` and `contains` walk characters.)
        if ["特此公示", "特此公告", "公示期", "附：", "附:", "附件", "附表", "作者简介", "作者介绍", "关于作者"].contains(where: { ByteSearch.hasPrefix(t, $0) }) { return true }
        // Only lengths up to 61 are told apart (≤ 20, ≤ 40, ≤ 60): count no further.
        let length = t.unicodeScalars.prefix(61).count
        if length <= 16, isNotesHeading(t) { return true }
        if length <= 40, closingMarkers.contains(where: { ByteSearch.contains(t, $0) }) { return true }
        if !block.context.isEmpty, block.context.contains(where: { contexts?.isClosing($0) ?? isClosingContext($0) }) { return true }
        // A press release's boilerplate (关于重庆农村商业银行：本行是…, 关于我们：…): about the
        // institution, after the applications.
        if ByteSearch.hasPrefix(t, "关于"), let colon = t.unicodeScalars.prefix(32).firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let subject = String(t.unicodeScalars[t.unicodeScalars.index(t.unicodeScalars.startIndex, offsetBy: 2)..<colon])
            if ["我们", "本行", "本公司"].contains(subject) || ProseReader.institutionEndings.contains(where: { subject.hasSuffix($0) }) { return true }
        }
        if ByteSearch.contains(t, "版权所有") || ByteSearch.hasPrefix(t, "主办单位") || ByteSearch.containsASCIICaseInsensitive(t, "copyright") { return true }
        if length <= 60, !ByteSearch.contains(t, "："), !ByteSearch.contains(t, ":") {
            if ByteSearch.hasPrefix(t, "中国人民银行") || ByteSearch.contains(t, "People's Bank of China") && !ByteSearch.contains(t, ".") { return true }
            // (A signature's date; not a batch heading's: 二、第二批（2020年6月2日公示）.)
            if length <= 20, !ByteSearch.contains(t, "批"), DateParser.parseAll(t).count == 1 { return true }
        }
        return false
    }

    /// Headings of a page's notes and references (注释, 参考文献, References, Notes …) and of
    /// an article's conclusion (结语, Conclusion): what follows them is apparatus or the
    /// author's own view, not an application's text.
    static let notesHeadings: Set<String> = ["注", "注释", "注解", "脚注", "尾注", "附注", "参考文献", "参考资料", "资料来源", "文献",
                                             "references", "reference", "notes", "footnotes", "endnotes", "bibliography", "sources", "works cited",
                                             // An article's conclusion and its author's note are no application's text either.
                                             "结语", "结束语", "写在最后", "结论", "余论", "about the author", "conclusion", "conclusions", "concluding remarks"]

    /// Whether `text`, numbering, brackets, colons and spaces removed, is one of `notesHeadings`
    /// (a unit alone: 注释：, 【参考文献】, 四、References).
    static func isNotesHeading(_ text: String) -> Bool {
        // Every heading of the set holds one of these scalars: a cheap test first.
        guard text.unicodeScalars.contains(where: { "注献料语后论oOeE".unicodeScalars.contains($0) }) else { return false }
        let bare = FieldLabeler.trim(FieldLabeler.stripNumbering(text)).unicodeScalars.filter { !"【】[]〔〕()（）".unicodeScalars.contains($0) }
        return notesHeadings.contains(String(String.UnicodeScalarView(bare)).lowercased())
    }

    /// Class or id words of page chrome: sidebars, navigation, comment threads and a forum
    /// user's signature under a post.
    static let chromeWords: Set<String> = ["side", "sidebar", "aside", "nav", "navbar", "menu", "hot", "rank", "ranking", "breadcrumb", "crumb", "crumbs", "comment", "comments", "reply", "replies", "ad", "ads", "sign", "signature"]

    /// Whether one context entry of a block (a class, id or element word of an ancestor)
    /// marks closing matter or page chrome: editor/share/related/recommend/copyright
    /// anywhere in it, a chrome word between ` -_`, or a footer.
    static func isClosingContext(_ c: String) -> Bool {
        if ["editor", "share", "related", "recommend", "copyright"].contains(where: { ByteSearch.contains(c, $0) }) { return true }
        if c.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).contains(where: { chromeWords.contains(String($0)) }) { return true }
        return ByteSearch.contains(c, "footer") || c == "foot"
    }

    /// `isClosingContext` answered once per distinct context word of a page (sibling
    /// blocks share their ancestors' words). One per page; not shared between threads.
    ///
    /// A context word around at least half of the page's text is the main column, never
    /// chrome, whatever its name (a portal's `left-side` column holding the article).
    final class ClosingContexts {
        private var known: [String: Bool] = [:]
        private var main: Set<String> = []
        init() {}
        /// Notes which context words of `blocks` surround half of their text or more.
        func noteMainColumn(_ blocks: [Block]) {
            var total = 0
            var byWord: [String: Int] = [:]
            // Sibling blocks share their context: add a run of equal contexts at once.
            var run: [String] = []
            var runBytes = 0
            func addRun() {
                guard runBytes > 0, !run.isEmpty else { return }
                var seen = Set<String>()
                for c in run where seen.insert(c).inserted { byWord[c, default: 0] += runBytes }
            }
            for b in blocks {
                let n = b.text.utf8.count
                total += n
                if b.context != run { addRun(); run = b.context; runBytes = 0 }
                runBytes += n
            }
            addRun()
            main = Set(byWord.filter { 2 * $0.value >= total && total > 0 }.keys)
            known = [:]
        }
        func isClosing(_ c: String) -> Bool {
            if let k = known[c] { return k }
            let k = !main.contains(c) && PageParser.isClosingContext(c)
            known[c] = k
            return k
        }
    }

    static func applicationType(_ original: String, folder: ScriptFolder = .always) -> String {
        var value = folder(original)
        // A tick-box line (☑金融服务　□科技产品): the ticked option is the type.
        let ticks: Set<Character> = ["☑", "☒", "■", "√", "✓", "✔", "▣", "●"]
        if let tick = value.firstIndex(where: { ticks.contains($0) }) {
            value = String(value[value.index(after: tick)...].prefix { !"□☐○◻".contains($0) })
        }
        let lower = value.lowercased()
        if ByteSearch.contains(value, "金融服务") || ByteSearch.contains(lower, "financial service") { return "financial_service" }
        if ByteSearch.contains(value, "科技产品") || ByteSearch.contains(lower, "technology product") { return "technology_product" }
        return "unstated"
    }

    /// Words by which an institution names itself (our bank, our company).
    static let firstPersonInstitutions: Set<String> = ["我行", "本行", "我司", "本司", "我公司", "本公司", "我们", "本机构", "我院", "本院"]

    /// The institution a title opens with: its text before the first quote, bracket or
    /// space, when that ends like an institution (`ProseReader.institutionEndings`) and
    /// holds 2–30 scalars; `original`'s characters for it (same scalar count as `folded`).
    static func titleInstitution(_ folded: String, original: String) -> String? {
        let f = Array(folded.unicodeScalars), o = Array(original.unicodeScalars)
        guard f.count == o.count else { return nil }
        var end = 0
        while end < f.count, ScalarClass.isHan(f[end]) { end += 1 }
        guard end >= 2, end <= 30 else { return nil }
        let head = String(scalars: f[..<end])
        guard ProseReader.institutionEndings.contains(where: { head.hasSuffix($0) }) else { return nil }
        return String(scalars: o[..<end])
    }

    /// Remarks that follow an applicant list and name no applicant.
    static let applicationRemarks: Set<String> = {
        var out: Set<String> = []
        for how in ["独立", "单独", "联合", "共同", "合作", ""] {
            for verb in ["申报", "申请"] { out.insert(how + verb); out.insert("系" + how + verb); out.insert("为" + how + verb) }
        }
        return out.subtracting([""])
    }()

    /// Splits an applicant list on 、，,；;/+ and line breaks, on a space after a Chinese
    /// character, and on English "and"; a trailing 等 / etc. is dropped and reported as
    /// truncation. Parentheses protect their content; a name given again is dropped.
    public static func splitApplicants(_ value: String) -> ([String], Bool) {
        let value = joiningWrappedLines(value)
        // A scalar loop (a Character switch compared strings per character: most of the
        // cost of reading applicant lists).
        var parts: [String] = []
        let u = value.unicodeScalars
        var current = String.UnicodeScalarView()
        var depth = 0
        var index = u.startIndex
        func cut() { parts.append(String(current)); current = String.UnicodeScalarView() }
        while index < u.endIndex {
            let ch = u[index]
            index = u.index(after: index)  // just after `ch`
            switch ch {
            case "(", "（": depth += 1; current.append(ch)
            case ")", "）": depth = max(0, depth - 1); current.append(ch)
            case ",":
                // "Huawei Technologies Co., Ltd.": a comma before a company suffix is part of the name.
                if depth == 0 && !Self.companySuffixStarts(Substring(u[index...])) { cut() } else { current.append(ch) }
            case "、", "，", "；", ";", "/", "／", "\n", "+", "＋":
                if depth == 0 { cut() } else { current.append(ch) }
            case "\u{3000}" where depth == 0:
                // An ideographic space between names separates them (Latin names use " ").
                cut()
            case " " where depth == 0 && current.last.map(TextCleaner.isCJK) == true:
                // A space between two Chinese names separates them ("中国银联 小米数科");
                // one inside a Latin name does not ("Bank of China").
                cut()
            default:
                current.append(ch)
            }
        }
        cut()
        var names: [String] = []
        for p in parts {
            // English "A and B": and separates two institutions only after an institution's
            // ending (WeBank and Bank of China), so Industrial and Commercial Bank stays whole.
            var pieces = [p]
            if ByteSearch.contains(p, " and ") {
                pieces = []
                for part in p.components(separatedBy: " and ") {
                    if let last = pieces.last, !Self.endsAsInstitution(last) { pieces[pieces.count - 1] = last + " and " + part } else { pieces.append(part) }
                }
            }
            for piece in pieces {
                let name = ScalarClass.trimmingHorizontalSpace(String(piece))
                // 华为（Huawei）: the English gloss of a Chinese name is no part of it.
                names.append(PageText.latinGloss(name)?.text ?? name)
            }
        }
        // A remark on how they applied (网商银行，独立申报 / A、B联合申报) names no applicant,
        // and a name given twice is one applicant.
        var seen = Set<String>()
        names = names.filter { !$0.isEmpty && !Self.isPlaceholder($0) && !Self.applicationRemarks.contains($0) && seen.insert($0).inserted }
        var truncated = false
        if var last = names.last {
            for suffix in ["等", "etc.", "etc", "等机构", "等单位"] where last.hasSuffix(suffix) && last.count > suffix.count {
                last = String(last.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                truncated = true
                break
            }
            names[names.count - 1] = PageText.latinGloss(last)?.text ?? last  // 华为（Huawei）等
        }
        return (names, truncated)
    }

    /// Whether an applicant cell says "none" (—, -, /, 无, 暂无, N/A): a table's placeholder
    /// for an application without that kind of applicant, no name.
    static func isPlaceholder(_ name: String) -> Bool {
        if name.unicodeScalars.allSatisfy({ "—–-－―/／、.…_ ".unicodeScalars.contains($0) }) { return true }
        return ["无", "暂无", "n/a", "na", "none", "nil", "null", "不适用"].contains(name.lowercased())
    }

    /// Tails of company suffixes: a line of an applicant list that is only one of these
    /// (司, 限责任公司, 有限公司) continues the name of the line before.
    static let suffixTails: Set<String> = {
        var tails = Set<String>()
        for suffix in ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "集团"] {
            var s = Substring(suffix)
            while !s.isEmpty { tails.insert(String(s)); s = s.dropFirst() }
        }
        return tails
    }()

    /// Rejoins the applicant names a hard line wrap cut (a `<pre>` dump of a PDF, a
    /// text-version page: 华控清交信息科技(北京)有限公 / 司、上海聚虹光电科技有限公司).
    /// A line break inside a list is a wrap, not a separator, when the next line up to its
    /// first separator is only the tail of a company suffix (司, 有限公司), or when the list
    /// separates its names with 、，；; and the line before stops inside a name (not after
    /// an institution ending of `ProseReader.institutionEndings`, nor after a separator).
    /// A wrap between Latin letters becomes a space; between Chinese characters, nothing.
    /// A list written one name per line, without other separators, is left as it is.
    static func joiningWrappedLines(_ value: String) -> String {
        guard value.utf8.contains(0x0A) else { return value }
        let lines = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let separators: Set<Character> = ["、", "，", "；", ";"]
        let listUsesSeparators = value.contains { separators.contains($0) }
        var out = lines[0]
        for line in lines.dropFirst() {
            let before = ScalarClass.trimmingHorizontalSpace(out)
            let next = ScalarClass.trimmingHorizontalSpace(line)
            let head = String(next.prefix { !separators.contains($0) && $0 != "," })
            let stopsInsideName = listUsesSeparators && !before.isEmpty && !next.isEmpty
                && !separators.contains(before.last!) && !separators.contains(next.first!)
                && !ProseReader.institutionEndings.contains { before.hasSuffix($0) }
            if !before.isEmpty, suffixTails.contains(head) || stopsInsideName {
                let latin = before.last!.isASCII && before.last!.isLetter && next.first!.isASCII && next.first!.isLetter
                out = before + (latin ? " " : "") + next
            } else {
                out += "\n" + line
            }
        }
        return out
    }

    /// Endings of English institution names (lowercase), for splitting applicants at "and".
    static let englishInstitutionEndings = ["bank", "ltd", "ltd.", "limited", "inc", "inc.", "co.", "company", "group", "corporation", "corp", "corp.",
                                            "branch", "institute", "association", "union", "exchange", "technology", "technologies", "fintech",
                                            "pay", "securities", "insurance", "cooperative", "center", "centre", "university", "llc", "plc", "holdings"]

    /// Whether `s` ends with an English institution ending (its last word).
    static func endsAsInstitution(_ s: String) -> Bool {
        let lower = ScalarClass.trimmingHorizontalSpace(s).lowercased()
        return englishInstitutionEndings.contains { lower.hasSuffix($0) } || PageText.hasHan(s)
    }

    /// Whether `rest` (the text after a comma) opens with a company suffix (Ltd., Inc.,
    /// Limited, LLC, PLC) rather than the next applicant.
    static func companySuffixStarts(_ rest: Substring) -> Bool {
        let head = String(rest.drop { $0 == " " }.prefix(8)).lowercased()
        return ["ltd", "inc", "limited", "llc", "plc", "corp"].contains { p in
            head.hasPrefix(p) && (head.count == p.count || !head.dropFirst(p.count).first!.isLetter)
        }
    }

    /// In a combined section (one cell holding a whole description), sentences that open
    /// with a field heading (风险防控方面，…) go to that field.
    func splitCombined(_ sections: [Section]) -> [Section] {
        var out: [Section] = []
        for s in sections {
            guard s.field == "function" || s.field == "description" else { out.append(s); continue }
            // Sentences end after 。 (scalar arrays: no String index walks).
            let u = Array(s.text.unicodeScalars)
            var sentences: [ArraySlice<Unicode.Scalar>] = []
            var from = 0
            // (。 followed by a combining mark or joiner is one character with it: no end.)
            for (i, c) in u.enumerated() where c == "。" && !(i + 1 < u.count && ScalarClass.extendsCluster(u[i + 1])) {
                sentences.append(u[from...i])
                from = i + 1
            }
            if from < u.count { sentences.append(u[from...]) }
            var own: [Unicode.Scalar] = []
            var moved: [(String, [Unicode.Scalar])] = []
            for sentence in sentences {
                // The sentence's head: what precedes its first ，,：: or 上.
                let stop = sentence.firstIndex { $0 == "，" || $0 == "," || $0 == "：" || $0 == ":" || $0 == "上" }
                if let stop, let f = labeler.field(forLabel: Self.removingFangmian(sentence[..<stop])), f == "risk_control" {
                    moved.append((f, Array(sentence)))
                } else if !moved.isEmpty, moved.last!.0 == "risk_control" {
                    moved[moved.count - 1].1 += sentence
                } else {
                    own += sentence
                }
            }
            out.append(Section(field: s.field, heading: s.heading, text: String(scalars: own)))
            for (f, text) in moved { out.append(Section(field: f, heading: "", text: String(scalars: text))) }
        }
        return out
    }

    /// `head` without 方面 (风险防控方面 → 风险防控), as a string.
    static func removingFangmian(_ head: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(head.count)
        var i = head.startIndex
        while i < head.endIndex {
            if head[i] == "方", i + 1 < head.endIndex, head[i + 1] == "面" { i += 2; continue }
            out.append(head[i])
            i += 1
        }
        return String(scalars: out)
    }

    // MARK: - Page metadata

    /// Words after a place name that make it part of an institution's name (宁波银行,
    /// 重庆农商行): the place of the bank, not of the announcement.
    static let institutionAfterPlace = ["银行", "农商", "农村商业", "商业银行", "分行", "支行"]

    /// The earliest gazetteer name in the first text that holds one (longest at a tie). A
    /// name inside an institution's name (宁波银行“快审快贷产品”入选北京首批…) counts only
    /// when no text names a place otherwise.
    func findPlace(in texts: [String]) -> String? {
        var fallback: String?
        for text in texts {
            let (own, inName) = findPlace(inOne: text)
            if let own { return own }
            if fallback == nil { fallback = inName }
        }
        return fallback
    }

    /// The earliest place in `text` not followed by an institution word, and the earliest
    /// one that is.
    func findPlace(inOne text: String) -> (own: String?, inName: String?) {
        var inName: (pos: Int, len: Int, id: String)?
        let lower = text.lowercased()
        var best: (pos: Int, len: Int, id: String)?
        for place in places {
            for name in place.names {
                let n = name.lowercased()
                guard ByteSearch.contains(lower, n) else { continue }  // byte-level reject first
                var search = lower.startIndex
                while let r = lower.range(of: n, range: search..<lower.endIndex) {
                    let isLatin = n.unicodeScalars.first.map { $0.isASCII } ?? false
                    let beforeOK = !isLatin || r.lowerBound == lower.startIndex || !lower[lower.index(before: r.lowerBound)].isLetter
                    let afterOK = !isLatin || r.upperBound == lower.endIndex || !lower[r.upperBound].isLetter
                    if beforeOK && afterOK {
                        let pos = lower.distance(from: lower.startIndex, to: r.lowerBound)
                        let rest = lower[r.upperBound...]
                        let insideName = !isLatin && Self.institutionAfterPlace.contains { rest.hasPrefix($0) }
                        func better(_ slot: (pos: Int, len: Int, id: String)?) -> Bool {
                            slot == nil || pos < slot!.pos || (pos == slot!.pos && n.count > slot!.len)
                        }
                        if insideName {
                            if better(inName) { inName = (pos, n.count, place.id) }
                        } else {
                            if better(best) { best = (pos, n.count, place.id) }
                            break
                        }
                    }
                    search = r.upperBound
                }
            }
        }
        return (best?.id, inName?.id)
    }

    static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                                          "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10]

    /// The batch number from 首批 / 第N批 / "Nth batch" / "batch N", first text that has one.
    static func findBatch(in texts: [String]) -> Int? {
        for text in texts {
            if let r = chineseBatch.firstMatch(in: text) {
                let inner = text[r].dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if let n = Int(inner) ?? ChineseNumerals.value(inner), n > 0 { return n }
            }
            if ByteSearch.contains(text, "首批") { return 1 }
            let lower = text.lowercased()
            if let r = englishOrdinalBatch.firstMatch(in: lower) {
                let word = lower[r].split(separator: " ").first.map(String.init) ?? ""
                if let n = ordinals[word] { return n }
            }
            if let r = englishNumberedBatch.firstMatch(in: lower),
               let n = Int(lower[r].filter(\.isNumber)) { return n }
        }
        return nil
    }

    /// The announcement date: the earliest date in header blocks labelled as a date
    /// (发布时间, 日期, Date …) or said to be the notice's in a header or introduction
    /// sentence (7月31日，…公示了…) — the original date when a re-post gives two; else a
    /// date in the header; else the closing signature's date.
    static func findDate(header: [Block], closing: [Block], title: String, introduction: [String] = [],
                         folder: ScriptFolder = .always) -> String? {
        let labels = ["发布时间", "发布日期", "日期", "时间", "date", "published", "released", "发文日期", "成文日期", "原文发布", "原发布"]
        var labelled: [String] = []
        var any: [String] = []
        var afterOtherLabel = false
        let headerTexts = header.map { folder($0.text) }
        var withoutOthers = [String?](repeating: nil, count: headerTexts.count)
        var noticeLabelled: [String] = []
        for (k, folded) in headerTexts.enumerated() {
            // A label alone in its unit (<dt>注册时间</dt><dd>2016-3-8</dd>) labels the next one.
            let labelsNext = isOtherDateLabel(folded)
            defer { afterOtherLabel = labelsNext }
            if afterOtherLabel || !DateParser.mayHoldDate(folded) { continue }
            let text = withoutOtherDates(folded)
            withoutOthers[k] = text
            let dates = DateParser.parseAll(text)
            if dates.isEmpty { continue }
            let lower = text.lowercased()
            // A notice-date label (公示日期：) outranks a publishing date (发布日期：) beside it.
            if ["公示日期", "公示时间", "公示日"].contains(where: { ByteSearch.contains(text, $0) }) { noticeLabelled.append(contentsOf: dates) }
            if labels.contains(where: { ByteSearch.contains(lower, $0) }) { labelled.append(contentsOf: dates) }
            any.append(contentsOf: dates)
        }
        // Prose that says when the notice was made public (1月14日，央行…公示了 / 于2020年12月31日
        // 公示): the original date of a re-post. A date without a year takes the year of the
        // page's other dates.
        // (The year the title names first: a header's other dates may be of other years.)
        let year = titleYear(title) ?? (any + DateParser.parseAll(title)).first.map { String($0.prefix(4)) }
        // A date with 公示 in its clause outranks one with only 公布 / 发布 (1月8日，市政府发布
        // 实施方案 on a chronicle is no notice's date).
        var notified: [String] = [], published: [String] = []
        for (k, text) in (headerTexts + introduction.map({ folder($0) })).enumerated() where DateParser.mayHoldDate(text) {
            // (A header text's copy without other dates was made in the loop above.)
            let cleaned = k < headerTexts.count ? (withoutOthers[k] ?? withoutOtherDates(text)) : withoutOtherDates(text)
            for (date, isNotice) in announcementDates(in: cleaned, year: year) {
                if isNotice { notified.append(date) } else { published.append(date) }
            }
        }
        // A citation of the notice (《…应用公示（2020年第一批）》，2020年1月14日), in a footnote
        // or a reference list too.
        for text in headerTexts + introduction.map({ folder($0) }) + closing.map({ folder($0.text) }) where DateParser.mayHoldDate(text) {
            notified += citedNoticeDates(in: text)
        }
        if let d = noticeLabelled.min() { return d }
        labelled += notified.isEmpty ? published : notified
        if let d = labelled.min() { return d }
        if let d = any.first { return d }
        for b in closing { if let d = DateParser.parseAll(b.text).first { return d } }
        return DateParser.parseAll(title).first
    }

    /// The year a title names on its own (上海金融科技发展大事记（2020年）, 2020年第一批…): the
    /// first `19xx年` / `20xx年` (full-width digits too) not followed by a month, or nil.
    static func titleYear(_ title: String) -> String? {
        let u = Array(title.unicodeScalars.map { (0xFF10...0xFF19).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0)! : $0 })
        var i = 0
        while i + 4 < u.count {
            let digits = u[i..<(i + 4)]
            if digits.allSatisfy({ ("0"..."9").contains($0) }), u[i + 4] == "年", i == 0 || !("0"..."9").contains(u[i - 1]),
               digits.first == "1" && digits.dropFirst().first == "9" || digits.first == "2" && digits.dropFirst().first == "0" {
                return String(String.UnicodeScalarView(digits))
            }
            i += 1
        }
        return nil
    }

    /// Labels of dates that are not the announcement's: when a copy was converted, updated,
    /// printed, visited or crawled (转换时间：2021-01-05 on a text version of a PDF), and a
    /// forum user's registration or last login in the profile card beside a post.
    static let otherDateLabels = ["注册时间", "注册日期", "加入时间", "最后登录", "上次登录", "在线时间", "member since", "joined",
                                  "转换时间", "转换日期", "更新时间", "更新日期", "更新于", "最后更新", "修改时间", "修改日期", "修改于", "修订于",
                                  "转载日期", "转载时间", "转载于", "打印时间", "打印日期", "访问时间",
                                  "浏览时间", "抓取时间", "采集时间", "录入时间", "生成时间", "生成日期", "last updated", "updated on", "converted on",
                                  "retrieved on", "accessed on", "printed on", "updated", "modified"]

    /// Whether `text` is one of `otherDateLabels` alone (a colon after it allowed; spaces,
    /// U+3000 and colons around it are trimmed).
    static func isOtherDateLabel(_ text: String) -> Bool {
        let u = text.unicodeScalars
        func trimmed(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{3000}" || c == "：" || c == ":" }
        guard let lo = u.firstIndex(where: { !trimmed($0) }) else { return false }
        let hi = u.lastIndex(where: { !trimmed($0) })!
        let core = u[lo...hi]
        // The longest label has 16 scalars: count no further than that.
        guard core.prefix(17).count <= 16 else { return false }
        return otherDateLabelSet.contains(String(core).lowercased())
    }

    private static let otherDateLabelSet = Set(otherDateLabels)
    /// What a date after a label is made of (digits, 年月日号, separators, white space).
    static let dateRunScalars: Set<Unicode.Scalar> = Set("0123456789０１２３４５６７８９年月日号-/.:：,， \u{3000}\u{A0}T".unicodeScalars)
    private static let chineseOtherDateLabels = otherDateLabels.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }
    private static let englishOtherDateLabels = otherDateLabels.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }

    /// `text` without each of `otherDateLabels` and the date after it (at most 25 characters
    /// of digits, date characters, separators and, before the year, English month names).
    /// Labels are found in `text.lowercased()`; a label's scalars are then matched ignoring
    /// the case of ASCII letters (the same answer: no label holds a k or ends in i, the
    /// letters a scalar outside ASCII lowercases to).
    static func withoutOtherDates(_ text: String) -> String {
        // Chinese labels are found in the text as it is; English ones in its lowercase,
        // built only when the text holds an ASCII letter (lowercasing a long text per call
        // was most of the date finder's cost).
        let hasLatin = text.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard chineseOtherDateLabels.contains(where: { ByteSearch.contains(text, $0) })
                || hasLatin && { let lower = text.lowercased(); return englishOtherDateLabels.contains { ByteSearch.contains(lower, $0) } }()
        else { return text }
        var u = Array(text.unicodeScalars)
        @inline(__always) func same(_ a: Unicode.Scalar, _ label: Unicode.Scalar) -> Bool {
            a == label || (a.value >= 0x41 && a.value <= 0x5A && a.value + 0x20 == label.value)
        }
        for label in otherDateLabels {
            let l = Array(label.unicodeScalars)
            var i = 0
            while i + l.count <= u.count {
                var k = 0
                while k < l.count, same(u[i + k], l[k]) { k += 1 }
                if k == l.count {
                    // The label and its date: separators, digits and date characters after
                    // it, at most 25 (更新时间：2020-01-20 发布时间：… keeps the second date).
                    // English month names count until the year is read (Updated: January 5,
                    // 2021; Updated: 2019-11-02. Published 2020-01-14 keeps the second).
                    var end = i + l.count, digitRun = 0, sawYear = false
                    while end < u.count, end < i + l.count + 25 {
                        let c = u[end]
                        let letter = c.isASCII && c.properties.isAlphabetic && c != "T"
                        guard Self.dateRunScalars.contains(c) || letter && !sawYear else { break }
                        digitRun = ("0"..."9").contains(c) ? digitRun + 1 : 0
                        if digitRun == 4 { sawYear = true }
                        end += 1
                    }
                    u.removeSubrange(i..<end)
                } else {
                    i += 1
                }
            }
        }
        return String(scalars: u)
    }

    static let announcingDate = Pattern(#"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:(?!\d{1,2}\s*月)[^。；]){0,80}?(公示|公布|发布)"#,
                                        requires: [["月"], ["日"], ["公示", "公布", "发布"]])

    /// Dates followed within a clause (80 characters, no second date) by 公示 / 公布 / 发布,
    /// as ISO strings (6月2日）人民银行营业管理部发了北京2020年第二批…公示 → the year's 06-02).
    static func announcementDates(in text: String, year: String?) -> [(date: String, isNotice: Bool)] {
        var out: [(String, Bool)] = []
        for c in announcingDate.allCaptures(in: text) {
            guard let m = c[2], let d = c[3], let verb = c[4] else { continue }
            guard let y = c[1].map({ String(text[$0]) }) ?? year else { continue }
            let isNotice = text[verb] == "公示"
            out += DateParser.parseAll("\(y)年\(text[m])月\(text[d])日").map { ($0, isNotice) }
        }
        return out
    }

    /// `《title》，date`, where the title names a notice (公示 / 公告).
    static let citedNotice = Pattern(#"《[^《》]{0,80}?(?:公示|公告)[^《》]{0,40}》\s*[，,、：:]?\s*"#, requires: [["《"], ["公示", "公告"]])

    /// The dates that follow a citation of a notice (`citedNotice`) at once: the notice's date.
    static func citedNoticeDates(in text: String) -> [String] {
        citedNotice.matches(in: text).compactMap { r in
            let after = String(text[r.upperBound...].prefix(20))
            guard let f = after.unicodeScalars.first, ("0"..."9").contains(f) || (0xFF10...0xFF19).contains(f.value) else { return nil }
            return DateParser.parseAll(after).first
        }
    }

    /// The number of applications the introduction declares (…5个创新应用… / "the
    /// following 4 innovative applications").
    static func declaredCount(_ intro: String) -> Int? {
        if let r = chineseCount.firstMatch(in: intro) {
            let digits = intro[r].prefix { !"个個项項".contains($0) }.trimmingCharacters(in: .whitespaces)
            return Int(digits) ?? ChineseNumerals.value(digits)
        }
        let lower = intro.lowercased()
        if let r = englishCount.firstMatch(in: lower) {
            return Int(lower[r].prefix { $0.isNumber })
        }
        return nil
    }

    /// Recognises files that are not HTML by their first bytes.
    static let signatures: [([UInt8], String)] = [
        (Array("%PDF".utf8), "PDF"), ([0x89, 0x50, 0x4E, 0x47], "PNG"), ([0x50, 0x4B, 0x03, 0x04], "ZIP"),
        ([0xFF, 0xD8, 0xFF], "JPEG"), (Array("GIF8".utf8), "GIF"), ([0x1F, 0x8B], "gzip"),
        ([0xD0, 0xCF, 0x11, 0xE0], "OLE2 (Word/Excel)"), ([0x7F, 0x45, 0x4C, 0x46], "ELF"),
    ]

    static func binarySignature(_ bytes: [UInt8]) -> String? {
        for (sig, name) in signatures where bytes.starts(with: sig) { return name }
        // Many NUL bytes outside UTF-16 (a BOM, or "<" as its first character): binary.
        if !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
             || EncodingSniffer.utf16WithoutBOM(bytes) != nil) {
            var nuls = 0
            for b in bytes.prefix(1024) where b == 0 { nuls += 1 }
            if nuls > 8 { return "binary (NUL bytes)" }
        }
        return nil
    }
}

/// Chinese numerals up to 99 (一 … 九十九), as used in batch numbers and counts.
public enum ChineseNumerals {
    static let digits: [Character: Int] = ["〇": 0, "零": 0, "○": 0, "◯": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                           "六": 6, "七": 7, "八": 8, "九": 9]

    /// The value of `s` (e.g. 十一 → 11, 二十 → 20), or nil.
    public static func value(_ s: String) -> Int? {
        if s.isEmpty { return nil }
        if let ten = s.firstIndex(of: "十") {
            let before = s[..<ten], after = s[s.index(after: ten)...]
            let tens = before.isEmpty ? 1 : (before.count == 1 ? digits[before.first!] : nil)
            let ones = after.isEmpty ? 0 : (after.count == 1 ? digits[after.first!] : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        if s.count == 1 { return digits[s.first!] }
        // Digit by digit (二〇二〇 → 2020); longer runs are no number we read.
        guard s.count <= 4 else { return nil }
        var v = 0
        for ch in s { guard let d = digits[ch] else { return nil }; v = v * 10 + d }
        return v
    }
}

/// Finds dates in text: 2020-01-14, 2020/1/14, 2020年1月14日, 二〇二〇年七月二十一日,
/// 31 July 2020, July 31, 2020. Returns ISO 8601 strings in text order.
public enum DateParser {

    typealias DateParts = (year: Int?, month: Int?, day: Int?)

    static func numericDate(_ s: Substring) -> DateParts {
        let n = s.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return n.count == 3 ? (n[0], n[1], n[2]) : (nil, nil, nil)
    }

    static func chineseDate(_ s: Substring) -> DateParts {
        let parts = s.split(whereSeparator: { "年月日".contains($0) }).map(String.init)
        guard parts.count >= 3 else { return (nil, nil, nil) }
        return (ChineseNumerals.value(parts[0]), ChineseNumerals.value(parts[1]), ChineseNumerals.value(parts[2]))
    }

    static func dayMonthYear(_ s: Substring) -> DateParts {
        let w = words(s)
        guard w.count == 3 else { return (nil, nil, nil) }
        return (Int(w[2]), month(w[1]), Int(w[0]))
    }

    static func monthDayYear(_ s: Substring) -> DateParts {
        let w = words(s)
        guard w.count == 3 else { return (nil, nil, nil) }
        return (Int(w[2]), month(w[0]), Int(w[1]))
    }

    /// Full and abbreviated English month names (Jan, Jan., Sept …).
    /// The first three letters of every month name (`monthNames` needs one of them).
    static let monthStems = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let monthNames = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

    /// Month number of an English month name or abbreviation (its first three letters).
    static func month(_ word: String) -> Int? {
        let prefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return prefixes.firstIndex(of: String(word.lowercased().prefix(3))).map { $0 + 1 }
    }

    /// Splits "14th Jan., 2020" into its words, dropping punctuation and ordinal suffixes.
    static func words(_ s: Substring) -> [String] {
        s.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "." }).map { w in
            var w = String(w)
            if w.first?.isNumber == true { w = String(w.prefix { $0.isNumber }) }
            return w
        }
    }

    static let patterns: [(Pattern, @Sendable (Substring) -> DateParts)] = [
        (Pattern(#"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"#, requires: [["-", "/", ".", "年"]]), numericDate),
        (Pattern(#"[〇零○◯Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"#, requires: [["年"], ["月"], ["日"]]), chineseDate),
        (Pattern(#"\b\d{1,2}(?:st|nd|rd|th)?\s+"# + monthNames + #"\.?,?\s+\d{4}"#, caseInsensitive: true, requires: [monthStems]), dayMonthYear),
        (Pattern(#"\b"# + monthNames + #"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"#, caseInsensitive: true, requires: [monthStems]), monthDayYear),
    ]

    /// Whether year-month-day exists in the Gregorian calendar (no 2 月 30 日): month 1–12,
    /// day 1 to the month's length, February 29 days in leap years (divisible by 4, not
    /// by 100 unless by 400).
    static func isRealDate(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), d >= 1 else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= lengths[m - 1]
    }

    /// `YYYY-MM-DD` for a year 0–9999 (zero-padded as `%04d-%02d-%02d` would).
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// All valid dates in `text`, as `YYYY-MM-DD`, in order of appearance. Full-width
    /// digits (２０２０年) are read as digits.
    /// Whether `text` may hold a date: a decimal digit (`\\p{Nd}`, full-width and other
    /// scripts' digits included) or 年 (二〇二〇年一月十四日). Every date form needs one, so
    /// the date finders skip other text unread.
    static func mayHoldDate(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            || text.unicodeScalars.contains { $0 == "年" || $0.value >= 0x80 && !(0x3400...0x9FFF).contains($0.value) && $0.properties.numericType == .decimal }
    }

    public static func parseAll(_ original: String) -> [String] {
        // Every pattern needs a decimal digit (\d) or 年: text without either has no date.
        guard original.unicodeScalars.contains(where: { u in
            u.value < 0x80 ? (0x30...0x39).contains(u.value)
                : u == "年" || !(0x3400...0x9FFF).contains(u.value) && u.properties.numericType == .decimal
        }) else { return [] }
        let text = original.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) }
            ? String(scalars: original.unicodeScalars.map { (0xFF10...0xFF19).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0)! : $0 })
            : original
        var found: [(Int, String)] = []
        // A date's place is its distance in characters from the start of the text, counted
        // on from the pattern's previous match (its matches come in text order) rather than
        // from the start for each one: many dates in one long text took quadratic time.
        var counted = (index: text.startIndex, characters: 0)
        func add(_ pos: String.Index, _ y: Int?, _ m: Int?, _ d: Int?) {
            guard let y, let m, let d, (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d),
                  isRealDate(y, m, d) else { return }
            counted = (pos, counted.characters + text.distance(from: counted.index, to: pos))
            found.append((counted.characters, iso(y, m, d)))
        }
        // What each pattern needs before it can match: four decimal digits in a row (the
        // year of the numeric and English forms), 年 (the Chinese form), a letter (the
        // English month).
        var digitRun = 0, fourDigits = false, nian = false, letter = false
        for u in text.unicodeScalars {
            let digit = u.value < 0x80 ? (0x30...0x39).contains(u.value)
                : !(0x3400...0x9FFF).contains(u.value) && u.properties.numericType == .decimal
            digitRun = digit ? digitRun + 1 : 0
            if digitRun >= 4 { fourDigits = true }
            if u == "年" { nian = true }
            // (Case-insensitive matching lets ſ and K match s and k: any letter counts.)
            if !letter, u.value < 0x80 ? u.properties.isAlphabetic : !(0x3400...0x9FFF).contains(u.value) && u.properties.isAlphabetic { letter = true }
        }
        let needs = [fourDigits, nian, fourDigits && letter, fourDigits && letter]
        for (k, (pattern, convert)) in patterns.enumerated() where needs[k] {
            counted = (text.startIndex, 0)
            for r in pattern.matches(in: text) {
                let (y, m, d) = convert(text[r])
                add(r.lowerBound, y, m, d)
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
