/// Errors of the solver layer. Every case names what is wrong and where.
public enum SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem failed validation before reaching GLPK.
    case invalidProblem([String])
    /// GLPK hit a fatal error (trapped, not aborted). All GLPK state of the calling thread was freed.
    case glpkFatal(String)
    /// An option or argument is invalid.
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
public enum GLPKSolver {
    /// Solves `problem`. Throws `SolverError` for invalid input or a trapped GLPK fatal error; solver
    /// outcomes (infeasible, time limit, ...) are reported in the returned `Solution`.
    public static func solve(_ problem: LinearProblem, options: SolverOptions = SolverOptions(), warmStart: Basis? = nil) throws -> Solution {
        throw SolverError.invalidOption("not implemented yet")
    }
}

/// Model file formats GLPK reads and writes.
public enum ProblemFileFormat: String, Sendable, CaseIterable {
    case cplexLP = "lp", freeMPS = "mps", glpk = "glpk"
}

extension GLPKSolver {
    /// Writes `problem` to `path` in `format` (stub until the solver branch lands).
    public static func export(_ problem: LinearProblem, to path: String, format: ProblemFileFormat) throws {
        throw SolverError.io("not implemented yet")
    }
}
