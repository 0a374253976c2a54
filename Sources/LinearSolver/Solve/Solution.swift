/// Why the solver stopped. Kept apart from *what solution exists* (`SolutionStatus`): a time limit with an
/// incumbent is not the same as "no solution".
public enum TerminationReason: String, Sendable, Hashable, Codable {
    /// Proven optimal (LP: primal and dual feasible basis; MIP: search tree exhausted).
    case optimal
    /// Proven to have no feasible solution (for a MIP: no integer-feasible one).
    case infeasible
    /// Feasible, and the objective improves without limit.
    case unbounded
    /// GLPK's presolver (or the interior-point method, or an unbounded MIP relaxation) proved "infeasible or
    /// unbounded" without telling which. Re-solve with presolve off to find out.
    case infeasibleOrUnbounded
    /// `SolverOptions.timeLimitSeconds` reached; see `primalStatus` for an incumbent.
    case timeLimit
    /// `SolverOptions.iterationLimit` reached.
    case iterationLimit
    /// The MIP stopped because the relative gap fell below the requested `mipGap`: the incumbent is within
    /// `mipGap` of optimal. Treat as success.
    case gapLimit
    /// GLPK gave up (singular or ill-conditioned basis, no convergence, ...). The log says more.
    case numericalFailure
    /// The progress callback returned `false`.
    case cancelled
}

/// Whether a (primal or dual) solution is available and what it is worth.
public enum SolutionStatus: String, Sendable, Hashable, Codable {
    /// No point is available.
    case none
    /// A feasible point, not proven optimal (for example a MIP incumbent at a time limit).
    case feasible
    /// A feasible point proven optimal.
    case optimal
    /// GLPK holds a point, but it violates the constraints (values are not exposed).
    case infeasible
}

/// Simplex basis statuses, to warm-start the solve of a modified problem with the same rows and columns.
public struct Basis: Sendable, Hashable, Codable {
    /// GLPK's status of one row (its slack) or column: `GLP_BS`, `GLP_NL`, `GLP_NU`, `GLP_NF`, `GLP_NS`.
    public enum Status: Int8, Sendable, Hashable, Codable {
        case basic = 1, atLower = 2, atUpper = 3, free = 4, fixed = 5
    }
    /// One status per row, in row order.
    public var rows: [Status]
    /// One status per column, in column order.
    public var columns: [Status]
    public init(rows: [Status], columns: [Status]) { self.rows = rows; self.columns = columns }
}

/// Sensitivity ranges of an optimal simplex LP solution (not available for interior-point or MIP solves):
/// how far each row's right-hand side and each column's objective coefficient can move with the optimal
/// basis unchanged. Infinite ends are `±.infinity`.
public struct Sensitivity: Sendable, Hashable {
    /// A closed interval `[lower, upper]`, ends possibly infinite.
    public struct Range: Sendable, Hashable, Codable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }
    }
    /// Per row: for a row at a bound (non-basic), the range of that bound's value (its rhs) over which the
    /// current basis stays optimal (GLPK `glp_analyze_bound`); the duals stay valid inside it.
    /// For an inactive (basic) row, the range its bound can move without becoming active: `[activity, +∞)` for a
    /// `≤` row, `(−∞, activity]` for a `≥` row, `[activity, activity]` for a ranged or equality row, and
    /// `(−∞, +∞)` for a free row.
    public var rowRHS: [Range]
    /// Per column: range of the objective coefficient over which the current solution stays optimal
    /// (`glp_analyze_coef` for basic columns; for a column at a bound, the coefficient may move by its
    /// reduced cost in the direction that keeps it there; a fixed column: `(−∞, +∞)`).
    public var columnCost: [Range]
    public init(rowRHS: [Range], columnCost: [Range]) { self.rowRHS = rowRHS; self.columnCost = columnCost }
}

/// Branch-and-cut progress, delivered to `SolverOptions.progress`.
public struct MIPProgress: Sendable, Hashable {
    /// Best integer objective found, if any.
    public var incumbent: Double?
    /// Best bound on the optimum.
    public var bestBound: Double?
    /// Relative gap |incumbent − bound| / (|incumbent| + ε), if both exist.
    public var gap: Double?
    /// Active (unexplored) nodes of the search tree.
    public var activeNodes: Int
    /// Nodes created so far.
    public var totalNodes: Int
    /// Seconds since the solve started.
    public var elapsedSeconds: Double
    public init(incumbent: Double?, bestBound: Double?, gap: Double?, activeNodes: Int, totalNodes: Int, elapsedSeconds: Double) {
        self.incumbent = incumbent; self.bestBound = bestBound; self.gap = gap
        self.activeNodes = activeNodes; self.totalNodes = totalNodes; self.elapsedSeconds = elapsedSeconds
    }
}

/// The result of one solve.
public struct Solution: Sendable {
    /// Why the solver stopped.
    public var termination: TerminationReason
    /// What the primal point is worth; values are filled only when `.optimal` or `.feasible`.
    public var primalStatus: SolutionStatus
    /// What the duals are worth; `rowDuals`/`reducedCosts` are filled only when `.optimal` or `.feasible`.
    public var dualStatus: SolutionStatus
    /// Objective value including the constant; `nil` without a primal solution.
    public var objective: Double?
    /// Column values (empty without a primal solution).
    public var columnValues: [Double]
    /// Row activities A x.
    public var rowActivities: [Double]
    /// Row duals (shadow prices: objective change per unit increase of the row's active bound).
    /// For a MIP: the duals of the LP with the integer columns fixed at their values. Empty if unavailable.
    public var rowDuals: [Double]
    /// Column reduced costs (same convention as `rowDuals`). Empty if unavailable.
    public var reducedCosts: [Double]
    /// Final basis for warm starts (simplex LPs, and the fixed LP of a MIP).
    public var basis: Basis?
    /// Sensitivity ranges, if requested and available.
    public var sensitivity: Sensitivity?
    /// For a MIP: best bound and relative gap at the end.
    public var mipBestBound: Double?
    public var mipGap: Double?
    /// Simplex iterations GLPK counted: of the LP, or for a MIP of all LPs of the branch-and-cut.
    public var iterations: Int
    /// Wall-clock seconds of the whole call into GLPK (build, solve, extract).
    public var solveSeconds: Double
    /// GLPK's log of this solve.
    public var log: String
    /// True when the `warmStart` basis passed to the solve was accepted and used.
    public var warmStartUsed: Bool = false

    public init(termination: TerminationReason, primalStatus: SolutionStatus, dualStatus: SolutionStatus = .none,
                objective: Double? = nil, columnValues: [Double] = [], rowActivities: [Double] = [],
                rowDuals: [Double] = [], reducedCosts: [Double] = [], basis: Basis? = nil,
                sensitivity: Sensitivity? = nil, mipBestBound: Double? = nil, mipGap: Double? = nil,
                iterations: Int = 0, solveSeconds: Double = 0, log: String = "") {
        self.termination = termination; self.primalStatus = primalStatus; self.dualStatus = dualStatus
        self.objective = objective; self.columnValues = columnValues; self.rowActivities = rowActivities
        self.rowDuals = rowDuals; self.reducedCosts = reducedCosts; self.basis = basis
        self.sensitivity = sensitivity; self.mipBestBound = mipBestBound; self.mipGap = mipGap
        self.iterations = iterations; self.solveSeconds = solveSeconds; self.log = log
    }

    /// True when a primal solution (optimal or feasible) exists.
    public var hasPrimal: Bool { primalStatus == .optimal || primalStatus == .feasible }
}
