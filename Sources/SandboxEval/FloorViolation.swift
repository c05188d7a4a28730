import Foundation
import SandboxSchema

/// A metric below its floor.
public struct FloorViolation: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Family of the metric.
    public var family: ScoredFamily
    /// The metric.
    public var metric: FloorMetric
    /// The value reached, `0...1`.
    public var actual: Double
    /// The floor it should have reached, `0...1`.
    public var floor: Double

    /// Memberwise initialiser.
    public init(family: ScoredFamily, metric: FloorMetric, actual: Double, floor: Double) {
        self.family = family
        self.metric = metric
        self.actual = actual
        self.floor = floor
    }

    /// `<family>.<metric>`.
    public var key: String { "\(family.rawValue).\(metric.rawValue)" }

    /// `primary.accuracy 0.9130 < floor 0.9500`.
    public var description: String { "\(key) \(fmt(actual)) < floor \(fmt(floor))" }
}
