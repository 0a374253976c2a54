import LineModel
import LinearSolver

/// Explains why a plan that must meet all demand does not exist, with an elastic re-solve.
///
/// The elastic problem is the min-cost formulation with tools continuous and the unmet-demand columns freed,
/// minimizing total unmet demand (kilo-units). Its optimum is the least shortfall any plan must accept, and its
/// duals name the constraints that stop more output: the rows with a nonzero dual are the conflict.
public enum InfeasibilityExplainer {
    public static func explain(_ model: LineModel) throws -> InfeasibilityReport {
        try model.validate()
        let f = Formulation(model: model, objective: .maxOutput, integerTools: false)
        var problem = f.problem
        problem.sense = .minimize
        for j in problem.columns.indices { problem.columns[j].objective = 0 }
        for series in f.columns.unmet {
            for (_, c) in series.entries { problem.columns[c.raw].objective = 1; problem.columns[c.raw].upper = .infinity }
        }
        var options = SolverOptions()
        options.timeLimitSeconds = 60
        let solution: Solution
        do { solution = try GLPKSolver.solve(problem, options: options) } catch let e as SolverError { throw PlanError.solver(e) }
        guard solution.hasPrimal else {
            return InfeasibilityReport(shortfalls: [], conflictingConstraints: [],
                                       explanation: "The elastic re-solve found no plan either (\(solution.termination.rawValue)).")
        }
        let x = solution.columnValues
        var shortfalls: [InfeasibilityReport.Shortfall] = []
        for (pi, product) in model.products.enumerated() {
            for (t, c) in f.columns.unmet[pi].entries where x[c.raw] * PlanScale.units > 1e-3 {
                shortfalls.append(.init(product: product.id, period: model.periods[t].id,
                                        demand: product.demand[model.periods[t].id] ?? 0, shortUnits: x[c.raw] * PlanScale.units))
            }
        }
        // Demand rows are what is short; tool-stock rows (C9) only define the stock: neither is a conflict.
        let notConflicts = Set((f.rows.demand + f.rows.toolStock).flatMap { $0.entries.map(\.index.raw) })
        var conflicts: [String] = []
        if !solution.rowDuals.isEmpty {
            for (i, row) in problem.rows.enumerated() where !notConflicts.contains(i) && abs(solution.rowDuals[i]) > 1e-9 {
                conflicts.append(describe(row.name))
            }
        }
        let total = shortfalls.reduce(0) { $0 + $1.shortUnits }
        var text = "All demand cannot be met: at least \(Int(total.rounded())) units short in total"
        if let worst = shortfalls.max(by: { $0.shortUnits < $1.shortUnits }) {
            text += " (largest: \(worst.product) in \(worst.period), \(Int(worst.shortUnits.rounded())) of \(Int(worst.demand.rounded())) units)"
        }
        text += "."
        if !conflicts.isEmpty {
            text += " The constraints that hold output back: " + conflicts.prefix(8).joined(separator: "; ")
            if conflicts.count > 8 { text += "; and \(conflicts.count - 8) more" }
            text += "."
        }
        return InfeasibilityReport(shortfalls: shortfalls, conflictingConstraints: conflicts, explanation: text)
    }

    /// Turns a row name of the formulation into planner words.
    static func describe(_ rowName: String) -> String {
        guard let open = rowName.firstIndex(of: "["), rowName.hasSuffix("]") else { return rowName }
        let kind = rowName[..<open]
        let args = rowName[rowName.index(after: open)..<rowName.index(before: rowName.endIndex)].split(separator: ",").map(String.init)
        switch (kind, args.count) {
        case ("capacity", 3): return "station \(args[0])/\(args[1]) is out of tool-hours in \(args[2])"
        case ("floor", 2): return "station \(args[0])/\(args[1]) is at its floor limit (max tools)"
        case ("dies", 2): return "die supply of \(args[0]) is exhausted in \(args[1])"
        case ("fab", 1): return "the fab's wafer-start capacity in \(args[0])"
        case ("budget", 1): return args[0] == "total" ? "the total capital budget" : "the capital budget of \(args[0])"
        default: return rowName
        }
    }
}
