// libFuzzer target over the ingestion entry point: bytes of one page → ingest → classify.
// Built only by scripts/fuzz.sh (SANDBOXLENS_FUZZ=1 adds this target to Package.swift), so
// normal builds never see it.
//
// Per input the target does only what a page costs in `run`: the lexicons, automata,
// gazetteer and the JSON encoder are built once, at start-up; an input is copied once into
// the `[UInt8]` the pipeline takes, and the checks below walk the result without building
// strings. Input length is capped by the script (-max_len), not here.
//
// SwiftPM links an executable module with `main` aliased to `<Module>_main`, so instead of
// libFuzzer's own main() this file defines IngestFuzzer_main and hands control to
// libFuzzer's driver (LLVMFuzzerRunDriver, in the runtime -sanitize=fuzzer links).
import Foundation
import SandboxPipeline
import SandboxSchema

/// The pipeline with the repository's lexicons, loaded once (path from SANDBOXLENS_LEXICONS
/// or ./Lexicons).
let fuzzPipeline: Pipeline = {
    let dir = ProcessInfo.processInfo.environment["SANDBOXLENS_LEXICONS"] ?? "Lexicons"
    do { return try Pipeline(lexiconDirectory: URL(fileURLWithPath: dir)) } catch {
        fatalError("fuzz: cannot load lexicons from \(dir): \(error)")
    }
}()

/// One encoder for every input (records must encode).
let fuzzEncoder = JSONEncoder()

/// The length in Unicode scalars of the text `e` points into; nil when `e.section` names
/// no applicant or section of `record`.
func fieldLength(_ e: Evidence, in record: LabelledRecord) -> Int? {
    switch e.field {
    case .name: return record.name.unicodeScalars.count
    case .nameEn: return record.nameEn?.unicodeScalars.count
    case .applicants:
        guard let i = e.section, record.applicants.indices.contains(i) else { return nil }
        return record.applicants[i].name.unicodeScalars.count
    default:
        guard let i = e.section, record.sections.indices.contains(i), record.sections[i].field == e.field.rawValue else { return nil }
        return record.sections[i].text.unicodeScalars.count
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let result = fuzzPipeline.process(bytes: Array(UnsafeBufferPointer(start: data, count: size)), file: "fuzz.html")
    // Evidence must point inside the text it names: an existing field, applicant or
    // section, and a non-empty scalar span within it.
    for record in result.records {
        for e in record.evidence {
            guard let length = fieldLength(e, in: record) else {
                preconditionFailure("evidence \(e.label) names field \(e.field) section \(e.section.map(String.init) ?? "nil"), which the record does not have")
            }
            precondition(e.start >= 0 && e.start < e.end && e.end <= length,
                         "evidence span \(e.start)..<\(e.end) out of range (field \(e.field) has \(length) scalars)")
        }
    }
    precondition(result.info != nil || (result.records.isEmpty && !result.errors.isEmpty), "a page without info must carry an error and no record")
    do { _ = try fuzzEncoder.encode(result.records) } catch { preconditionFailure("records do not encode: \(error)") }
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
