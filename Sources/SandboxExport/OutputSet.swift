import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One output set (the files of one run) written beside the output folder and switched in
/// with a single atomic step, so that a reader of the output folder sees the whole old set
/// or the whole new one, never a mix — under `kill -9` too.
///
/// How (Linux): ``open(directory:)`` takes an exclusive `flock` on the output folder (a
/// second writer fails at once with ``ExportError/locked(path:)``) and creates the
/// staging folder `.<name>.staging-<random>` beside it (same parent, so same file
/// system). Files are written there (``create(_:)``) while the run goes on.
/// ``commit()`` fsyncs every file and the staging folder, then exchanges the staging
/// folder and the output folder with one `renameat2(RENAME_EXCHANGE)`, fsyncs the parent
/// folder and removes the old set (now at the staging name). Where the kernel or file
/// system cannot exchange (`EINVAL`, `ENOSYS`), two renames are used instead (the output
/// folder is missing for the instant between them; never mixed).
///
/// The whole folder is replaced: files the run does not write (a `report.html`) go with
/// the old set. So a folder that exists must be empty or hold an earlier set (its
/// `run.json`): a folder of other files (the corpus, a project) is refused. A staging folder left by a killed process is removed by the next writer
/// (its lock is free). ``abandon()`` (or dropping an uncommitted set) leaves the output
/// folder as it was.
///
/// For tests, `SANDBOXLENS_TEST_KILL_AT=N` makes the process kill itself (`SIGKILL`) at
/// the N-th step: 1 staging folder created; 2… each staged file fsynced and closed, in
/// creation order; then staging folder fsynced, folders exchanged, parent fsynced, old set
/// removed (``steps(files:)`` gives the count).
public final class OutputSet {
    /// The output folder.
    public let directory: URL
    /// The staging folder beside it, written to until ``commit()``.
    public let staging: URL
    private var directoryLock: Int32
    private var stagingLock: Int32
    private var files: [StagedFile] = []
    private var done = false

    /// Number of kill points for a set of `files` files (`SANDBOXLENS_TEST_KILL_AT` runs
    /// from 1 to this).
    public static func steps(files: Int) -> Int { 1 + files + 4 }

