import SandboxSchema

extension Evidence {
    /// `true` when this evidence is for `label` of `family`, written bare or prefixed
    /// (`technologies:big_data`).
    func isFor(_ label: String, in family: ScoredFamily) -> Bool {
        self.label == label || self.label == "\(family.rawValue):\(label)"
    }
}
