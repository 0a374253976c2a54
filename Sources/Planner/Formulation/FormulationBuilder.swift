import LineModel
import LinearSolver

/// The mutable state of `Formulation.init`: the problem so far, the families built so far and each column's
/// accounting coefficients. Every family adds itself in one function in its own file (Variables/, Constraints/).
struct FormulationBuilder {
    /// A station instance with its data.
    struct StationEntry {
        let key: StationKey
        let station: Station
    }

    let model: LineModel
    let objective: PlanObjective
    let integerTools: Bool
    let toolAccounting: ToolAccounting
    /// Station instances in model order.
    let stations: [StationEntry]
    var problem: LinearProblem
    var columns = FormulationColumns()
    var rows = FormulationRows()
    var accounting = ColumnAccounting()

    init(model: LineModel, objective: PlanObjective, integerTools: Bool, toolAccounting: ToolAccounting) {
        self.model = model
        self.objective = objective
        self.integerTools = integerTools
        self.toolAccounting = toolAccounting
        self.stations = model.sites.flatMap { site in
            site.stations.map { StationEntry(key: StationKey(site: site.id, station: $0.id), station: $0) }
        }
        self.problem = LinearProblem(name: "fabplan", sense: objective == .minCost ? .minimize : .maximize)
    }

    /// Number of planning periods T.
    var periodCount: Int { model.periods.count }
    /// Period id of period index `t` (for names and model lookups).
    func period(_ t: Int) -> String { model.periods[t].id }
    /// An empty per-period series over the horizon.
    var emptySeries: PeriodSeries<ColumnIndex> { PeriodSeries(periods: periodCount) }
    /// An empty per-period row series over the horizon.
    var emptyRowSeries: PeriodSeries<RowIndex> { PeriodSeries(periods: periodCount) }

    /// Adds a column with its accounting coefficients (the objective is composed from them in `setObjective`).
    mutating func addColumn(_ name: String, upper: Double = .infinity, kind: LinearProblem.Kind = .continuous,
                            revenue: Double = 0, cost: Double = 0, penalty: Double = 0, output: Double = 0,
                            capital: Double = 0, sales: Double = 0) -> ColumnIndex {
        accounting.append(revenue: revenue, cost: cost, penalty: penalty, output: output, capital: capital, sales: sales)
        return ColumnIndex(problem.addColumn(.init(name: name, upper: upper, kind: kind)))
    }

    /// Adds a row `lower ≤ Σ a·x ≤ upper` with no coefficients yet.
    mutating func addRow(_ name: String, lower: Double = -.infinity, upper: Double = .infinity) -> RowIndex {
        RowIndex(problem.addRow(.init(name: name, lower: lower, upper: upper)))
    }

    /// Sets coefficient `value` of column `column` in row `row` (each pair at most once).
    mutating func set(_ row: RowIndex, _ column: ColumnIndex, _ value: Double) {
        problem.add(row: row.raw, column: column.raw, value)
    }

    /// Writes the objective of `objective` from the accounting coefficients.
    mutating func setObjective() {
        let c = accounting.objective(objective)
        for j in c.indices { problem.columns[j].objective = c[j] }
        problem.objectiveConstant = accounting.constant(objective)
    }
}
