import Foundation
import SandboxSchema
import SandboxPipeline
import Testing

/// Applicant kinds of English brand names compounded on a kind's word (`*pay`, `*bank` in
/// `Lexicons/applicant_kinds.yaml`), found on blind pages; with counter-examples.
@Suite struct ApplicantKindTests {
    @Test func brandsCompoundedOnPayOrBank() {
        let html = "<html><head><meta charset=utf-8><title>北京2020年第一批金融科技创新监管试点应用公示</title></head><body><p>发布时间：2020-01-14</p>"
            + "<p>应用名称：甲服务</p><p>申请机构：Allinpay、CITIC aiBank</p><p>功能描述：线上支付。</p>"
            + "<p>应用名称：乙服务</p><p>申请机构：MYbank、Databank Technology Co., Ltd.</p><p>功能描述：线上融资。</p>"
            + "<p>应用名称：丙服务</p><p>申请机构：Paypoint Holdings</p><p>功能描述：线上收单。</p></body></html>"
        let r = projectPipeline.process(bytes: Array(html.utf8), file: "t.html")
        #expect(r.records.map { $0.applicants.map(\.kind) } == [["payment_institution", "bank"], ["bank", "technology_company"], ["other"]])
        #expect(r.records.map(\.participation) == ["financial_institutions_only", "joint_with_technology_company", "joint_with_technology_company"])
    }
}
