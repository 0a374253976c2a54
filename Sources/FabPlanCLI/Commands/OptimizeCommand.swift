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

    @Argument(help: "Line-model or scenario file (YAML or JSON; - for standard input).")
    var model: String

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Integer tool purchases (--mip, default) or continuous (--lp).")
    var mode: SolveMode = .mip

    @Option(help: "Output format: table, json, csv, html or xlsx (docs/reports.md); csv to a folder (--output DIR/) writes one file per table.")
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

    @OptionGroup var progress: ProgressOptions

    @OptionGroup var work: WorkLimitOptions

    var seed: UInt64 { random.seed }

    @Option(name: .customLong("cycle-time-target"),
            help: "Longest expected cycle time of a product, PRODUCT=HOURS (repeatable); planned as utilization caps (docs/cycle-time.md).")
    var cycleTimeTargets: [String] = []

    @Option(name: .customLong("fixed-mix"),
            help: "Hold starts at a fixed product mix: 'nominal' (demand / route yield) or shares 'a=2,b=1'.")
    var fixedMix: String?

    func validate() throws {
        if let k = stochastic, k < 1 { throw ValidationError("--stochastic must be at least 1 scenario, got \(k)") }
        if let q = yieldQuantile, !(q > 0 && q < 1) { throw ValidationError(YieldQuantileError(quantile: q).description) }
        guard riskTrials >= 0 else { throw ValidationError("--risk-trials must be ≥ 0, got \(riskTrials)") }
        if format == .xlsx, output.path == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
        if fixedMix != nil, stochastic != nil { throw ValidationError("--fixed-mix does not combine with --stochastic") }
        if !cycleTimeTargets.isEmpty, stochastic != nil {
            throw ValidationError("--cycle-time-target cannot be combined with --stochastic")
        }
        _ = try parsedCycleTimeTargets()
    }

    /// `--cycle-time-target a=120` as targets; the products are checked against the model later.
    func parsedCycleTimeTargets() throws -> [CycleTimeTarget] {
        try cycleTimeTargets.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let hours = Double(parts[1]), hours.isFinite, hours > 0 else {
                throw ValidationError("--cycle-time-target expects PRODUCT=HOURS with HOURS > 0, got '\(text)'")
            }
            return CycleTimeTarget(product: parts[0], hours: hours)
        }
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
        if stderrIsTerminal && mode == .mip && !progress.quiet {
            options.progress = { p in
                let inc = p.incumbent.map { Fmt.n($0, 1) } ?? "-"
                let bound = p.bestBound.map { Fmt.n($0, 1) } ?? "-"
                let g = p.gap.map { Fmt.pct($0) } ?? "-"
                printError("\u{1B}[2K\rMIP: incumbent \(inc)  bound \(bound)  gap \(g)  nodes \(p.totalNodes)  \(Fmt.n(p.elapsedSeconds, 1)) s")
                return true
            }
        }
        do { try CapacityPlanner.checkSize(planningModel, options: options) } catch {
            throw CLIError.invalidInput("\(model): \(error)")
        }
        options.fixedMix = try fixedMix.map { try FixedMixArgument.parse($0, model: planningModel) }
        var report: PlanReport
        let targets = try parsedCycleTimeTargets()
        if CycleTimePlanner.isNeeded(planningModel, targets: targets) {
            report = try planWithCycleTimeTargets(planningModel, targets, options)
        } else {
            let formulation = Formulation(model: planningModel, objective: solve.objective, integerTools: mode == .mip,
                                          fixedMix: options.fixedMix)
            if let path = exportLP { try export(formulation.problem, to: path, format: .cplexLP) }
            if let path = exportMPS { try export(formulation.problem, to: path, format: .freeMPS) }
            do {
                report = try CapacityPlanner.solve(formulation, options: options)
            } catch {
                throw CLIError.solver(String(describing: error))
            }
        }
        if riskTrials > 0 && (report.status == .optimal || report.status == .feasible) {
            do {
                report.risk = try progress.reporting { handler in
                    try PlanEvaluation.evaluate(plan: report, model: lineModel, trials: riskTrials, seed: seed,
                                                threads: parallel.threads, progress: handler).risk
                }
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
            result = try progress.reporting { handler in
                try StochasticPlanner.plan(planningModel, scenarioCount: k, seed: seed, objective: solve.objective,
                                           integerTools: mode == .mip, timeLimitSeconds: solve.timeLimit,
                                           mipGap: solve.gap ?? 5e-4, threads: parallel.threads, progress: handler)
            }
        } catch let e as StochasticPlanError {
            switch e {
            case .infeasible: throw CLIError.infeasible(e.description)
            case .noSolution: throw CLIError.noPlan(e.description)
            case .scenarioCount, .timeLimit: throw CLIError.usage(e.description)
            }
        }
        try emit(result, model: planningModel)
    }

    /// Cycle-time targets and station queue-time limits: the fixed point of `CycleTimePlanner`; the LP
    /// exported is the one of the final caps.
    private func planWithCycleTimeTargets(_ model: LineModel, _ targets: [CycleTimeTarget], _ options: PlanOptions) throws -> PlanReport {
        let result: (report: PlanReport, cappedModel: LineModel)
        do {
            result = try CycleTimePlanner.plan(model, targets: targets, options: options)
        } catch let e as CycleTimeTargetError {
            throw CLIError.usage(e.description)
        } catch {
            throw CLIError.classify(error)
        }
        if exportLP != nil || exportMPS != nil {
            let formulation = Formulation(model: result.cappedModel, objective: solve.objective, integerTools: mode == .mip)
            if let path = exportLP { try export(formulation.problem, to: path, format: .cplexLP) }
            if let path = exportMPS { try export(formulation.problem, to: path, format: .freeMPS) }
        }
        return result.report
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
        case .csv: try ReportOutput.writeCSV(PlanTables.all(report), to: output.path, inputs: [model])
        case .html: try write(PlanHTML.page(report))
        case .xlsx: try OutputWriter.write(try XLSXWorkbook.data(PlanTables.all(report)), to: output.path)
        }
    }

    private func emit(_ result: StochasticReport, model: LineModel) throws {
        switch format {
        case .table: try write(StochasticRendering.table(result))
        case .json: try write(ReportJSON.encode(result))
        case .csv: try ReportOutput.writeCSV(WhatIfTables.stochastic(result), to: output.path, inputs: [self.model])
        case .html: try write(StochasticHTML.page(result, model: model.name, currency: model.currency))
        case .xlsx: try OutputWriter.write(try XLSXWorkbook.data(WhatIfTables.stochastic(result)), to: output.path)
        }
    }

    private func write(_ text: String) throws {
        try OutputWriter.write(text, to: output.path)
    }
}
