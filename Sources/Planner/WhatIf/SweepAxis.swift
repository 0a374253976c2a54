import Foundation
import LineModel

/// One varied input of a sweep: a key path, how the values apply (`set` the value, or `scale` by it), and the
/// values in order.
public struct SweepAxis: Sendable, Hashable, Codable {
    public enum Operation: String, Sendable, Hashable, Codable { case set, scale }
    public var path: String
    public var operation: Operation
    public var values: [Double]

    public init(path: String, operation: Operation, values: [Double]) {
        self.path = path; self.operation = operation; self.values = values
    }

    /// Most values one axis may have.
    public static let maxValues = 100_000

    /// Parses `PATH=FROM:TO:STEP` (set the value at PATH), `PATH*=FROM:TO:STEP` (scale it by a factor), or
    /// either with a comma list instead of a range (`PATH=1,2,5`). Values of a range are
    /// `FROM + k × STEP` for k = 0, 1, ... while not past TO (with a relative slack of 1e-9, so
    /// `0.8:1.2:0.1` has 5 values), rounded to 12 significant digits.
    public static func parse(_ text: String) throws(SweepSpecError) -> SweepAxis {
        guard let eq = text.firstIndex(of: "=") else {
            throw SweepSpecError("'\(text)': write PATH=FROM:TO:STEP or PATH*=FROM:TO:STEP")
        }
        var path = String(text[..<eq])
        var operation = Operation.set
        if path.hasSuffix("*") { path.removeLast(); operation = .scale }
        guard !path.isEmpty else { throw SweepSpecError("'\(text)': the key path is empty") }
        let spec = text[text.index(after: eq)...]
        let values: [Double]
        if spec.contains(":") {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
            guard parts.count == 3, let from = parts[0], let to = parts[1], let step = parts[2],
                from.isFinite, to.isFinite, step.isFinite
            else { throw SweepSpecError("'\(text)': the range must be FROM:TO:STEP with three numbers") }
            guard step != 0, (to - from) / step >= 0 || from == to else {
                throw SweepSpecError("'\(text)': STEP must be nonzero and go from FROM towards TO")
            }
            let steps = ((to - from) / step) * (1 + 1e-9) + 1e-9
            guard steps < Double(maxValues) else {
                throw SweepSpecError("'\(text)': more than \(maxValues) values")
            }
            values = (0...Int(steps.rounded(.down))).map { rounded12(from + Double($0) * step) }
        } else {
            let parsed = spec.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !parsed.isEmpty, parsed.allSatisfy({ $0?.isFinite == true }) else {
                throw SweepSpecError("'\(text)': give FROM:TO:STEP or a comma list of numbers")
            }
            values = parsed.compactMap { $0 }
        }
        return SweepAxis(path: path, operation: operation, values: values)
    }

    /// The override that puts this axis at `value`.
    public func override(_ value: Double) -> ScenarioOverride {
        operation == .set ? .set(path, to: value) : .scale(path, by: value)
    }

    static func rounded12(_ x: Double) -> Double { Double(String(format: "%.12g", x)) ?? x }
}

/// A sweep specification that cannot be used, with the reason.
public struct SweepSpecError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A deterministic slice of a sweep: point `k` (0-based) belongs to shard `index` (1-based) of `count` when
/// `k % count == index - 1`.
public struct SweepShard: Sendable, Hashable, Codable {
    public var index: Int
    public var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public static func parse(_ text: String) throws(SweepSpecError) -> SweepShard {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, i >= 1, i <= n else {
            throw SweepSpecError("--shard '\(text)': write I/N with 1 ≤ I ≤ N, e.g. 2/8")
        }
        return SweepShard(index: i, count: n)
    }

    public func contains(_ point: Int) -> Bool { point % count == index - 1 }
}

/// The grid of a sweep: the cartesian product of the axes, the last axis varying fastest.
public struct SweepGrid: Sendable, Hashable, Codable {
    public var axes: [SweepAxis]
    public init(axes: [SweepAxis]) { self.axes = axes }

    /// Most points a sweep may have.
    public static let maxPoints = 10_000_000

    /// Number of points (the product of the axis lengths).
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The axis values of point `k`, one per axis.
    public func values(ofPoint k: Int) -> [Double] {
        var rest = k
        var out = [Double](repeating: 0, count: axes.count)
        for a in axes.indices.reversed() {
            let n = axes[a].values.count
            out[a] = axes[a].values[rest % n]
            rest /= n
        }
        return out
    }

    /// Checks the size.
    public func validate() throws(SweepSpecError) {
        guard !axes.isEmpty else { throw SweepSpecError("give at least one --vary PATH=FROM:TO:STEP") }
        if let empty = axes.first(where: { $0.values.isEmpty }) {
            throw SweepSpecError("the axis '\(empty.path)' has no values")
        }
        var n = 1.0
        for a in axes { n *= Double(a.values.count) }
        guard n <= Double(Self.maxPoints) else { throw SweepSpecError("the grid has \(Int(n)) points; at most \(Self.maxPoints)") }
    }
}
