import Foundation
import SandboxClassify
import SandboxExport
import SandboxIngest
import SandboxLexicon
import SandboxSchema

/// The version of this tool, written into every run manifest.
public let toolVersion = "0.1.0"

/// The whole job: corpus pages → ingest → classify → records. Built once from a lexicon
/// folder; `Sendable`, so pages are processed in parallel with one shared instance.
public struct Pipeline: Sendable {
    /// The loaded lexicons.
    public let lexicons: LexiconSet
    /// Page parser (gazetteer, field headings).
    public let parser: PageParser
    /// Classifier (automata built once).
    public let classifier: Classifier
    /// Files larger than this many bytes are refused (`too_large`). Default 20 MB.
    public var maxFileBytes: Int = 20_000_000

    /// The lexicon folder as written into every record's provenance (`lexicon_folder`).
    public let lexiconFolder: String?

    /// Loads the lexicons of `lexiconDirectory` and builds the stages; `shownAs` is the
    /// folder as records name it (default: the URL's relative path, as given).
    /// - Throws: `LexiconError` (file, line, column) when a lexicon file is invalid.
    public init(lexiconDirectory: URL, shownAs: String? = nil) throws {
        self.init(lexicons: try LexiconLoader.load(directory: lexiconDirectory), lexiconFolder: shownAs ?? lexiconDirectory.relativePath)
    }

    /// Tool and lexicon versions, and the lexicon folder, written into every record.
    public var provenance: Provenance {
        Provenance(toolVersion: toolVersion, lexiconVersion: lexicons.version, lexiconHash: lexicons.contentHash, lexiconFolder: lexiconFolder)
    }

    /// Builds the stages from loaded lexicons (`lexiconFolder`: see ``provenance``).
    public init(lexicons: LexiconSet, lexiconFolder: String? = nil) {
        self.lexicons = lexicons
        self.lexiconFolder = lexiconFolder
        self.parser = PageParser(places: lexicons.places, fields: lexicons.fields)
        self.classifier = Classifier(lexicons: lexicons)
    }

    /// Ingests and classifies one page given as bytes.
    public func process(bytes: [UInt8], file: String) -> PageResult {
        let page: IngestedPage
        do {
            page = try parser.parse(bytes: bytes, file: file)
        } catch let e as IngestError {
            return PageResult(info: nil, records: [], errors: [e.diagnostic])
        } catch {
            return PageResult(info: nil, records: [], errors: [Diagnostic(code: "parse", file: file, message: "\(error)")])
        }
        var records: [LabelledRecord] = []
        var errors = page.errors.map(\.diagnostic)
        for app in page.applications {
            let labels = classifier.classify(app)
            do {
                if let record = try LabelledRecord(page: page.info, app: app, labels: labels, provenance: provenance) {
                    records.append(record)
                } else {
                    errors.append(Diagnostic(code: .missingMetadata, file: file,
                                             message: "application \(app.position) \(app.name): no record id (city, date or batch missing)"))
                }
            } catch {
                errors.append(Diagnostic(code: .unknownLabel, file: file, message: error.description))
            }
        }
        return PageResult(info: page.info, records: records, errors: errors)
    }

    /// Reads and processes one file (see ``process(path:name:)``).
    public func process(fileAt url: URL, name: String) -> PageResult {
        process(path: Array(url.path.utf8), name: name)
    }

}
