import Foundation
import LineModel

/// How a sweep point's solve started.
public enum WarmStartOutcome: String, Sendable, Hashable, Codable {
    /// Started from the base plan's basis, and GLPK accepted it.
    case used
    /// Same shape as the base problem, but GLPK refused the basis (it then started from an advanced basis).
    case rejected
    /// The point's problem has other rows or columns than the base problem (a removed entry, a demand that
    /// became zero, ...): started cold.
    case shapeDiffers = "shape-differs"
    /// Warm starts were turned off (`--cold`).
    case off
}

/// The outcome of one point of a sweep. Holds no timings, so a sweep's output is reproducible.
public struct SweepPoint: Sendable, Hashable, Codable {
    /// 0-based position in the grid (the last axis varies fastest).
    public var index: Int
    /// The value of each axis, in axis order.
    public var values: [Double]
    /// Plan status, or nil when the varied model was invalid (see `error`).
    public var status: PlanStatus?
    public var objective: Double?
    public var profit: Double?
    public var goodUnits: Double?
    public var unmetUnits: Double?
    public var capitalSpend: Double?
    public var toolsBought: Double?
    /// The most valuable binding station, `site/station@period`.
    public var topBottleneck: String?
    public var warmStart: WarmStartOutcome?
    /// The proof behind the point's plan, its best bound and gap.
    public var quality: PlanQuality?
    /// Why the point has no plan: the loader's diagnostics for an invalid varied model, or a solver error.
    public var error: String?
}

/// A whole sweep (or one shard of it): what was varied, the base plan, and one result per point, in grid order.
public struct SweepResult: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = SweepResult.currentSchemaVersion
    /// The model or scenario file swept.
    public var model: String
    /// FNV-1a 64 of the bytes of the model file and of every scenario file on the chain, to refuse merging
    /// shards of different inputs.
    public var modelFingerprint: String
    public var objective: PlanObjective
    /// `lp` or `mip`.
    public var mode: String
    public var grid: SweepGrid
    public var pointCount: Int
    /// Key figures of the unvaried plan (whose basis warm-starts every point).
    public var base: PlanKeyFigures
    /// Set in a shard's output; absent in a whole (or merged) sweep.
    public var shard: SweepShard?
    /// How this shard was run (recorded by the caller; absent in a whole or merged sweep), so a merge can say
    /// how to re-run a missing sibling.
    public var command: ShardCommand?
    public var points: [SweepPoint]

    /// The result as pretty JSON with sorted keys (byte-stable for equal results).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a result written by `json()`.
    public static func decode(json data: Data) throws -> SweepResult {
        try decoder.decode(SweepResult.self, from: data)
    }

    /// Decodes a shard from `data` with located errors (`fileName` labels them): malformed JSON at its line and
    /// column, nesting past the loader's limit refused, wrong values at their key path.
    /// - Throws: `JSONInputError`.
    public static func decode(json data: Data, fileName: String) throws(JSONInputError) -> SweepResult {
        try JSONInput.decode(SweepResult.self, from: data, fileName: fileName, decoder: decoder)
    }

    /// The decoder of sweep JSON (infinite values are written as the strings "inf" and "-inf").
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// One CSV row per point: index, one column per axis (named by path, `*` for scaled), then the figures.
    public func csv() -> String {
        func num(_ x: Double?) -> String { x.map { $0.isFinite ? String($0) : ($0 > 0 ? "inf" : "-inf") } ?? "" }
        func q(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var header = ["index"] + grid.axes.map { $0.operation == .scale ? "\($0.path)*" : $0.path }
        header += ["status", "objective", "profit", "good_units", "unmet_units", "capital_spend", "tools_bought",
                   "top_bottleneck", "warm_start", "error", "proof", "best_bound", "absolute_gap"]
        var lines = [header.map(q).joined(separator: ",")]
        for p in points {
            var row = [String(p.index)] + p.values.map { num($0) }
            row += [p.status?.rawValue ?? "invalid", num(p.objective), num(p.profit), num(p.goodUnits), num(p.unmetUnits),
                    num(p.capitalSpend), num(p.toolsBought), p.topBottleneck ?? "", p.warmStart?.rawValue ?? "", p.error ?? "",
                    p.quality?.proof.rawValue ?? "", num(p.quality?.bestBound), num(p.quality?.absoluteGap)]
            lines.append(row.map(q).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Combines shard outputs into the result of the unsharded sweep: same inputs required (fingerprint, grid,
    /// mode, objective, base plan), every point exactly once; points in grid order, `shard` and `command` cleared.
    public static func merge(_ shards: [SweepResult]) throws(ShardMergeError) -> SweepResult {
        guard var merged = shards.first else { throw .nothingToMerge }
        do { try merged.grid.validate() } catch { throw .inconsistent(input: 1, reason: error.description) }
        guard merged.pointCount == merged.grid.pointCount else {
            throw .inconsistent(input: 1, reason: "says \(merged.pointCount) points, but its grid has \(merged.grid.pointCount)")
        }
        for (k, s) in shards.enumerated().dropFirst() where !s.sameRun(as: merged) {
            throw .otherInputs(input: k + 1)
        }
        try ShardCoverage.check(shards.map { ShardCoverage.Input(shard: $0.shard, items: $0.points.map(\.index), command: $0.command) },
                                total: merged.pointCount)
        var byIndex = [SweepPoint?](repeating: nil, count: merged.pointCount)
        for s in shards { for p in s.points { byIndex[p.index] = p } }
        merged.points = byIndex.compactMap { $0 }
        merged.shard = nil
        merged.command = nil
        return merged
    }

    /// True when `other` is a sweep of the same file bytes, grid, mode, objective and base plan.
    func sameRun(as other: SweepResult) -> Bool {
        schemaVersion == other.schemaVersion && modelFingerprint == other.modelFingerprint && model == other.model
            && objective == other.objective && mode == other.mode && grid == other.grid
            && pointCount == other.pointCount && base == other.base
    }
}

/// Timings of a sweep run (kept out of `SweepResult` so results stay reproducible).
public struct SweepTimings: Sendable {
    /// Wall-clock seconds of the whole run, base plan included.
    public var wallSeconds: Double
    /// Seconds of the base plan's solve.
    public var baseSolveSeconds: Double
    /// Sum over points of the seconds spent in the solver call (GLPK build, solve, read-back, report).
    public var pointSolveSeconds: Double
    /// Sum over points of the seconds spent applying overrides, validating and building the formulation.
    public var pointBuildSeconds: Double
    /// Sum over points of the seconds inside GLPK (part of `pointSolveSeconds`).
    public var pointGLPKSeconds: Double
    /// Points solved.
    public var points: Int
    /// Points whose warm start GLPK used.
    public var warmStartsUsed: Int
    public var threads: Int
    /// Anchor points solved although outside this shard (warm sweeps; their time is in the sums above).
    public var extraSolves: Int = 0
}
