import Glibc

/// Standard input read to its end with read(2) on descriptor 0: a pipe has no size to read
/// up to, and a folder or a closed standard input is an error, not a crash (Foundation's
/// `FileHandle.readDataToEndOfFile` stops the process on both).
public enum StandardInput {
    /// Why standard input could not be read.
    public enum Failure: Error, Equatable {
        /// read(2) failed; the system's reason (`Is a directory`, `Bad file descriptor`).
        case unreadable(String)
        /// More than the limit (bytes) was given.
        case tooLarge(limit: Int)
    }

    /// Every byte of standard input, at most `limit` bytes when one is given.
    /// - Throws: `Failure.unreadable` when read(2) fails, `Failure.tooLarge` past `limit`.
    public static func readAll(limit: Int? = nil) throws(Failure) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n == 0 { return out }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            out.append(contentsOf: buffer[0..<n])
            if let limit, out.count > limit { throw .tooLarge(limit: limit) }
        }
    }
}
