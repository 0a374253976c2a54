import Foundation
import LineModel
import LinearSolver

/// Errors of a planning run that are not solver outcomes (those are in `PlanReport.status`).
public enum PlanError: Error, Sendable, CustomStringConvertible {
    /// The solver layer refused the problem or trapped a GLPK fatal error.
    case solver(SolverError)

    public var description: String {
        switch self {
        case .solver(let e): return "solver error: \(e)"
        }
    }
}

/// Turns a line model into the best capacity plan, and explains it.
///
///     let model = try LineModelLoader.load(path: "Models/vietnam-2030.yaml")
///     let plan = try CapacityPlanner.optimize(model)
///     print(plan.financials?.profit ?? 0, plan.bottlenecks.first?.station ?? "-")
///
/// A run is a pipeline of named steps: formulate → solver options → solve → max-output tie-break → report →
/// explain infeasibility.
public enum CapacityPlanner {
    /// Builds the LP/MIP of `model`, solves it with GLPK and returns the plan with its report.
    /// Infeasible plans come back with `status == .infeasible` and an `infeasibility` explanation.
    /// - Throws: `LineModelError` when the model breaks a rule of the loader (key paths say where),
    ///   `PlanError` when the solver fails.
    public static func optimize(_ model: LineModel, options: PlanOptions = PlanOptions()) throws -> PlanReport {
        try model.validate()  // models built in code pass the loader's rules (LineModelValidator)
        return try solve(formulate(model, options: options), options: options)
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
        var solverOptions = self.solverOptions(for: formulation, options: options)
        // trust: optimality target, progress in model units (Plan/OptimalityTarget.swift).
        let absoluteTarget = formulation.problem.isMIP
            ? options.absoluteGapTarget.resolved(for: formulation.model, objective: formulation.objective) : nil
        let objectiveScale = formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money
        let watch = OptimalityWatch(scale: objectiveScale, absoluteTarget: absoluteTarget, user: options.progress)
        watch.install(into: &solverOptions)
        var solution = try solveMain(formulation, solverOptions, warmStart: options.warmStart, session: session)
        watch.settle(&solution)  // trust
        let values = tieBreakMaxOutput(formulation, solution, solverOptions)
        var report = PlanReportBuilder(formulation: formulation, solution: solution, values: values,
                                       integerTools: formulation.problem.isMIP, detail: options.reportDetail).build()
        // trust: the proof behind the plan (Plan/PlanQuality.swift) and ranged/exact values of more capacity
        // (Plan/ToolValue.swift).
        report.quality = PlanQuality(solution: solution, isMIP: formulation.problem.isMIP,
                                     maximize: formulation.problem.sense == .maximize, scale: objectiveScale,
                                     absoluteTarget: absoluteTarget, relativeTarget: options.mipGap)
        if options.reportDetail == .full { ToolValue.apply(to: &report, formulation: formulation, solution: solution) }
        report.cycleTime = CycleTimeEstimator.estimate(model: formulation.model, plan: report)
        try explainInfeasibility(&report, formulation)
        return (report, solution.basis, solution.warmStartUsed)
    }

    /// Step 2: GLPK settings for this problem.
    /// Measured (Benchmarks/results/planner.md): on capacity LPs GLPK's primal simplex is ~10x faster than its
    /// dual from a cold start; a warm start after a right-hand-side change stays dual feasible, so the dual
    /// simplex finishes it in few iterations.
    static func solverOptions(for formulation: Formulation, options: PlanOptions) -> SolverOptions {
        var o = SolverOptions()
        o.timeLimitSeconds = options.timeLimitSeconds
        o.mipGap = options.mipGap
        o.progress = options.progress
        o.computeSensitivity = options.computeSensitivity
        o.computeMIPDuals = true
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
    static func tieBreakMaxOutput(_ formulation: Formulation, _ solution: Solution, _ options: SolverOptions) -> Solution {
        guard formulation.objective == .maxOutput, solution.hasPrimal, let best = solution.objective else { return solution }
        var second = formulation.problem
        second.sense = .minimize
        for j in second.columns.indices { second.columns[j].objective = formulation.accounting.cost[j] }
        second.objectiveConstant = 0
        let floor = best - formulation.accounting.salesConstant - max(1e-7 * abs(best), 1e-9)
        let r = second.addRow(.init(name: "output[floor]", lower: floor))
        for (j, c) in formulation.accounting.sales.enumerated() where c != 0 { second.add(row: r, column: j, c) }
        var secondOptions = options
        secondOptions.computeSensitivity = false
        var values = solution
        if let s2 = try? GLPKSolver.solve(second, options: secondOptions), s2.hasPrimal {
            values.columnValues = s2.columnValues
            values.rowActivities = Array(s2.rowActivities.prefix(formulation.problem.rows.count))
        }
        return values
    }

    /// Step 6: an infeasible plan gets the elastic re-solve's explanation.
    static func explainInfeasibility(_ report: inout PlanReport, _ formulation: Formulation) throws {
        guard report.status == .infeasible else { return }
        report.infeasibility = try InfeasibilityExplainer.explain(formulation.model)
    }
}
