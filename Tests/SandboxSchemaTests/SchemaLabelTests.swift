import Testing
@testable import SandboxSchema

@Suite struct SchemaLabelTests {
    @Test func idsAreLabelsMdIdsInOrder() {
        #expect(Category.ids == ["digital_credit", "payment", "innovative_banking", "underlying_technology",
                                 "securities_wealth_capital_markets", "insurtech"])
        #expect(Technology.ids.count == 13)
        #expect(Technology.mobile5G.rawValue == "mobile_5g")
        #expect(InclusiveMarker.allCases.filter(\.makesInclusive).map(\.rawValue) ==
                ["inclusive_finance", "small_micro_enterprises", "agriculture_rural"])
        #expect(ApplicantKind.allCases.filter(\.isFinancialInstitution).count == 6)
        #expect(ApplicationType.ids == ["financial_service", "technology_product", "unstated"])
        #expect(Participation.ids == ["financial_institutions_only", "joint_with_technology_company"])
    }

    @Test func displayNames() {
        #expect(Category.insurtech.zh == "保险科技")
        #expect(Category.insurtech.en == "insurance technology")
        #expect(Technology.apiOpenBanking.en == "API / open banking")
        #expect(DisplayNames.en("xiongan") == "Xiong'an")
        #expect(DisplayNames.zh("nowhere") == nil)
        #expect(DisplayNames.en("nowhere") == "nowhere")
        #expect(Category.allCases.allSatisfy { DisplayNames.zh($0.rawValue) != nil })
        #expect(Technology.allCases.allSatisfy { DisplayNames.zh($0.rawValue) != nil })
    }

    @Test func participationFromKinds() {
        #expect(Participation(kinds: []) == nil)
        #expect(Participation(kinds: [.bank, .clearingOrganization]) == .financialInstitutionsOnly)
        #expect(Participation(kinds: [.bank, .technologyCompany]) == .jointWithTechnologyCompany)
    }

    @Test func warningsParse() {
        #expect(RecordWarning(parsing: "no_applicants: the page names no applicant") ==
                RecordWarning(code: .noApplicants, message: "the page names no applicant"))
        #expect(RecordWarning(parsing: "Odd: text") == RecordWarning(code: .warning, message: "Odd: text"))
    }

    @Test func csvQuoting() {
        #expect(CSV.quote("plain") == "plain")
        #expect(CSV.quote("a,b") == "\"a,b\"")
        #expect(CSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.quote("a\r\nb") == "\"a\r\nb\"")
        #expect(CSV.table([["a", "b,c"], ["1", ""]]) == "a,\"b,c\"\r\n1,\r\n")
    }

    @Test func diagnosticLocation() {
        #expect(Diagnostic(code: .empty, file: "p.html", message: "empty file").description == "p.html: empty file")
        #expect(Diagnostic.Location(file: "g.csv", line: 3, column: 7).description == "g.csv:3:7")
    }
}
