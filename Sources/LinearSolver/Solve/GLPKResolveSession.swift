import CGLPK
import CGLPKGuard

/// Re-solves a series of LPs that share their rows and columns (what-if sweeps) with one GLPK problem kept
/// alive between solves: the first solve builds and scales it; each later solve sends only the row bounds,
/// column bounds, objective coefficients and matrix columns that changed since the previous solve, then
/// starts the simplex from the given basis.
///
///     let session = GLPKResolveSession()
///     for p in whatIfs { let s = try session.solve(p, options: o, warmStart: base.basis) }
///
/// Same answers as `GLPKSolver.solve(problem, options:, warmStart:)` (same start basis rule, same outcome
/// mapping); only the scaling factors are those of the first problem built, so values may differ in the last
/// digits. MIPs, the interior-point method and presolved cold solves are passed to `GLPKSolver.solve` unchanged.
///
/// **Thread rule.** The GLPK problem belongs to the thread of the session's first solve. The class is not
/// `Sendable`: create, use and drop it on one thread (for example inside one `concurrentPerform` worker).
/// Using it on another thread throws `SolverError.invalidOption` without touching GLPK. While a session holds a
/// problem, its thread's GLPK environment is kept between calls instead of being freed after each one.
///
/// **After a trapped GLPK fatal error** on the thread (in this session or any other guarded call there), the
/// thread's whole GLPK environment is freed, the kept problem with it. The C guard marks the handle stale
/// (per-thread generation counter, checked before every use), so the session never touches the freed memory:
/// the failing solve throws `SolverError.glpkFatal`, and the next solve rebuilds the problem from scratch.
public final class GLPKResolveSession {
    private var kept: OpaquePointer?
    private var keptScaling = true
    /// The problem the kept GLPK problem currently holds (validated), and its matrix by column.
    private var current: LinearProblem?
    private var currentMatrix: SortedColumns?
    /// Times the problem was built into GLPK (first solve, a structure change, after a trapped error).
    public private(set) var builds = 0
    /// Solves that patched the kept problem instead of building it.
    public private(set) var patchedSolves = 0
    /// Solves handed to `GLPKSolver.solve` (MIP, interior point, presolved cold start).
    public private(set) var oneShotSolves = 0

    /// An empty session; the first `solve` builds the GLPK problem on the calling thread.
    public init() {}

    deinit { cglpk_kept_free(kept) }

