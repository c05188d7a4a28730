import Foundation
import SandboxClassify
import SandboxExport
import SandboxIngest
import SandboxLexicon
import SandboxSchema

/// The version of this tool, written into every run manifest.
public let toolVersion = "0.1.0"

/// The whole job: corpus pages → ingest → classify → records. Built once from a lexicon
/// folder; `Sendable`, so pages are processed in parallel with one shared instance.
public struct Pipeline: Sendable {
    /// The loaded lexicons.
    public let lexicons: LexiconSet
    /// Page parser (gazetteer, field headings).
    public let parser: PageParser
    /// Classifier (automata built once).
    public let classifier: Classifier
    /// Files larger than this many bytes are refused (`too_large`). Default 20 MB.
    public var maxFileBytes: Int = 20_000_000

    /// Loads the lexicons of `lexiconDirectory` and builds the stages.
    /// - Throws: `LexiconError` (file, line, column) when a lexicon file is invalid.
    public init(lexiconDirectory: URL) throws {
        self.init(lexicons: try LexiconLoader.load(directory: lexiconDirectory))
    }

    /// Tool and lexicon versions written into every record.
    public var provenance: Provenance {
        Provenance(toolVersion: toolVersion, lexiconVersion: lexicons.version, lexiconHash: lexicons.contentHash)
    }

    /// Builds the stages from loaded lexicons.
    public init(lexicons: LexiconSet) {
        self.lexicons = lexicons
        self.parser = PageParser(places: lexicons.places, fields: lexicons.fields)
        self.classifier = Classifier(lexicons: lexicons)
    }

