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
        Exit codes: 0 plan found; 2 invalid model file; 3 infeasible (explained); 4 no plan within the limits;
        5 solver failure; 6 cannot write output; 64 invalid command-line usage.
        """)

    @Argument(help: "Line-model file (YAML or JSON).")
    var model: String

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Integer tool purchases (--mip, default) or continuous (--lp).")
    var mode: Mode = .mip

    enum Mode: String, EnumerableFlag { case mip, lp }



    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .customLong("export-lp"), help: "Also write the LP/MIP in CPLEX LP format.")
    var exportLP: String?

    @Option(name: .customLong("export-mps"), help: "Also write the LP/MIP in free MPS format.")
    var exportMPS: String?

    @Option(name: .customLong("risk-trials"), help: "Monte Carlo trials to estimate the plan's risk (0 = off).")
    var riskTrials: Int = 0

    @Option(help: "Random seed of the risk estimate.")
    var seed: UInt64 = 1

    @Option(name: .customLong("yield-quantile"),
            help: "Plan with yields at this quantile of their Monte Carlo distribution, in (0, 1) (e.g. 0.1).")
    var yieldQuantile: Double?

    @Option(help: "Two-stage stochastic plan over K scenarios (shared tool purchases); reports RP, EV, EEV, VSS, WS, EVPI.")
    var stochastic: Int?

    @Option(help: "Worker threads for --stochastic's independent solves (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let k = stochastic, k < 1 { throw ValidationError(StochasticPlanError.scenarioCount(k).description) }
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1, got \(t)") }
        if let q = yieldQuantile, !(q > 0 && q < 1) { throw ValidationError(YieldQuantileError(quantile: q).description) }
        guard riskTrials >= 0 else { throw ValidationError("--risk-trials must be ≥ 0, got \(riskTrials)") }
    }

    func run() throws {
        try reportingErrors {
            let lineModel = try loadModel(model)
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
            var planningModel = lineModel
            if let q = yieldQuantile {
                do { planningModel = try lineModel.withYieldQuantile(q, seed: seed) } catch { throw CLIError.invalidInput(String(describing: error)) }
            }
            if let k = stochastic {
                let result: StochasticReport
                do {
                    result = try StochasticPlanner.plan(planningModel, scenarioCount: k, seed: seed, objective: solve.objective,
                                                        integerTools: mode == .mip, timeLimitSeconds: solve.timeLimit, mipGap: solve.gap ?? 5e-4,
                                                        threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
                } catch let e as StochasticPlanError {
                    printError("error: \(e)")
                    switch e {
                    case .infeasible: throw ExitCode(3)
                    case .noSolution: throw ExitCode(4)
                    case .scenarioCount, .timeLimit: throw ExitCode(64)
                    }
                } catch { throw CLIError.solver(String(describing: error)) }
                if format == .json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try write(String(decoding: try encoder.encode(result), as: UTF8.self) + "\n")
                } else {
                    try write(StochasticRendering.table(result))
                }
                return
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
                        plan: report, model: lineModel, trials: riskTrials, seed: seed,
                        threads: ProcessInfo.processInfo.activeProcessorCount).risk
                } catch {
                    throw CLIError.invalidInput("\(model): risk estimate: \(error)")
                }
            }
            try emit(report)
            switch report.status {
            case .optimal, .feasible: return
            case .infeasible: throw ExitCode(3)
            case .noSolution:
                printError("no plan found: solver stopped with \(report.termination.rawValue)")
                throw ExitCode(4)
            }
        }
    }

    private func export(_ problem: LinearProblem, to path: String, format: ModelFileFormat) throws {
        do { try GLPKSolver.export(problem, to: URL(fileURLWithPath: path), format: format) } catch { throw CLIError.io(String(describing: error)) }
    }

    private func emit(_ report: PlanReport) throws {
        switch format {
        case .table: try write(PlanRendering.table(report) + (report.risk.map { "\n" + RiskRendering.table($0) } ?? ""))
        case .json: try write(PlanRendering.json(report))
        case .csv:
            let tables = PlanRendering.csvTables(report)
            if let output {
                // One tidy CSV per table: plan.csv -> plan.summary.csv, plan.products.csv, ...
                let url = URL(fileURLWithPath: output)
                let stem = url.deletingPathExtension().path
                for t in tables { try AtomicFile.write(t.csv, to: "\(stem).\(t.name).csv") }
            } else {
                print(tables.map { "# \($0.name)\n\($0.csv)" }.joined(separator: "\n"), terminator: "")
            }
        }
    }

    private func write(_ text: String) throws {
        if let output { try AtomicFile.write(text, to: output) } else { print(text, terminator: "") }
    }
}
