import Foundation
import SandboxSchema

/// A reason a line cannot become a record.
struct RecordProblem: Error, Equatable {
    var message: String
    /// The family the problem is about, when there is one (lets CSV point at the column).
    var family: ScoredFamily?
}
