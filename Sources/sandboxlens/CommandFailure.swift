import ArgumentParser
import Foundation

/// A reason a command cannot go on: printed as one line `sandboxlens: message` on stderr,
/// then the process exits 1 (``failingWithOneLine(_:)``).
struct CommandFailure: Error, CustomStringConvertible {
    /// The one-line reason.
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Runs a command body. `ExitCode`, `CleanExit` and validation errors pass through (exit
/// 0 or 64 as ArgumentParser decides); any other error — a ``CommandFailure`` or a module's
/// typed error — is printed as `sandboxlens: <description>` and becomes exit code 1.
/// - Throws: `ExitCode.failure` after printing, or what `body` threw for usage errors.
func failingWithOneLine(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch {
        FileHandle.standardError.write(Data(("sandboxlens: \(error)\n").utf8))
        throw ExitCode.failure
    }
}