    /// Solves `problem`, reusing the kept GLPK problem when `problem` has the same structure as the previous
    /// one (row/column counts, names, kinds, matrix positions); otherwise builds it anew.
    ///
    /// - Parameters:
    ///   - problem: the LP or MIP to solve; validated as for `GLPKSolver.solve`.
    ///   - options: as for `GLPKSolver.solve`.
    ///   - warmStart: start basis, as for `GLPKSolver.solve`: used when it fits and GLPK accepts it
    ///     (`Solution.warmStartUsed`), otherwise an advanced basis. The basis left by the previous solve is
    ///     never reused implicitly, so a result does not depend on what was solved before.
    /// - Throws: `SolverError` as `GLPKSolver.solve`, and `.invalidOption` when called on another thread than
    ///   the one that built the kept problem.
    public func solve(_ problem: LinearProblem, options: SolverOptions = SolverOptions(), warmStart: Basis? = nil) throws -> Solution {
        try options.validate()
        let m = problem.rows.count, n = problem.columns.count
        let basis = warmStart.flatMap { $0.rows.count == m && $0.columns.count == n ? $0 : nil }
        if problem.isMIP || options.lpMethod == .interiorPoint || (options.presolve && basis == nil) {
            oneShotSolves += 1
            return try GLPKSolver.solve(problem, options: options, warmStart: warmStart)
        }
        var patch: ProblemPatch? = nil
        var newMatrix: SortedColumns? = nil
        switch cglpk_kept_check(kept) {
        case CGLPK_WRONG_THREAD:
            throw SolverError.invalidOption("a GLPKResolveSession was used on a thread other than the one that built its problem")
        case CGLPK_OK:
            if let current, let currentMatrix, keptScaling == options.scaling {
                guard let matrix = SortedColumns(problem) else { try problem.validate(); break }
                if let p = ProblemPatch(from: current, currentMatrix, to: problem, matrix) {
                    if !p.valuesValid { try problem.validate() }
                    patch = p
                    newMatrix = matrix
                }
            }
        default:
            break // none yet, or freed by a trapped fatal error on this thread: rebuild
        }
        if patch == nil { try build(problem, scaling: options.scaling) } else { patchedSolves += 1 }

        var output = SolveOutput(rows: m, columns: n, sensitivity: options.computeSensitivity)
        var params = GLPKSolver.cParams(options)
        let warmRows = basis?.rows.map { Int32($0.rawValue) } ?? []
        let warmColumns = basis?.columns.map { Int32($0.rawValue) } ?? []
        var result = cglpk_result()
        let kept = self.kept
        let rc: Int32 = warmRows.withUnsafeBufferPointer { wr in
            warmColumns.withUnsafeBufferPointer { wc in
                params.warm_row_stat = basis == nil ? nil : wr.baseAddress
                params.warm_col_stat = basis == nil ? nil : wc.baseAddress
                return output.withResultArrays(&result) { res in
                    if let patch { return patch.withCPatch { cglpk_kept_solve(kept, $0, &params, res) } }
                    return cglpk_kept_solve(kept, nil, &params, res)
                }
            }
        }
        if rc == CGLPK_OK {
            if patch != nil { current = problem; currentMatrix = newMatrix }
        } else {
            // The kept problem is gone (trapped error) or was refused: rebuild on the next solve.
            current = nil
            currentMatrix = nil
        }
        if rc == CGLPK_WRONG_THREAD {
            throw SolverError.invalidOption("a GLPKResolveSession was used on a thread other than the one that built its problem")
        }
        if rc == CGLPK_STALE { throw SolverError.glpkFatal(stringFromCBuffer(result.message)) }
        return try GLPKSolver.finish(rc: rc, result: result, output: output, problem: problem)
    }

    /// Builds the kept GLPK problem from `problem` now (validated in full), scaled if `scaling`, replacing any
    /// kept one. Optional: the first `solve` builds from its own problem otherwise.
    ///
    /// What a later solve computes depends only on its problem, its start basis and the problem the kept one
    /// was built from (its scaling factors): matrix columns are loaded in row order at the build and at every
    /// patch, so the history of patches in between leaves no trace. Workers that each prepare from the same
    /// base problem therefore give bit-identical results for the same point whatever they solved before.
    public func prepare(_ problem: LinearProblem, scaling: Bool = true) throws {
        try build(problem, scaling: scaling)
    }

    /// Validates `problem` in full and builds it into a new kept GLPK problem (dropping the old one), matrix
    /// columns in row order (as patches send them).
    private func build(_ problem: LinearProblem, scaling: Bool) throws {
        try problem.validate()
        cglpk_kept_free(kept)
        kept = nil
        current = nil
        currentMatrix = nil
        guard let matrix = SortedColumns(problem) else { try problem.validate(); return }
        var canonical = problem
        canonical.entries = matrix.entries()
        let flat = FlatProblem(canonical)
        var made: OpaquePointer? = nil
        let (rc, message) = withMessageBuffer { buffer, capacity in
            flat.withCProblem { cglpk_kept_create($0, scaling ? 1 : 0, &made, buffer, capacity) }
        }
        switch rc {
        case CGLPK_OK: break
        case CGLPK_REENTRANT: throw SolverError.invalidOption("GLPKResolveSession was called from inside a progress callback")
        default: throw SolverError.glpkFatal(message)
        }
        kept = made
        keptScaling = scaling
        current = problem
        currentMatrix = matrix
        builds += 1
    }
}

@available(*, unavailable, message: "a GLPKResolveSession holds a GLPK problem tied to one thread")
extension GLPKResolveSession: Sendable {}
