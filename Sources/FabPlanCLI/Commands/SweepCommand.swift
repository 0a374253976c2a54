import ArgumentParser
import FabPlan
import Foundation

/// `fabplan sweep`: a grid of what-ifs of one model, solved in parallel with warm starts.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Solve a grid of what-ifs of a model in parallel, warm-started from the base plan.",
        discussion: """
        --vary PATH=FROM:TO:STEP sets the value at PATH; PATH*=FROM:TO:STEP scales it (every number under it);
        a comma list may replace the range. Several --vary make a grid (the last varies fastest). Results hold
        no timings (those go to standard error), so --shard I/N runs and `fabplan merge` reproduce the unsharded
        output byte for byte. Exit codes: 0 done; 2 invalid model, or a --vary path that names nothing in it;
        5 base solve failed; 6 cannot write; 64 invalid options (a malformed --vary or --shard, work past the limit).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, html, xlsx }

    @Argument(help: "Model or scenario file.")
    var model: String

    @Option(name: .customLong("vary"), help: "PATH=FROM:TO:STEP (set) or PATH*=FROM:TO:STEP (scale); repeatable.")
    var vary: [String] = []

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Continuous tool purchases (--lp, default for sweeps) or integer (--mip).")
    var mode: SolveMode = .lp

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Run only slice I of N, 1 ≤ I ≤ N (points whose index % N == I-1); combine with `fabplan merge`.")
    var shard: String?

    @Flag(help: "Solve every point cold (no warm start), for comparison.")
    var cold = false

    @Option(help: "Output format: json, csv, html or xlsx (docs/reports.md).")
    var format: Format = .json

    @OptionGroup var output: OutputOptions

    @OptionGroup var work: WorkLimitOptions

    /// The grid and the shard, parsed (usage errors, exit 64, when they cannot be).
    func parsedSpec() throws -> (SweepGrid, SweepShard?) {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=FROM:TO:STEP") }
        do {
            let grid = SweepGrid(axes: try vary.map { try SweepAxis.parse($0) })
            try grid.validate()
            return (grid, try shard.map { try SweepShard.parse($0) })
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    func validate() throws {
        _ = try parsedSpec()
        if format == .xlsx, output.path == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
        if shard != nil, format != .json { throw ValidationError("--shard writes JSON for `fabplan merge`: use --format json") }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: [model], outputs: [output.path])
            let (grid, slice) = try parsedSpec()
            let plan = solve.planOptions(integerTools: mode == .mip)
            let baseModel = try ScenarioLoader.validate(try ScenarioLoader.tree(path: model))
            let points = slice.map { s in max(0, grid.pointCount - s.index + s.count) / s.count } ?? grid.pointCount
            try WorkEstimate.sweep(baseModel, points: points, objective: plan.objective, integerTools: plan.integerTools)
                .check(maxWork: work.maxWork)
            var (result, timings) = try progress.reporting { handler in
                try SweepRunner.run(
                    file: model, grid: grid,
                    options: SweepRunner.Options(plan: plan, threads: parallel.threads, shard: slice, warmStart: !cold,
                                                 progress: handler))
            }
            if slice != nil { result.command = ShardRerun.currentCommand() }
            switch format {
            case .json: try OutputWriter.write(try result.json(), to: output.path)
            case .csv: try OutputWriter.write(result.csv(), to: output.path)
            case .html: try OutputWriter.write(SweepHTML.page(result), to: output.path)
            case .xlsx: try OutputWriter.write(try XLSXWorkbook.data(WhatIfTables.sweep(result)), to: output.path)
            }
            let invalid = result.points.filter { $0.status == nil }.count
            printError("sweep: \(timings.points) of \(result.pointCount) points on \(timings.threads) thread(s) in "
                + "\(Fmt.n(timings.wallSeconds, 3)) s (base solve \(Fmt.n(timings.baseSolveSeconds, 3)) s; "
                + "point solves \(Fmt.n(timings.pointSolveSeconds, 3)) s, builds \(Fmt.n(timings.pointBuildSeconds, 3)) s "
                + "summed over threads); warm starts used \(timings.warmStartsUsed)/\(timings.points)"
                + (invalid > 0 ? "; \(invalid) point(s) without a plan (see their error)" : ""))
        }
    }
}
