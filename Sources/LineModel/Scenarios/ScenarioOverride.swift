/// One change a scenario makes to its base model, addressed by key path (see `docs/scenarios.md`).
///
/// Paths are written as the loader prints them in diagnostics: `products.fcbga-cpu.demand`,
/// `sites.hcmc-at.stations.final-test.installed_tools`, `products.rf-sip.route[3].yield`.
public struct ScenarioOverride: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the override does to the value at `path`.
    public enum Operation: String, Sendable, Hashable, Codable, CaseIterable {
        /// Replace the value (any YAML value; a missing optional field is added).
        case set
        /// Multiply a number, or every number in the map/list at the path, by `factor` (dimensionless).
        case scale
        /// Move a period-keyed map (`period: value`) `periods` periods later (negative: earlier).
        case shift
        /// Delete an entry of an id'd list (a site, a station, a die supplier, a product, ...).
        case remove
    }

    public var operation: Operation
    /// Key path of the value the override changes.
    public var path: String
    /// `set`: the new value as YAML text (`120`, `{2027: 5e6}`, `[hcmc-at]`).
    public var value: String?
    /// `scale`: the factor, dimensionless (1.3 = +30 %).
    public var factor: Double?
    /// `shift`: whole periods to move the map by; positive = later.
    public var periods: Int?
    /// Where the override is written (nil for overrides built in code, such as sweep points).
    public var location: SourceLocation?
    /// Name of the scenario that declares it (nil for overrides built in code).
    public var scenario: String?

    public init(operation: Operation, path: String, value: String? = nil, factor: Double? = nil, periods: Int? = nil,
                location: SourceLocation? = nil, scenario: String? = nil) {
        self.operation = operation; self.path = path; self.value = value; self.factor = factor
        self.periods = periods; self.location = location; self.scenario = scenario
    }

    /// `set path = number`.
    public static func set(_ path: String, to number: Double) -> ScenarioOverride {
        ScenarioOverride(operation: .set, path: path, value: ScenarioOverride.numberText(number))
    }

    /// `scale path by factor`.
    public static func scale(_ path: String, by factor: Double) -> ScenarioOverride {
        ScenarioOverride(operation: .scale, path: path, factor: factor)
    }

    /// `shift path by periods`.
    public static func shift(_ path: String, by periods: Int) -> ScenarioOverride {
        ScenarioOverride(operation: .shift, path: path, periods: periods)
    }

    /// `remove path`.
    public static func remove(_ path: String) -> ScenarioOverride {
        ScenarioOverride(operation: .remove, path: path)
    }

    /// One line for reports: `scale products.fcbga-cpu.demand by 1.3`.
    public var description: String {
        switch operation {
        case .set: return "set \(path) = \(value ?? "null")"
        case .scale: return "scale \(path) by \(factor.map(Self.numberText) ?? "?")"
        case .shift: return "shift \(path) by \(periods.map { String($0) } ?? "?") period(s)"
        case .remove: return "remove \(path)"
        }
    }

    /// A number as written into a model tree: whole numbers without a fraction, others in the shortest form
    /// that reads back to the same `Double`.
    public static func numberText(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
