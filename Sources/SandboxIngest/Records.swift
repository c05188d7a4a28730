import SandboxSchema

/// One section of an application's text; defined with the record schema.
public typealias Section = SandboxSchema.Section

/// One innovation application (创新应用) as extracted from a page, before labelling.
public struct ApplicationRecord: Sendable, Equatable {
    /// 1-based position in the page's detailed order (a summary table adds none).
    public let position: Int
    /// The application's name (the Chinese name where a page gives both).
    public let name: String
    /// An English name given by the page, if any.
    public let nameEnglish: String?
    /// Applicant names in page order, split on 、，, ; and "and".
    public let applicants: [String]
    /// True when the list ends with 等 / "etc." (more applicants, not named).
    public let applicantsTruncated: Bool
    /// `financial_service`, `technology_product` or `unstated` (LABELS.md §4).
    public let applicationType: String
    /// The text sections, in page order.
    public let sections: [Section]
    /// 1-based source line where the application starts.
    public let line: Int
    /// On a page covering several batches, the batch of the heading the application
    /// stands under (二、第二批…), and that heading's date; nil: the page's.
    public let batch: Int?
    /// See `batch`: ISO 8601 date, or nil for the page's.
    public let announced: String?
    /// A place id the application's own row gives (a dataset's City column), or nil for
    /// the page's.
    public let city: String?

    /// Creates an application record (tests and callers that build records without a page).
    public init(position: Int, name: String, nameEnglish: String? = nil, applicants: [String], applicantsTruncated: Bool = false,
                applicationType: String = "unstated", sections: [Section], line: Int = 0, batch: Int? = nil, announced: String? = nil,
                city: String? = nil) {
        self.batch = batch
        self.announced = announced
        self.city = city
        self.position = position
        self.name = name
        self.nameEnglish = nameEnglish
        self.applicants = applicants
        self.applicantsTruncated = applicantsTruncated
        self.applicationType = applicationType
        self.sections = sections
        self.line = line
    }
}

/// What a page says about itself, and how it was read.
public struct PageInfo: Sendable, Equatable {
    /// The file as given (path relative to the corpus folder in batch runs).
    public let file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public let sha256: String
    /// How the bytes were decoded.
    public let encoding: EncodingDecision
    /// `<title>` text.
    public let title: String
    /// Place id from the gazetteer (`Lexicons/places.yaml`).
    public let city: String?
    /// Batch number (首批/第一批 = 1).
    public let batch: Int?
    /// Announcement date, ISO 8601 (`2020-01-14`).
    public let announced: String?
    /// Number of applications the introduction declares (…5个创新应用…), if it does.
    public let declaredApplications: Int?
    /// The page's introduction (text before the first application); it labels nothing.
    public let introduction: String
    /// Page-level warnings (e.g. declared vs found counts, charset conflicts).
    public let warnings: [String]
    /// libxml2's error and warning counts for the page.
    public let parserErrors: Int
    /// libxml2's warnings for the page.
    public let parserWarnings: Int

    /// Year of `announced`.
    public var year: Int? { announced.flatMap { Int($0.prefix(4)) } }

    /// `<city>-<year>-b<batch>-<two-digit position>` (LABELS.md §5), when the page gave
    /// city, date and batch.
    public func recordID(position: Int) -> String? {
        guard let city, let year, let batch else { return nil }
        return "\(city)-\(year)-b\(batch)-\(position < 10 ? "0" : "")\(position)"
    }

    /// The id of `app`: its own batch and date where the page covers several batches
    /// (`ApplicationRecord.batch`), else the page's.
    public func recordID(of app: ApplicationRecord) -> String? {
        guard let city = app.city ?? city, let announced = app.announced ?? announced, let year = Int(announced.prefix(4)),
              let batch = app.batch ?? batch else { return nil }
        return "\(city)-\(year)-b\(batch)-\(app.position < 10 ? "0" : "")\(app.position)"
    }
}

/// A page split into applications; `errors` holds per-application failures.
public struct IngestedPage: Sendable {
    /// Page metadata.
    public let info: PageInfo
    /// Applications in page order.
    public let applications: [ApplicationRecord]
    /// Applications that could not be extracted (e.g. no name); siblings are unaffected.
    public let errors: [IngestError]
}

extension IngestError {
    /// This failure as the tool's one diagnostic shape (code = `kind`, severity error).
    package var diagnostic: Diagnostic {
        Diagnostic(code: DiagnosticCode(rawValue: kind.rawValue), file: file, line: line, message: message)
    }
}
