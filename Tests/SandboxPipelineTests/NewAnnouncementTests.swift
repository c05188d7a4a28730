import Foundation
import SandboxPipeline
import SandboxSchema
import Testing

/// A page written for this test, not from the corpus, in other words than the corpus
/// (robo-advice, remittance, a rural micro-loan, motor-insurance claims): the
/// researcher's "here is a new announcement" case, and a small check that the lexicons
/// generalise beyond the records they were tuned on.
@Suite struct NewAnnouncementTests {
    @Test func labelsOfAPageOutsideTheCorpus() throws {
        let url = repositoryRoot.appendingPathComponent("Tests/SandboxPipelineTests/Fixtures/new-announcement.html")
        let r = projectPipeline.process(fileAt: url, name: "new-announcement.html")
        #expect(r.errors.isEmpty)
        #expect(r.records.map(\.id) == ["xiamen-2021-b2-01", "xiamen-2021-b2-02", "xiamen-2021-b2-03", "xiamen-2021-b2-04"])
        #expect(r.records.map(\.announced) == Array(repeating: "2021-06-18", count: 4))
        #expect(r.records.map(\.primary) == ["securities_wealth_capital_markets", "payment", "digital_credit", "insurtech"])
        #expect(r.records.map(\.technologies) == [["artificial_intelligence"], ["blockchain"], ["big_data", "internet_of_things"], ["artificial_intelligence"]])
        #expect(r.records.map(\.inclusiveMarkers) == [[], [], ["agriculture_rural"], []])
        #expect(r.records.map(\.applicationType) == ["financial_service", "financial_service", "financial_service", "technology_product"])
        #expect(r.records.map { $0.applicants.map(\.kind) } == [["securities_fund", "technology_company"], ["bank"], ["bank"], ["insurer", "technology_company"]])
        #expect(r.records.map(\.participation) == ["joint_with_technology_company", "financial_institutions_only", "financial_institutions_only", "joint_with_technology_company"])
    }
}
