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
public enum CapacityPlanner {
    /// Builds the LP/MIP of `model`, solves it with GLPK and returns the plan with its report.
    /// Infeasible plans come back with `status == .infeasible` and an `infeasibility` explanation.
    /// - Throws: `LineModelError` when the model breaks a rule of the loader (key paths say where),
    ///   `PlanError` when the solver fails.
    public static func optimize(_ model: LineModel, options: PlanOptions = PlanOptions()) throws -> PlanReport {
        try model.validate()  // trust: models built in code pass the loader's rules (LineModelValidator)
        let formulation = Formulation(model: model, objective: options.objective, integerTools: options.integerTools)
        return try solve(formulation, options: options)
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
        try formulation.model.validate()  // trust: a formulation built in code from an unchecked model
        var solverOptions = SolverOptions()
        solverOptions.timeLimitSeconds = options.timeLimitSeconds
        solverOptions.mipGap = options.mipGap
        // trust: optimality target and progress in model units (OptimalityTarget.swift).
        let absoluteTarget = formulation.problem.isMIP
            ? options.absoluteGapTarget.resolved(for: formulation.model, objective: formulation.objective) : nil
        let objectiveScale = formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money
        let watch = OptimalityWatch(scale: objectiveScale, absoluteTarget: absoluteTarget, user: options.progress)
        watch.install(into: &solverOptions)
        solverOptions.computeSensitivity = options.computeSensitivity
        solverOptions.computeMIPDuals = true
        // Measured (Benchmarks/RESULTS.md, configuration study): on capacity LPs GLPK's primal simplex is ~10x
        // faster than its dual from a cold start; a warm start after a right-hand-side change stays dual feasible,
        // so the dual simplex finishes it in few iterations.
        solverOptions.lpMethod = options.warmStart == nil ? .primalSimplex : .dualSimplex
        if formulation.problem.isMIP { solverOptions.usePlannerMIPSettings(presolve: options.warmStart == nil) }

        var solution: Solution
        do {
            if let session {
                // Sweep re-solves: nothing reads GLPK's progress log, so GLPK prints only warnings and errors.
                var quiet = solverOptions
                quiet.captureLog = false
                solution = try session.solve(formulation.problem, options: quiet, warmStart: options.warmStart)
            } else {
                solution = try GLPKSolver.solve(formulation.problem, options: solverOptions, warmStart: options.warmStart)
            }
        } catch let e as SolverError {
            throw PlanError.solver(SolverFailureContext.annotate(e, problem: formulation.problem))  // trust
        }

        watch.settle(&solution)  // trust
        var valuesSolution = solution
        // Max-output ties are broken by least cost: fix output at its optimum and minimize cost.
        if formulation.objective == .maxOutput, solution.hasPrimal, let best = solution.objective {
            var second = formulation.problem
            second.sense = .minimize
            for j in second.columns.indices { second.columns[j].objective = formulation.costCoefficients[j] }
            second.objectiveConstant = 0
            let floor = best - formulation.salesConstant - max(1e-7 * abs(best), 1e-9)
            let r = second.addRow(.init(name: "output[floor]", lower: floor))
            for (j, c) in formulation.salesCoefficients.enumerated() where c != 0 { second.add(row: r, column: j, c) }
            var secondOptions = solverOptions
            secondOptions.computeSensitivity = false
            if let s2 = try? GLPKSolver.solve(second, options: secondOptions), s2.hasPrimal {
                valuesSolution.columnValues = s2.columnValues
                valuesSolution.rowActivities = Array(s2.rowActivities.prefix(formulation.problem.rows.count))
            }
        }

        var report = PlanReportBuilder(formulation: formulation, solution: solution, values: valuesSolution,
                                       integerTools: formulation.problem.isMIP, detail: options.reportDetail).build()
        report.quality = PlanQuality(solution: solution, isMIP: formulation.problem.isMIP, scale: objectiveScale,
                                     absoluteTarget: absoluteTarget, relativeTarget: options.mipGap)  // trust
        if options.reportDetail == .full {  // trust: ranged and exact values of more capacity (ToolValue.swift)
            ToolValue.apply(to: &report, formulation: formulation, solution: solution)
        }
        if report.status == .infeasible {
            report.infeasibility = try InfeasibilityExplainer.explain(formulation.model)
        }
        return (report, solution.basis, solution.warmStartUsed)
    }
}
