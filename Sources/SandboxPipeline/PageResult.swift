import SandboxIngest
import SandboxSchema

/// What processing one page produced.
public struct PageResult: Sendable {
    /// The page's metadata, when it could be read.
    public let info: PageInfo?
    /// Labelled records of its applications, in page order.
    public let records: [LabelledRecord]
    /// Failures (the whole page, or single applications), severity error.
    public let errors: [Diagnostic]
}