    /// Creates the output folder if needed, locks it, removes stale staging folders and
    /// creates a fresh one (beside the folder a symbolic link `directory` points to, if it
    /// is one): call it before any page is read, so that an unwritable or busy
    /// output is found at once.
    /// - Throws: ``ExportError/locked(path:)`` when another process holds the lock;
    ///   ``ExportError/write(path:message:)`` when a folder cannot be created or locked,
    ///   or exists holding files but no `run.json` (not an earlier output set).
    public static func open(directory: URL) throws(ExportError) -> OutputSet {
        // A symlinked output folder: stage beside (and exchange) the folder it points to,
        // not the link.
        let dir = directory.standardizedFileURL.resolvingSymlinksInPath()
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .write(path: dir.path, message: "is not a folder") }
            // The whole folder is replaced: only an earlier output set (it holds run.json) or
            // an empty folder may be, never a folder of other files (the corpus, a project).
            let contents = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            if !contents.isEmpty, !contents.contains("run.json") {
                let shown = contents.sorted().prefix(3).joined(separator: ", ") + (contents.count > 3 ? ", …" : "")
                throw .write(path: dir.path, message: "holds files that are not an earlier output (\(shown)); the output folder is replaced whole, so choose an empty or new folder")
            }
        } else {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw .write(path: dir.path, message: "cannot create output folder: \(Self.reason(error))")
            }
        }
        let lock = try lockFolder(dir.path)
        if access(dir.path, W_OK) != 0 {
            close(lock)
            throw .write(path: dir.path, message: "output folder is not writable: \(String(cString: strerror(errno)))")
        }
        let parent = dir.deletingLastPathComponent()
        let prefix = ".\(dir.lastPathComponent).staging-"
        removeStale(in: parent, prefix: prefix)
        let staging = parent.appendingPathComponent(prefix + String(UUID().uuidString.prefix(8)).lowercased())
        if mkdir(staging.path, 0o755) != 0 {
            let message = String(cString: strerror(errno))
            close(lock)
            throw .write(path: staging.path, message: "cannot create the staging folder beside the output folder (its parent must be writable): \(message)")
        }
        let stagingLock: Int32
        do { stagingLock = try lockFolder(staging.path) } catch {
            close(lock)
            try? fm.removeItem(at: staging)
            throw error
        }
        let set = OutputSet(directory: dir, staging: staging, directoryLock: lock, stagingLock: stagingLock)
        killPoint()
        return set
    }

    private init(directory: URL, staging: URL, directoryLock: Int32, stagingLock: Int32) {
        self.directory = directory
        self.staging = staging
        self.directoryLock = directoryLock
        self.stagingLock = stagingLock
    }

    deinit {
        if !done { abandon() }
    }

    /// A new file `name` in the staging folder, to write to until ``commit()``.
    /// - Throws: ``ExportError/write(path:message:)`` when it cannot be created.
    public func create(_ name: String) throws(ExportError) -> StagedFile {
        let file = try StagedFile(path: staging.appendingPathComponent(name).path)
        files.append(file)
        return file
    }

    /// Writes `data` as the staged file `name` in one go.
    /// - Throws: ``ExportError/write(path:message:)``.
    public func write(_ name: String, _ data: Data) throws(ExportError) {
        try create(name).write(data)
    }

    /// The bytes of the staged file `name` (closed first): for a failure report built from
    /// what the run staged.
    /// - Throws: ``ExportError/write(path:message:)`` when it cannot be closed or read.
    public func stagedData(_ name: String) throws(ExportError) -> Data {
        guard let file = files.first(where: { $0.path.hasSuffix("/" + name) }) else {
            throw .write(path: staging.appendingPathComponent(name).path, message: "no such staged file")
        }
        try file.close()
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .write(path: file.path, message: "cannot read the staged file back")
        }
        return data
    }

    /// Switches the staged set in (see the type's description) and releases the lock.
    /// - Throws: ``ExportError/write(path:message:)``; before the exchange, the output
    ///   folder is untouched; after it, only the removal of the old set can fail, which is
    ///   not reported (the next writer removes it).
    public func commit() throws(ExportError) {
        precondition(!done, "OutputSet committed twice")
        for file in files {
            try file.close()
            Self.killPoint()
        }
        try Self.fsyncPath(staging.path)
        Self.killPoint()
        try Self.exchange(staging.path, directory.path)
        Self.killPoint()
        try? Self.fsyncPath(directory.deletingLastPathComponent().path)
        Self.killPoint()
        try? FileManager.default.removeItem(at: staging)  // the old set
        Self.killPoint()
        release()
    }

    /// Drops the staged files and releases the lock; the output folder is left as it was.
    public func abandon() {
        guard !done else { return }
        for file in files { file.discard() }
        try? FileManager.default.removeItem(at: staging)
        release()
    }

    /// Writes `data` as `name` directly inside the current output folder (tmp file, fsync,
    /// rename, fsync folder): for `failed-run.json`, written beside the kept set.
    /// - Throws: ``ExportError/write(path:message:)``.
    public func writeBeside(_ name: String, _ data: Data) throws(ExportError) {
        try AtomicFile.write(data, to: directory.appendingPathComponent(name))
    }

    private func release() {
        done = true
        close(stagingLock)
        close(directoryLock)
        stagingLock = -1
        directoryLock = -1
    }

    // MARK: - System calls

    private static func lockFolder(_ path: String) throws(ExportError) -> Int32 {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .write(path: path, message: "cannot open folder: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            close(fd)
            if e == EWOULDBLOCK { throw .locked(path: path) }
            throw .write(path: path, message: "cannot lock folder: \(String(cString: strerror(e)))")
        }
        return fd
    }

    /// Removes staging folders of `parent` named `prefix…` whose lock is free (their
    /// writer is gone; a live writer holds its staging folder's lock until it ends).
    private static func removeStale(in parent: URL, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let path = parent.appendingPathComponent(name).path
            let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(atPath: path) }
            close(fd)
        }
    }

    static func fsyncPath(_ path: String) throws(ExportError) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .write(path: path, message: "cannot open for fsync: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if fsync(fd) != 0 { throw .write(path: path, message: "fsync failed: \(String(cString: strerror(errno)))") }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28+), looked up at run time: Swift does not import it (it is
    /// declared only under `_GNU_SOURCE`) and cannot call the variadic `syscall`.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }  // nil: RTLD_DEFAULT
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges two folders atomically (`RENAME_EXCHANGE`), or renames `b` away and `a`
    /// into its place when the file system cannot exchange.
    private static func exchange(_ a: String, _ b: String) throws(ExportError) {
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, linux/fs.h
        if let renameat2 {
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return }
            if errno != EINVAL && errno != ENOSYS {
                throw .write(path: b, message: "cannot switch the new set in (renameat2): \(String(cString: strerror(errno)))")
            }
        }
        let aside = a + ".old"
        guard rename(b, aside) == 0 else { throw .write(path: b, message: "cannot move the old set aside: \(String(cString: strerror(errno)))") }
        guard rename(a, b) == 0 else {
            let message = String(cString: strerror(errno))
            _ = rename(aside, b)
            throw .write(path: b, message: "cannot switch the new set in: \(message)")
        }
        _ = rename(aside, a)
    }

    private nonisolated(unsafe) static var killCounter = 0
    private static let killAt: Int? = ProcessInfo.processInfo.environment["SANDBOXLENS_TEST_KILL_AT"].flatMap { Int($0) }

    /// Test hook: `SANDBOXLENS_TEST_KILL_AT=N` kills the process at the N-th step.
    private static func killPoint() {
        guard let killAt else { return }
        killCounter += 1
        if killCounter == killAt { kill(getpid(), SIGKILL) }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }
}

