import Foundation

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
            throw ExportError.write(path: directory.path, message: "cannot create output folder: \(error.localizedDescription)")
        }
        Self.removeStaleStaging(in: directory)
        let staging = directory.appendingPathComponent(".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ExportError.write(path: staging.path, message: "cannot create staging folder: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: staging) }
        // A final name taken by a folder would fail its rename half-way through the set:
        // refuse before replacing anything.
        for (name, _) in files {
            var isDir: ObjCBool = false
            let final = directory.appendingPathComponent(name)
            if fm.fileExists(atPath: final.path, isDirectory: &isDir), isDir.boolValue {
                throw ExportError.write(path: final.path, message: "is a folder; cannot replace it with a file")
            }
        }
        for (name, data) in files {
            let tmp = staging.appendingPathComponent(name)
            guard fm.createFile(atPath: tmp.path, contents: data) else {
                throw ExportError.write(path: tmp.path, message: "cannot write temporary file")
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
                throw ExportError.write(path: final.path, message: "cannot rename into place: \(String(cString: strerror(errno)))")
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
