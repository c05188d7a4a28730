import Foundation
import SandboxSchema

/// An announcement (city, batch) in a figure's scope that is not fully present.
public struct CoverageGap: Codable, Hashable, Sendable {
    /// City id.
    public var city: String
    /// Batch number.
    public var batch: Int
    /// Applications published for the batch (coverage.json).
    public var published: Int
    /// Applications in the corpus (coverage.json).
    public var here: Int
    /// Applications of the batch in the records file.
    public var inRecords: Int
    /// Reason from coverage.json.
    public var why: String?
    /// Published but not in the corpus.
    public var missingFromCorpus: Int { max(0, published - here) }
    /// In the corpus but not in the records (a pipeline loss).
    public var missingFromRecords: Int { max(0, here - inRecords) }
}
