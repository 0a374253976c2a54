import Foundation
import LinearSolver

/// Names the model element behind a GLPK fatal error: GLPK reports rows and columns by 1-based index
/// (`glp_set_sjj: j = 9; sjj = 0; invalid scale factor`); the planner's names say which station, product and
/// period that is (`column 9 is 'start[fcbga-cpu,hcmc-at,2026]'`, see docs/formulation.md for the names).
enum SolverFailureContext {
    /// `error` with the name of the row (`i = N`) or column (`j = N`) its message points at, when it does.
    static func annotate(_ error: SolverError, problem: LinearProblem) -> SolverError {
        guard case .glpkFatal(let message) = error else { return error }
        var notes: [String] = []
        if let j = index(after: "j = ", in: message), j >= 1, j <= problem.columns.count {
            notes.append("column \(j) is '\(problem.columns[j - 1].name)'")
        }
        if let i = index(after: "i = ", in: message), i >= 1, i <= problem.rows.count {
            notes.append("row \(i) is '\(problem.rows[i - 1].name)'")
        }
        guard !notes.isEmpty else { return error }
        return .glpkFatal(message + " [" + notes.joined(separator: "; ") + "]")
    }

    /// The whole number written after `marker` in `text`, if any.
    private static func index(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix(while: \.isNumber))
    }
}
