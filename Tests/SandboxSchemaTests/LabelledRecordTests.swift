import Foundation
import Testing
@testable import SandboxSchema

@Suite struct LabelledRecordTests {
    static func sample() -> LabelledRecord {
        LabelledRecord(
            id: "beijing-2020-b1-01", city: "beijing", batch: 1, announced: "2020-01-14", position: 1,
            name: "基于物联网的供应链金融", applicants: [Applicant(name: "工商银行", kind: .bank, term: "银行")],
            participation: .financialInstitutionsOnly, primary: .digitalCredit,
            categoryScores: [.digitalCredit: 15, .underlyingTechnology: 7.25], technologies: [.internetOfThings],
            evidence: [
                Evidence(label: "internet_of_things", term: "物联网", field: .name, start: 2, end: 5),
                Evidence(label: "bank", term: "银行", field: .applicants, section: 0, start: 2, end: 4),
                Evidence(label: "biometrics", term: "人脸识别", field: .riskControl, section: 0, start: 3, end: 7, negated: true),
            ],
            sections: [Section(field: .riskControl, heading: "风险防控", text: "不采集人脸识别信息")],
            warnings: [RecordWarning(code: .declaredCountMismatch, message: "declares 5, holds 2")],
            source: SourceInfo(file: "pages/beijing-2020-b1.html", sha256: "ab", declaredEncoding: nil, usedEncoding: "UTF-8"),
            provenance: Provenance(toolVersion: "0.1.0", lexiconVersion: "v", lexiconHash: "h"))
    }

    @Test func encodesEveryKeySortedWithNulls() throws {
        let data = try JSONLinesWriter.encode([Self.sample()])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"announced":"2020-01-14","applicants":[{"kind":"bank","name":"工商银行","term":"银行"}],"applicants_truncated":false,"application_type":"unstated","batch":1,"category_scores":{"digital_credit":15,"underlying_technology":7.25},"city":"beijing","evidence":[{"end":5,"field":"name","label":"internet_of_things","negated":false,"start":2,"term":"物联网"},"#))
        #expect(text.contains(#""name_en":null"#))
        #expect(text.contains(#""secondary":null"#))
        #expect(text.contains(#""warnings":[{"code":"declared_count_mismatch","message":"declares 5, holds 2"}]"#))
        #expect(text.contains(#""source":{"declared_encoding":null,"file":"pages/beijing-2020-b1.html","sha256":"ab","used_encoding":"UTF-8"}"#))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func roundTripsThroughTheReader() throws {
        var noApplicants = Self.sample()
        noApplicants.id = "beijing-2020-b1-02"
        noApplicants.applicants = []
        noApplicants.participation = nil
        noApplicants.nameEn = "Supply chain"
        let originals = [Self.sample(), noApplicants]
        let read = JSONLinesReader.decode(LabelledRecord.self, from: try JSONLinesWriter.encode(originals), file: "x.jsonl")
        #expect(read.map(\.line) == [1, 2])
        #expect(try read.map { try $0.result.get() } == originals)
    }

    @Test func textOfEvidence() {
        let r = Self.sample()
        #expect(r.text(of: r.evidence[0]) == "基于物联网的供应链金融")
        #expect(r.span(of: r.evidence[0]) == "物联网")
        #expect(r.span(of: r.evidence[1]) == "银行")
        #expect(r.span(of: r.evidence[2]) == "人脸识别")
        #expect(r.text(of: Evidence(label: "x", term: "x", field: .function, section: 3, start: 0, end: 1)) == nil)
        #expect(r.text(of: Evidence(label: "x", term: "x", field: .nameEn, start: 0, end: 1)) == nil)
    }

    @Test func month() {
        var r = Self.sample()
        #expect(r.month == "2020-01")
        r.announced = "14/01/2020"
        #expect(r.month == "unknown")
    }
}
