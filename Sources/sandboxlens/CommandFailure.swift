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

/// Runs a command body. `ExitCode`, `CleanExit`, validation errors and ``StreamFailure``
/// pass through (exit 0, 64, 74 or 141 as `main` decides); any other error — a
/// ``CommandFailure`` or a module's typed error — is printed as `sandboxlens:
/// <description>` and becomes exit code 1.
/// - Throws: `ExitCode.failure` after printing, or what `body` threw for the others.
func failingWithOneLine(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e as StreamFailure {
        throw e
    } catch {
        try Std.err("sandboxlens: \(error)\n")
        throw ExitCode.failure
    }
}
