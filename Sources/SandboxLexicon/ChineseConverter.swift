import SandboxText
import COpenCC
import Foundation

/// Traditional and regional (Taiwan, Hong Kong) Chinese → mainland simplified, through
/// OpenCC (Debian `libopencc-dev`), with a map from every output scalar back to the
/// input scalar it came from.
///
/// Chain (see ENGINEERING-NOTES.md, "OpenCC"): `tw2sp` (Taiwan → mainland with phrases:
/// 人工智慧 → 人工智能, 數位人民幣 → 数字人民币, 網際網路 → 互联网), then `hk2s` (Hong Kong
/// variants such as 衞 → 卫, which `tw2sp` leaves). Phrase conversion can change lengths
/// (網際網路, 4 scalars, → 互联网, 3), so each converted phrase maps onto the input
/// scalars it replaced: output scalar `k` of a phrase of `m` scalars that replaced input
/// `i..<j` maps to `i + k·(j−i)/m`, its last scalar to `j − 1`, so a term covering the
/// whole output phrase covers the whole input phrase. Regional words OpenCC does not
/// convert (云端运算, 辨识, 行动支付) stay as they are: the lexicons list them.
///
/// OpenCC does not document thread safety, so no handle is used by two threads at once:
/// the converter keeps a pool of handle chains, opened as threads need them (at most one
/// per thread converting at the same time) and reused after; a lock guards only taking a
/// chain from the pool and giving it back, never a conversion, so pages in parallel
/// convert in parallel. When a configuration cannot be opened, `shared` is nil and
/// `TextNormalizer` falls back to ICU's character-level transform.
public final class ChineseConverter: @unchecked Sendable {
    private let configs: [String]
    private var pool: [[opencc_t]]
    private var all: [[opencc_t]] = []
    private let lock = NSLock()

    /// The process-wide converter (`tw2sp.json` then `hk2s.json`), or nil when OpenCC's
    /// configuration files cannot be opened.
    public static let shared: ChineseConverter? = try? ChineseConverter(configs: ["tw2sp.json", "hk2s.json"])

    /// Opens OpenCC configurations (file names found in OpenCC's data folder, or paths).
    /// - Throws: `LexiconError` (file = the configuration, line 0) with OpenCC's message.
    public init(configs: [String]) throws {
        self.configs = configs
        let first = try Self.open(configs)
        pool = [first]
        all = [first]
    }

    /// Opens one chain of handles.
    /// - Throws: `LexiconError` naming the configuration OpenCC could not open.
    private static func open(_ configs: [String]) throws -> [opencc_t] {
        var opened: [opencc_t] = []
        for config in configs {
            guard let h = opencc_open(config), sandboxlens_opencc_failed(h) == 0 else {
                for h in opened { opencc_close(h) }
                let message = opencc_error().map { String(cString: $0) } ?? "unknown error"
                throw LexiconError(file: config, line: 0, column: 0, message: "OpenCC cannot open configuration: \(message)")
            }
            opened.append(h)
        }
        return opened
    }

    deinit { for chain in all { for h in chain { opencc_close(h) } } }

    /// Runs `body` with a chain of handles no other thread uses meanwhile.
    private func withHandles<T>(_ body: ([opencc_t]) -> T) -> T {
        lock.lock()
        var chain = pool.popLast()
        lock.unlock()
        if chain == nil {
            // Every chain is in use: open another (the configurations opened once already).
            chain = (try? Self.open(configs))
            if let c = chain { lock.lock(); all.append(c); lock.unlock() }
        }
        guard let handles = chain else {
            // Could not open a second chain: wait for one.
            while true {
                lock.lock()
                if let c = pool.popLast() { lock.unlock(); let r = body(c); lock.lock(); pool.append(c); lock.unlock(); return r }
                lock.unlock()
            }
        }
        let result = body(handles)
        lock.lock(); pool.append(handles); lock.unlock()
        return result
    }

    /// Converts `text` with the whole chain (no offset map).
    public func convert(_ text: String) -> String {
        withHandles { handles in
            var s = text
            for h in handles { s = convert(s, with: h) }
            return s
        }
    }

