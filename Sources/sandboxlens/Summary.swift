import SandboxPipeline
import SandboxSchema

/// The summary table `run` prints: applications per city and per primary category.
enum Summary {
    /// Counts gathered as records are written (the records are not kept).
    struct Tally {
        var byCity: [String: Int] = [:]
        var byPrimary: [Category: Int] = [:]
        mutating func add(_ r: LabelledRecord) {
            byCity[r.city, default: 0] += 1
            byPrimary[r.primary, default: 0] += 1
        }
    }

    static func table(counts c: [String: Int], tally: Tally, output: String) -> String {
        var lines: [String] = []
        lines.append("pages \(c["pages"] ?? 0) (failed \(c["pages_failed"] ?? 0)), records \(c["records"] ?? 0), errors \(c["errors"] ?? 0) → \(output)/")
        lines.append("")
        lines.append(pad("city", 24) + "applications")
        for (k, v) in tally.byCity.sorted(by: { $0.key < $1.key }) { lines.append(pad(k, 24) + String(v)) }
        lines.append("")
        lines.append(pad("primary category", 36) + "applications")
        for k in Category.allCases { lines.append(pad(k.rawValue, 36) + String(tally.byPrimary[k] ?? 0)) }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
