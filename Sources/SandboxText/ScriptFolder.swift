import Foundation

/// Folds traditional characters to simplified ones for recognising labels and keywords
/// (ICU's Traditional-Simplified transform, character level); values keep the page's own
/// characters. One value per page, passed to every stage that reads text: a page with no
/// Han character outside GB2312 gets the identity folder and never pays for the check.
///
/// Folding is character by character: each Han character is folded as ICU folds it alone
/// (ICU's rules change 3,080 Han characters, each to one scalar, and nothing else), so a
/// page's folder asks ICU once per process for each character it has not met, and folds
/// every later string by table lookup; a string holding a Han character the page did not
/// have goes to ICU whole. ICU also has a few phrase rules (乾坤 stays 乾坤, 著作 stays 著作,
/// 畫分 → 划分) that a character fold does not apply (乾坤 → 干坤): the folder serves
/// recognition of labels and keywords, where these phrases do not occur, and a fold that
/// does not depend on the neighbouring characters is the same whichever page came first.
public struct ScriptFolder: Sendable {
    /// Whether folding may change anything on this page.
    public let active: Bool
    /// The page's fold table; nil for `always` and for an inactive folder.
    private let table: FoldTable?

    /// Checks each string (for text of unknown origin).
    public static let always = ScriptFolder(active: true)

    /// The folder for a page whose text is `pageText`: active only when the page holds a
    /// Han character outside GB2312 (`HanScript.mayHaveTraditional`); an active folder
    /// holds the fold of each distinct Han character of `pageText` (one ICU call).
    public init(pageText: String) {
        active = HanScript.mayHaveTraditional(pageText)
        table = active ? FoldTable(pageText) : nil
    }

    /// A folder without a page table: `active == false` returns every string unchanged,
    /// `active == true` sends each string holding a Han character outside GB2312 to ICU.
    public init(active: Bool) {
        self.active = active
        table = nil
    }

    fileprivate static let traditionalToSimplified = StringTransform("Traditional-Simplified")

    /// `s` in simplified characters.
    public func callAsFunction(_ s: String) -> String {
        guard active else { return s }
        if let table, let folded = table.fold(s) { return folded }
        guard HanScript.mayHaveTraditional(s) else { return s }
        return s.applyingTransform(Self.traditionalToSimplified, reverse: false) ?? s
    }
}

/// The simplified form of each distinct Han character of one page, from ICU (through
/// `FoldCache`). Immutable.
private final class FoldTable: Sendable {
    /// Han scalar value → its fold (itself when ICU leaves it), for every Han scalar of
    /// the page.
    let folds: [UInt32: Unicode.Scalar]

    init(_ text: String) {
        var seen = Set<UInt32>()
        var distinct: [Unicode.Scalar] = []
        for u in text.unicodeScalars where u.value >= 0x3400 && ScalarClass.isHan(u) {
            if seen.insert(u.value).inserted { distinct.append(u) }
        }
        folds = FoldCache.shared.folds(of: distinct)
    }

    /// `s` folded, or nil when `s` holds a Han scalar this table does not know.
    func fold(_ s: String) -> String? {
        var changes = false
        for u in s.unicodeScalars where u.value >= 0x3400 {
            if let f = folds[u.value] {
                if f != u { changes = true }
            } else if ScalarClass.isHan(u) {
                return nil
            }
        }
        guard changes else { return s }
        return String(scalars: s.unicodeScalars.lazy.map { u in u.value >= 0x3400 ? (self.folds[u.value] ?? u) : u })
    }
}

/// The process-wide memo of ICU's fold of single Han characters, so that each character is
/// sent to ICU once per process, not once per page (ICU's rule-based transform cost about
/// 3 % of a batch run on the benchmark corpus when asked per page). Holds at most one
/// entry per Han character met (under 100,000). Thread-safe: a lock guards the memo; ICU
/// runs outside it.
private final class FoldCache: @unchecked Sendable {
    static let shared = FoldCache()
    private var memo: [UInt32: Unicode.Scalar] = [:]
    private let lock = NSLock()

    /// The fold of each of `distinct` (scalar value → fold; itself when ICU leaves it).
    /// A character ICU folds to more than one scalar (not seen with ICU's rules) is left
    /// out, so strings holding it go to ICU whole.
    func folds(of distinct: [Unicode.Scalar]) -> [UInt32: Unicode.Scalar] {
        var result: [UInt32: Unicode.Scalar] = [:]
        result.reserveCapacity(distinct.count)
        var missing: [Unicode.Scalar] = []
        lock.lock()
        for u in distinct {
            if let f = memo[u.value] { result[u.value] = f } else { missing.append(u) }
        }
        lock.unlock()
        guard !missing.isEmpty else { return result }
        var found: [(UInt32, Unicode.Scalar)] = []
        // One ICU call for all of them, one character a line: a line break stands between
        // any two, so no phrase rule sees a neighbour and each is folded as if alone.
        let joined = missing.map { String(Character($0)) }.joined(separator: "\n")
        let lines = (joined.applyingTransform(ScriptFolder.traditionalToSimplified, reverse: false) ?? joined)
            .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        if lines.count == missing.count, lines.allSatisfy({ $0.count == 1 }) {
            for (u, f) in zip(missing, lines) { found.append((u.value, f[0])) }
        } else {
            // Not one scalar per character (a different ICU): ask per character.
            for u in missing {
                let one = String(Character(u))
                let f = Array((one.applyingTransform(ScriptFolder.traditionalToSimplified, reverse: false) ?? one).unicodeScalars)
                if f.count == 1 { found.append((u.value, f[0])) }
            }
        }
        lock.lock()
        for (v, f) in found { memo[v] = f }
        lock.unlock()
        for (v, f) in found { result[v] = f }
        return result
    }
}
