import Foundation
import SandboxSchema
import SandboxText

/// Decodes the JSON file at `url` as a `T` (`published.json`, `coverage.json`);
/// `/dev/stdin` (the CLI's `-`) is read from standard input, which may be a pipe.
/// - Throws: `StatsError.unreadableFile`, or `.malformedDataFile` naming the key path.
func decodeJSONFile<T: Decodable>(_ url: URL) throws(StatsError) -> T {
    let data: Data
    if url.path == "/dev/stdin" {
        do { data = Data(try StandardInput.readAll()) } catch {
            guard case .unreadable(let reason) = error else { throw .unreadableFile(path: "-", reason: "\(error)") }
            throw .unreadableFile(path: "-", reason: reason)
        }
    } else { do { data = try Data(contentsOf: url) } catch {
        throw .unreadableFile(path: url.path, reason: error.localizedDescription)
    } }
    do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
        throw .malformedDataFile(path: url.path, reason: JSONLinesReader.describe(error).1)
    } catch {
        throw .malformedDataFile(path: url.path, reason: "\(error)")
    }
}
