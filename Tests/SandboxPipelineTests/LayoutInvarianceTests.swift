import Foundation
import Testing
import SandboxSchema
import SandboxPipeline

/// The folder beside the repository that holds the shared material (`../shared`).
private let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// Traditional → simplified (ICU), for comparing a traditional re-post with the original.
private func folded(_ s: String) -> String {
    // Simplified characters, and NFKC: a name printed in full-width letters (ＡＰＰ) is the
    // name the facts give in ASCII; values keep the page's own characters.
    (s.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false) ?? s).precomposedStringWithCompatibilityMapping
}

/// Records of every page in `folder`, by id.
private func records(in folder: URL) throws -> [String: LabelledRecord] {
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
    var out: [String: LabelledRecord] = [:]
    for f in files {
        for r in projectPipeline.process(fileAt: folder.appendingPathComponent(f), name: f).records { out[r.id] = r }
    }
    return out
}

/// What must not change when the same applications are laid out again.
private struct Shape: Equatable, CustomStringConvertible {
    let name, nameEn, applicants, type, labels: String
    init(_ r: LabelledRecord) {
        name = folded(r.name)
        nameEn = r.nameEn ?? "-"
        applicants = r.applicants.map { folded($0.name) }.joined(separator: "、")
        type = r.applicationType.rawValue
        labels = "\(r.primary.rawValue) \(r.technologies.map(\.rawValue)) \(r.inclusiveMarkers.map(\.rawValue)) \(r.participation?.rawValue ?? "-")"
    }
    var description: String { "\(name) | \(nameEn) | \(applicants) | \(type) | \(labels)" }
}

private let corpusRecords: [String: LabelledRecord] = {
    (try? records(in: repositoryRoot.appendingPathComponent("Corpus/pages"))) ?? [:]
}()

/// ../shared/corpus-variants: the 46 corpus applications in 9 more layout families. Each
/// family must give the same 46 ids (city, batch, date and position read from the page),
/// names, English names, applicants, types and labels as `Corpus/`.
@Suite struct LayoutInvarianceTests {
    static let families = ["bracket-br-traditional", "english-dl", "h3-h4-sections", "news-prose", "ol-nested-ul",
                           "rowspan-table", "transposed-table", "wechat-article", "xmldecl-only-gb18030"]

    @Test(arguments: families) func familyReadsLikeTheCorpus(_ family: String) throws {
        #expect(corpusRecords.count == 46)
        let got = try records(in: shared.appendingPathComponent("corpus-variants/\(family)"))
        #expect(got.keys.sorted() == corpusRecords.keys.sorted())
        for (id, original) in corpusRecords.sorted(by: { $0.key < $1.key }) {
            guard let r = got[id] else { continue }
            #expect(Shape(r) == Shape(original), "\(family) \(id)")
            #expect(r.announced == original.announced && r.city == original.city && r.batch == original.batch, "\(family) \(id)")
        }
    }

    /// Each family's pages say how they were decoded.
    @Test func encodingsAreRecorded() throws {
        let big5 = projectPipeline.process(fileAt: shared.appendingPathComponent("corpus-variants/bracket-br-traditional/beijing-2020-b1.html"), name: "b")
        #expect(big5.records.first?.source.usedEncoding == "BIG5")
        let gb = projectPipeline.process(fileAt: shared.appendingPathComponent("corpus-variants/xmldecl-only-gb18030/beijing-2020-b1.html"), name: "g")
        #expect(gb.records.first?.source.declaredEncoding == "gb18030")
        #expect(gb.records.first?.source.usedEncoding == "GB18030")
    }
}

/// Whole pages with the records they must give: ../shared/cases/pages (one kind each) and
/// Fixtures/unseen-pages, six pages in layouts nobody on the team had seen, written by a
/// helper from the facts of corpus pages and LABELS.md alone, without reading the reader.
@Suite struct PageCaseTests {
    struct Expected: Decodable {
        struct Record: Decodable {
            let id: String?
            let name: String
            let name_en: String?
            let applicants: [String]
            let application_type: String?
            let technologies: [String]
            let inclusive_markers: [String]
            let participation: String?
            let city: String?
            let batch: Int?
            let announced: String?
        }
        let file: String
        let records: [Record]
    }

