import CGLPKGuard

/// What GLPK counted after loading a problem: a dry run of the build step of a solve.
public struct LoadReport: Sendable, Hashable {
    /// Rows, columns and stored nonzeros of the GLPK problem object (GLPK drops explicit zero coefficients).
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int

    public init(rows: Int, columns: Int, nonzeros: Int) {
        self.rows = rows; self.columns = columns; self.nonzeros = nonzeros
    }
}

extension GLPKSolver {
    /// Validates `problem` and loads it into a GLPK problem object exactly as `solve` would (one C call for
    /// rows, columns, bounds, objective, names and matrix), then deletes it without solving.
    /// Use it to check that GLPK accepts a model, or to time the build step.
    public static func load(_ problem: LinearProblem) throws -> LoadReport {
        try problem.validate()
        let flat = FlatProblem(problem)
        var rows: Int32 = 0, columns: Int32 = 0, nonzeros: Int32 = 0
        let (rc, message) = withMessageBuffer { buffer, capacity in
            flat.withCProblem { cglpk_build_only($0, &rows, &columns, &nonzeros, buffer, capacity) }
        }
        switch rc {
        case CGLPK_OK: return LoadReport(rows: Int(rows), columns: Int(columns), nonzeros: Int(nonzeros))
        case CGLPK_REENTRANT: throw SolverError.invalidOption("GLPKSolver was called from inside a progress callback")
        default: throw SolverError.glpkFatal(message)
        }
    }
}