    /// Ingests and classifies one page given as bytes.
    public func process(bytes: [UInt8], file: String) -> PageResult {
        let page: IngestedPage
        do {
            page = try parser.parse(bytes: bytes, file: file)
        } catch let e as IngestError {
            return PageResult(info: nil, records: [], errors: [e.diagnostic])
        } catch {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: "parse", file: file, message: "\(error)")])
        }
        var records: [LabelledRecord] = []
        var errors = page.errors.map(\.diagnostic)
        for app in page.applications {
            let labels = classifier.classify(app)
            do {
                if let record = try LabelledRecord(page: page.info, app: app, labels: labels, provenance: provenance) {
                    records.append(record)
                } else {
                    errors.append(Diagnostic(code: .missingMetadata, file: file,
                                             message: "application \(app.position) \(app.name): no record id (city, date or batch missing)"))
                }
            } catch {
                errors.append(Diagnostic(code: .unknownLabel, file: file, message: error.description))
            }
        }
        return PageResult(info: page.info, records: records, errors: errors)
    }

    /// Reads and processes one file; unreadable, oversized and directory entries become
    /// errors, never exceptions.
    public func process(fileAt url: URL, name: String) -> PageResult {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: .unreadable, file: name, message: "no such file")])
        }
        if isDir.boolValue {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: .unreadable, file: name, message: "is a directory, not a file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue > maxFileBytes {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: .tooLarge, file: name,
                message: "file is \(size.intValue) bytes, over the limit of \(maxFileBytes) bytes")])
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: .unreadable, file: name, message: "cannot read file")])
        }
        return process(bytes: [UInt8](data), file: name)
    }

    /// What a corpus folder holds: its pages, and the sub-folders that could not be read.
    public struct CorpusListing: Sendable {
        /// Every `.html`/`.htm` entry below the folder (recursively; hidden names skipped),
        /// as (URL, path relative to the folder), sorted by relative path.
        public let pages: [(URL, String)]
        /// Sub-folders that could not be listed, as (relative path, reason); their pages
        /// would otherwise be missed without a word.
        public let unreadable: [(String, String)]
    }

    /// Lists the pages of a corpus folder. Symbolic links to folders are not followed (no
    /// loops); a folder named like a page is listed as a page too (and reported as one).
    /// - Throws: `PipelineError.corpus` when `corpus` does not exist or is not a folder.
    public static func pages(in corpus: URL) throws -> CorpusListing {
        let fm = FileManager.default
        let base = corpus.standardizedFileURL.path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: base, isDirectory: &isDir) else {
            throw PipelineError.corpus(path: base, message: "corpus folder does not exist")
        }
        guard isDir.boolValue else { throw PipelineError.corpus(path: base, message: "corpus is not a folder") }
        var pages: [(URL, String)] = []
        var unreadable: [(String, String)] = []
        var stack: [String] = [""]
        while let rel = stack.popLast() {
            let path = rel.isEmpty ? base : base + "/" + rel
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: path)
            } catch {
                if rel.isEmpty { throw PipelineError.corpus(path: base, message: "cannot read corpus folder: \(error.localizedDescription)") }
                unreadable.append((rel, "cannot read folder (\(Self.reason(error)))"))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let childPath = base + "/" + childRel
                let ext = (name as NSString).pathExtension.lowercased()
                if ext == "html" || ext == "htm" { pages.append((URL(fileURLWithPath: childPath), childRel)) }
                let type = (try? fm.attributesOfItem(atPath: childPath))?[.type] as? FileAttributeType
                if type == .typeDirectory { stack.append(childRel) }
            }
        }
        return CorpusListing(pages: pages.sorted { $0.1 < $1.1 }, unreadable: unreadable.sorted { $0.0 < $1.0 })
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }

    /// Processes every page of `corpus` with `jobs` worker threads, then sorts records by
    /// id. Output does not depend on `jobs`. `progress` is called after each page with
    /// (pages done, pages total, file).
    /// - Throws: `PipelineError.corpus` when the corpus folder is missing, not a folder, unreadable,
    ///   or holds no `.html`/`.htm` page (so that a mistyped path never yields an empty
    ///   dataset).
    public func run(corpus: URL, jobs: Int = 1, progress: (@Sendable (Int, Int, String) -> Void)? = nil) throws -> RunResult {
        let start = Date()
        let listing = try Self.pages(in: corpus)
        let files = listing.pages
        if files.isEmpty && listing.unreadable.isEmpty {
            throw PipelineError.corpus(path: corpus.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")
        }
        let results = ResultBox(count: files.count)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < files.count {
                let r = process(fileAt: files[i].0, name: files[i].1)
                let done = results.set(i, r)
                progress?(done, files.count, files[i].1)
                i += workers
            }
        }
        var records: [LabelledRecord] = []
        var errors: [Diagnostic] = listing.unreadable.map { Diagnostic(code: .unreadable, file: $0.0, message: $0.1) }
        var inputs: [RunManifest.Input] = []
        var seen = FirstOccurrence<String>()
        for (i, r) in results.all().enumerated() {
            let file = files[i].1
            var kept = 0
            for rec in r.records {
                if let other = seen.claim(rec.id, at: file) {
                    errors.append(Diagnostic(code: .duplicateID, file: file, message: "record id \(rec.id) already given by \(other); this one is dropped"))
                    continue
                }
                records.append(rec)
                kept += 1
            }
            errors.append(contentsOf: r.errors)
            inputs.append(.init(file: file, sha256: r.info?.sha256, applications: kept, failed: r.info == nil,
                                warnings: (r.info?.warnings ?? []).map(RecordWarning.init(parsing:)), parserErrors: r.info?.parserErrors ?? 0,
                                parserWarnings: r.info?.parserWarnings ?? 0))
        }
        records.sort { $0.id < $1.id }
        let manifest = RunManifest(
            toolVersion: toolVersion, lexiconVersion: lexicons.version, lexiconHash: lexicons.contentHash, inputs: inputs,
            counts: ["pages": files.count, "pages_failed": inputs.filter(\.failed).count, "records": records.count, "errors": errors.count],
            durationSeconds: (Date().timeIntervalSince(start) * 1000).rounded() / 1000)
        return RunResult(records: records, errors: errors, manifest: manifest)
    }

    /// Writes `records.jsonl`, `records.csv`, `errors.jsonl` and `run.json` to `output`
    /// atomically (see `AtomicOutput`).
    /// - Throws: `ExportError.write` naming the path, or an `EncodingError`.
    public static func write(_ result: RunResult, to output: URL) throws {
        let manifest = try JSONLinesWriter.encodePretty(result.manifest)
        try AtomicOutput(directory: output).write([
            ("records.jsonl", try RecordFormat.jsonLines(result.records)),
            ("records.csv", RecordFormat.csv(result.records)),
            ("errors.jsonl", try RecordFormat.jsonLines(result.errors)),
            ("run.json", manifest),
        ])
    }
}