    static func cases(_ folder: URL) -> [(URL, Expected)] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("EXPECTED.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONDecoder().decode(Expected.self, from: Data(line.utf8))).map { (folder, $0) }
        }
    }

    static let sharedCases = cases(shared.appendingPathComponent("cases/pages"))
    static let unseen = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages"))
    /// A second blind set (names and applicants given in simplified characters). Measured
    /// first as a holdout: 14 of 35 records fully right; the reader was then fixed by kinds
    /// found there (see the commit history), and it is kept as a test.
    static let unseen2 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-2"))

    /// A third blind set, measured first as the final holdout: 27 of 38 records found, 10
    /// fully right; then fixed by kinds found there, and kept as a test.
    static let unseen3 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-3"))

    /// A fourth blind set (pdf2htmlEX lines, Excel's web export, an open-information page,
    /// an interview, Chinese–English glosses, links with anchors in numeric character
    /// references, a Weibo thread with hidden full texts, full-width label/value spans),
    /// measured first as a holdout: 24 of 46 records found, 10 fully right; fixed by kinds
    /// (see the commit history), and kept as a test.
    static let unseen4 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-4"))

    @Test(arguments: unseen2.map(\.1.file) + unseen3.map(\.1.file) + unseen4.map(\.1.file)) func laterUnseenSets(_ file: String) throws {
        let (folder, e) = (Self.unseen2 + Self.unseen3 + Self.unseen4).first { $0.1.file == file }!
        let got = projectPipeline.process(fileAt: folder.appendingPathComponent(file), name: file).records
        #expect(got.map(\.id) == e.records.map { $0.id ?? "" })
        #expect(got.map { folded($0.name) } == e.records.map(\.name))
        #expect(got.map { $0.nameEn } == e.records.map(\.name_en))
        #expect(got.map { $0.applicants.map { folded($0.name) } } == e.records.map(\.applicants))
        #expect(got.map(\.applicationType.rawValue) == e.records.map { $0.application_type ?? "unstated" })
        #expect(got.map { $0.technologies.map(\.rawValue).sorted() } == e.records.map { $0.technologies.sorted() })
        #expect(got.map { $0.inclusiveMarkers.map(\.rawValue).sorted() } == e.records.map { $0.inclusive_markers.sorted() })
        #expect(got.map { $0.participation?.rawValue } == e.records.map(\.participation))
    }

    /// A fifth blind set (3 pages, 12 records), written at the end of a session after the
    /// fixes of set 4: holdout 2 of 12 found, 0 fully right; then fixed by kinds (applicants
    /// broken by a hard line break, a card counter in names, a type in `<label>属于</label>`,
    /// applicants and type given only in sentences, a press release's 关于…： boilerplate):
    /// 12 of 12 fully right.
    static let unseen5 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-5"))

    @Test(arguments: unseen5.map(\.1.file)) func fifthUnseenSet(_ file: String) throws {
        let (folder, e) = Self.unseen5.first { $0.1.file == file }!
        let got = projectPipeline.process(fileAt: folder.appendingPathComponent(file), name: file).records
        #expect(got.map(\.id) == e.records.map { $0.id ?? "" })
        #expect(got.count == e.records.count)
        for (r, x) in zip(got, e.records) {
            #expect(folded(r.name) == x.name)
            #expect(r.nameEn == x.name_en)
            #expect(r.applicants.map { folded($0.name) } == x.applicants)
            #expect(r.applicationType.rawValue == (x.application_type ?? "unstated"))
            #expect(r.technologies.map(\.rawValue).sorted() == x.technologies.sorted())
            #expect(r.inclusiveMarkers.map(\.rawValue).sorted() == x.inclusive_markers.sorted())
            #expect(r.participation?.rawValue == x.participation)
        }
    }

    /// A sixth blind set (8 pages, 33 records: a wire story in one paragraph, a Q&A, a
    /// feature with names in 《》, a two-city roundup, a Big5 Hong Kong re-post, label/value
    /// span pairs, one key/value table per application in GB18030, a WPS export keeping the
    /// official numbers). Holdout: 21 of 33 found by name, 16 fully right. Fixed by kinds
    /// (a 【本報訊】 news credit is no field; clauses read on folded text; 属 / type before the
    /// clause; 独立申报; 数金; a paragraph listing other applications belongs to none; a
    /// label element before its value element; 申报机构为A、B; a list of other applications
    /// ends the descriptions; a quoted brand and its tail, “磐石”智能风控产品, are one name):
    /// section headings alone do not stop the prose reader): 33 found, 31 fully right (names
    /// and applicants compared folded; city checked). Records are matched
    /// by name: a re-post describing applications 1, 3 and 7 of a batch without numbers
    /// numbers them 1, 2, 3, so the ids of 13 records differ (a page keeping the official
    /// numbers, 二、四、六, is numbered by them). Later (paragraphs that open with the city,
    /// 杭州：… 苏州：…, place what follows them) the two-city roundup's two Suzhou
    /// applications: 33 fully right, 23 with the official id.
    static let unseen6 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-6"))
    static let fullyRight6: Set<String> = ["beijing-2020-b2-01", "beijing-2020-b2-03", "beijing-2020-b2-07", "beijing-2020-b2-09", "beijing-2020-b2-11",
                                           "chongqing-2020-b1-01", "chongqing-2020-b1-03", "chongqing-2020-b1-05",
                                           "shanghai-2020-b1-01", "shanghai-2020-b1-03", "shanghai-2020-b1-06", "shanghai-2020-b1-07", "shanghai-2020-b1-08",
                                           "shenzhen-2020-b1-01", "shenzhen-2020-b1-02", "shenzhen-2020-b1-03", "shenzhen-2020-b1-04",
                                           "shanghai-2020-b2-01", "shanghai-2020-b2-02", "shanghai-2020-b2-03", "shanghai-2020-b2-04", "shanghai-2020-b2-05",
                                           "beijing-2020-b1-01", "beijing-2020-b1-02", "beijing-2020-b1-03", "beijing-2020-b1-04",
                                           "beijing-2020-b2-02", "beijing-2020-b2-04", "beijing-2020-b2-06", "beijing-2020-b2-08", "beijing-2020-b2-10",
                                           "suzhou-2020-b1-01", "suzhou-2020-b1-02"]

    @Test func sixthUnseenSet() throws {
        var found = 0
        var sameID = 0
        var right: Set<String> = []
        for (folder, e) in Self.unseen6 {
            let got = projectPipeline.process(fileAt: folder.appendingPathComponent(e.file), name: e.file).records
            for x in e.records {
                guard let r = got.first(where: { folded($0.name) == x.name }) else { continue }
                found += 1
                if r.id == x.id { sameID += 1 }
                if r.applicants.map({ folded($0.name) }) == x.applicants, r.applicationType.rawValue == (x.application_type ?? "unstated"),
                   r.technologies.map(\.rawValue).sorted() == x.technologies.sorted(),
                   r.inclusiveMarkers.map(\.rawValue).sorted() == x.inclusive_markers.sorted(), r.participation?.rawValue == x.participation,
                   x.city == nil || r.city == x.city {
                    right.insert(x.id ?? "")
                }
            }
        }
        #expect(Self.unseen6.map(\.1.records.count).reduce(0, +) == 33)
        #expect(found == 33)
        #expect(sameID == 23)
        #expect(right == Self.fullyRight6)
    }

    /// A seventh blind set (8 pages, 41 records: a bank press release, a Discuz! thread, a
    /// pdf2htmlEX export, a Big5 Q&A, a GBK print view, an RSS feed with escaped HTML, an AMP
    /// article, a `<pre>` text table). Holdout: 30 of 41 found, 7 fully right. Fixed by kinds
    /// (fields belong to the nearest title before them, not to a bold 楼主 above it; an
    /// application shown again further down — a quoting reply — is read once, from the
    /// first copy; a forum signature is chrome; a label alone in its unit (注册时间) labels the
    /// next unit's date; an introduction sentence saying when the notice was made public
    /// gives the date over a byline's; character data that is escaped HTML is parsed again;
    /// “brand”-tail names; a type in brackets after the name): 36 found, 32 fully right
    /// (city, batch and date checked too). Open: the pdf2htmlEX page (5 missing), the press
    /// release (title's 宁波 of 宁波银行 taken as the city), applicants joined by 与 after a
    /// name without an institution ending (海康威视与农业银行浙江省分行). Later (ninth set's
    /// kinds: `申请机构：A` inside a paragraph) the Q&A's b2-03 applicants: 33 fully right.
    static let unseen7 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-7"))
    static let fullyRight7: Set<String> = [
                                           "beijing-2020-b2-01", "beijing-2020-b2-02", "beijing-2020-b2-03", "beijing-2020-b2-04",
                                           "beijing-2020-b2-05", "beijing-2020-b2-06", "beijing-2020-b2-07", "beijing-2020-b2-08",
                                           "beijing-2020-b2-09", "beijing-2020-b2-10", "beijing-2020-b2-11", "shanghai-2020-b1-01",
                                           "shanghai-2020-b1-02", "shanghai-2020-b2-01", "shanghai-2020-b2-02", "shanghai-2020-b2-03", "shanghai-2020-b2-04",
                                           "shanghai-2020-b2-05", "chongqing-2020-b1-01", "chongqing-2020-b1-02", "chongqing-2020-b1-03",
                                           "chongqing-2020-b1-04", "chongqing-2020-b1-05", "hangzhou-2020-b1-01", "hangzhou-2020-b1-02",
                                           "hangzhou-2020-b1-03", "hangzhou-2020-b1-04", "shenzhen-2020-b1-01", "shenzhen-2020-b1-02",
                                           "shenzhen-2020-b1-03", "shenzhen-2020-b1-04", "suzhou-2020-b1-01", "suzhou-2020-b1-02"
    ]

    @Test func seventhUnseenSet() throws {
        var found = 0
        var right: Set<String> = []
        for (folder, e) in Self.unseen7 {
            let got = projectPipeline.process(fileAt: folder.appendingPathComponent(e.file), name: e.file).records
            for x in e.records {
                guard let r = got.first(where: { folded($0.name) == folded(x.name) }) ?? got.first(where: { $0.id == x.id }) else { continue }
                found += 1
                if r.id == x.id, r.applicants.map({ folded($0.name) }) == x.applicants.map(folded),
                   r.applicationType.rawValue == (x.application_type ?? "unstated"),
                   r.technologies.map(\.rawValue).sorted() == x.technologies.sorted(),
                   r.inclusiveMarkers.map(\.rawValue).sorted() == x.inclusive_markers.sorted(), r.participation?.rawValue == x.participation,
                   x.city == nil || r.city == x.city, x.batch == nil || r.batch == x.batch, x.announced == nil || r.announced == x.announced {
                    right.insert(x.id ?? "")
                }
            }
        }
        #expect(Self.unseen7.map(\.1.records.count).reduce(0, +) == 41)
        #expect(found == 36)
        #expect(right == Self.fullyRight7)
    }

    @Test func allCasesAreThere() {
        #expect(Self.sharedCases.map(\.1.file).sorted() == ["big5-undeclared.html", "bracket-headings.html", "colon-lookalike-u2236.html", "letter-spaced-headings.html"])
        #expect(Self.unseen.count == 6)
        #expect(Self.unseen.map(\.1.records.count).reduce(0, +) == 27)
        #expect(Self.unseen2.count == 8)
        #expect(Self.unseen2.map(\.1.records.count).reduce(0, +) == 35)
        #expect(Self.unseen3.count == 8)
        #expect(Self.unseen3.map(\.1.records.count).reduce(0, +) == 38)
        #expect(Self.unseen4.count == 8)
        #expect(Self.unseen4.map(\.1.records.count).reduce(0, +) == 46)
        #expect(Self.unseen5.map(\.1.records.count).reduce(0, +) == 12)
    }

    @Test(arguments: sharedCases.map(\.1.file)) func sharedPageCase(_ file: String) throws {
        let (folder, e) = Self.sharedCases.first { $0.1.file == file }!
        let got = projectPipeline.process(fileAt: folder.appendingPathComponent(file), name: file).records
        #expect(got.count == e.records.count)
        for (r, x) in zip(got, e.records) {
            #expect(r.id == x.id)
            #expect(folded(r.name) == x.name)
            #expect(r.applicants.map { folded($0.name) } == x.applicants)
            #expect(r.technologies.map(\.rawValue).sorted() == x.technologies.sorted())
            #expect(r.inclusiveMarkers.map(\.rawValue).sorted() == x.inclusive_markers.sorted())
            #expect(r.participation?.rawValue == x.participation)
        }
    }

    /// Structure (ids, names, English names, applicants, types) is right on every record.
    @Test(arguments: unseen.map(\.1.file)) func unseenPageStructure(_ file: String) throws {
        let (folder, e) = Self.unseen.first { $0.1.file == file }!
        let got = projectPipeline.process(fileAt: folder.appendingPathComponent(file), name: file).records
        #expect(got.map(\.id) == e.records.map { $0.id ?? "" })
        #expect(got.map(\.name) == e.records.map(\.name))
        #expect(got.map { $0.nameEn } == e.records.map(\.name_en))
        #expect(got.map { $0.applicants.map(\.name) } == e.records.map(\.applicants))
        #expect(got.map(\.applicationType.rawValue) == e.records.map { $0.application_type ?? "unstated" })
    }

    /// Labels agree with the blind writer's on all 27 records (shanghai-2020-b2-05's
    /// Taiwanese 不蒐集…生物辨識 is a negation since the cue 不搜集 was added).
    @Test func unseenPageLabels() throws {
        var disagreeing: [String] = []
        var total = 0
        for (folder, e) in Self.unseen {
            let got = projectPipeline.process(fileAt: folder.appendingPathComponent(e.file), name: e.file).records
            for (r, x) in zip(got, e.records) {
                total += 1
                if r.technologies.map(\.rawValue).sorted() != x.technologies.sorted()
                    || r.inclusiveMarkers.map(\.rawValue).sorted() != x.inclusive_markers.sorted()
                    || r.participation?.rawValue != x.participation { disagreeing.append(r.id) }
            }
        }
        #expect(total == 27)
        #expect(disagreeing == [])
    }

    /// Scores a blind set: records found (matched by folded name, else id), found with the
    /// same id, and the `file#id` of those fully right (id, applicants folded, type,
    /// technologies, markers, participation, and city, batch and date where expected).
    static func score(_ set: [(URL, Expected)]) -> (found: Int, sameID: Int, right: Set<String>) {
        var found = 0, sameID = 0
        var right: Set<String> = []
        for (folder, e) in set {
            let got = projectPipeline.process(fileAt: folder.appendingPathComponent(e.file), name: e.file).records
            for x in e.records {
                guard let r = got.first(where: { folded($0.name) == folded(x.name) }) ?? got.first(where: { $0.id == x.id }) else { continue }
                found += 1
                if r.id == x.id { sameID += 1 }
                if r.id == x.id, r.applicants.map({ folded($0.name) }) == x.applicants.map(folded),
                   r.applicationType.rawValue == (x.application_type ?? "unstated"),
                   r.technologies.map(\.rawValue).sorted() == x.technologies.sorted(),
                   r.inclusiveMarkers.map(\.rawValue).sorted() == x.inclusive_markers.sorted(), r.participation?.rawValue == x.participation,
                   x.city == nil || r.city == x.city, x.batch == nil || r.batch == x.batch, x.announced == nil || r.announced == x.announced {
                    right.insert("\(e.file)#\(x.id ?? "")")
                }
            }
        }
        return (found, sameID, right)
    }

    /// An eighth blind set (8 pages, 39 records: a WeChat digest with names in bold, a
    /// Baijiahao news article, an e-mail newsletter in nested tables, a Markdown blog, a
    /// think-tank transposed table, a Big5 Taiwanese column, a search-results page, an
    /// English news report). Holdout, first measured: 18 of 39 found, 3 fully right. Fixed
    /// by kinds (see the commit history): 34 found, 22 with the official id, 21 fully right;
    /// the newsletter renumbers its items
    /// (序号为编者所加) and the digest picks 6 of 8, so their ids cannot be the official ones.
    /// Open: the search-results page (applications of three announcements, each with its own
    /// city, batch and date in a snippet), the Big5 column's markers (an aside about Taiwan's
    /// 偏鄉).
    static let unseen8 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-8"))

    @Test func eighthUnseenSet() {
        let (found, sameID, right) = Self.score(Self.unseen8)
        #expect(Self.unseen8.map(\.1.records.count).reduce(0, +) == 39)
        #expect(found == 34)
        #expect(sameID == 22)
        #expect(right.sorted() == [
            "baijiahao-chongqing-b1-news.html#chongqing-2020-b1-01", "baijiahao-chongqing-b1-news.html#chongqing-2020-b1-02", "baijiahao-chongqing-b1-news.html#chongqing-2020-b1-03",
            "baijiahao-chongqing-b1-news.html#chongqing-2020-b1-04", "blog-markdown-hangzhou-b1.html#hangzhou-2020-b1-01", "blog-markdown-hangzhou-b1.html#hangzhou-2020-b1-02",
            "blog-markdown-hangzhou-b1.html#hangzhou-2020-b1-03", "blog-markdown-hangzhou-b1.html#hangzhou-2020-b1-04", "blog-markdown-hangzhou-b1.html#hangzhou-2020-b1-05",
            "english-news-beijing-b1.html#beijing-2020-b1-01", "english-news-beijing-b1.html#beijing-2020-b1-02", "english-news-beijing-b1.html#beijing-2020-b1-03",
            "english-news-beijing-b1.html#beijing-2020-b1-04", "english-news-beijing-b1.html#beijing-2020-b1-05", "english-news-beijing-b1.html#beijing-2020-b1-06",
            "newsletter-beijing-b2-weekly.html#beijing-2020-b2-01", "thinktank-shenzhen-b1-transposed.html#shenzhen-2020-b1-01", "thinktank-shenzhen-b1-transposed.html#shenzhen-2020-b1-02",
            "thinktank-shenzhen-b1-transposed.html#shenzhen-2020-b1-03", "thinktank-shenzhen-b1-transposed.html#shenzhen-2020-b1-04", "tw-column-suzhou-b1-big5.html#suzhou-2020-b1-02",
        ])
    }

    /// A ninth blind set (8 pages, 44 records: a Zhihu answer, an English law-firm briefing,
    /// a pdf2htmlEX export in GB18030, an Excel web export, an open-data `<dl>` page, a news
    /// report covering two batches, a bank's press release on three applications of two
    /// batches, a Big5 mobile page with `<details>`). Holdout, first measured: 23 of 44
    /// found, 5 fully right. Fixed by kinds (see the commit history): 44 found, 42 fully
    /// right. Open: the bank's release numbers its second batch's two applications 1, 2
    /// (the official 1, 3 are not on the page).
    static let unseen9 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-9"))

    @Test func ninthUnseenSet() {
        let (found, sameID, right) = Self.score(Self.unseen9)
        #expect(Self.unseen9.map(\.1.records.count).reduce(0, +) == 44)
        #expect(found == 44)
        #expect(sameID == 43)
        #expect(right.sorted() == [
            "bank-press-release-bocom-shanghai.html#shanghai-2020-b1-01", "bank-press-release-bocom-shanghai.html#shanghai-2020-b2-01", "excel-export-shanghai-b1.html#shanghai-2020-b1-01",
            "excel-export-shanghai-b1.html#shanghai-2020-b1-02", "excel-export-shanghai-b1.html#shanghai-2020-b1-03", "excel-export-shanghai-b1.html#shanghai-2020-b1-04",
            "excel-export-shanghai-b1.html#shanghai-2020-b1-05", "excel-export-shanghai-b1.html#shanghai-2020-b1-06", "excel-export-shanghai-b1.html#shanghai-2020-b1-07",
            "lawfirm-briefing-shanghai-b2-en.html#shanghai-2020-b2-01", "lawfirm-briefing-shanghai-b2-en.html#shanghai-2020-b2-02", "lawfirm-briefing-shanghai-b2-en.html#shanghai-2020-b2-03",
            "lawfirm-briefing-shanghai-b2-en.html#shanghai-2020-b2-04", "lawfirm-briefing-shanghai-b2-en.html#shanghai-2020-b2-05", "mobile-details-shenzhen-b1-big5.html#shenzhen-2020-b1-01",
            "mobile-details-shenzhen-b1-big5.html#shenzhen-2020-b1-02", "mobile-details-shenzhen-b1-big5.html#shenzhen-2020-b1-03", "mobile-details-shenzhen-b1-big5.html#shenzhen-2020-b1-04",
            "news-two-batches-beijing.html#beijing-2020-b1-01", "news-two-batches-beijing.html#beijing-2020-b1-03", "news-two-batches-beijing.html#beijing-2020-b1-05",
            "news-two-batches-beijing.html#beijing-2020-b2-02", "news-two-batches-beijing.html#beijing-2020-b2-06", "news-two-batches-beijing.html#beijing-2020-b2-08",
            "news-two-batches-beijing.html#beijing-2020-b2-09", "news-two-batches-beijing.html#beijing-2020-b2-10", "opendata-dl-beijing-b1.html#beijing-2020-b1-01",
            "opendata-dl-beijing-b1.html#beijing-2020-b1-02", "opendata-dl-beijing-b1.html#beijing-2020-b1-03", "opendata-dl-beijing-b1.html#beijing-2020-b1-04",
            "opendata-dl-beijing-b1.html#beijing-2020-b1-05", "opendata-dl-beijing-b1.html#beijing-2020-b1-06", "pdf2html-chongqing-b1.html#chongqing-2020-b1-01",
            "pdf2html-chongqing-b1.html#chongqing-2020-b1-02", "pdf2html-chongqing-b1.html#chongqing-2020-b1-03", "pdf2html-chongqing-b1.html#chongqing-2020-b1-04",
            "pdf2html-chongqing-b1.html#chongqing-2020-b1-05", "zhihu-answer-hangzhou-b1.html#hangzhou-2020-b1-01", "zhihu-answer-hangzhou-b1.html#hangzhou-2020-b1-02",
            "zhihu-answer-hangzhou-b1.html#hangzhou-2020-b1-03", "zhihu-answer-hangzhou-b1.html#hangzhou-2020-b1-04", "zhihu-answer-hangzhou-b1.html#hangzhou-2020-b1-05",
        ])
    }

    /// A tenth blind set (6 pages, 39 records: a Tieba thread, PowerPoint slides in Big5, a
    /// research group's dataset table for two cities, a Toutiao article, a 政务公开 `<ol>` page
    /// in GB18030, an English think-tank brief). Holdout, first measured on this session's
    /// reader: 13 of 39 found, 6 fully right (the session's starting reader, 0c23f12: 16
    /// and 8 — the slides page had regressed: a slide title over a 公示日期 line became an
    /// application; fixed). Fixed by kinds (a dataset's City / Batch / No. / Announced
    /// columns make each row's id; emoji around a title; a type tag under it; English
    /// headings glossed with the Chinese name; footnote numbers; `*pay` / `*bank` brands; a
    /// title's bracketed remark of applicants and type; nameless label drafts give way to
    /// the prose reader): 39 found, 39 fully right.
    static let unseen10 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-10"))

    @Test func tenthUnseenSet() {
        let (found, sameID, right) = Self.score(Self.unseen10)
        #expect(Self.unseen10.map(\.1.records.count).reduce(0, +) == 39)
        #expect(found == 39)
        #expect(sameID == 39)
        #expect(right.sorted() == [
            "lab-dataset-beijing-chongqing.html#beijing-2020-b2-01", "lab-dataset-beijing-chongqing.html#beijing-2020-b2-03", "lab-dataset-beijing-chongqing.html#beijing-2020-b2-06",
            "lab-dataset-beijing-chongqing.html#beijing-2020-b2-07", "lab-dataset-beijing-chongqing.html#beijing-2020-b2-09", "lab-dataset-beijing-chongqing.html#beijing-2020-b2-11",
            "lab-dataset-beijing-chongqing.html#chongqing-2020-b1-01", "lab-dataset-beijing-chongqing.html#chongqing-2020-b1-02", "lab-dataset-beijing-chongqing.html#chongqing-2020-b1-03",
            "lab-dataset-beijing-chongqing.html#chongqing-2020-b1-04", "lab-dataset-beijing-chongqing.html#chongqing-2020-b1-05", "thinktank-brief-shanghai-b2.html#shanghai-2020-b2-01",
            "thinktank-brief-shanghai-b2.html#shanghai-2020-b2-02", "thinktank-brief-shanghai-b2.html#shanghai-2020-b2-03", "thinktank-brief-shanghai-b2.html#shanghai-2020-b2-04",
            "thinktank-brief-shanghai-b2.html#shanghai-2020-b2-05", "tieba-hangzhou-thread.html#hangzhou-2020-b1-01", "tieba-hangzhou-thread.html#hangzhou-2020-b1-02",
            "tieba-hangzhou-thread.html#hangzhou-2020-b1-03", "tieba-hangzhou-thread.html#hangzhou-2020-b1-04", "tieba-hangzhou-thread.html#hangzhou-2020-b1-05",
            "toutiao-shenzhen-first-batch.html#shenzhen-2020-b1-01", "toutiao-shenzhen-first-batch.html#shenzhen-2020-b1-02", "toutiao-shenzhen-first-batch.html#shenzhen-2020-b1-03",
            "toutiao-shenzhen-first-batch.html#shenzhen-2020-b1-04", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-01", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-02",
            "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-03", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-04", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-05",
            "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-06", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-07", "twfi-seminar-slides-shanghai.html#shanghai-2020-b1-08",
            "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-01", "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-02", "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-03",
            "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-04", "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-05", "zhengwu-gongkai-beijing-ol.html#beijing-2020-b1-06",
        ])
    }

    /// An eleventh blind set (6 pages, 33 records: a course handout with footnotes, a
    /// 政策解读 Q&A in GBK, a year chronicle in GB18030, a mailing-list digest in one `<pre>`,
    /// a Wikipedia article in traditional characters, a 2005-style print page in undeclared
    /// GBK with rowspan'd lead and participant columns). Holdout, first measured: 16 of 33
    /// found, 8 fully right. Fixed by kinds (update dates, 公示 over 发布, a title's year, a
    /// cited notice's date, notes headings, 案例N, 「」 names, balanced brackets, 未提及 /
    /// 不做, the end of a list of applications, lead-applicant columns, placeholders, one
    /// cell's （N）name：text parts split among the applications): 33 found, 32 fully right.
    /// Open: a handout's remark on the "AI" in AIBank's name.
    static let unseen11 = cases(repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/unseen-pages-11"))

    @Test func eleventhUnseenSet() {
        let (found, sameID, right) = Self.score(Self.unseen11)
        #expect(Self.unseen11.map(\.1.records.count).reduce(0, +) == 33)
        #expect(found == 33)
        #expect(sameID == 33)
        #expect(right.sorted() == [
            "dashiji-shanghai-2020.html#shanghai-2020-b1-01", "dashiji-shanghai-2020.html#shanghai-2020-b1-02", "dashiji-shanghai-2020.html#shanghai-2020-b1-03",
            "dashiji-shanghai-2020.html#shanghai-2020-b1-04", "dashiji-shanghai-2020.html#shanghai-2020-b1-05", "dashiji-shanghai-2020.html#shanghai-2020-b1-06",
            "dashiji-shanghai-2020.html#shanghai-2020-b1-07", "dashiji-shanghai-2020.html#shanghai-2020-b1-08", "lecture-handout-beijing-b1.html#beijing-2020-b1-01",
            "lecture-handout-beijing-b1.html#beijing-2020-b1-02", "lecture-handout-beijing-b1.html#beijing-2020-b1-03", "lecture-handout-beijing-b1.html#beijing-2020-b1-05",
            "lecture-handout-beijing-b1.html#beijing-2020-b1-06", "maillist-digest-hangzhou-b1.html#hangzhou-2020-b1-01", "maillist-digest-hangzhou-b1.html#hangzhou-2020-b1-02",
            "maillist-digest-hangzhou-b1.html#hangzhou-2020-b1-03", "maillist-digest-hangzhou-b1.html#hangzhou-2020-b1-04", "maillist-digest-hangzhou-b1.html#hangzhou-2020-b1-05",
            "print-friendly-shanghai-b2.htm#shanghai-2020-b2-01", "print-friendly-shanghai-b2.htm#shanghai-2020-b2-02", "print-friendly-shanghai-b2.htm#shanghai-2020-b2-03",
            "print-friendly-shanghai-b2.htm#shanghai-2020-b2-04", "print-friendly-shanghai-b2.htm#shanghai-2020-b2-05", "wiki-zh-hant-shenzhen-pilot.html#shenzhen-2020-b1-01",
            "wiki-zh-hant-shenzhen-pilot.html#shenzhen-2020-b1-02", "wiki-zh-hant-shenzhen-pilot.html#shenzhen-2020-b1-03", "wiki-zh-hant-shenzhen-pilot.html#shenzhen-2020-b1-04",
            "zhengce-jiedu-faq-chongqing.html#chongqing-2020-b1-01", "zhengce-jiedu-faq-chongqing.html#chongqing-2020-b1-02", "zhengce-jiedu-faq-chongqing.html#chongqing-2020-b1-03",
            "zhengce-jiedu-faq-chongqing.html#chongqing-2020-b1-04", "zhengce-jiedu-faq-chongqing.html#chongqing-2020-b1-05",
        ])
    }
}
