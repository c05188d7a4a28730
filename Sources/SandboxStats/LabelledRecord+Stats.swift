import SandboxSchema

extension LabelledRecord {
    /// Technology ids, for tables keyed by id (unknown ids of the published figures stay strings).
    var technologyIDs: [String] { technologies.map(\.rawValue) }

    /// The value of a record field by its JSON key, as a string, for filters and breakdowns.
    ///
    /// Supported keys: `city`, `batch`, `primary`, `application_type`, `participation`
    /// (`none` without applicants), `inclusive` (`true`/`false`), `month`. Returns nil for
    /// any other key.
    public func value(of field: String) -> String? {
        switch field {
        case "city": return city
        case "batch": return String(batch)
        case "primary": return primary.rawValue
        case "application_type": return applicationType.rawValue
        case "participation": return participation?.rawValue ?? "none"
        case "inclusive": return inclusive ? "true" : "false"
        case "month": return month
        default: return nil
        }
    }
}
