/// The one duplicate-id check: which place (a file, a line) first gave each record id.
/// `run`, `classify`, the records reader of `stats` and the readers of `eval` keep the
/// first occurrence of an id and report the later ones against it.
public struct FirstOccurrence<Place: Sendable>: Sendable {
    private var places: [String: Place] = [:]

    /// An empty ledger.
    public init() {}

    /// Claims `id` for `place`. Returns nil when the id is new (the claim holds), or the
    /// place that claimed it first (the claim is refused; the ledger is unchanged).
    public mutating func claim(_ id: String, at place: Place) -> Place? {
        if let first = places[id] { return first }
        places[id] = place
        return nil
    }
}
