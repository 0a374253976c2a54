import Dispatch
import Foundation
import LineModel

/// One plan of a comparison: which scenario, what it changed, and its key figures.
public struct ComparedPlan: Sendable, Hashable, Codable {
    /// Scenario name (or model file name for a plain model).
    public var name: String
    /// The file given for it.
    public var file: String
    /// Overrides applied on its chain, in order.
    public var overrides: [ScenarioOverride]
    /// Values that differ from the first plan's model (empty for the first).
    public var differencesFromBase: [ValueChange]
    public var figures: PlanKeyFigures
    /// Bottlenecks in this plan's top list that are not in the base plan's.
    public var bottlenecksGained: [String]
    /// Bottlenecks of the base plan's top list that are not in this plan's.
    public var bottlenecksLost: [String]
}

/// Plans of a base model and its what-ifs, side by side. The first plan is the base.
public struct ComparisonReport: Sendable, Codable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = ComparisonReport.currentSchemaVersion
    public var objective: PlanObjective
    /// `lp` or `mip`.
    public var mode: String
    public var currency: String
    /// Set in a shard's output (`compare --shard I/N`); absent in a whole or merged comparison.
    public var shard: ComparisonShard?
    /// The base plan first, then the what-ifs (in a shard: only its own what-ifs, see `shard`).
    public var plans: [ComparedPlan]
}

/// What a shard of a comparison holds. Every shard solves the base (its figures anchor each what-if's changes);
/// shard I of N holds the what-ifs whose 0-based position w among the what-ifs has w % N == I-1.
public struct ComparisonShard: Sendable, Hashable, Codable {
    /// Which slice of the what-ifs this is: I of N.
    public var shard: SweepShard
    /// Every file of the whole comparison, the base first.
    public var files: [String]
    /// FNV-1a 64 of the bytes of every model and scenario file on every file's chain, to refuse merging shards of
    /// different inputs.
    public var inputFingerprint: String
    /// How this shard was run (recorded by the caller), so a merge can say how to re-run a missing sibling.
    public var command: ShardCommand?

    /// A shard description; `command` is usually filled in by the caller after the solve.
    public init(shard: SweepShard, files: [String], inputFingerprint: String, command: ShardCommand? = nil) {
        self.shard = shard
        self.files = files
        self.inputFingerprint = inputFingerprint
        self.command = command
    }

    /// Positions (in `files`) of the what-ifs this shard holds.
    public var whatIfPositions: [Int] { (1..<max(1, files.count)).filter { shard.contains($0 - 1) } }
}

/// Solves a base and its what-ifs exactly as `CapacityPlanner.optimize` would solve each alone (cold starts:
/// a warm start could pick another of several equally good plans), and lines up their figures.
public enum ScenarioComparison {
    /// Loads every file (model or scenario), solves each and compares against the first.
    /// - Throws: `LineModelError` for a bad file, `PlanError` for a solver failure.
    /// `threads` plans are solved at once (each on its own thread, with its own GLPK problems); the figures do
    /// not depend on it, except for MIP plans stopped by the time limit, which get less CPU when run together.
    /// With `shard`, only the base and that shard's what-ifs are loaded and solved (`ComparisonShard`); `merge`
    /// puts the shards together into exactly the whole comparison. `progress` hears of each plan solved
    /// (`WorkPhase.scenarioPlans`).
    public static func compare(files: [String], options: PlanOptions, bottleneckCount: Int = 5,
                               threads: Int = 1, shard: SweepShard? = nil,
                               progress: WorkProgressHandler? = nil) throws -> ComparisonReport
    {
        let sharding = try shard.map {
            ComparisonShard(shard: $0, files: files, inputFingerprint: try inputFingerprint(files: files))
        }
        let chosen = sharding.map { [files[0]] + $0.whatIfPositions.map { files[$0] } } ?? files
        var trees: [ScenarioTree] = []
        var models: [LineModel] = []
        for file in chosen {
            let tree = try ScenarioLoader.tree(path: file)
            models.append(try ScenarioLoader.validate(tree))
            trees.append(tree)
        }
        let reports = try solveAll(models, options: options, threads: threads, progress: progress)
        var plans: [ComparedPlan] = []
        for (k, tree) in trees.enumerated() {
            let report = reports[k]
            let figures = PlanKeyFigures(report: report, model: models[k], bottleneckCount: bottleneckCount)
            let base = plans.first?.figures.topBottlenecks ?? figures.topBottlenecks
            plans.append(ComparedPlan(
                name: tree.name, file: tree.file, overrides: tree.overrides,
                differencesFromBase: k == 0 ? [] : ScenarioLoader.differences(from: trees[0], to: tree),
                figures: figures,
                bottlenecksGained: figures.topBottlenecks.filter { !base.contains($0) },
                bottlenecksLost: base.filter { !figures.topBottlenecks.contains($0) }))
        }
        return ComparisonReport(objective: options.objective, mode: options.integerTools ? "mip" : "lp",
                                currency: models.first?.currency ?? "USD", shard: sharding, plans: plans)
    }

    /// FNV-1a 64 over the bytes of every file on the chain of every file compared, in order.
    /// - Throws: `LineModelError` for a file that cannot be read or resolved.
    public static func inputFingerprint(files: [String]) throws -> String {
        var data = Data()
        for file in files {
            let tree = try ScenarioLoader.tree(path: file)
            for path in [tree.modelFile] + tree.chain { data.append(try Data(contentsOf: URL(fileURLWithPath: path))) }
        }
        return SweepRunner.fingerprint(data)
    }

    /// Solves every model cold with `CapacityPlanner.optimize`, `threads` at a time; results in model order.
    static func solveAll(_ models: [LineModel], options: PlanOptions, threads: Int,
                         progress: WorkProgressHandler? = nil) throws -> [PlanReport] {
        let total = models.count
        let finished = progress.map { report in
            { @Sendable (n: Int) in report(WorkProgress(phase: .scenarioPlans, done: n, total: total)) }
        }
        return try ParallelJobs.run(count: models.count, threads: threads, finished: finished) { k in
            Result { try CapacityPlanner.optimize(models[k], options: options) }
        }.map { try $0.get() }
    }
}