/// A file being written in a staging folder: buffered `write(2)`, `fsync` on close.
public final class StagedFile {
    /// Its path.
    public let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 16

    init(path: String) throws(ExportError) {
        self.path = path
        fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .write(path: path, message: "cannot create file: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(Self.flushAt)
    }

    /// Appends `data` (flushed in 64 KiB writes).
    /// - Throws: ``ExportError/write(path:message:)`` (a full disk: `ENOSPC`).
    public func write(_ data: Data) throws(ExportError) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.flushAt { try flush() }
    }

    private func flush() throws(ExportError) {
        guard fd >= 0 else { throw .write(path: path, message: "file already closed") }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .write(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, fsyncs and closes the file (once; later calls do nothing).
    /// - Throws: ``ExportError/write(path:message:)``.
    public func close() throws(ExportError) {
        guard fd >= 0 else { return }
        try flush()
        if fsync(fd) != 0 { throw .write(path: path, message: "fsync failed: \(String(cString: strerror(errno)))") }
        Glibc.close(fd)
        fd = -1
    }

    func discard() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
        buffer = []
    }

    deinit { discard() }
}

/// One file replaced atomically in its folder: written to a hidden temporary file beside
/// it, fsynced, renamed over the final name, folder fsynced.
public enum AtomicFile {
    /// Writes `data` to `url` (its folder is created when missing).
    /// - Throws: ``ExportError/write(path:message:)`` naming the path that failed; the
    ///   previous file is then unchanged.
    public static func write(_ data: Data, to url: URL) throws(ExportError) {
        let folder = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw .write(path: url.path, message: "is a folder; cannot replace it with a file")
        }
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .write(path: folder.path, message: "cannot create folder: \(OutputSet.reason(error))")
        }
        let tmp = folder.appendingPathComponent(".tmp-\(getpid())-\(UUID().uuidString.prefix(8))-\(url.lastPathComponent)")
        let file = try StagedFile(path: tmp.path)
        do {
            try file.write(data)
            try file.close()
        } catch {
            file.discard()
            unlink(tmp.path)
            throw error
        }
        guard rename(tmp.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(tmp.path)
            throw .write(path: url.path, message: "cannot rename into place: \(message)")
        }
        try? OutputSet.fsyncPath(folder.path)
    }
}
