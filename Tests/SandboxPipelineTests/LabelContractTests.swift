import SandboxEval
import SandboxLexicon
import SandboxStats
import SandboxSchema
import Testing

/// The label ids of LABELS.md are written once, as SandboxSchema's types; the lexicon's
/// string lists, the statistics' orders and evaluation's families are derived from them,
/// and the lexicon files label with exactly those ids.
@Suite struct LabelContractTests {
    @Test func everyModuleUsesTheSchemaIDs() {
        #expect(SandboxLexicon.LabelScheme.categories == Category.ids)
        #expect(Labels.primaries.map(\.id) == Category.ids)
        #expect(Labels.technologies.map(\.id) == Technology.ids)
        #expect(Labels.inclusiveMarkers.map(\.id) == InclusiveMarker.ids)
        #expect(Labels.others.map(\.id) == ApplicationType.ids + Participation.ids)
        #expect(SandboxEval.LabelScheme.technologies == Technology.ids)
        #expect(ScoredFamily.participation.labels == ["financial_institutions_only", "joint_with_technology_company"])
    }

    @Test func theLexiconFilesLabelWithTheSchemaIDs() {
        let lexicons = projectPipeline.lexicons
        #expect(Set(lexicons.lexicon(.categories).labels.map(\.id)) == Set(Category.ids))
        #expect(Set(lexicons.lexicon(.technologies).labels.map(\.id)) == Set(Technology.ids))
        #expect(Set(lexicons.lexicon(.inclusiveMarkers).labels.map(\.id)) == Set(InclusiveMarker.ids))
        #expect(Set(lexicons.lexicon(.applicantKinds).labels.map(\.id)).isSubset(of: Set(ApplicantKind.ids)))
    }
}
