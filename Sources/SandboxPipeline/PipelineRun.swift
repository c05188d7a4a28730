import Foundation
import SandboxExport
import SandboxSchema

/// Progress of a run, reported after each page in input order: (pages done, pages total,
/// the page's shown name).
public typealias RunProgress = (Int, Int, String) -> Void

extension Pipeline {
    /// Processes every page of `corpus` with `jobs` worker threads and hands each page's
    /// kept records and errors to `consume` **in input order** (``CorpusListing`` order:
    /// relative path bytes), records in page order, as soon as the page and every page
    /// before it are done. At most `4 × jobs` finished pages wait for an earlier one, so
    /// memory does not grow with the corpus. A record id already given by an earlier page
    /// is dropped and reported (`duplicate_id`) against that page. The output does not
    /// depend on `jobs`.
    /// - Parameter consume: called on the calling thread with (page name, kept records,
    ///   errors of the page — folders that could not be read come first, as a page of their
    ///   own with an empty name); what it throws stops the run and is rethrown.
    /// - Returns: the run manifest (`run.json`).
    /// - Throws: `PipelineError.corpus` when the corpus folder is missing, not a folder,
    ///   unreadable, or holds no `.html`/`.htm` page (so that a mistyped path never yields
    ///   an empty dataset); what `consume` throws.
    public func run(corpus: URL, listing given: CorpusListing? = nil, jobs: Int = 1, progress: RunProgress? = nil,
                    consume: (String, [LabelledRecord], [Diagnostic]) throws -> Void) throws -> RunManifest {
        let start = Date()
        let listing = try given ?? Self.pages(in: corpus)
        let files = listing.pages
        if files.isEmpty && listing.unreadable.isEmpty {
            throw PipelineError.corpus(path: corpus.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")
        }
        var errorCount = listing.unreadable.count
        var recordCount = 0
        if !listing.unreadable.isEmpty {
            try consume("", [], listing.unreadable.map { Diagnostic(code: .unreadable, file: $0.0, message: $0.1) })
        }
        var inputs: [RunManifest.Input] = []
        var seen = FirstOccurrence<String>()
        let workers = max(1, min(jobs, files.count))
        let queue = OrderedResults(total: files.count, window: 4 * workers)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let i = queue.claim() {
                    queue.put(i, self.process(path: files[i].path, name: files[i].name))
                }
            }
        }
        defer { queue.stop(); group.wait() }
        while let (i, r) = queue.take() {
            let file = files[i].name
            var kept: [LabelledRecord] = []
            var errors: [Diagnostic] = []
            for rec in r.records {
                if let other = seen.claim(rec.id, at: file) {
                    errors.append(Diagnostic(code: .duplicateID, file: file, message: "record id \(rec.id) already given by \(other); this one is dropped"))
                } else {
                    kept.append(rec)
                }
            }
            errors.append(contentsOf: r.errors)
            inputs.append(.init(file: file, sha256: r.info?.sha256, applications: kept.count, failed: r.info == nil,
                                warnings: (r.info?.warnings ?? []).map(RecordWarning.init(parsing:)), parserErrors: r.info?.parserErrors ?? 0,
                                parserWarnings: r.info?.parserWarnings ?? 0))
            recordCount += kept.count
            errorCount += errors.count
            try consume(file, kept, errors)
            progress?(i + 1, files.count, file)
        }
        return RunManifest(
            toolVersion: toolVersion, lexiconVersion: lexicons.version, lexiconHash: lexicons.contentHash, inputs: inputs,
            counts: ["pages": files.count, "pages_failed": inputs.filter(\.failed).count, "records": recordCount, "errors": errorCount],
            durationSeconds: (Date().timeIntervalSince(start) * 1000).rounded() / 1000)
    }

    /// The whole run in memory (eval's `--corpus`, tests): records in input order, then
    /// page order, as `records.jsonl` holds them.
    /// - Throws: `PipelineError.corpus` as ``run(corpus:listing:jobs:progress:consume:)``.
    public func run(corpus: URL, jobs: Int = 1, progress: RunProgress? = nil) throws -> RunResult {
        var records: [LabelledRecord] = []
        var errors: [Diagnostic] = []
        let manifest = try run(corpus: corpus, jobs: jobs, progress: progress) { _, kept, errs in
            records.append(contentsOf: kept)
            errors.append(contentsOf: errs)
        }
        return RunResult(records: records, errors: errors, manifest: manifest)
    }

    /// Runs over `corpus` writing `records.jsonl`, `records.csv` and `errors.jsonl` into
    /// `output`'s staging folder as pages finish, then `run.json`; does not switch the set
    /// in (the caller decides: ``OutputSet/commit()`` or ``OutputSet/abandon()``).
    /// - Parameter tally: called with each kept record (for a summary), on the calling thread.
    /// - Returns: the manifest written as `run.json`.
    /// - Throws: `PipelineError.corpus`, ``ExportError/write(path:message:)`` (a full disk),
    ///   or an `EncodingError`.
    public func run(corpus: URL, listing: CorpusListing? = nil, jobs: Int = 1, into output: OutputSet,
                    progress: RunProgress? = nil, tally: ((LabelledRecord) -> Void)? = nil) throws -> RunManifest {
        let jsonl = try output.create("records.jsonl")
        let csv = try output.create("records.csv")
        let errorsFile = try output.create("errors.jsonl")
        try csv.write(RecordFormat.csvHeader)
        let manifest = try run(corpus: corpus, listing: listing, jobs: jobs, progress: progress) { _, kept, errors in
            if !kept.isEmpty {
                try jsonl.write(try RecordFormat.jsonLines(kept))
                try csv.write(RecordFormat.csvRows(kept))
                if let tally { kept.forEach(tally) }
            }
            if !errors.isEmpty { try errorsFile.write(try RecordFormat.jsonLines(errors)) }
        }
        try output.write("run.json", try JSONLinesWriter.encodePretty(manifest))
        return manifest
    }
}

/// Page results handed from the workers to the consuming thread in index order; workers
/// wait when they run more than `window` pages ahead of the consumer.
final class OrderedResults: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Int: PageResult] = [:]
    private var nextClaim = 0
    private var nextTake = 0
    private var stopped = false
    private let total: Int
    private let window: Int

    init(total: Int, window: Int) {
        self.total = total
        self.window = max(1, window)
    }

    /// The next page index to process, or nil when all are claimed or the run stopped.
    func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !stopped && nextClaim < total && nextClaim >= nextTake + window { condition.wait() }
        guard !stopped, nextClaim < total else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    func put(_ i: Int, _ r: PageResult) {
        condition.lock(); defer { condition.unlock() }
        slots[i] = r
        condition.broadcast()
    }

    /// The next result in index order (waiting for it), or nil after the last one.
    func take() -> (Int, PageResult)? {
        condition.lock(); defer { condition.unlock() }
        guard nextTake < total, !stopped else { return nil }
        while slots[nextTake] == nil { condition.wait() }
        let r = slots.removeValue(forKey: nextTake)!
        nextTake += 1
        condition.broadcast()
        return (nextTake - 1, r)
    }

    /// Ends the run early: workers claim no more pages.
    func stop() {
        condition.lock(); defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }
}
