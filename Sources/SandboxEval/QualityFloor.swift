import Foundation
import SandboxSchema

/// Minimum scores an evaluation must reach, read from JSON such as
/// `{"primary.accuracy":0.95,"technologies.micro_f1":0.97}`.
///
/// Keys are `<family>.<metric>`: family one of ``ScoredFamily`` raw values, metric one of
/// ``FloorMetric`` raw values (`accuracy`, `micro_f1`, `macro_f1`, `weighted_f1`,
/// `exact_match`); `accuracy` is for single-label families and `exact_match` for
/// multi-label ones. Values are numbers in `0...1`.
public struct QualityFloor: Sendable, Hashable {
    /// One floor.
    public struct Entry: Sendable, Hashable {
        /// The key as written, `<family>.<metric>`.
        public var key: String { "\(family.rawValue).\(metric.rawValue)" }
        /// Family the floor applies to.
        public var family: ScoredFamily
        /// Metric the floor applies to.
        public var metric: FloorMetric
        /// Lowest acceptable value, `0...1`.
        public var minimum: Double

        /// Memberwise initialiser.
        public init(family: ScoredFamily, metric: FloorMetric, minimum: Double) {
            self.family = family
            self.metric = metric
            self.minimum = minimum
        }
    }

    /// Tolerance below the floor that still passes, so that a score that is exactly the
    /// floor up to floating-point rounding (e.g. a weighted sum of 1.0s) is not a violation.
    public static let tolerance = 1e-9

    /// Floors, sorted by key.
    public var entries: [Entry]

    /// Floors from entries (sorted by key).
    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.key < $1.key }
    }

    /// Reads floors from the JSON file at `url`; messages name it by `url.relativePath`.
    /// - Throws: ``EvalError/unreadable(file:reason:)``, or the errors of ``init(data:fileName:)``.
    public init(contentsOf url: URL) throws(EvalError) {
        let data = try GoldReader.readFile(url)
        try self.init(data: data, fileName: url.relativePath)
    }

    /// Parses floors from JSON `data`.
    /// - Throws: ``EvalError/invalidFloor(file:key:message:)`` when the data is not a JSON
    ///   object, when a key is not `<family>.<metric>` with a known family and metric (the
    ///   error names the key), when the metric does not apply to the family, or when a value
    ///   is not a number in `0...1`. Keys are checked in sorted order; the first bad one is
    ///   reported.
    public init(data: Data, fileName: String) throws(EvalError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(data)
        } catch {
            throw .invalidFloor(file: fileName, key: nil, message: error.message)
        }
        guard let object = value.objectValue else {
            throw .invalidFloor(file: fileName, key: nil, message: "expected a JSON object of \"<family>.<metric>\": number")
        }
        var entries: [Entry] = []
        for key in object.keys.sorted() {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                throw .invalidFloor(file: fileName, key: key, message: "unknown key; expected \"<family>.<metric>\"")
            }
            guard let family = ScoredFamily(rawValue: parts[0]) else {
                throw .invalidFloor(
                    file: fileName, key: key,
                    message: "unknown family \"\(parts[0])\" (expected \(ScoredFamily.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let metric = FloorMetric(rawValue: parts[1]) else {
                throw .invalidFloor(
                    file: fileName, key: key,
                    message: "unknown metric \"\(parts[1])\" (expected \(FloorMetric.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard metric.applies(to: family) else {
                let hint = metric == .accuracy ? "exact_match" : "accuracy"
                throw .invalidFloor(
                    file: fileName, key: key,
                    message: "\(metric.rawValue) is not defined for \(family.isMultiLabel ? "multi" : "single")-label family \(family.rawValue) (use \(hint))")
            }
            guard case let .number(minimum) = object[key] ?? .null, (0...1).contains(minimum) else {
                throw .invalidFloor(file: fileName, key: key, message: "value must be a number between 0 and 1")
            }
            entries.append(Entry(family: family, metric: metric, minimum: minimum))
        }
        self.init(entries: entries)
    }

    /// Every floor the report does not reach (`actual < minimum - tolerance`), in key order.
    /// A metric missing from the report counts as 0. An F1 floor of a family whose F1 is
    /// undefined (``FamilyReport/f1IsUndefined``: nothing on either side) is met.
    public func check(_ report: EvaluationReport) -> [FloorViolation] {
        entries.compactMap { entry in
            if [.microF1, .macroF1, .weightedF1].contains(entry.metric), report.family(entry.family)?.f1IsUndefined == true { return nil }
            let actual = report.value(of: entry.metric, in: entry.family) ?? 0
            guard actual < entry.minimum - Self.tolerance else { return nil }
            return FloorViolation(family: entry.family, metric: entry.metric, actual: actual, floor: entry.minimum)
        }
    }
}
