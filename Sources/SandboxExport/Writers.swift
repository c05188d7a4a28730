import Foundation
import SandboxClassify
import SandboxIngest

/// An export failure: which file and why.
public struct ExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path that could not be written.
    public let path: String
    /// What failed.
    public let message: String
    /// Creates an error for `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Serialisations of labelled records. Output is deterministic: sorted JSON keys, records
/// in the order given (the pipeline sorts them by id), `\n` line ends, UTF-8 without BOM.
public enum RecordFormat {
    /// One compact JSON object per line, keys sorted, slashes and non-ASCII unescaped.
    /// - Throws: `EncodingError` if a value cannot be encoded (non-finite number).
    public static func jsonLines<T: Encodable>(_ items: [T]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for item in items {
            out.append(try encoder.encode(item))
            out.append(0x0A)
        }
        return out
    }

    /// CSV columns, in order.
    public static let csvColumns = [
        "id", "city", "batch", "announced", "position", "name", "name_en", "applicants", "applicant_kinds",
        "applicants_truncated", "application_type", "participation", "primary", "secondary", "technologies",
        "inclusive_markers", "inclusive", "evidence", "warnings", "source_file", "source_sha256",
        "declared_encoding", "used_encoding",
    ]

    /// RFC 4180 CSV, one row per record, list fields joined with `;`, evidence written as
    /// `label=term@field[start-end]` (negated ones prefixed `!`).
    public static func csv(_ records: [LabelledRecord]) -> Data {
        var lines: [String] = [csvColumns.map(quote).joined(separator: ",")]
        for r in records {
            let evidence = r.evidence.map { e in
                "\(e.negated ? "!" : "")\(e.label)=\(e.term)@\(e.field)\(e.section.map { "#\($0)" } ?? "")[\(e.start)-\(e.end)]"
            }
            let row: [String] = [
                r.id, r.city, String(r.batch), r.announced, String(r.position), r.name, r.nameEn ?? "",
                r.applicants.map(\.name).joined(separator: ";"), r.applicants.map(\.kind).joined(separator: ";"),
                r.applicantsTruncated ? "true" : "false", r.applicationType, r.participation ?? "", r.primary,
                r.secondary ?? "", r.technologies.joined(separator: ";"), r.inclusiveMarkers.joined(separator: ";"),
                r.inclusive ? "true" : "false", evidence.joined(separator: ";"), r.warnings.joined(separator: ";"),
                r.source.file, r.source.sha256, r.source.declaredEncoding ?? "", r.source.usedEncoding,
            ]
            lines.append(row.map(quote).joined(separator: ","))
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Quotes a CSV field when it holds a comma, quote, CR or LF (RFC 4180 §2).
    public static func quote(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

/// Writes a set of output files so that a reader never sees a half-written one and an
/// interrupted run leaves the previous files untouched: every file is first written in
/// full to a staging folder inside the output folder, then each is renamed over its final
/// name (rename(2) within one file system is atomic). SIGINT, SIGTERM and SIGHUP are held
/// back during the renames, so an interrupt lands before the first or after the last:
/// the folder holds either the whole old set or the whole new one. Staging folders left
/// by a process that was killed outright are removed by the next write.
public struct AtomicOutput {
    /// The output folder.
    public let directory: URL

    /// Writes into `directory` (created on first write).
    public init(directory: URL) { self.directory = directory }

    /// Writes `files` (name → bytes) into `directory`, creating it if needed.
    /// - Throws: `ExportError` naming the path that failed; on failure no final file has
    ///   been replaced unless an earlier rename had already succeeded.
    public func write(_ files: [(name: String, data: Data)]) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError(path: directory.path, message: "cannot create output folder: \(error.localizedDescription)")
        }
        Self.removeStaleStaging(in: directory)
        let staging = directory.appendingPathComponent(".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ExportError(path: staging.path, message: "cannot create staging folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: staging) }
        // A final name taken by a folder would fail its rename half-way through the set:
        // refuse before replacing anything.
        for (name, _) in files {
            var isDir: ObjCBool = false
            let final = directory.appendingPathComponent(name)
            if fm.fileExists(atPath: final.path, isDirectory: &isDir), isDir.boolValue {
                throw ExportError(path: final.path, message: "is a folder; cannot replace it with a file")
            }
        }
        for (name, data) in files {
            let tmp = staging.appendingPathComponent(name)
            guard fm.createFile(atPath: tmp.path, contents: data) else {
                throw ExportError(path: tmp.path, message: "cannot write temporary file")
            }
        }
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&block, sig) }
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        for (name, _) in files {
            let tmp = staging.appendingPathComponent(name)
            let final = directory.appendingPathComponent(name)
            if rename(tmp.path, final.path) != 0 {
                throw ExportError(path: final.path, message: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes `.tmp-<pid>-…` staging folders whose process no longer runs.
    static func removeStaleStaging(in directory: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".tmp-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[1]) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }
}
