import SandboxPipeline
import SandboxSchema

/// The summary table `run` prints: applications per city and per primary category.
enum Summary {
    static func table(_ result: RunResult, output: String) -> String {
        var byCity: [String: Int] = [:]
        var byPrimary: [Category: Int] = [:]
        for r in result.records {
            byCity[r.city, default: 0] += 1
            byPrimary[r.primary, default: 0] += 1
        }
        var lines: [String] = []
        let c = result.manifest.counts
        lines.append("pages \(c["pages"] ?? 0) (failed \(c["pages_failed"] ?? 0)), records \(result.records.count), errors \(result.errors.count) → \(output)/")
        lines.append("")
        lines.append(pad("city", 24) + "applications")
        for (k, v) in byCity.sorted(by: { $0.key < $1.key }) { lines.append(pad(k, 24) + String(v)) }
        lines.append("")
        lines.append(pad("primary category", 36) + "applications")
        for k in Category.allCases { lines.append(pad(k.rawValue, 36) + String(byPrimary[k] ?? 0)) }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
