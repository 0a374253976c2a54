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
        output byte for byte. Exit codes: 0 done; 2 invalid model or options; 5 base solve failed; 6 cannot write.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }
    enum Mode: String, EnumerableFlag { case lp, mip }

    @Argument(help: "Model or scenario file.")
    var model: String

    @Option(name: .customLong("vary"), help: "PATH=FROM:TO:STEP (set) or PATH*=FROM:TO:STEP (scale); repeatable.")
    var vary: [String] = []

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Continuous tool purchases (--lp, default for sweeps) or integer (--mip).")
    var mode: Mode = .lp



    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Run only slice I of N (points whose index % N == I-1); combine with `fabplan merge`.")
    var shard: String?

    @Flag(help: "Solve every point cold (no warm start), for comparison.")
    var cold = false

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    @Option(help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard !vary.isEmpty else { throw ValidationError("give at least one --vary PATH=FROM:TO:STEP") }
        guard (1...1024).contains(threads) else { throw ValidationError("--threads must be in 1...1024") }
        if shard != nil, format != .json { throw ValidationError("--shard writes JSON for `fabplan merge`: use --format json") }
    }

    func run() throws {
        try reportingErrors {
            let grid: SweepGrid
            let slice: SweepShard?
            do {
                grid = SweepGrid(axes: try vary.map { try SweepAxis.parse($0) })
                try grid.validate()
                slice = try shard.map { try SweepShard.parse($0) }
            } catch let e as SweepSpecError {
                throw CLIError.invalidInput(e.description)
            }
            let plan = solve.planOptions(integerTools: mode == .mip)
            var result: SweepResult
            let timings: SweepTimings
            do {
                (result, timings) = try SweepRunner.run(
                    file: model, grid: grid,
                    options: SweepRunner.Options(plan: plan, threads: threads, shard: slice, warmStart: !cold))
            } catch let e as LineModelError {
                throw CLIError.invalidInput(e.description)
            } catch let e as SweepSpecError {
                throw CLIError.invalidInput(e.description)
            } catch let e as CocoaError {
                throw CLIError.io("cannot read \(model): \(e.localizedDescription)")
            } catch {
                throw CLIError.solver(String(describing: error))
            }
            if slice != nil { result.command = ShardRerun.currentCommand() }
            let text = format == .json ? try result.json() : result.csv()
            if let output { try AtomicFile.write(text, to: output) } else { print(text, terminator: "") }
            let invalid = result.points.filter { $0.status == nil }.count
            printError("sweep: \(timings.points) of \(result.pointCount) points on \(timings.threads) thread(s) in "
                + "\(Fmt.n(timings.wallSeconds, 3)) s (base solve \(Fmt.n(timings.baseSolveSeconds, 3)) s; "
                + "point solves \(Fmt.n(timings.pointSolveSeconds, 3)) s, builds \(Fmt.n(timings.pointBuildSeconds, 3)) s "
                + "summed over threads); warm starts used \(timings.warmStartsUsed)/\(timings.points)"
                + (invalid > 0 ? "; \(invalid) point(s) without a plan (see their error)" : ""))
        }
    }
}
