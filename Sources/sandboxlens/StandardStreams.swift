import Foundation
#if canImport(Glibc)
import Glibc
import SandboxText
#endif

/// A write to standard output or standard error that failed: the command ends with
/// ``exitCode`` (no crash, no `try!` on `FileHandle.write`).
struct StreamFailure: Error, CustomStringConvertible {
    /// 1 for stdout, 2 for stderr.
    let fd: Int32
    /// The `errno` of the failed `write(2)`.
    let code: Int32

    /// 141 (128 + SIGPIPE, what a shell shows for `yes | head -1`) for a closed pipe:
    /// the reader is gone, nothing is said; 74 (`EX_IOERR`) for every other failure
    /// (`ENOSPC`, `EBADF` for a closed descriptor …), said on stderr when it still works.
    var exitCode: Int32 { code == EPIPE ? 141 : 74 }

    var description: String {
        "cannot write to standard \(fd == 1 ? "output" : "error"): \(String(cString: strerror(code)))"
    }
}

/// Unbuffered writes to the standard streams that report failure instead of trapping.
enum Std {
    /// Called first in `main`: a closed stdin/stdout/stderr (`2>&-`) is given a descriptor
    /// of `/dev/null` opened for the wrong direction, so that no file the command opens
    /// lands on 0–2, while a write to a closed stream still fails (`EBADF`).
    static func guardDescriptors() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            let opened = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY)
            if opened >= 0 && opened != fd { dup2(opened, fd); close(opened) }
        }
    }

    /// Writes `data` to `fd` in full.
    /// - Throws: ``StreamFailure`` with the `errno`.
    static func write(_ data: Data, fd: Int32) throws(StreamFailure) {
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StreamFailure(fd: fd, code: errno)
            }
            offset += n
        }
    }

    /// Writes `text` to standard output.
    static func out(_ text: String) throws(StreamFailure) { try write(Data(text.utf8), fd: 1) }
    /// Writes `data` to standard output.
    static func out(_ data: Data) throws(StreamFailure) { try write(data, fd: 1) }
    /// Writes `text` to standard error.
    static func err(_ text: String) throws(StreamFailure) { try write(Data(text.utf8), fd: 2) }
    /// Writes `data` to standard error.
    static func err(_ data: Data) throws(StreamFailure) { try write(data, fd: 2) }

    /// Whether standard error is a terminal (progress updates in place then).
    static var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Ends the process for `failure`: its line on stderr (unless the pipe is gone or
    /// stderr itself failed), then ``StreamFailure/exitCode``.
    static func exit(for failure: StreamFailure) -> Never {
        if failure.code != EPIPE && failure.fd != 2 { try? err("sandboxlens: \(failure)\n") }
        Glibc.exit(failure.exitCode)
    }
}

/// The most standard input `readInput("-")` takes, in bytes (the default `--max-bytes`).
let maxStandardInputBytes = 20_000_000

/// Reads a whole file, `-` meaning standard input (at most `maxStandardInputBytes`).
/// - Throws: ``CommandFailure`` naming the file: unreadable (a folder or a closed
///   standard input), or standard input over the limit.
func readInput(_ path: String) throws(CommandFailure) -> Data {
    if path == "-" {
        do { return Data(try StandardInput.readAll(limit: maxStandardInputBytes)) } catch {
            switch error {
            case .unreadable(let reason): throw CommandFailure("-: cannot read standard input: \(reason)")
            case .tooLarge(let limit): throw CommandFailure("-: standard input is over the limit of \(limit) bytes")
            }
        }
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandFailure("\(path): cannot read file (missing or unreadable)")
    }
    return data
}
