/// How to solve a `LinearProblem`. Defaults suit planning LPs: dual-then-primal simplex, scaling, no presolve
/// (keeps a basis for warm starts and ranges), MIP gap 1e-4 with cuts and heuristics, duals of MIPs from the
/// LP with integers fixed.
public struct SolverOptions: Sendable {
    /// GLPK's LP algorithms. On capacity LPs GLPK's primal and dual simplex can differ by 6x either way;
    /// after a right-hand-side change from a warm basis, the dual simplex is the right choice.
    public enum LPMethod: String, Sendable, Hashable, Codable {
        /// Primal simplex (`GLP_PRIMAL`): usually the faster cold start.
        case primalSimplex
        /// Dual simplex (`GLP_DUAL`): re-solves after rhs/bound changes from a warm basis.
        case dualSimplex
        /// Dual simplex, switching to primal if it fails (`GLP_DUALP`).
        case dualThenPrimal
        /// Interior point (`glp_interior`): no basis, no ranges, no time limit; LPs only.
        case interiorPoint
    }
    /// Branch-and-cut: which fractional variable to branch on.
    public enum Branching: String, Sendable, Hashable, Codable {
        /// GLPK's default: Driebeck and Tomlin's heuristic.
        case driebeckTomlin
        case firstFractional, lastFractional, mostFractional
        /// Hybrid pseudocost branching: learns which variables move the bound. On capacity MIPs with many
        /// general-integer tool counts it reached a 0.02 % gap 10-30x faster than the default (Benchmarks/RESULTS.md).
        case pseudocost
    }
    /// Branch-and-cut: which open node to explore next.
    public enum Backtracking: String, Sendable, Hashable, Codable {
        case depthFirst, breadthFirst
        /// GLPK's default: the node with the best local bound.
        case bestLocalBound
        /// Best projection: balances bound and integer infeasibility; finds good incumbents early.
        case bestProjection
    }

    /// LP algorithm (for MIPs: the root LP and the fixed-integer re-solve).
    public var lpMethod: LPMethod = .dualThenPrimal
    /// Presolve. Off keeps a basis for warm starts and sensitivity.
    public var presolve: Bool = false
    /// Scale the problem (GLPK `GLP_SF_AUTO`) before solving.
    public var scaling: Bool = true
    /// Wall-clock limit, seconds. `nil` = none.
    public var timeLimitSeconds: Double? = nil
    /// Simplex iteration limit. `nil` = none.
    public var iterationLimit: Int? = nil
    /// Relative MIP gap at which branch-and-cut stops.
    public var mipGap: Double = 1e-4
    /// Enable GLPK's MIP cuts (MIR, Gomory, cover, clique).
    public var cuts: Bool = true
    /// Enable feasibility-pump and proximity-search heuristics.
    public var heuristics: Bool = true
    /// Branching rule for MIPs.
    public var branching: Branching = .driebeckTomlin
    /// Node-selection rule for MIPs.
    public var backtracking: Backtracking = .bestLocalBound
    /// Compute sensitivity ranges (LPs with an optimal basis only).
    public var computeSensitivity: Bool = false
    /// For MIPs: re-solve the LP with integers fixed to get duals.
    public var computeMIPDuals: Bool = true
    /// Echo GLPK's log to standard output (it is always captured in `Solution.log`).
    public var echoLog: Bool = false
    /// Called during branch-and-cut with progress; return `false` to cancel the solve.
    /// Runs on the solving thread, inside the solve; it must not call the solver.
    public var progress: (@Sendable (MIPProgress) -> Bool)? = nil
    /// Cap on GLPK's heap for this solve, in MiB (`glp_mem_limit`). GLPK treats exceeding it as a fatal error,
    /// which the guard turns into `SolverError.glpkFatal`: a model too big for the host fails instead of
    /// exhausting memory. `nil` = no cap.
    public var memoryLimitMegabytes: Int? = nil
    /// Capture GLPK's progress messages in `Solution.log` (default). `false`: GLPK prints only warnings and
    /// errors (`GLP_MSG_ERR`), which saves formatting them on small, frequent re-solves (what-if sweeps); a
    /// trapped fatal error's message is captured either way.
    public var captureLog: Bool = true
    /// Minimum seconds between two progress reports at node selection (new incumbents are always reported).
    public var progressIntervalSeconds: Double = 0.5

    public init() {}
}

extension SolverOptions {
    /// Throws `SolverError.invalidOption` naming the first bad option (GLPK aborts on invalid parameters).
    public func validate() throws {
        if let t = timeLimitSeconds, !(t >= 0) || t.isNaN {
            throw SolverError.invalidOption("timeLimitSeconds must be ≥ 0 seconds, got \(t)")
        }
        if let i = iterationLimit, i < 0 {
            throw SolverError.invalidOption("iterationLimit must be ≥ 0, got \(i)")
        }
        if !(mipGap >= 0) || !mipGap.isFinite {
            throw SolverError.invalidOption("mipGap must be a finite relative gap ≥ 0, got \(mipGap)")
        }
        if let mb = memoryLimitMegabytes, mb < 1 || mb > Int(Int32.max) {
            throw SolverError.invalidOption("memoryLimitMegabytes must be between 1 and \(Int32.max) MiB, got \(mb)")
        }
        if !(progressIntervalSeconds >= 0) || !progressIntervalSeconds.isFinite {
            throw SolverError.invalidOption("progressIntervalSeconds must be finite and ≥ 0, got \(progressIntervalSeconds)")
        }
    }
}
