import LineModel
import LinearSolver

/// The two-stage stochastic capacity plan over K scenarios (sample average approximation).
///
/// First stage: tool purchases (`buy[s,k,t]`) and the tool counts they feed (the stock `instock[s,k,t]`
/// with its rows C9), shared by every scenario. Second stage: everything else
/// (starts, wafers, bought dies, unmet demand, inventory), one copy per scenario, each with its own yields,
/// availabilities, die yields and demand. Objective: expected profit = −capital + (1/K)·Σ_k scenario profit
/// (or expected cost for min-cost). Rows of scenario k are the deterministic rows C1–C4 of that scenario's
/// model; the first-stage rows C5 (floor), C6 (budgets), C8 and C9 (tool counts) appear once.
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
        // Shared first-stage columns, keyed by (station, period), from scenario 0: the purchases and the tool
        // counts (the stock of C9, or the integer order counts of C8).
        var shared: [SharedKey: Int] = [:]
        for (family, series) in Self.firstStageColumns(of: base).enumerated() {
            for (i, perPeriod) in series.enumerated() {
                for (t, j) in perPeriod.entries {
                    // capital is paid once, with its full coefficient
                    let merged = problem.addColumn(base.problem.columns[j.raw])
                    shared[SharedKey(family: family, station: base.stations[i], period: t)] = merged
                    firstStageColumns.append(merged)
                }
            }
        }
        problem.objectiveConstant = scenarios.map(\.problem.objectiveConstant).reduce(0, +) / K

        for (k, f) in scenarios.enumerated() {
            var sharedHere: [Int: Int] = [:]
            for (family, series) in Self.firstStageColumns(of: f).enumerated() {
                for (i, perPeriod) in series.enumerated() {
                    for (t, j) in perPeriod.entries {
                        if let s = shared[SharedKey(family: family, station: f.stations[i], period: t)] { sharedHere[j.raw] = s }
                    }
                }
            }
            var firstStageRows = Set<Int>()
            for r in f.rows.floor { if let r { firstStageRows.insert(r.raw) } }
            for (_, r) in f.rows.budgetPerPeriod.entries { firstStageRows.insert(r.raw) }
            if let r = f.rows.budgetTotal { firstStageRows.insert(r.raw) }
            for series in f.rows.orderCounts + f.rows.toolStock { for (_, r) in series.entries { firstStageRows.insert(r.raw) } }

            var cmap = [Int](repeating: -1, count: f.problem.columns.count)
            for (j, col) in f.problem.columns.enumerated() {
                if let s = sharedHere[j] { cmap[j] = s; continue }
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

    /// A first-stage column's identity across scenarios: its family (position in `firstStageColumns(of:)`),
    /// station and period.
    private struct SharedKey: Hashable {
        let family: Int
        let station: StationKey
        let period: Int
    }

    /// The first-stage column families of a scenario: purchases, tool stock (C9) and order counts (C8).
    static func firstStageColumns(of f: Formulation) -> [[PeriodSeries<ColumnIndex>]] {
        [f.columns.buys, f.columns.toolStock, f.columns.orderCounts]
    }
}
