import Foundation
import SandboxSchema
import Testing
@testable import SandboxEval

@Suite struct QualityFloorTests {
    static let example = #"{"primary.accuracy":0.95,"technologies.micro_f1":0.97,"inclusive_markers.micro_f1":0.97,"application_type.accuracy":1.0,"participation.accuracy":0.95}"#

    @Test func parsesTheExample() throws {
        let floor = try QualityFloor(data: Data(Self.example.utf8), fileName: "floors.json")
        #expect(floor.entries.map(\.key) == [
            "application_type.accuracy", "inclusive_markers.micro_f1", "participation.accuracy",
            "primary.accuracy", "technologies.micro_f1",
        ])
        #expect(floor.entries.map(\.minimum) == [1.0, 0.97, 0.95, 0.95, 0.97])
    }

    @Test(arguments: [
        (#"{"primary.f2": 0.5}"#, "primary.f2", #"unknown metric "f2" (expected accuracy, micro_f1, macro_f1, weighted_f1, exact_match)"#),
        (#"{"primry.accuracy": 0.5}"#, "primry.accuracy", #"unknown family "primry" (expected primary, technologies, inclusive_markers, application_type, participation)"#),
        (#"{"accuracy": 0.5}"#, "accuracy", #"unknown key; expected "<family>.<metric>""#),
        (#"{"technologies.accuracy": 0.5}"#, "technologies.accuracy", "accuracy is not defined for multi-label family technologies (use exact_match)"),
        (#"{"primary.exact_match": 0.5}"#, "primary.exact_match", "exact_match is not defined for single-label family primary (use accuracy)"),
        (#"{"primary.accuracy": 1.5}"#, "primary.accuracy", "value must be a number between 0 and 1"),
        (#"{"primary.accuracy": "0.9"}"#, "primary.accuracy", "value must be a number between 0 and 1"),
    ])
    func rejectsBadKeys(json: String, key: String, message: String) {
        #expect(throws: EvalError.invalidFloor(file: "floors.json", key: key, message: message)) {
            try QualityFloor(data: Data(json.utf8), fileName: "floors.json")
        }
    }

    @Test func rejectsNonObject() {
        #expect(throws: EvalError.invalidFloor(file: "f.json", key: nil, message: #"expected a JSON object of "<family>.<metric>": number"#)) {
            try QualityFloor(data: Data("[]".utf8), fileName: "f.json")
        }
    }

    // Against EvaluatorTests.records(): primary accuracy 3/5, primary macro F1 5/8,
    // technologies micro F1 2/3, exact match 3/5, application_type and participation 1.
    @Test func violations() throws {
        let (gold, predicted) = EvaluatorTests.records()
        let report = Evaluator.evaluate(gold: gold, predictions: predicted)
        let json = #"{"primary.accuracy":0.95,"primary.macro_f1":0.625,"technologies.micro_f1":0.97,"technologies.exact_match":0.5,"application_type.accuracy":1.0,"participation.weighted_f1":1.0}"#
        let violations = try QualityFloor(data: Data(json.utf8), fileName: "f.json").check(report)
        #expect(violations.map(\.key) == ["primary.accuracy", "technologies.micro_f1"])
        #expect(close(violations[0].actual, 0.6) && violations[0].floor == 0.95)
        #expect(close(violations[1].actual, 2.0 / 3) && violations[1].floor == 0.97)
        #expect(violations.map(\.description) == [
            "primary.accuracy 0.6000 < floor 0.9500",
            "technologies.micro_f1 0.6667 < floor 0.9700",
        ])
    }

    /// Issue 10: a family with no label on either side has an undefined F1 (scikit-learn's
    /// zero_division); its F1 floors are met and the report says "undefined".
    @Test func undefinedF1MeetsItsFloor() throws {
        let (gold, predicted) = EvaluatorTests.records()  // no inclusive marker anywhere
        let report = Evaluator.evaluate(gold: gold, predictions: predicted)
        let markers = try #require(report.family(.inclusiveMarkers))
        #expect(markers.f1IsUndefined)
        #expect(markers.micro.f1 == 0)
        let json = #"{"inclusive_markers.micro_f1":0.97,"inclusive_markers.macro_f1":0.97,"technologies.micro_f1":0.97}"#
        let violations = try QualityFloor(data: Data(json.utf8), fileName: "f.json").check(report)
        // Counter-example: technologies has labels, so its floor is checked as before.
        #expect(violations.map(\.key) == ["technologies.micro_f1"])
        #expect(try #require(report.family(.technologies)).f1IsUndefined == false)
        let text = report.renderText()
        #expect(text.contains("micro avg                undefined  undefined  undefined        0"))
    }
}
