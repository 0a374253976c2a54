/// How to solve a `LinearProblem`.
public struct SolverOptions: Sendable {
    public enum LPMethod: String, Sendable, Hashable, Codable { case primalSimplex, dualSimplex, dualThenPrimal, interiorPoint }

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
