import Foundation
import SandboxSchema
import Testing
@testable import SandboxEval

/// Fixtures sit next to this file; found through #filePath so the tests need no bundle
/// and keep working when the module moves into another package.
func fixtureURL(_ name: String, file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
}

func fixtureData(_ name: String) throws -> Data {
    try Data(contentsOf: fixtureURL(name))
}

/// `|a - b| <= 1e-9`.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

/// The three records every gold fixture holds, in file order.
let fixtureRecords: [GoldRecord] = [
    GoldRecord(
        id: "beijing-2020-b1-01", primary: "digital_credit", technologies: ["blockchain", "internet_of_things"],
        inclusiveMarkers: [], applicationType: "unstated", participation: "financial_institutions_only"),
    GoldRecord(
        id: "shanghai-2020-b1-02", primary: "payment", technologies: [],
        inclusiveMarkers: ["small_micro_enterprises", "inclusive_finance"], applicationType: "financial_service",
        participation: "joint_with_technology_company"),
    GoldRecord(
        id: "chongqing-2021-b2-03", primary: "underlying_technology",
        technologies: ["privacy_computing", "big_data", "artificial_intelligence"], inclusiveMarkers: ["agriculture_rural"],
        applicationType: "technology_product", participation: "joint_with_technology_company"),
]
