// libFuzzer target over the ingestion entry point: bytes of one page → ingest → classify.
// Built only by scripts/fuzz.sh (SANDBOXLENS_FUZZ=1 adds this target to Package.swift), so
// normal builds never see it.
//
// SwiftPM links an executable module with `main` aliased to `<Module>_main`, so instead of
// libFuzzer's own main() this file defines IngestFuzzer_main and hands control to
// libFuzzer's driver (LLVMFuzzerRunDriver, in the runtime -sanitize=fuzzer links).
import Foundation
import SandboxPipeline

/// The pipeline with the repository's lexicons, loaded once (path from SANDBOXLENS_LEXICONS
/// or ./Lexicons).
let fuzzPipeline: Pipeline = {
    let dir = ProcessInfo.processInfo.environment["SANDBOXLENS_LEXICONS"] ?? "Lexicons"
    do { return try Pipeline(lexiconDirectory: URL(fileURLWithPath: dir)) } catch {
        fatalError("fuzz: cannot load lexicons from \(dir): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = fuzzPipeline.process(bytes: bytes, file: "fuzz.html")
    // Records and errors must encode; offsets must stay inside their texts.
    for record in result.records {
        for e in record.evidence {
            let text: String
            switch e.field {
            case "name": text = record.name
            case "name_en": text = record.nameEn ?? ""
            case "applicants": text = record.applicants[e.section ?? 0].name
            default: text = record.sections[e.section ?? 0].text
            }
            precondition(e.start >= 0 && e.start < e.end && e.end <= text.unicodeScalars.count, "evidence span out of range")
        }
    }
    _ = try? JSONEncoder().encode(result.records)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("IngestFuzzer_main")
public func ingestFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in
        guard let data else { return 0 }
        return fuzzOneInput(data, size)
    }
}
