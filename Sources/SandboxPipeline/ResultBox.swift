import Foundation

/// Results by index, filled from several threads.
final class ResultBox: @unchecked Sendable {
    private var items: [PageResult?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    /// Stores result `i`; returns how many are done.
    func set(_ i: Int, _ r: PageResult) -> Int {
        lock.lock(); defer { lock.unlock() }
        items[i] = r
        done += 1
        return done
    }

    func all() -> [PageResult] {
        lock.lock(); defer { lock.unlock() }
        return items.map { $0! }
    }
}
