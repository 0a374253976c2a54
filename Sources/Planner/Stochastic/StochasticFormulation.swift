import LineModel
import LinearSolver

/// The two-stage stochastic capacity plan over K scenarios (sample average approximation).
///
/// First stage: tool purchases (`buy[s,k,t]`, and in MIP mode the integer order counts `ordered[s,k,t]` with
/// their rows C8), shared by every scenario. Second stage: everything else
/// (starts, wafers, bought dies, unmet demand, inventory), one copy per scenario, each with its own yields,
/// availabilities, die yields and demand. Objective: expected profit = −capital + (1/K)·Σ_k scenario profit
/// (or expected cost for min-cost). Rows of scenario k are the deterministic rows C1–C4 of that scenario's
/// model; the first-stage rows C5 (floor), C6 (budgets) and C8 (order counts) appear once.
public struct StochasticFormulation: Sendable {
    public let scenarios: [Formulation]
    public private(set) var problem: LinearProblem
    /// Column of scenario k's column j in the merged problem.
    public private(set) var columnMap: [[Int]] = []
    /// Row of scenario k's row i in the merged problem (nil for first-stage rows kept only from scenario 0).
    public private(set) var rowMap: [[Int?]] = []
    /// Merged columns that are first-stage (tool purchases and order counts).
    public private(set) var firstStageColumns: [Int] = []

    /// `models` are the scenario variants of one base model (same ids and structure, different numbers).
    public init(models: [LineModel], objective: PlanObjective, integerTools: Bool) {
        self.init(formulations: models.map { Formulation(model: $0, objective: objective, integerTools: integerTools) },
                  objective: objective)
    }

    /// Merges already built scenario formulations (one per scenario variant, same objective and mode).
    public init(formulations forms: [Formulation], objective: PlanObjective) {
        precondition(!forms.isEmpty, "at least one scenario")
        self.scenarios = forms
        self.problem = LinearProblem(name: "fabplan-stochastic", sense: forms[0].problem.sense)
        merge(objective: objective)
    }

    /// Merges the scenario problems. First-stage columns and rows are identified per scenario by their key
    /// (station, period), not by index, so scenarios whose formulations number columns differently still share
    /// the right purchases. The objective constant (revenue on demand) is averaged over scenarios.
    private mutating func merge(objective: PlanObjective) {
        let K = Double(scenarios.count)
        let base = scenarios[0]
        // Shared first-stage columns, keyed by (station, buy period), from scenario 0: the purchases and, in MIP
        // mode, the integer order counts (C8).
        var sharedBuy: [StationKey: [Int: Int]] = [:]
        var sharedOrdered: [StationKey: [Int: Int]] = [:]
        func share(_ columns: [StationKey: [Int: Int]], into shared: inout [StationKey: [Int: Int]]) {
            for key in columns.keys.sorted() {
                for t in (columns[key] ?? [:]).keys.sorted() {
                    guard let j = columns[key]?[t] else { continue }
                    // capital is paid once, with its full coefficient
                    let merged = problem.addColumn(base.problem.columns[j])
                    shared[key, default: [:]][t] = merged
                    firstStageColumns.append(merged)
                }
            }
        }
        share(base.buyColumns, into: &sharedBuy)
        share(base.orderedColumns, into: &sharedOrdered)
        problem.objectiveConstant = scenarios.map(\.problem.objectiveConstant).reduce(0, +) / K

        for (k, f) in scenarios.enumerated() {
            var shared: [Int: Int] = [:]
            for (key, cols) in f.buyColumns { for (t, j) in cols { if let s = sharedBuy[key]?[t] { shared[j] = s } } }
            for (key, cols) in f.orderedColumns { for (t, j) in cols { if let s = sharedOrdered[key]?[t] { shared[j] = s } } }
            var firstStageRows = Set<Int>()
            for (_, r) in f.floorRows { firstStageRows.insert(r) }
            for (_, r) in f.budgetPeriodRows { firstStageRows.insert(r) }
            if let r = f.budgetTotalRow { firstStageRows.insert(r) }
            for (_, rows) in f.orderRows { for (_, r) in rows { firstStageRows.insert(r) } }

            var cmap = [Int](repeating: -1, count: f.problem.columns.count)
            for (j, col) in f.problem.columns.enumerated() {
                if let s = shared[j] { cmap[j] = s; continue }
                var c = col
                c.name = "\(col.name)#\(k)"
                c.objective = col.objective / K
                cmap[j] = problem.addColumn(c)
            }
            var rmap = [Int?](repeating: nil, count: f.problem.rows.count)
            for (i, row) in f.problem.rows.enumerated() {
                if firstStageRows.contains(i) {
                    if k == 0 { rmap[i] = problem.addRow(row) }
                    continue
                }
                var r = row
                r.name = "\(row.name)#\(k)"
                rmap[i] = problem.addRow(r)
            }
            for e in f.problem.entries {
                guard let r = rmap[e.row] else { continue }
                problem.add(row: r, column: cmap[e.column], e.value)
            }
            columnMap.append(cmap)
            rowMap.append(rmap)
        }
    }
}
