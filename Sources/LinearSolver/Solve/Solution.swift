/// Why the solver stopped. Kept apart from *what solution exists* (`SolutionStatus`): a time limit with an
/// incumbent is not the same as "no solution".
public enum TerminationReason: String, Sendable, Hashable, Codable {
    case optimal
    case infeasible
    case unbounded
    /// GLPK's presolver proved "infeasible or unbounded" without telling which.
    case infeasibleOrUnbounded
    case timeLimit
    case iterationLimit
    /// The MIP stopped because the relative gap fell below the requested `mipGap`.
    case gapLimit
    case numericalFailure
    case cancelled
}

/// Whether a (primal or dual) solution is available and what it is worth.
public enum SolutionStatus: String, Sendable, Hashable, Codable {
    case none, feasible, optimal, infeasible
}

/// Simplex basis statuses, to warm-start the solve of a modified problem.
public struct Basis: Sendable, Hashable, Codable {
    public enum Status: Int8, Sendable, Hashable, Codable {
        case basic = 1, atLower = 2, atUpper = 3, free = 4, fixed = 5
    }
    public var rows: [Status]
    public var columns: [Status]
    public init(rows: [Status], columns: [Status]) { self.rows = rows; self.columns = columns }
}

/// Range over which a row's bound (its right-hand side) can move with the basis staying optimal,
/// and the objective-coefficient range of each column over which the solution stays optimal.
public struct Sensitivity: Sendable, Hashable {
    public struct Range: Sendable, Hashable, Codable {
        public var lower: Double
        public var upper: Double
        public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }
    }
    /// Per row: range of the active bound value (rhs) keeping the basis optimal. For a basic (slack) row,
    /// the range of values the bound can take without becoming active.
    public var rowRHS: [Range]
    /// Per column: range of the objective coefficient keeping the current solution optimal.
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
    /// Active nodes and nodes created so far.
    public var activeNodes: Int
    public var totalNodes: Int
    public var elapsedSeconds: Double
    public init(incumbent: Double?, bestBound: Double?, gap: Double?, activeNodes: Int, totalNodes: Int, elapsedSeconds: Double) {
        self.incumbent = incumbent; self.bestBound = bestBound; self.gap = gap
        self.activeNodes = activeNodes; self.totalNodes = totalNodes; self.elapsedSeconds = elapsedSeconds
    }
}

/// The result of one solve.
public struct Solution: Sendable {
    public var termination: TerminationReason
    public var primalStatus: SolutionStatus
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
    /// Simplex iterations (LP) or of the root LP (MIP).
    public var iterations: Int
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
