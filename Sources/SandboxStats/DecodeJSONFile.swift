import Foundation
import Glibc
import SandboxSchema

/// Decodes the JSON file at `url` as a `T` (`published.json`, `coverage.json`);
/// `/dev/stdin` (the CLI's `-`) is read from standard input, which may be a pipe.
/// - Throws: `StatsError.unreadableFile`, or `.malformedDataFile` naming the key path.
func decodeJSONFile<T: Decodable>(_ url: URL) throws(StatsError) -> T {
    let data: Data
    if url.path == "/dev/stdin" {
        // read(2) on descriptor 0: a pipe has no size to read up to, and a folder or a closed
        // standard input is an error, not a crash.
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: "-", reason: String(cString: strerror(errno)))
            }
            out.append(contentsOf: buffer[0..<n])
        }
        data = out
    } else { do { data = try Data(contentsOf: url) } catch {
        throw .unreadableFile(path: url.path, reason: error.localizedDescription)
    } }
    do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
        throw .malformedDataFile(path: url.path, reason: JSONLinesReader.describe(error).1)
    } catch {
        throw .malformedDataFile(path: url.path, reason: "\(error)")
    }
}
