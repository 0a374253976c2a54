import Foundation
import LineModel
import LinearSolver

/// Errors of a planning run that are not solver outcomes (those are in `PlanReport.status`).
public enum PlanError: Error, Sendable, CustomStringConvertible {
    /// The solver layer refused the problem or trapped a GLPK fatal error.
    case solver(SolverError)
    /// The model's formulation would need more memory than `PlanOptions.memoryLimitBytes` (refused before
    /// anything was built).
    case tooLarge(FormulationSize, limitBytes: Int)

    public var description: String {
        switch self {
        case .solver(let e): return "solver error: \(e)"
        case .tooLarge(let size, let limit):
            return "model too large to plan: its formulation has \(size); the memory limit is "
                + "\(FormulationSize.megabytes(limit)) MiB (fewer periods, stations or products, or a higher limit)"
        }
    }
}

/// Turns a line model into the best capacity plan, and explains it.
///
///     let model = try LineModelLoader.load(path: "Models/vietnam-2030.yaml")
///     let plan = try CapacityPlanner.optimize(model)
///     print(plan.financials?.profit ?? 0, plan.bottlenecks.first?.station ?? "-")
///
/// A run is a pipeline of named steps: check size → formulate → solver options → solve → max-output tie-break →
/// report → explain infeasibility. One `PlanDeadline` bounds them all: each step after the formulation gets only
/// the time left, and the solve keeps back what the report will need.
public enum CapacityPlanner {
    /// Builds the LP/MIP of `model`, solves it with GLPK and returns the plan with its report.
    /// Infeasible plans come back with `status == .infeasible` and an `infeasibility` explanation; a run that
    /// reaches its deadline comes back with the best plan found (`.feasible`) or `.noSolution`.
    /// - Throws: `LineModelError` when the model breaks a rule of the loader (key paths say where),
    ///   `PlanError.tooLarge` before building anything when the model needs more than `memoryLimitBytes`,
    ///   `PlanError` when the solver fails.
    public static func optimize(_ model: LineModel, options: PlanOptions = PlanOptions()) throws -> PlanReport {
        try model.validate()  // models built in code pass the loader's rules (LineModelValidator)
        var options = options
        if options.deadline == nil { options.deadline = options.timeLimitSeconds.map { PlanDeadline(secondsFromNow: $0) } }
        try checkSize(model, options: options)
        let formulation = formulate(model, options: options)
        if let deadline = options.deadline, deadline.hasPassed { return outOfTime(formulation) }
        return try solveValidated(formulation, options: options, session: nil).report
    }

    /// Step 0: refuse a model whose run would pass `options.memoryLimitBytes`.
    public static func checkSize(_ model: LineModel, options: PlanOptions) throws {
        let size = FormulationSize(model: model, integerTools: options.integerTools)
        if let limit = options.memoryLimitBytes, size.estimatedBytes > limit { throw PlanError.tooLarge(size, limitBytes: limit) }
    }

    /// The report of a run whose deadline passed before the solve could start.
    static func outOfTime(_ formulation: Formulation) -> PlanReport {
        let model = formulation.model
        return PlanReport(status: .noSolution, termination: .timeLimit, objective: nil, objectiveKind: formulation.objective,
                          mode: formulation.problem.isMIP ? "mip" : "lp", mipGap: nil, solveSeconds: 0, modelName: model.name,
                          currency: model.currency, periods: model.periods.map(\.id), shadowPriceUnit: "")
    }

    /// Step 1: the formulation of `model` for `options` (objective, integer tools).
    public static func formulate(_ model: LineModel, options: PlanOptions) -> Formulation {
        Formulation(model: model, objective: options.objective, integerTools: options.integerTools, fixedMix: options.fixedMix)
    }

    /// Solves an already built formulation (used by what-if sweeps that patch right-hand sides).
    public static func solve(_ formulation: Formulation, options: PlanOptions) throws -> PlanReport {
        try solveKeepingBasis(formulation, options: options).report
    }

    /// Solves an already built formulation and also returns the final simplex basis (to warm-start what-if
    /// re-solves of problems with the same rows and columns) and whether `options.warmStart` was used.
    public static func solveKeepingBasis(_ formulation: Formulation, options: PlanOptions) throws
        -> (report: PlanReport, basis: Basis?, warmStartUsed: Bool)
    {
        try solveKeepingBasis(formulation, options: options, session: nil)
    }

