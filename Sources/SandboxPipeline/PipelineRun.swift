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
    /// - Parameter consume: called on the calling thread with each ``PageOutcome`` (folders
    ///   that could not be read come first, as an outcome without `input`); what it throws
    ///   stops the run and is rethrown.
    /// - Returns: the counts and duration of the run (`run.json` without its inputs, which
    ///   went to `consume`).
    /// - Throws: `PipelineError.corpus` when the corpus folder is missing, not a folder,
    ///   unreadable, or holds no `.html`/`.htm` page (so that a mistyped path never yields
    ///   an empty dataset); what `consume` throws.
    public func run(corpus: URL, listing given: CorpusListing? = nil, jobs: Int = 1, progress: RunProgress? = nil,
                    consume: (PageOutcome) throws -> Void) throws -> RunSummary {
        let start = Date()
        let listing = try given ?? Self.pages(in: corpus)
        let files = listing.pages
        if files.isEmpty && listing.unreadable.isEmpty {
            throw PipelineError.corpus(path: corpus.standardizedFileURL.path, message: "no .html or .htm page in the corpus folder")
        }
        var errorCount = listing.unreadable.count
        var recordCount = 0
        if !listing.unreadable.isEmpty {
            try consume(PageOutcome(records: [], errors: listing.unreadable.map { Diagnostic(code: .unreadable, file: $0.0, message: $0.1) }, input: nil))
        }
        var failedPages = 0
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
            let input = RunManifest.Input(file: file, sha256: r.info?.sha256, applications: kept.count, failed: r.info == nil,
                                          warnings: (r.info?.warnings ?? []).map(RecordWarning.init(parsing:)), parserErrors: r.info?.parserErrors ?? 0,
                                          parserWarnings: r.info?.parserWarnings ?? 0)
            if input.failed { failedPages += 1 }
            recordCount += kept.count
            errorCount += errors.count
            try consume(PageOutcome(records: kept, errors: errors, input: input))
            progress?(i + 1, files.count, file)
        }
        return RunSummary(
            counts: ["pages": files.count, "pages_failed": failedPages, "records": recordCount, "errors": errorCount],
            durationSeconds: (Date().timeIntervalSince(start) * 1000).rounded() / 1000)
    }

    /// The manifest of a run: `summary` with these lexicons' versions and `inputs`.
    public func manifest(_ summary: RunSummary, inputs: [RunManifest.Input]) -> RunManifest {
        RunManifest(toolVersion: toolVersion, lexiconVersion: lexicons.version, lexiconHash: lexicons.contentHash, inputs: inputs,
                    counts: summary.counts, durationSeconds: summary.durationSeconds)
    }

    /// The whole run in memory (eval's `--corpus`, tests): records in input order, then
    /// page order, as `records.jsonl` holds them.
    /// - Throws: `PipelineError.corpus` as ``run(corpus:listing:jobs:progress:consume:)``.
    public func run(corpus: URL, jobs: Int = 1, progress: RunProgress? = nil) throws -> RunResult {
        var records: [LabelledRecord] = []
        var errors: [Diagnostic] = []
        var inputs: [RunManifest.Input] = []
        let summary = try run(corpus: corpus, jobs: jobs, progress: progress) { outcome in
            records.append(contentsOf: outcome.records)
            errors.append(contentsOf: outcome.errors)
            if let input = outcome.input { inputs.append(input) }
        }
        return RunResult(records: records, errors: errors, manifest: manifest(summary, inputs: inputs))
    }

    /// Runs over `corpus` writing `records.jsonl`, `records.csv` and `errors.jsonl` into
    /// `output`'s staging folder as pages finish, then `run.json` (its inputs spilled to an
    /// unlinked file meanwhile, so no list grows with the corpus; the bytes are those of
    /// `JSONLinesWriter.encodePretty(manifest)`); does not switch the set in (the caller
    /// decides: ``OutputSet/commit()`` or ``OutputSet/abandon()``).
    /// - Parameter tally: called with each kept record (for a summary), on the calling thread.
    /// - Returns: the counts and duration written into `run.json`.
    /// - Throws: `PipelineError.corpus`, ``ExportError/write(path:message:)`` (a full disk),
    ///   or an `EncodingError`.
    public func run(corpus: URL, listing: CorpusListing? = nil, jobs: Int = 1, into output: OutputSet,
                    progress: RunProgress? = nil, tally: ((LabelledRecord) -> Void)? = nil) throws -> RunSummary {
        let jsonl = try output.create("records.jsonl")
        let csv = try output.create("records.csv")
        let errorsFile = try output.create("errors.jsonl")
        let runFile = try output.create("run.json")
        let inputs = try SpillFile(in: output.staging)
        let encoder = JSONLinesWriter.makeEncoder(pretty: true)
        try csv.write(RecordFormat.csvHeader)
        let summary = try run(corpus: corpus, listing: listing, jobs: jobs, progress: progress) { outcome in
            if !outcome.records.isEmpty {
                try jsonl.write(try RecordFormat.jsonLines(outcome.records))
                try csv.write(RecordFormat.csvRows(outcome.records))
                if let tally { outcome.records.forEach(tally) }
            }
            if !outcome.errors.isEmpty { try errorsFile.write(try RecordFormat.jsonLines(outcome.errors)) }
            if let input = outcome.input {
                // One element of run.json's "inputs", as the pretty encoder indents it there.
                var element = Data((inputs.isEmpty ? "\n" : ",\n").utf8)
                for line in try encoder.encode(input).split(separator: 0x0A, omittingEmptySubsequences: false) {
                    if !line.isEmpty { element.append(contentsOf: Array("    ".utf8)) }
                    element.append(contentsOf: line)
                    element.append(0x0A)
                }
                element.removeLast()
                try inputs.append(element)
            }
        }
        // The manifest without inputs, with the spilled inputs spliced into its empty list.
        let shell = try JSONLinesWriter.encodePretty(manifest(summary, inputs: []))
        let emptyList = Data("\"inputs\" : [\n\n  ]".utf8)
        guard let range = shell.firstRange(of: emptyList) else { preconditionFailure("run.json shell without an empty inputs list") }
        try runFile.write(shell[..<range.lowerBound])
        try runFile.write(Data("\"inputs\" : [".utf8))
        if inputs.isEmpty {
            try runFile.write(Data("\n\n  ]".utf8))
        } else {
            try inputs.copy { chunk throws(ExportError) in try runFile.write(chunk) }
            try runFile.write(Data("\n  ]".utf8))
        }
        try runFile.write(shell[range.upperBound...])
        return summary
    }
}

