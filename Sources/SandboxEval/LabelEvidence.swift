import SandboxSchema

/// The evidence of one label, attached to a disagreement.
public struct LabelEvidence: Codable, Sendable, Hashable {
    /// Label id.
    public var label: String
    /// Matching evidence entries in the prediction's order (may be empty).
    public var evidence: [Evidence]

    /// Memberwise initialiser.
    public init(label: String, evidence: [Evidence]) {
        self.label = label
        self.evidence = evidence
    }
}
