import Foundation
import SandboxSchema

/// The input formats a gold file may come in. `rawValue` is the name to accept on a
/// command line (`--gold-format jsonl|doccano|csv|label-studio`).
public enum GoldFormat: String, CaseIterable, Codable, Sendable {
    /// JSON Lines in the shape of LABELS.md §5 (also the pipeline's `records.jsonl`).
    case jsonl
    /// doccano text-classification JSONL export with family-prefixed labels.
    case doccano
    /// CSV with header `id,primary,technologies,inclusive_markers,application_type,participation`.
    case csv
    /// Label Studio JSON export (an array of tasks).
    case labelStudio = "label-studio"

    /// Detects the format from the file name's extension, looking at the content where the
    /// extension is ambiguous or unknown:
    /// - `.jsonl` / `.ndjson`: doccano when the first JSON object has a `label` array and no
    ///   `primary` key, otherwise `jsonl`;
    /// - `.csv`: `csv`;
    /// - `.json`: `labelStudio` when the content starts with `[`, else as `.jsonl`;
    /// - anything else: `[` → `labelStudio`, `{` → as `.jsonl`, a first line starting with
    ///   `id,` → `csv`.
    /// - Returns: the format, or `nil` when nothing fits.
    public static func detect(fileName: String, data: Data) -> GoldFormat? {
        let ext = (fileName as NSString).pathExtension.lowercased()
        let first = firstSignificantByte(data)
        switch ext {
        case "jsonl", "ndjson":
            return sniffLines(data)
        case "csv":
            return .csv
        case "json":
            return first == UInt8(ascii: "{") ? sniffLines(data) : .labelStudio
        default:
            if first == UInt8(ascii: "[") { return .labelStudio }
            if first == UInt8(ascii: "{") { return sniffLines(data) }
            let head = String(decoding: data.prefix(64), as: UTF8.self)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
            if head.hasPrefix("id,") || head.hasPrefix("\"id\",") { return .csv }
            return nil
        }
    }

    private static func firstSignificantByte(_ data: Data) -> UInt8? {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }
    }

    /// doccano or ours: decided by the first line that parses as a JSON object.
    private static func sniffLines(_ data: Data) -> GoldFormat {
        for line in JSONLinesReader.lines(data) {
            guard let object = try? JSONValue.parse(line.data).objectValue else { continue }
            if case .array = object["label"], object["primary"] == nil { return .doccano }
            return .jsonl
        }
        return .jsonl
    }
}
