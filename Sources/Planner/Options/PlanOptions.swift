import LinearSolver

/// What the capacity plan optimizes.
public enum PlanObjective: String, Sendable, Hashable, Codable, CaseIterable {
    /// Revenue minus wafer, die, material, operating and capital costs, minus the unmet-demand penalty (default).
    case maxProfit = "max-profit"
    /// Least total cost (wafers, dies, material, operation, capital, holding) that meets all demand.
    case minCost = "min-cost"
    /// Most good units shipped (up to demand); ties broken by least cost.
    case maxOutput = "max-output"
}

/// How much of a `PlanReport` is built from the solution.
public enum PlanReportDetail: String, Sendable, Hashable, Codable {
    /// Everything: financials, stations and bottlenecks, purchases, product periods with what limits them, dies,
    /// fab, sensitivity ranges (when computed).
    case full
    /// Financials, stations and bottlenecks, purchases and sensitivity (when computed); no product-period rows,
    /// dies or fab (`PlanKeyFigures` needs none of them).
    case keyFigures
}

/// Options of one capacity-planning run.
public struct PlanOptions: Sendable {
    public var objective: PlanObjective = .maxProfit
    /// Starts held at a fixed product mix (formulation family C10); `nil` = a free mix.
    public var fixedMix: FixedMix? = nil
    /// `true`: tool purchases are integers (MIP). `false`: continuous tool purchases (LP), faster and with
    /// exact sensitivity ranges.
    public var integerTools: Bool = true
    /// Wall-clock limit of the run, seconds: formulation, solve, tie-break, report and explanation together
    /// (`CapacityPlanner.optimize` starts a `PlanDeadline` from it unless `deadline` is set).
    public var timeLimitSeconds: Double? = 60
    /// The moment the whole run must end by, shared by every step (and by every plan of a compare or sweep that
    /// sets it); `nil` = a deadline of `timeLimitSeconds` from the start of `CapacityPlanner.optimize`.
    public var deadline: PlanDeadline? = nil
    /// Refuse a model whose estimated run memory (`FormulationSize.estimatedBytes`) passes this many bytes, before
    /// anything is built (4 GiB: a 10-site, 60-station, 400-product, 20-quarter model needs about 0.7 GiB).
    /// `nil` = no bound.
    public var memoryLimitBytes: Int? = 4 << 30
    /// Relative MIP gap at which branch-and-cut stops: 1e-6 (on the flagship, 57 k USD of a 56.6 B profit).
    /// With `absoluteGapTarget`, whichever is reached first; the time limit is the fallback (Plan/OptimalityTarget.swift).
    public var mipGap: Double = 1e-6
    /// Absolute gap at which branch-and-cut stops, objective units; by default the cheapest tool's price.
    public var absoluteGapTarget: AbsoluteGapTarget = .cheapestToolPrice
    /// Progress of branch-and-cut; return `false` to cancel.
    public var progress: (@Sendable (MIPProgress) -> Bool)? = nil
    /// Start the LP from this basis (what-if re-solves of a model with the same shape).
    public var warmStart: Basis? = nil
    /// Compute sensitivity ranges (`PlanReport.sensitivity`). What-if sweeps, which report no ranges, turn it
    /// off: ranging every row and column costs more than a warm-started re-solve.
    public var computeSensitivity: Bool = true
    /// How much of the report to build. What-if sweeps, which keep only key figures, use `.keyFigures`.
    public var reportDetail: PlanReportDetail = .full

    public init(objective: PlanObjective = .maxProfit, integerTools: Bool = true) {
        self.objective = objective
        self.integerTools = integerTools
    }
}

extension SolverOptions {
    /// The planner's branch-and-cut settings. Measured on the flagship (Benchmarks/RESULTS.md): MIP presolve +
    /// cuts + pseudocost branching + best-projection backtracking reach a 0.05 % gap in ~0.1 s where GLPK's
    /// defaults need > 60 s; the feasibility pump and proximity search cost seconds and found nothing better.
    /// `presolve` is off for warm starts (a basis needs the unpresolved problem).
    mutating func usePlannerMIPSettings(presolve: Bool = true) {
        self.presolve = presolve
        cuts = true
        heuristics = false
        branching = .pseudocost
        backtracking = .bestProjection
    }
}
