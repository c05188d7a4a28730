/// `participation` (LABELS.md §4): who applied.
public enum Participation: String, SchemaLabel {
    /// Every applicant is a financial institution.
    case financialInstitutionsOnly = "financial_institutions_only"
    /// Any other applicant (technology company, telecom, association …) makes it joint.
    case jointWithTechnologyCompany = "joint_with_technology_company"

    /// The participation of a list of applicant kinds; nil for no applicant (not guessed).
    public init?(kinds: [ApplicantKind]) {
        guard !kinds.isEmpty else { return nil }
        self = kinds.allSatisfy(\.isFinancialInstitution) ? .financialInstitutionsOnly : .jointWithTechnologyCompany
    }
}
