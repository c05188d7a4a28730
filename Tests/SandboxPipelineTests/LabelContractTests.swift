import SandboxEval
import SandboxLexicon
import SandboxStats
import SandboxSchema
import Testing

/// The label ids of LABELS.md are written once in SandboxLexicon.LabelScheme; the stats
/// module keeps display names beside its own copy of the ids and the evaluation module
/// groups them by family. Neither may drift from the contract.
@Suite struct LabelContractTests {
    @Test func statsAndEvalUseTheContractIDs() {
        #expect(Labels.primaries.map(\.id) == SandboxLexicon.LabelScheme.categories)
        #expect(Labels.technologies.map(\.id) == SandboxLexicon.LabelScheme.technologies)
        #expect(Labels.inclusiveMarkers.map(\.id) == SandboxLexicon.LabelScheme.inclusiveMarkers)
        #expect(Labels.others.map(\.id) == SandboxLexicon.LabelScheme.applicationTypes + SandboxLexicon.LabelScheme.participations)
        #expect(SandboxEval.LabelScheme.technologies == SandboxLexicon.LabelScheme.technologies)
    }
}