/// What one page gave, in input order: its kept records, its errors (duplicate ids
/// first), and its line of `run.json`'s inputs (nil for the folders that could not be read).
public struct PageOutcome: Sendable {
    /// Records kept (ids not given by an earlier page), in page order.
    public let records: [LabelledRecord]
    /// `duplicate_id` errors, then the page's own.
    public let errors: [Diagnostic]
    /// The page's entry in `run.json`.
    public let input: RunManifest.Input?
}

/// Counts and wall time of a run (`run.json`'s `counts` and `duration_seconds`).
public struct RunSummary: Sendable, Equatable {
    /// `pages`, `pages_failed`, `records`, `errors`.
    public let counts: [String: Int]
    /// Wall time in seconds, rounded to milliseconds.
    public let durationSeconds: Double
}

/// An append-only file unlinked at creation (nothing is left behind, even after a
/// kill), read back once: the spilled inputs of `run.json`.
final class SpillFile {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var isEmpty = true

    init(in folder: URL) throws(ExportError) {
        let path = folder.appendingPathComponent(".spill-\(UUID().uuidString)").path
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .write(path: path, message: "cannot create spill file: \(String(cString: strerror(errno)))") }
        unlink(path)
    }

    deinit { close(fd) }

    func append(_ data: Data) throws(ExportError) {
        isEmpty = false
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(ExportError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .write(path: "(spill file)", message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands everything appended to `body`, in 64 KiB chunks.
    func copy(_ body: (Data) throws(ExportError) -> Void) throws(ExportError) {
        try flush()
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw .write(path: "(spill file)", message: "cannot seek: \(String(cString: strerror(errno)))") }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .write(path: "(spill file)", message: "cannot read back: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            try body(Data(chunk[0..<n]))
        }
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
