import ArgumentParser
import FabPlan
import Foundation

extension PlanObjective: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// `fabplan optimize`: the best capacity plan for a model, and why.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Optimize the capacity plan of a line model (LP/MIP solved in-process by GLPK).",
        discussion: """
        Exit codes: 0 plan found; 2 invalid or unreadable model file; 3 infeasible (explained); 4 no plan within \
        the limits; 5 solver failure; 6 cannot write output; 64 invalid command-line usage (an option out of \
        range, work past the limit, an output that is an input).
        """)

    @Argument(help: "Line-model file (YAML or JSON; - for standard input).")
    var model: String

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Integer tool purchases (--mip, default) or continuous (--lp).")
    var mode: SolveMode = .mip

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("export-lp"), help: "Also write the LP/MIP in CPLEX LP format.")
    var exportLP: String?

    @Option(name: .customLong("export-mps"), help: "Also write the LP/MIP in free MPS format.")
    var exportMPS: String?

    @Option(name: .customLong("risk-trials"), help: "Monte Carlo trials to estimate the plan's risk (0 = off), at least 0.")
    var riskTrials: Int = 0

    @OptionGroup var random: SeedOptions

    @Option(name: .customLong("yield-quantile"),
            help: "Plan with yields at this quantile of their Monte Carlo distribution, in (0, 1) (e.g. 0.1).")
    var yieldQuantile: Double?

    @Option(help: "Two-stage stochastic plan over K scenarios (shared tool purchases), K ≥ 1 within the work limit; reports RP, EV, EEV, VSS, WS, EVPI.")
    var stochastic: Int?

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var work: WorkLimitOptions

    var seed: UInt64 { random.seed }

    func validate() throws {
        if let k = stochastic, k < 1 { throw ValidationError("--stochastic must be at least 1 scenario, got \(k)") }
        if let q = yieldQuantile, !(q > 0 && q < 1) { throw ValidationError(YieldQuantileError(quantile: q).description) }
        guard riskTrials >= 0 else { throw ValidationError("--risk-trials must be ≥ 0, got \(riskTrials)") }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: [model], outputs: [output.path, exportLP, exportMPS])
            let lineModel = try loadModel(model)
            if let k = stochastic {
                try WorkEstimate.stochastic(lineModel, scenarios: k, objective: solve.objective, integerTools: mode == .mip)
                    .check(maxWork: work.maxWork)
            } else if riskTrials > 0 {
                try WorkEstimate.monteCarlo(lineModel, trials: riskTrials, option: "--risk-trials").check(maxWork: work.maxWork)
            }
            var planningModel = lineModel
            if let q = yieldQuantile {
                do { planningModel = try lineModel.withYieldQuantile(q, seed: seed) } catch { throw CLIError.invalidInput(String(describing: error)) }
            }
            if let k = stochastic { return try runStochastic(planningModel, scenarios: k) }
            try runPlan(lineModel, planningModel: planningModel)
        }
    }

    /// The deterministic plan (optionally with its Monte Carlo risk), rendered, and the exit status it earns.
    private func runPlan(_ lineModel: LineModel, planningModel: LineModel) throws {
        var options = solve.planOptions(integerTools: mode == .mip)
        if stderrIsTerminal && mode == .mip {
            options.progress = { p in
                let inc = p.incumbent.map { Fmt.n($0, 1) } ?? "-"
                let bound = p.bestBound.map { Fmt.n($0, 1) } ?? "-"
                let g = p.gap.map { Fmt.pct($0) } ?? "-"
                printError("\u{1B}[2K\rMIP: incumbent \(inc)  bound \(bound)  gap \(g)  nodes \(p.totalNodes)  \(Fmt.n(p.elapsedSeconds, 1)) s")
                return true
            }
        }
        let formulation = Formulation(model: planningModel, objective: solve.objective, integerTools: mode == .mip)
        if let path = exportLP { try export(formulation.problem, to: path, format: .cplexLP) }
        if let path = exportMPS { try export(formulation.problem, to: path, format: .freeMPS) }
        var report: PlanReport
        do {
            report = try CapacityPlanner.solve(formulation, options: options)
        } catch {
            throw CLIError.solver(String(describing: error))
        }
        if riskTrials > 0 && (report.status == .optimal || report.status == .feasible) {
            do {
                report.risk = try PlanEvaluation.evaluate(
                    plan: report, model: lineModel, trials: riskTrials, seed: seed, threads: parallel.threads).risk
            } catch {
                throw CLIError.invalidInput("\(model): risk estimate: \(error)")
            }
        }
        try emit(report)
        switch report.status {
        case .optimal, .feasible: return
        case .infeasible: throw CLIError.reported(.infeasible)
        case .noSolution: throw CLIError.noPlan("no plan found: solver stopped with \(report.termination.rawValue)")
        }
    }

    /// The two-stage stochastic plan over `scenarios` scenarios, the whole run within --time-limit.
    private func runStochastic(_ planningModel: LineModel, scenarios k: Int) throws {
        let result: StochasticReport
        do {
            result = try StochasticPlanner.plan(planningModel, scenarioCount: k, seed: seed, objective: solve.objective,
                                                integerTools: mode == .mip, timeLimitSeconds: solve.timeLimit,
                                                mipGap: solve.gap ?? 5e-4, threads: parallel.threads)
        } catch let e as StochasticPlanError {
            switch e {
            case .infeasible: throw CLIError.infeasible(e.description)
            case .noSolution: throw CLIError.noPlan(e.description)
            case .scenarioCount, .timeLimit: throw CLIError.usage(e.description)
            }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try write(String(decoding: try encoder.encode(result), as: UTF8.self) + "\n")
        } else {
            try write(StochasticRendering.table(result))
        }
    }

    private func export(_ problem: LinearProblem, to path: String, format: ModelFileFormat) throws {
        try AtomicFile.produce(path) { temporary in
            do { try GLPKSolver.export(problem, to: URL(fileURLWithPath: temporary), format: format) } catch {
                throw CLIError.io("cannot write \(path): \(error)")
            }
        }
    }

    private func emit(_ report: PlanReport) throws {
        switch format {
        case .table: try write(PlanRendering.table(report) + (report.risk.map { "\n" + RiskRendering.table($0) } ?? ""))
        case .json: try write(PlanRendering.json(report))
        case .csv:
            let tables = PlanRendering.csvTables(report)
            if let path = output.path {
                // One tidy CSV per table: plan.csv -> plan.summary.csv, plan.products.csv, ...
                let stem = URL(fileURLWithPath: path).deletingPathExtension().path
                let paths = tables.map { "\(stem).\($0.name).csv" }
                try OutputSafety.refuseOverwriting(inputs: [model], outputs: paths)
                for (t, p) in zip(tables, paths) { try AtomicFile.write(t.csv, to: p) }
            } else {
                try write(tables.map { "# \($0.name)\n\($0.csv)" }.joined(separator: "\n"))
            }
        }
    }

    private func write(_ text: String) throws {
        try OutputWriter.write(text, to: output.path)
    }
}
