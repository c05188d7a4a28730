import SandboxSchema

/// An averaged precision / recall / F1 triple, each in `0...1`.
public struct AverageScore: Codable, Sendable, Hashable {
    /// Averaged precision.
    public var precision: Double
    /// Averaged recall.
    public var recall: Double
    /// Averaged F1 (for macro and weighted: the average of per-label F1s, as scikit-learn).
    public var f1: Double

    /// Memberwise initialiser.
    public init(precision: Double, recall: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }

    /// All zero.
    public static let zero = AverageScore(precision: 0, recall: 0, f1: 0)
}