    /// As `solveKeepingBasis(_:options:)`, but the main LP solve goes through `session` when given: a GLPK
    /// problem kept on the calling thread and patched with what changed since the session's previous solve
    /// (what-if sweeps; see `GLPKResolveSession`). Same results as a separate solve; `nil` = a one-shot solve.
    public static func solveKeepingBasis(_ formulation: Formulation, options: PlanOptions, session: GLPKResolveSession?) throws
        -> (report: PlanReport, basis: Basis?, warmStartUsed: Bool)
    {
        try formulation.model.validate()  // a formulation built in code from an unchecked model
        return try solveValidated(formulation, options: options, session: session)
    }

    /// The solve steps for a formulation whose model has passed `LineModel.validate()` already (by `optimize`,
    /// or by the loader for the models a sweep builds), so the check is not run twice.
    static func solveValidated(_ formulation: Formulation, options: PlanOptions, session: GLPKResolveSession?) throws
        -> (report: PlanReport, basis: Basis?, warmStartUsed: Bool)
    {
        // Too little time left even to load the problem into GLPK and read the answer back: no plan, at once,
        // rather than a GLPK call that cannot stop in time (its setup does not watch the clock).
        if let deadline = options.deadline, deadline.remainingSeconds < 2 * reserveSeconds(formulation) {
            return (outOfTime(formulation), nil, false)
        }
        var solverOptions = self.solverOptions(for: formulation, options: options)
        // Optimality target, progress in model units (Plan/OptimalityTarget.swift).
        let absoluteTarget = formulation.problem.isMIP
            ? options.absoluteGapTarget.resolved(for: formulation.model, objective: formulation.objective) : nil
        let objectiveScale = formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money
        let watch = OptimalityWatch(scale: objectiveScale, absoluteTarget: absoluteTarget, user: options.progress)
        watch.install(into: &solverOptions)
        var solution = try solveMain(formulation, solverOptions, warmStart: options.warmStart, session: session)
        watch.settle(&solution)
        let values = tieBreakMaxOutput(formulation, solution, solverOptions, deadline: options.deadline)
        var report = PlanReportBuilder(formulation: formulation, solution: solution, values: values,
                                       integerTools: formulation.problem.isMIP, detail: options.reportDetail).build()
        // The proof behind the plan (Plan/PlanQuality.swift) and ranged/exact values of more capacity
        // (Plan/ToolValue.swift; its re-solves are skipped once the run's deadline has passed).
        report.quality = PlanQuality(solution: solution, isMIP: formulation.problem.isMIP,
                                     maximize: formulation.problem.sense == .maximize, scale: objectiveScale,
                                     absoluteTarget: absoluteTarget, relativeTarget: options.mipGap)
        if options.reportDetail == .full, !(options.deadline?.hasPassed ?? false) { ToolValue.apply(to: &report, formulation: formulation, solution: solution) }
        report.cycleTime = CycleTimeEstimator.estimate(model: formulation.model, plan: report)
        try explainInfeasibility(&report, formulation, deadline: options.deadline)
        return (report, solution.basis, solution.warmStartUsed)
    }

    /// Rows up to which the solve computes sensitivity ranges and MIP duals. GLPK ranges every row and column
    /// with a tableau row each (O(rows²) work), and the MIP duals re-solve the fixed LP with no time limit inside
    /// GLPK; neither watches the deadline, so larger plans come without ranges, and MIP plans without shadow
    /// prices. 20,000 is a chosen bound (100x the flagship's rows), not a measured break-even.
    public static let rangingRowLimit = 20_000

    /// Seconds the steps around GLPK's own clock may need, kept back from the solver's time limit: loading the
    /// problem into GLPK (scaling, the starting basis), reading the solution back and building the report: 0.1 s
    /// plus 5 µs per row, column and nonzero (measured on the 600-period, 632,000-column model: 7 s outside
    /// GLPK's clock for 3.5 M rows + columns + nonzeros, 2 µs each, on the loaded 2-core machine).
    static func reserveSeconds(_ formulation: Formulation) -> Double {
        let p = formulation.problem
        return 0.1 + 5e-6 * Double(p.rows.count + p.columns.count + p.entries.count)
    }