    /// Converts `scalars` with the whole chain. Returns the output scalars and, for each,
    /// the index of the input scalar it maps to (see the type's documentation).
    public func convertAligned(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], origin: [Int]) {
        withHandles { handles in
            var current = scalars
            var origin = Array(scalars.indices)
            for h in handles {
                let (out, map) = aligned(current, with: h)
                origin = map.map { origin[$0] }
                current = out
            }
            return (current, origin)
        }
    }

    // MARK: - Internal

    private func convert(_ text: String, with handle: opencc_t) -> String {
        if text.isEmpty { return text }
        let bytes = Array(text.utf8)
        guard let out = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { opencc_convert_utf8(handle, $0, buf.count) }
        }) else { return text }
        defer { opencc_convert_utf8_free(out) }
        return String(cString: out)
    }

    /// One configuration over `scalars`, aligned. Runs of Han characters (at most 64) are
    /// converted on their own (phrases never span punctuation); a run whose length is unchanged maps
    /// one to one; otherwise it is split greedily into the longest pieces whose conversion
    /// continues the run's conversion.
    private func aligned(_ scalars: [Unicode.Scalar], with handle: opencc_t) -> ([Unicode.Scalar], [Int]) {
        var outScalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        outScalars.reserveCapacity(scalars.count)
        origin.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            guard HanScript.isHan(scalars[i]) else {
                outScalars.append(scalars[i]); origin.append(i); i += 1
                continue
            }
            // A run of at most 64 Han characters: bounds the alignment's work and depth.
            var j = i
            while j < scalars.count, j - i < 64, HanScript.isHan(scalars[j]) { j += 1 }
            let run = Array(scalars[i..<j])
            let converted = Array(convert(String(String.UnicodeScalarView(run)), with: handle).unicodeScalars)
            if converted.count == run.count {
                outScalars += converted
                origin += Array(i..<j)
            } else {
                let (o, m) = alignRun(run, converted, with: handle)
                outScalars += o
                origin += m.map { $0 + i }
            }
            i = j
        }
        return (outScalars, origin)
    }

    /// Splits `run` into pieces whose conversions, concatenated, give `target` (the run's
    /// own conversion): depth-first, shortest piece first, failures memoised over
    /// (input, output) positions, so characters that convert alone stay alone and only a
    /// phrase OpenCC changed as a whole (網際網路 → 互联网, 智慧 → 智能) becomes one piece.
    /// Pieces are at most 12 scalars. Without such a split (never seen), one piece.
    private func alignRun(_ run: [Unicode.Scalar], _ target: [Unicode.Scalar], with handle: opencc_t) -> ([Unicode.Scalar], [Int]) {
        let maxPiece = 12
        var cache: [Range<Int>: [Unicode.Scalar]] = [:]
        func piece(_ r: Range<Int>) -> [Unicode.Scalar] {
            if let c = cache[r] { return c }
            let c = Array(convert(String(String.UnicodeScalarView(run[r])), with: handle).unicodeScalars)
            cache[r] = c
            return c
        }
        struct State: Hashable { let i: Int; let p: Int }
        var failed: Set<State> = []
        var ends: [Int] = []  // chosen piece ends, in order
        func solve(_ i: Int, _ p: Int) -> Bool {
            if i == run.count { return p == target.count }
            if failed.contains(State(i: i, p: p)) { return false }
            for j in (i + 1)...min(run.count, i + maxPiece) {
                let c = piece(i..<j)
                guard !c.isEmpty, p + c.count <= target.count, target[p..<(p + c.count)].elementsEqual(c) else { continue }
                ends.append(j)
                if solve(j, p + c.count) { return true }
                ends.removeLast()
            }
            failed.insert(State(i: i, p: p))
            return false
        }
        guard solve(0, 0) else {
            let origin = target.indices.map { k in k == target.count - 1 ? run.count - 1 : (k * run.count) / max(target.count, 1) }
            return (target, origin)
        }
        var out: [Unicode.Scalar] = []
        var origin: [Int] = []
        var i = 0
        for end in ends {
            let c = piece(i..<end)
            let length = end - i
            for k in c.indices { origin.append(k == c.count - 1 ? end - 1 : i + (k * length) / c.count) }
            out += c
            i = end
        }
        return (out, origin)
    }
}
