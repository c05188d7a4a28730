// sandboxlens-stages: where the time of reading pages goes (issue 9's time split).
//
//   swift run -c release sandboxlens-stages [FOLDER] [REPEAT]
//
// Reads every .html/.htm page of FOLDER (default Corpus/pages) into memory, then REPEAT
// times (default 400) runs, on the same bytes in one process: libxml2's bare
// htmlReadMemory + xmlFreeDoc (the floor), and the page reader, timed per stage (decode,
// libxml2 parse + tree conversion, blocks, segmentation), then classification. Prints
// seconds, MB/s and each stage's share. Single-threaded; figures are wall time and noisy.
import CLibXML2
import Foundation
import SandboxIngest
import SandboxPipeline

let args = CommandLine.arguments
let folder = URL(fileURLWithPath: args.count > 1 ? args[1] : "Corpus/pages")
let repeats = args.count > 2 ? max(1, Int(args[2]) ?? 400) : 400
let lexicons = URL(fileURLWithPath: args.count > 3 ? args[3] : "Lexicons")

let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
guard !names.isEmpty else { FileHandle.standardError.write(Data("no pages in \(folder.path)\n".utf8)); exit(1) }
let pages: [[UInt8]] = names.map { [UInt8]((try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data()) }
let megabytes = Double(pages.map(\.count).reduce(0, +) * repeats) / 1_000_000

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

xmlInitParser()
let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
var t0 = now()
for _ in 0..<repeats {
    for p in pages {
        p.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                if let doc = htmlReadMemory(chars.baseAddress, Int32(chars.count), "x", nil, options) { xmlFreeDoc(doc) }
            }
        }
    }
}
let floor = now() - t0

let pipeline: Pipeline
do { pipeline = try Pipeline(lexiconDirectory: lexicons) } catch { print("lexicons: \(error)"); exit(1) }
var times = PageParser.StageTimes()
var classify = 0.0
var records = 0
t0 = now()
for _ in 0..<repeats {
    for (i, p) in pages.enumerated() {
        guard let page = try? pipeline.parser.parse(bytes: p, file: names[i], times: &times) else { continue }
        let c0 = now()
        for app in page.applications { _ = pipeline.classifier.classify(app); records += 1 }
        classify += now() - c0
    }
}
let total = now() - t0

func row(_ name: String, _ s: Double) -> String {
    name.padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%8.3f s %9.1f MB/s %6.1f %%", s, megabytes / s, 100 * s / total)
}
print("pages \(pages.count) × \(repeats) = \(pages.count * repeats), \(String(format: "%.1f", megabytes)) MB, records \(records)")
print(row("libxml2 bare htmlReadMemory (floor)", floor))
print(row("reader: decode (sniff, transcode, SHA-256)", times.decode))
print(row("reader: libxml2 parse + tree to Swift", times.parse))
print(row("reader: blocks", times.blocks))
print(row("reader: segmentation + metadata", times.segmentation))
print(row("classification (matching + rules)", classify))
print(row("total (reader + classification)", total))
print(String(format: "page analysis (blocks + segmentation) / bare parse = %.2f", (times.blocks + times.segmentation) / floor))
