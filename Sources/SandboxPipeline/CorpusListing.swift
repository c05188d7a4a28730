import Foundation
import SandboxSchema
#if canImport(Glibc)
import Glibc
#endif

/// A corpus page: its path as the file system's bytes (names need not be UTF-8: zips from
/// Chinese Windows carry GBK names) and the name shown for it.
public struct CorpusPage: Sendable, Equatable {
    /// Absolute path bytes, without a trailing NUL.
    public let path: [UInt8]
    /// Path bytes relative to the corpus folder (the sort key).
    public let relative: [UInt8]
    /// `relative` for people and for `source.file`: UTF-8 as is, every byte of an invalid
    /// sequence written `\xNN` (upper-case hex), e.g. `pages/\xB9\xA4\xC9\xCC.html`.
    public var name: String { PathBytes.display(relative) }
}

/// The pages of a listing, packed so that memory stays small at corpus scale: the relative
/// paths in one byte buffer with their end offsets (about 35 bytes a page for a 25-byte
/// path, where two arrays per page took about 250: 25 MB more peak RSS at 110,000 pages),
/// each `CorpusPage` made when it is read. Immutable.
public struct CorpusPages: RandomAccessCollection, Sendable {
    /// The corpus folder's absolute path bytes.
    let base: [UInt8]
    /// Relative paths, one after the other.
    let bytes: [UInt8]
    /// End offset in `bytes` of each page's relative path.
    let ends: [Int]

    /// Packs `relative` paths (in the order given) below `base`.
    init(base: [UInt8], relative: [[UInt8]]) {
        self.base = base
        var bytes: [UInt8] = []
        bytes.reserveCapacity(relative.reduce(0) { $0 + $1.count })
        var ends: [Int] = []
        ends.reserveCapacity(relative.count)
        for r in relative {
            bytes += r
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// Page `i` (0-based, in listing order).
    public subscript(i: Int) -> CorpusPage {
        let relative = Array(bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]])
        return CorpusPage(path: base + [0x2F] + relative, relative: relative)
    }
}

/// What a corpus folder holds: its pages, and the sub-folders that could not be read.
public struct CorpusListing: Sendable {
    /// Every `.html`/`.htm` entry below the folder (recursively; hidden names skipped),
    /// sorted by relative path bytes.
    public let pages: CorpusPages
    /// Sub-folders that could not be listed, as (shown relative path, reason); their pages
    /// would otherwise be missed without a word.
    public let unreadable: [(String, String)]
}

/// Paths as bytes.
public enum PathBytes {
    /// `bytes` as text: valid UTF-8 sequences kept, each other byte written `\xNN`.
    public static func display(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        var out = ""
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n = b < 0x80 ? 1 : b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            if n > 0, i + n <= bytes.count, let s = String(validating: bytes[i..<i + n], as: UTF8.self) {
                out += s
                i += n
            } else {
                out += String(format: "\\x%02X", b)
                i += 1
            }
        }
        return out
    }

    /// Calls `body` with `bytes` as a NUL-terminated C path.
    static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { body($0) }
        }
    }
}

extension Pipeline {
    /// Lists the pages of a corpus folder. Names are read as bytes (``CorpusPage``).
    /// Symbolic links to folders are followed, each folder once: a link back to a folder
    /// already listed (a loop, or a second link to one folder) is not followed again. A
    /// folder named like a page is listed as a page too (and reported as one).
    /// - Throws: `PipelineError.corpus` when `corpus` does not exist, is not a folder or
    ///   cannot be read.
    public static func pages(in corpus: URL) throws -> CorpusListing {
        let base = corpus.standardizedFileURL.path
        let baseBytes = Array(base.utf8)
        var st = stat()
        guard PathBytes.withCString(baseBytes, { stat($0, &st) }) == 0 else {
            if errno == ENOENT { throw PipelineError.corpus(path: base, message: "corpus folder does not exist") }
            throw PipelineError.corpus(path: base, message: "cannot read corpus folder: \(String(cString: strerror(errno)))")
        }
        guard st.st_mode & S_IFMT == S_IFDIR else { throw PipelineError.corpus(path: base, message: "corpus is not a folder") }
        struct FolderID: Hashable { let dev: UInt64, ino: UInt64 }
        var visited: Set<FolderID> = [FolderID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))]
        var pages: [[UInt8]] = []  // relative paths
        var unreadable: [(String, String)] = []
        var stack: [[UInt8]] = [[]]
        while let rel = stack.popLast() {
            let path = rel.isEmpty ? baseBytes : baseBytes + [0x2F] + rel
            guard let dir = PathBytes.withCString(path, { opendir($0) }) else {
                let reason = String(cString: strerror(errno))
                if rel.isEmpty { throw PipelineError.corpus(path: base, message: "cannot read corpus folder: \(reason)") }
                unreadable.append((PathBytes.display(rel), "cannot read folder (\(reason))"))
                continue
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    Array(raw.prefix { $0 != 0 })
                }
                guard let first = name.first, first != 0x2E else { continue }  // hidden, . and ..
                let childRel = rel.isEmpty ? name : rel + [0x2F] + name
                let childPath = baseBytes + [0x2F] + childRel
                if Self.isPageName(name) { pages.append(childRel) }
                var child = stat()
                guard PathBytes.withCString(childPath, { stat($0, &child) }) == 0, child.st_mode & S_IFMT == S_IFDIR else { continue }
                if visited.insert(FolderID(dev: UInt64(child.st_dev), ino: UInt64(child.st_ino))).inserted {
                    stack.append(childRel)
                }
            }
        }
        pages.sort { $0.lexicographicallyPrecedes($1) }
        return CorpusListing(pages: CorpusPages(base: baseBytes, relative: pages),
                             unreadable: unreadable.sorted { $0.0 < $1.0 })
    }

    /// Whether `name` ends in `.html` or `.htm` (ASCII case ignored).
    static func isPageName(_ name: [UInt8]) -> Bool {
        let lower = name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return lower.reversed().starts(with: Array(".html".utf8).reversed()) || lower.reversed().starts(with: Array(".htm".utf8).reversed())
    }

    /// Reads and processes the page at byte path `path`, shown as `name`; unreadable,
    /// oversized, directory and other non-regular entries (a FIFO, which would block)
    /// become errors, never exceptions.
    public func process(path: [UInt8], name: String) -> PageResult {
        func failure(_ code: DiagnosticCode, _ message: String) -> PageResult {
            PageResult(info: nil, records: [], errors: [Diagnostic(code: code, file: name, message: message)])
        }
        // (O_NONBLOCK: opening a FIFO named *.html waits for a writer that never comes; it is
        // cleared again for a regular file.)
        let fd = PathBytes.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else {
            return failure(.unreadable, errno == ENOENT ? "no such file" : "cannot read file (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return failure(.unreadable, "cannot read file (\(String(cString: strerror(errno))))") }
        if st.st_mode & S_IFMT == S_IFDIR { return failure(.unreadable, "is a directory, not a file") }
        if st.st_mode & S_IFMT != S_IFREG { return failure(.unreadable, "is not a regular file (a FIFO, socket or device)") }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(st.st_size)
        if size > maxFileBytes {
            return failure(.tooLarge, "file is \(size) bytes, over the limit of \(maxFileBytes) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var filled = 0
        while true {
            if filled == bytes.count {
                if filled > maxFileBytes { return failure(.tooLarge, "file is over the limit of \(maxFileBytes) bytes") }
                bytes.append(contentsOf: repeatElement(0, count: 65_536))  // a file that grew, or /proc-like
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return failure(.unreadable, "cannot read file (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return process(bytes: bytes, file: name)
    }
}
