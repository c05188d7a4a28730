import Foundation
import SandboxClassify
import SandboxExport
import SandboxIngest
import SandboxLexicon

/// The version of this tool, written into every run manifest.
public let toolVersion = "0.1.0"

/// One line of `errors.jsonl`: a page or an application that failed.
public struct ErrorEntry: Sendable, Equatable, Codable {
    /// The file (relative to the corpus folder).
    public let file: String
    /// Stable kind id (`empty`, `binary`, `parse`, `missing_name`, `duplicate_id`, …).
    public let kind: String
    /// One-line explanation.
    public let message: String

    /// Creates an error line.
    public init(file: String, kind: String, message: String) {
        self.file = file
        self.kind = kind
        self.message = message
    }
}

/// What processing one page produced.
public struct PageResult: Sendable {
    /// The page's metadata, when it could be read.
    public let info: PageInfo?
    /// Labelled records of its applications, in page order.
    public let records: [LabelledRecord]
    /// Failures (the whole page, or single applications).
    public let errors: [ErrorEntry]
}

/// Counts and provenance of a run: `run.json`.
public struct RunManifest: Sendable, Codable {
    /// One input page.
    public struct Input: Sendable, Codable {
        /// File relative to the corpus folder.
        public let file: String
        /// SHA-256 of its bytes; nil when it could not be read.
        public let sha256: String?
        /// Records exported from it.
        public let applications: Int
        /// Whether it failed as a whole.
        public let failed: Bool
        /// Page warnings.
        public let warnings: [String]
        /// Errors libxml2 reported while parsing (recovered from; silenced and counted).
        public let parserErrors: Int
        /// Warnings libxml2 reported while parsing.
        public let parserWarnings: Int

        enum CodingKeys: String, CodingKey {
            case file, sha256, applications, failed, warnings
            case parserErrors = "parser_errors", parserWarnings = "parser_warnings"
        }
    }
    /// Tool version.
    public let toolVersion: String
    /// `Lexicons/VERSION`.
    public let lexiconVersion: String
    /// SHA-256 over the lexicon files (see `LexiconSet.contentHash`).
    public let lexiconHash: String
    /// Inputs in file order.
    public let inputs: [Input]
    /// Pages read, pages failed, records, errors.
    public let counts: [String: Int]
    /// Wall time of the run in seconds.
    public let durationSeconds: Double

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version", lexiconVersion = "lexicon_version", lexiconHash = "lexicon_hash"
        case inputs, counts
        case durationSeconds = "duration_seconds"
    }
}

/// The result of a batch run.
public struct RunResult: Sendable {
    /// Records sorted by id.
    public let records: [LabelledRecord]
    /// Errors in file order.
    public let errors: [ErrorEntry]
    /// The manifest written as `run.json`.
    public let manifest: RunManifest
}

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
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: file, kind: e.kind.rawValue, message: e.message)])
        } catch {
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: file, kind: "parse", message: "\(error)")])
        }
        var records: [LabelledRecord] = []
        var errors = page.errors.map { ErrorEntry(file: $0.file, kind: $0.kind.rawValue, message: $0.message) }
        for app in page.applications {
            let labels = classifier.classify(app)
            if let record = LabelledRecord(page: page.info, app: app, labels: labels, provenance: provenance) {
                records.append(record)
            } else {
                errors.append(ErrorEntry(file: file, kind: IngestError.Kind.missingMetadata.rawValue,
                                         message: "application \(app.position) \(app.name): no record id (city, date or batch missing)"))
            }
        }
        return PageResult(info: page.info, records: records, errors: errors)
    }

    /// Reads and processes one file; unreadable, oversized and directory entries become
    /// errors, never exceptions.
    public func process(fileAt url: URL, name: String) -> PageResult {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: name, kind: "unreadable", message: "no such file")])
        }
        if isDir.boolValue {
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: name, kind: "unreadable", message: "is a directory, not a file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue > maxFileBytes {
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: name, kind: "too_large",
                message: "file is \(size.intValue) bytes, over the limit of \(maxFileBytes) bytes")])
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return PageResult(info: nil, records: [], errors: [ErrorEntry(file: name, kind: "unreadable", message: "cannot read file")])
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
    /// - Throws: `ExportError` when `corpus` does not exist or is not a folder.
    public static func pages(in corpus: URL) throws -> CorpusListing {
        let fm = FileManager.default
        let base = corpus.standardizedFileURL.path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: base, isDirectory: &isDir) else {
            throw ExportError(path: base, message: "corpus folder does not exist")
        }
        guard isDir.boolValue else { throw ExportError(path: base, message: "corpus is not a folder") }
        var pages: [(URL, String)] = []
        var unreadable: [(String, String)] = []
        var stack: [String] = [""]
        while let rel = stack.popLast() {
            let path = rel.isEmpty ? base : base + "/" + rel
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: path)
            } catch {
                if rel.isEmpty { throw ExportError(path: base, message: "cannot read corpus folder: \(error.localizedDescription)") }
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
    /// - Throws: `ExportError` when the corpus folder is missing, not a folder, unreadable,
    ///   or holds no `.html`/`.htm` page (so that a mistyped path never yields an empty
    ///   dataset).
    public func run(corpus: URL, jobs: Int = 1, progress: (@Sendable (Int, Int, String) -> Void)? = nil) throws -> RunResult {
        let start = Date()
        let listing = try Self.pages(in: corpus)
        let files = listing.pages
        if files.isEmpty && listing.unreadable.isEmpty {
            throw ExportError(path: corpus.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")
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
        var errors: [ErrorEntry] = listing.unreadable.map { ErrorEntry(file: $0.0, kind: "unreadable", message: $0.1) }
        var inputs: [RunManifest.Input] = []
        var seen: [String: String] = [:]
        for (i, r) in results.all().enumerated() {
            let file = files[i].1
            var kept = 0
            for rec in r.records {
                if let other = seen[rec.id] {
                    errors.append(ErrorEntry(file: file, kind: "duplicate_id", message: "record id \(rec.id) already given by \(other); this one is dropped"))
                    continue
                }
                seen[rec.id] = file
                records.append(rec)
                kept += 1
            }
            errors.append(contentsOf: r.errors)
            inputs.append(.init(file: file, sha256: r.info?.sha256, applications: kept, failed: r.info == nil,
                                warnings: r.info?.warnings ?? [], parserErrors: r.info?.parserErrors ?? 0,
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
    /// - Throws: `ExportError`, or an encoding error.
    public static func write(_ result: RunResult, to output: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var manifest = try encoder.encode(result.manifest)
        manifest.append(0x0A)
        try AtomicOutput(directory: output).write([
            ("records.jsonl", try RecordFormat.jsonLines(result.records)),
            ("records.csv", RecordFormat.csv(result.records)),
            ("errors.jsonl", try RecordFormat.jsonLines(result.errors)),
            ("run.json", manifest),
        ])
    }
}

/// Results by index, filled from several threads.
final class ResultBox: @unchecked Sendable {
    private var items: [PageResult?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    /// Stores result `i`; returns how many are done.
    func set(_ i: Int, _ r: PageResult) -> Int {
        lock.lock(); defer { lock.unlock() }
        items[i] = r
        done += 1
        return done
    }

    func all() -> [PageResult] {
        lock.lock(); defer { lock.unlock() }
        return items.map { $0! }
    }
}
