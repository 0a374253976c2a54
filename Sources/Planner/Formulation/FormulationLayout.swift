/// How tools in service enter the capacity rows (C1). Both give the same optimum; see docs/formulation.md.
public enum ToolAccounting: String, Sendable, Hashable, Codable {
    /// Tools in service as a stock: one `stock[s,k,t]` column per station-period, fed by the purchases through
    /// the balance row C9, so a capacity row holds one tool column (O(T) nonzeros per station). In MIP mode the
    /// stock columns are the integer order counts (no C8). The default.
    case stock
    /// The reference formulation: every capacity row sums all earlier purchases (O(T²) nonzeros per station);
    /// in MIP mode C8 adds the integer running order counts `ordered[s,k,t]`. Kept to check `.stock` against.
    case cumulative
}

/// The variable families of a formulation, by family: which column holds what. Per-product arrays follow
/// `model.products`, per-station arrays `Formulation.stations`, per-supplier arrays `model.dieSuppliers`.
public struct FormulationColumns: Sendable {
    /// Starts `start[p,s,t]` (kilo-units) per product: one entry per allowed site that exists.
    public internal(set) var starts: [[SiteStarts]] = []
    /// Tools ordered `buy[s,k,t]` per station; only periods whose tools arrive inside the horizon (t + L < T).
    public internal(set) var buys: [PeriodSeries<ColumnIndex>] = []
    /// `.stock` only: tools added in service by period t, `stock[s,k,t]` = Σ_{τ ≤ t − L} buy[τ], per station;
    /// only periods t ≥ L (earlier no ordered tool can have arrived). Integer in MIP mode.
    public internal(set) var toolStock: [PeriodSeries<ColumnIndex>] = []
    /// `.cumulative` MIP only: tools ordered so far `ordered[s,k,t]` = Σ_{τ ≤ t} buy[τ], per station (C8).
    public internal(set) var orderCounts: [PeriodSeries<ColumnIndex>] = []
    /// Wafer starts `wafers[d,t]` (wafers) per fab die type, in `fab.dieTypes` order.
    public internal(set) var wafers: [DieTypeSeries<ColumnIndex>] = []
    /// Dies bought `diebuy[u,t]` (kilo-dies) per supplier.
    public internal(set) var dieBuys: [PeriodSeries<ColumnIndex>] = []
    /// Unmet demand `unmet[p,t]` (kilo-units) per product.
    public internal(set) var unmet: [PeriodSeries<ColumnIndex>] = []
    /// Finished-goods inventory `inventory[p,t]` (kilo-units) per product; empty for products without a holding cost.
    public internal(set) var inventory: [PeriodSeries<ColumnIndex>] = []

    /// The wafer columns of die type `dieType`, if the fab makes it.
    public func wafers(of dieType: String) -> PeriodSeries<ColumnIndex>? { wafers.first { $0.dieType == dieType }?.series }
}

/// The constraint families C1–C9 of a formulation: which row holds what (arrays ordered as in `FormulationColumns`).
public struct FormulationRows: Sendable {
    /// C1 `capacity[s,k,t]` (tool-hours) per station.
    public internal(set) var capacity: [PeriodSeries<RowIndex>] = []
    /// C2 `dies[d,t]` (kilo-dies) per die type used by some product, in order of first use.
    public internal(set) var dieSupply: [DieTypeSeries<RowIndex>] = []
    /// C3 `fab[t]` (wafers), when the fab makes more than one die type.
    public internal(set) var fab = PeriodSeries<RowIndex>(periods: 0)
    /// C4 `demand[p,t]` (kilo-units) per product.
    public internal(set) var demand: [PeriodSeries<RowIndex>] = []
    /// C5 `floor[s,k]` (tools) per station; `nil` without a floor limit or purchasable period.
    public internal(set) var floor: [RowIndex?] = []
    /// C6 `budget[t]` (k-currency), periods with a capital budget.
    public internal(set) var budgetPerPeriod = PeriodSeries<RowIndex>(periods: 0)
    /// C6 `budget[total]` (k-currency), if the model has a total capital budget.
    public internal(set) var budgetTotal: RowIndex? = nil
    /// C8 `ordered[s,k,t]` (tools), `.cumulative` MIP only, per station.
    public internal(set) var orderCounts: [PeriodSeries<RowIndex>] = []
    /// C9 `stock[s,k,t]` (tools), `.stock` only, per station: stock[t] − stock[t−1] − buy[t−L] = 0.
    public internal(set) var toolStock: [PeriodSeries<RowIndex>] = []

    /// The C2 rows of die type `dieType`, if some product uses it.
    public func dieSupply(of dieType: String) -> PeriodSeries<RowIndex>? { dieSupply.first { $0.dieType == dieType }?.series }
}

/// Per column, in k-currency (or kilo good units) per LP unit of the column, whatever the objective: revenue of
/// good output, cost (material, operating, capital, wafers, dies, holding), unmet-demand penalty, good output,
/// capital, units shipped. Objectives and the report's money figures are composed from these, so they agree.
public struct ColumnAccounting: Sendable {
    public internal(set) var revenue: [Double] = []
    /// Every cost, capital included.
    public internal(set) var cost: [Double] = []
    public internal(set) var penalty: [Double] = []
    /// Good units produced per LP unit (kilo-units of good output per kilo-unit started).
    public internal(set) var output: [Double] = []
    /// The capital part of `cost` (tool purchases).
    public internal(set) var capital: [Double] = []
    /// Kilo-units shipped (sales = demand − unmet): −1 on unmet-demand columns, 0 elsewhere.
    public internal(set) var sales: [Double] = []
    /// Revenue if all demand were sold, k-currency (Σ price·D): revenue = this + Σ revenue coefficient·column.
    public internal(set) var revenueConstant: Double = 0
    /// Total demand, kilo-units: units shipped = this + Σ sales coefficient·column.
    public internal(set) var salesConstant: Double = 0

    /// Appends one column's coefficients (all zero by default).
    mutating func append(revenue: Double = 0, cost: Double = 0, penalty: Double = 0, output: Double = 0,
                         capital: Double = 0, sales: Double = 0) {
        self.revenue.append(revenue)
        self.cost.append(cost + capital)
        self.penalty.append(penalty)
        self.output.append(output)
        self.capital.append(capital)
        self.sales.append(sales)
    }

    /// Objective coefficients of every column for `objective`.
    func objective(_ objective: PlanObjective) -> [Double] {
        switch objective {
        case .maxProfit: return revenue.indices.map { revenue[$0] - cost[$0] - penalty[$0] }
        case .minCost: return cost
        case .maxOutput: return sales
        }
    }

    /// Constant term of the objective for `objective` (revenue and sales are counted on demand − unmet).
    func constant(_ objective: PlanObjective) -> Double {
        switch objective {
        case .maxProfit: return revenueConstant
        case .minCost: return 0
        case .maxOutput: return salesConstant
        }
    }
}
