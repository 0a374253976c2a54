import CGLPK
import CGLPKGuard

/// Errors of the solver layer. Every case names what is wrong and where.
public enum SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem failed validation before reaching GLPK. One message per issue, naming the row or column.
    case invalidProblem([String])
    /// GLPK hit a fatal error (trapped, not aborted). The message is GLPK's own last lines. All GLPK state of
    /// the calling thread was freed; the next solve on any thread works normally.
    case glpkFatal(String)
    /// An option or argument is invalid (or the solver was called from inside its own progress callback).
    case invalidOption(String)
    /// A file could not be read or written.
    case io(String)

    public var description: String {
        switch self {
        case .invalidProblem(let issues): return "invalid problem:\n" + issues.map { "  - " + $0 }.joined(separator: "\n")
        case .glpkFatal(let m): return "GLPK fatal error (trapped): \(m)"
        case .invalidOption(let m): return "invalid solver option: \(m)"
        case .io(let m): return m
        }
    }
}

/// Solves `LinearProblem`s with GLPK, in-process and safely.
///
/// A GLPK problem object exists only inside one synchronous call: it is created, solved, read and deleted on
/// the calling thread, so it can never cross threads. Independent solves may run on different threads at once.
/// GLPK's fatal errors are trapped in C and thrown as `SolverError.glpkFatal`; they never abort the process.
public enum GLPKSolver {
    /// Solves `problem`. Throws `SolverError` for invalid input or a trapped GLPK fatal error; solver
    /// outcomes (infeasible, time limit, ...) are reported in the returned `Solution`.
    ///
    /// - Parameters:
    ///   - problem: the LP or MIP; it is validated first (`LinearProblem.validate()`).
    ///   - options: method, limits, tolerances and what to compute besides the primal solution.
    ///   - warmStart: a basis from an earlier solve of a problem with the same rows and columns (for
    ///     example `Solution.basis`). It is used when it fits and GLPK accepts it (`Solution.warmStartUsed`);
    ///     otherwise the solve starts from an advanced basis. A warm start turns presolve off.
    public static func solve(_ problem: LinearProblem, options: SolverOptions = SolverOptions(), warmStart: Basis? = nil) throws -> Solution {
        try problem.validate()
        try options.validate()
        let flat = FlatProblem(problem)
        let m = problem.rows.count, n = problem.columns.count
        let basis = warmStart.flatMap { $0.rows.count == m && $0.columns.count == n ? $0 : nil }
        let warmRows = basis?.rows.map { Int32($0.rawValue) } ?? []
        let warmColumns = basis?.columns.map { Int32($0.rawValue) } ?? []

        var output = SolveOutput(rows: m, columns: n, sensitivity: options.computeSensitivity)
        let box = options.progress.map { fn in ProgressBox { fn($0) } }
        var params = cParams(options)

        var result = cglpk_result()
        let rc: Int32 = withExtendedLifetime(box) {
            flat.withCProblem { cProblem in
                warmRows.withUnsafeBufferPointer { wr in
                    warmColumns.withUnsafeBufferPointer { wc in
                        params.warm_row_stat = basis == nil ? nil : wr.baseAddress
                        params.warm_col_stat = basis == nil ? nil : wc.baseAddress
                        if let box {
                            params.progress = ProgressBox.entry
                            params.progress_context = Unmanaged.passUnretained(box).toOpaque()
                        }
                        return output.withResultArrays(&result) { cglpk_solve(cProblem, &params, $0) }
                    }
                }
            }
        }
        return try finish(rc: rc, result: result, output: output, problem: problem)
    }

    /// The C parameter block for `options` (no warm start, no progress callback: the caller adds those).
    static func cParams(_ options: SolverOptions) -> cglpk_params {
        var params = cglpk_params()
        params.method = options.lpMethod.cCode
        params.presolve = options.presolve ? 1 : 0
        params.scaling = options.scaling ? 1 : 0
        params.time_limit_ms = options.timeLimitSeconds.map { Int32(min($0 * 1000, Double(Int32.max - 1)).rounded(.up)) } ?? -1
        params.iteration_limit = options.iterationLimit.map { Int32(clamping: $0) } ?? -1
        params.mip_gap = options.mipGap
        params.cuts = options.cuts ? 1 : 0
        params.heuristics = options.heuristics ? 1 : 0
        params.branching = options.branching.glpkCode
        params.backtracking = options.backtracking.glpkCode
        params.sensitivity = options.computeSensitivity ? 1 : 0
        params.mip_duals = options.computeMIPDuals ? 1 : 0
        params.echo_log = options.echoLog ? 1 : 0
        params.progress_interval_seconds = options.progressIntervalSeconds
        params.memory_limit_mb = options.memoryLimitMegabytes.map { Int32($0) } ?? 0
        params.quiet = options.captureLog ? 0 : 1
        return params
    }

    /// Frees the C log and turns the guard's return code and result into a `Solution` or a thrown error.
    static func finish(rc: Int32, result: cglpk_result, output: SolveOutput, problem: LinearProblem) throws -> Solution {
        let log = result.log.map { String(cString: $0) } ?? ""
        cglpk_free(result.log)
        switch rc {
        case CGLPK_OK: break
        case CGLPK_REENTRANT:
            throw SolverError.invalidOption("GLPKSolver was called from inside a progress callback of a solve on the same thread")
        default:
            throw SolverError.glpkFatal(stringFromCBuffer(result.message))
        }
        return output.solution(from: result, problem: problem, log: log, warmStartUsed: result.warm_start_used != 0)
    }
}

extension SolverOptions.LPMethod {
    var cCode: Int32 {
        switch self {
        case .primalSimplex: return CGLPK_PRIMAL
        case .dualSimplex: return CGLPK_DUAL
        case .dualThenPrimal: return CGLPK_DUALP
        case .interiorPoint: return CGLPK_INTERIOR
        }
    }
}

extension SolverOptions.Branching {
    var glpkCode: Int32 {
        switch self {
        case .driebeckTomlin: return GLP_BR_DTH
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .pseudocost: return GLP_BR_PCH
        }
    }
}

extension SolverOptions.Backtracking {
    var glpkCode: Int32 {
        switch self {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }
}
