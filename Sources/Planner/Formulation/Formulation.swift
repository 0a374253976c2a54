import LineModel
import LinearSolver

/// The capacity-planning LP/MIP built from a `LineModel`, with typed maps from model entities to its columns
/// (`columns`, one family per variable) and rows (`rows`, one family per constraint C1–C9).
///
/// Every equation is written out in docs/formulation.md. Each family is built by one function in its own file
/// (`Variables/`, `Constraints/`); `init` lists them in order.
public struct Formulation: Sendable {
    public let model: LineModel
    public let objective: PlanObjective
    /// How tools in service enter the capacity rows (`.stock` unless a test asks for the reference formulation).
    public let toolAccounting: ToolAccounting
    public private(set) var problem: LinearProblem
    /// Station instances in model order (sites, then their stations); per-station families follow this order.
    public let stations: [StationKey]
    /// The variable families.
    public let columns: FormulationColumns
    /// The constraint families.
    public let rows: FormulationRows
    /// Revenue, cost, penalty, output, capital and sales coefficients of every column.
    public let accounting: ColumnAccounting
    /// The fixed-mix family C10, when built with a `FixedMix`.
    public let fixedMix: FixedMixColumns?
    /// The station of every entry of `stations`.
    let stationData: [Station]
    private let stationPositions: [StationKey: Int]

    /// Builds the problem family by family. `integerTools`: integer tool purchases (MIP).
    public init(model: LineModel, objective: PlanObjective, integerTools: Bool, toolAccounting: ToolAccounting = .stock,
                fixedMix: FixedMix? = nil) {
        var b = FormulationBuilder(model: model, objective: objective, integerTools: integerTools, toolAccounting: toolAccounting)
        b.addStartColumns()
        b.addToolColumns()
        b.addWaferColumns()
        b.addDieBuyColumns()
        b.addUnmetAndInventoryColumns()
        b.addCapacityRows()        // C1
        b.addDieSupplyRows()       // C2
        b.addFabRows()             // C3
        b.addDemandRows()          // C4
        b.addFloorRows()           // C5
        b.addBudgetRows()          // C6
        b.fixUnmetDemandForMinCost() // C7
        b.addOrderCountRows()      // C8
        b.addToolStockRows()       // C9
        self.fixedMix = fixedMix.map { b.addFixedMixRows($0) } // C10
        b.setObjective()
        self.model = model
        self.objective = objective
        self.toolAccounting = toolAccounting
        self.problem = b.problem
        self.stations = b.stations.map(\.key)
        self.stationData = b.stations.map(\.station)
        self.columns = b.columns
        self.rows = b.rows
        self.accounting = b.accounting
        self.stationPositions = Dictionary(uniqueKeysWithValues: stations.enumerated().map { ($1, $0) })
    }

    /// Position of station `key` in `stations` (and in every per-station family), if the model has it.
    public func stationIndex(of key: StationKey) -> Int? { stationPositions[key] }

    /// Constant term of the objective for `objective` (revenue and sales are counted on demand − unmet).
    public func objectiveConstant(for objective: PlanObjective) -> Double { accounting.constant(objective) }

    /// Objective coefficients of every column for `objective`.
    public func objectiveCoefficients(for objective: PlanObjective) -> [Double] { accounting.objective(objective) }

    /// The integer count columns of station `i` that branch-and-cut branches on besides the purchases: the tool
    /// stock (`.stock` MIP) or the running order counts (`.cumulative` MIP); empty in LP mode.
    public func toolCountColumns(station i: Int) -> PeriodSeries<ColumnIndex> {
        switch toolAccounting {
        case .stock: return problem.isMIP ? columns.toolStock[i] : PeriodSeries(periods: model.periods.count)
        case .cumulative: return columns.orderCounts[i]
        }
    }

    /// Tools in service at station `i` in every period (installed + arrived purchases) for column values `values`.
    public func toolsInService(station i: Int, values: [Double]) -> [Double] {
        let T = model.periods.count
        let installed = Double(stationData[i].installedTools)
        switch toolAccounting {
        case .stock:
            return (0..<T).map { t in installed + (columns.toolStock[i][t].map { values[$0] } ?? 0) }
        case .cumulative:
            var arriving = [Double](repeating: 0, count: T)
            for (tau, c) in columns.buys[i].entries { arriving[tau + stationData[i].leadTimePeriods] += values[c] }
            var tools = installed
            return arriving.map { tools += $0; return tools }
        }
    }

    /// Tools in service at station `key` in period `t` for column values `values`.
    public func toolsInPlace(_ key: StationKey, period t: Int, values: [Double]) -> Double {
        guard let i = stationIndex(of: key) else { return 0 }
        return toolsInService(station: i, values: values)[t]
    }
}