    /// Share of the time left that GLPK's `tm_lim` is given: GLPK checks its clock only between simplex
    /// iterations and branch-and-cut nodes, and was measured ending up to 40 % past a 1 s limit on a 4,900-column
    /// MIP (presolve, cuts and the fixed-LP re-solve of the duals run between checks).
    static let solverShareOfTimeLeft = 0.7

    /// Step 2: GLPK settings for this problem.
    /// Measured (Benchmarks/results/planner.md): on capacity LPs GLPK's primal simplex is ~10x faster than its
    /// dual from a cold start; a warm start after a right-hand-side change stays dual feasible, so the dual
    /// simplex finishes it in few iterations.
    public static func solverOptions(for formulation: Formulation, options: PlanOptions) -> SolverOptions {
        var o = SolverOptions()
        o.timeLimitSeconds = options.deadline.map {
            solverShareOfTimeLeft * $0.solverSeconds(reserving: reserveSeconds(formulation), cap: options.timeLimitSeconds)
        } ?? options.timeLimitSeconds
        o.mipGap = options.mipGap
        o.progress = options.progress
        let small = formulation.problem.rows.count <= rangingRowLimit
        o.computeSensitivity = options.computeSensitivity && small
        o.computeMIPDuals = small
        o.memoryLimitMegabytes = options.memoryLimitBytes.map { max(1, FormulationSize.megabytes($0)) }
        o.lpMethod = options.warmStart == nil ? .primalSimplex : .dualSimplex
        if formulation.problem.isMIP { o.usePlannerMIPSettings(presolve: options.warmStart == nil) }
        return o
    }

    /// Step 3: the main solve, through `session` when given.
    static func solveMain(_ formulation: Formulation, _ options: SolverOptions, warmStart: Basis?,
                          session: GLPKResolveSession?) throws -> Solution {
        do {
            guard let session else { return try GLPKSolver.solve(formulation.problem, options: options, warmStart: warmStart) }
            // Sweep re-solves: nothing reads GLPK's progress log, so GLPK prints only warnings and errors.
            var quiet = options
            quiet.captureLog = false
            return try session.solve(formulation.problem, options: quiet, warmStart: warmStart)
        } catch let e as SolverError {
            throw PlanError.solver(SolverFailureContext.annotate(e, problem: formulation.problem))
        }
    }

    /// Step 4: max-output ties are broken by least cost: fix output at its optimum and minimize cost. Returns
    /// the solution whose primal values the report shows (`solution` itself for the other objectives).
    static func tieBreakMaxOutput(_ formulation: Formulation, _ solution: Solution, _ options: SolverOptions,
                                  deadline: PlanDeadline?) -> Solution {
        guard formulation.objective == .maxOutput, solution.hasPrimal, let best = solution.objective else { return solution }
        if let deadline, deadline.remainingSeconds <= reserveSeconds(formulation) { return solution }
        var second = formulation.problem
        second.sense = .minimize
        for j in second.columns.indices { second.columns[j].objective = formulation.accounting.cost[j] }
        second.objectiveConstant = 0
        let floor = best - formulation.accounting.salesConstant - max(1e-7 * abs(best), 1e-9)
        let r = second.addRow(.init(name: "output[floor]", lower: floor))
        for (j, c) in formulation.accounting.sales.enumerated() where c != 0 { second.add(row: r, column: j, c) }
        var secondOptions = options
        secondOptions.computeSensitivity = false
        if let deadline { secondOptions.timeLimitSeconds = deadline.solverSeconds(reserving: reserveSeconds(formulation)) }
        var values = solution
        if let s2 = try? GLPKSolver.solve(second, options: secondOptions), s2.hasPrimal {
            values.columnValues = s2.columnValues
            values.rowActivities = Array(s2.rowActivities.prefix(formulation.problem.rows.count))
        }
        return values
    }

    /// Step 6: an infeasible plan gets the elastic re-solve's explanation (if time is left for it).
    static func explainInfeasibility(_ report: inout PlanReport, _ formulation: Formulation, deadline: PlanDeadline?) throws {
        guard report.status == .infeasible else { return }
        let seconds = deadline.map { $0.solverSeconds(reserving: reserveSeconds(formulation), cap: 60) } ?? 60
        if let deadline, deadline.remainingSeconds <= reserveSeconds(formulation) { return }
        report.infeasibility = try InfeasibilityExplainer.explain(formulation.model, timeLimitSeconds: seconds)
    }
}
