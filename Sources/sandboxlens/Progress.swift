import Foundation

/// Progress of `run` on stderr: on a terminal one line rewritten in place (`\r`, at most
/// 10 times a second) with pages done, pages/s and the time left; piped, a plain line
/// every 5 seconds (and at the end), so a log stays short. Stops at the first failed write
/// and keeps it for the command to report at the end.
final class ProgressLine {
    private let terminal = Std.errorIsTerminal
    private let start = Date()
    private var last = Date.distantPast
    /// The first failed write, if any.
    private(set) var failure: StreamFailure?

    func update(done: Int, total: Int) {
        guard failure == nil else { return }
        let now = Date()
        let final = done == total
        guard final || now.timeIntervalSince(last) >= (terminal ? 0.1 : 5) else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let text = "pages \(done)/\(total), \(String(format: "%.1f", rate)) pages/s, \(final ? "done in \(Self.clock(elapsed))" : "ETA \(Self.clock(left))")"
        do {
            if terminal {
                try Std.err("\r\u{1B}[K" + text + (final ? "\n" : ""))
            } else {
                try Std.err(text + "\n")
            }
        } catch {
            failure = error
        }
    }

    /// `m:ss` (or `h:mm:ss`).
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
