import LineModel
import LinearSolver

/// Scale factors that keep the LP well conditioned for GLPK: unit quantities are in thousands of units
/// (kilo-units, kilo-dies) and money in thousands of currency units. Tool-hours and wafers are unscaled.
/// See docs/formulation.md.
public enum PlanScale {
    /// Units (and dies) per LP unit of a start, output, unmet-demand, inventory or die-purchase variable.
    public static let units: Double = 1000
    /// Currency units per LP unit of the objective.
    public static let money: Double = 1000
}

/// A station instance: station kind `station` at site `site`, with its position in the model.
public struct StationKey: Hashable, Sendable, Codable, Comparable {
    public var site: String
    public var station: String
    public init(site: String, station: String) { self.site = site; self.station = station }
    public static func < (a: StationKey, b: StationKey) -> Bool { (a.site, a.station) < (b.site, b.station) }
}

/// The capacity-planning LP/MIP built from a `LineModel`, with the maps from model entities to columns and rows.
///
/// Every equation is written out in docs/formulation.md; the comments below name them (C1..C7).
public struct Formulation: Sendable {
    public let model: LineModel
    public let objective: PlanObjective
    public private(set) var problem: LinearProblem

    // Columns.
    /// Starts x[p,s,t] in kilo-units: product index, site id, period index.
    public private(set) var startColumns: [Int: [String: [Int]]] = [:]
    /// Tools ordered y[station,t]; arrive at t + lead time. Only periods whose arrival is inside the horizon.
    /// Integer in MIP mode, where C8 (`orderedColumns`) adds their running sums as integers too.
    public private(set) var buyColumns: [StationKey: [Int: Int]] = [:]
    /// MIP mode only: tools ordered so far, z[station,t] = Σ_{τ ≤ t} y[station,τ], the integer columns that
    /// branch-and-cut branches on (same keys as `buyColumns`; empty in LP mode). See C8.
    public private(set) var orderedColumns: [StationKey: [Int: Int]] = [:]
    /// Wafer starts w[d,t] (wafers): die type id, period index.
    public private(set) var waferColumns: [String: [Int]] = [:]
    /// Dies bought b[u,t] in kilo-dies: supplier index, period index.
    public private(set) var dieBuyColumns: [Int: [Int]] = [:]
    /// Unmet demand m[p,t] in kilo-units.
    public private(set) var unmetColumns: [Int: [Int]] = [:]
    /// Finished-goods inventory I[p,t] in kilo-units (products with a holding cost only).
    public private(set) var inventoryColumns: [Int: [Int]] = [:]

    // Rows.
    /// C1 capacity rows per station instance and period (tool-hours).
    public private(set) var capacityRows: [StationKey: [Int]] = [:]
    /// C2 die-supply rows per die type and period (kilo-dies).
    public private(set) var dieRows: [String: [Int]] = [:]
    /// C3 fab wafer-start capacity row per period.
    public private(set) var fabRows: [Int] = []
    /// C4 demand balance rows per product and period (kilo-units).
    public private(set) var demandRows: [Int: [Int]] = [:]
    /// C5 floor-limit row per station instance (tools).
    public private(set) var floorRows: [StationKey: Int] = [:]
    /// C6 capital budget rows: per period index, and the total.
    public private(set) var budgetPeriodRows: [Int: Int] = [:]
    public private(set) var budgetTotalRow: Int? = nil
    /// C8 (MIP mode only) order-count rows z[t] − z[t−1] − y[t] = 0, per station instance and buy period.
    public private(set) var orderRows: [StationKey: [Int: Int]] = [:]
    /// C7 (min-cost only) nothing extra: unmet demand is fixed at zero.

    /// Station instances in model order.
    public private(set) var stationKeys: [StationKey] = []

    /// Per column, in k-currency (or kilo good units) per LP unit of the column, whatever the objective:
    /// revenue of good output, cost (material, operating, capital, wafers, dies, holding), unmet-demand penalty,
    /// and good output. The objective is composed from these (see `objectiveCoefficients(for:)`).
    public private(set) var revenueCoefficients: [Double] = []
    public private(set) var costCoefficients: [Double] = []
    public private(set) var penaltyCoefficients: [Double] = []
    public private(set) var outputCoefficients: [Double] = []
    /// Per column: the capital part of `costCoefficients` (tool purchases).
    public private(set) var capitalCoefficients: [Double] = []
    /// Per column, kilo-units shipped (sales = demand − unmet): −1 on unmet-demand columns, 0 elsewhere.
    public private(set) var salesCoefficients: [Double] = []
    /// Revenue if all demand were sold, k-currency (Σ price·D): revenue = this + Σ revenue coefficient·column.
    public private(set) var revenueConstant: Double = 0
    /// Total demand, kilo-units: units shipped = this + Σ sales coefficient·column.
    public private(set) var salesConstant: Double = 0

    /// Builds the problem in one pass over the model.
    public init(model: LineModel, objective: PlanObjective, integerTools: Bool) {
        self.model = model
        self.objective = objective
        self.problem = LinearProblem(name: "fabplan", sense: objective == .minCost ? .minimize : .maximize)
        build(integerTools: integerTools)
    }

    /// Constant term of the objective for `objective` (revenue and sales are counted on demand − unmet).
    public func objectiveConstant(for objective: PlanObjective) -> Double {
        switch objective {
        case .maxProfit: return revenueConstant
        case .minCost: return 0
        case .maxOutput: return salesConstant
        }
    }

    /// Objective coefficients of every column for `objective`.
    public func objectiveCoefficients(for objective: PlanObjective) -> [Double] {
        switch objective {
        case .maxProfit:
            return (0..<revenueCoefficients.count).map { revenueCoefficients[$0] - costCoefficients[$0] - penaltyCoefficients[$0] }
        case .minCost: return costCoefficients
        case .maxOutput: return salesCoefficients
        }
    }

    /// Adds a column with its accounting coefficients (the objective is set at the end of `build`).
    private mutating func addColumn(_ name: String, upper: Double = .infinity, kind: LinearProblem.Kind = .continuous,
                                    revenue: Double = 0, cost: Double = 0, penalty: Double = 0, output: Double = 0,
                                    capital: Double = 0, sales: Double = 0) -> Int {
        salesCoefficients.append(sales)
        revenueCoefficients.append(revenue)
        costCoefficients.append(cost + capital)
        penaltyCoefficients.append(penalty)
        outputCoefficients.append(output)
        capitalCoefficients.append(capital)
        return problem.addColumn(.init(name: name, upper: upper, kind: kind))
    }

    private mutating func build(integerTools: Bool) {
        let T = model.periods.count
        let U = PlanScale.units, M = PlanScale.money

        for site in model.sites {
            for station in site.stations { stationKeys.append(StationKey(site: site.id, station: station.id)) }
        }

        // --- Columns -------------------------------------------------------------------------------------
        // Starts x[p,s,t]: material + operating cost of the load; good output (revenue is counted on sales).
        for (pi, product) in model.products.enumerated() {
            let routeYield = product.routeYield
            let loads = product.loadSecondsPerStartedUnit
            for siteID in product.sites {
                guard let site = model.site(siteID) else { continue }
                var operatingPerUnit = 0.0
                for (j, step) in product.route.enumerated() {
                    if let st = site.station(step.station) { operatingPerUnit += loads[j] / 3600 * st.operatingCostPerToolHour }
                }
                var cols: [Int] = []
                for t in 0..<T {
                    cols.append(addColumn("start[\(product.id),\(siteID),\(model.periods[t].id)]",
                                          cost: (product.materialCostPerUnit + operatingPerUnit) * U / M,
                                          output: routeYield))
                }
                startColumns[pi, default: [:]][siteID] = cols
            }
        }

        // Tool purchases y[s,k,t], arriving at t + L (only if that is inside the horizon).
        for site in model.sites {
            for station in site.stations {
                let key = StationKey(site: site.id, station: station.id)
                var cols: [Int: Int] = [:]
                for t in 0..<T where t + station.leadTimePeriods < T {
                    // The floor limit is row C5 (not a column bound), so its dual names it in reports.
                    cols[t] = addColumn("buy[\(site.id),\(station.id),\(model.periods[t].id)]",
                                        kind: integerTools ? .integer : .continuous, capital: station.toolPrice / M)
                }
                buyColumns[key] = cols
                // MIP: GLPK may also branch on tools ordered so far, not only on orders per period (measured on
                // the flagship's what-ifs: none stalls at the 60 s limit any more; docs/formulation.md, C8).
                if integerTools, !cols.isEmpty {
                    var ordered: [Int: Int] = [:]
                    for t in cols.keys.sorted() {
                        ordered[t] = addColumn("ordered[\(site.id),\(station.id),\(model.periods[t].id)]", kind: .integer)
                    }
                    orderedColumns[key] = ordered
                }
            }
        }

        // Wafer starts w[d,t].
        if let fab = model.fab {
            for d in fab.dieTypes {
                var cols: [Int] = []
                for t in 0..<T {
                    let cap = fab.waferStartsPerPeriod[model.periods[t].id] ?? 0
                    cols.append(addColumn("wafers[\(d),\(model.periods[t].id)]", upper: cap, cost: fab.waferCost / M))
                }
                waferColumns[d] = cols
            }
        }

        // Dies bought b[u,t].
        for (ui, supplier) in model.dieSuppliers.enumerated() {
            var cols: [Int] = []
            for t in 0..<T {
                let cap = supplier.capPerPeriod.map { ($0[model.periods[t].id] ?? 0) / U } ?? .infinity
                cols.append(addColumn("diebuy[\(supplier.id),\(model.periods[t].id)]", upper: cap, cost: supplier.costPerDie * U / M))
            }
            dieBuyColumns[ui] = cols
        }

        // Unmet demand m[p,t] and inventory I[p,t].
        for (pi, product) in model.products.enumerated() {
            var mcols: [Int] = []
            var icols: [Int] = []
            for t in 0..<T {
                let upper = objective == .minCost ? 0.0 : .infinity
                // Sales = demand − unmet: revenue and shipped units fall with every unit of unmet demand.
                let demand = product.demand[model.periods[t].id] ?? 0
                revenueConstant += product.pricePerUnit * demand / M
                salesConstant += demand / U
                mcols.append(addColumn("unmet[\(product.id),\(model.periods[t].id)]", upper: upper,
                                       revenue: -product.pricePerUnit * U / M,
                                       penalty: product.unmetPenaltyPerUnit * U / M, sales: -1))
                if let h = product.holdingCostPerUnitPeriod {
                    icols.append(addColumn("inventory[\(product.id),\(model.periods[t].id)]", cost: h * U / M))
                }
            }
            unmetColumns[pi] = mcols
            if !icols.isEmpty { inventoryColumns[pi] = icols }
        }

        // --- Rows ----------------------------------------------------------------------------------------
        // C1 capacity: Σ load_h·x − H·A·U·Σ_{τ ≤ t−L} y ≤ H·A·U·N0  (tool-hours).
        for site in model.sites {
            for station in site.stations {
                let key = StationKey(site: site.id, station: station.id)
                var rows: [Int] = []
                for t in 0..<T {
                    let h = station.effectiveHours(hoursPerTool: model.periods[t].hoursPerTool)
                    let r = problem.addRow(.init(name: "capacity[\(site.id),\(station.id),\(model.periods[t].id)]",
                                                 upper: h * Double(station.installedTools)))
                    rows.append(r)
                    for (tau, col) in buyColumns[key] ?? [:] where tau + station.leadTimePeriods <= t {
                        problem.add(row: r, column: col, -h)
                    }
                }
                capacityRows[key] = rows
            }
        }
        for (pi, product) in model.products.enumerated() {
            let loads = product.loadSecondsPerStartedUnit
            for siteID in product.sites {
                guard let cols = startColumns[pi]?[siteID] else { continue }
                // Sum loads per station kind (a route may visit one station more than once).
                var perStation: [String: Double] = [:]
                for (j, step) in product.route.enumerated() { perStation[step.station, default: 0] += loads[j] / 3600 * U }
                for (stationID, hoursPerKiloUnit) in perStation.sorted(by: { $0.key < $1.key }) {
                    guard let rows = capacityRows[StationKey(site: siteID, station: stationID)] else { continue }
                    for t in 0..<T { problem.add(row: rows[t], column: cols[t], hoursPerKiloUnit) }
                }
            }
        }

        // C2 die supply: Σ dies·x − (gdpw/1000)·w[t−c] − b ≤ 0  (kilo-dies).
        var usedDieTypes: [String] = []
        for p in model.products { for d in p.dies where !usedDieTypes.contains(d.dieType) { usedDieTypes.append(d.dieType) } }
        for d in usedDieTypes {
            var rows: [Int] = []
            for t in 0..<T {
                let r = problem.addRow(.init(name: "dies[\(d),\(model.periods[t].id)]", upper: 0))
                rows.append(r)
                if let fab = model.fab, let wcols = waferColumns[d], let die = model.dieType(d) {
                    let ts = t - fab.cycleTimePeriods
                    if ts >= 0 {
                        let gdpw = fab.goodDiesPerWafer(for: die, periodIndex: ts, periods: model.periods)
                        problem.add(row: r, column: wcols[ts], -gdpw / U)
                    }
                }
                for (ui, supplier) in model.dieSuppliers.enumerated() where supplier.dieType == d {
                    problem.add(row: r, column: dieBuyColumns[ui]![t], -1)
                }
            }
            dieRows[d] = rows
        }
        for (pi, product) in model.products.enumerated() {
            var perDie: [String: Double] = [:]
            for use in product.dies { perDie[use.dieType, default: 0] += use.perUnit }
            for (d, perUnit) in perDie.sorted(by: { $0.key < $1.key }) {
                guard let rows = dieRows[d] else { continue }
                for siteID in product.sites {
                    guard let cols = startColumns[pi]?[siteID] else { continue }
                    for t in 0..<T { problem.add(row: rows[t], column: cols[t], perUnit) }
                }
            }
        }

        // C3 fab capacity: Σ_d w[d,t] ≤ wafer starts(t).
        if let fab = model.fab, fab.dieTypes.count > 1 {
            for t in 0..<T {
                let r = problem.addRow(.init(name: "fab[\(model.periods[t].id)]", upper: fab.waferStartsPerPeriod[model.periods[t].id] ?? 0))
                for d in fab.dieTypes { problem.add(row: r, column: waferColumns[d]![t], 1) }
                fabRows.append(r)
            }
        }

        // C4 demand: Y·Σ_s x + I[t−1] − I[t] + m = D  (kilo-units).
        for (pi, product) in model.products.enumerated() {
            var rows: [Int] = []
            for t in 0..<T {
                let demand = (product.demand[model.periods[t].id] ?? 0) / U
                let r = problem.addRow(.init(name: "demand[\(product.id),\(model.periods[t].id)]", lower: demand, upper: demand))
                rows.append(r)
                for siteID in product.sites { if let cols = startColumns[pi]?[siteID] { problem.add(row: r, column: cols[t], product.routeYield) } }
                problem.add(row: r, column: unmetColumns[pi]![t], 1)
                if let inv = inventoryColumns[pi] {
                    problem.add(row: r, column: inv[t], -1)
                    if t > 0 { problem.add(row: r, column: inv[t - 1], 1) }
                }
            }
            demandRows[pi] = rows
        }

        // C5 floor limit: Σ_t y ≤ maxTools − N0 (only stations with a limit and purchasable periods).
        for site in model.sites {
            for station in site.stations {
                let key = StationKey(site: site.id, station: station.id)
                guard let maxTools = station.maxTools, let cols = buyColumns[key], !cols.isEmpty else { continue }
                let r = problem.addRow(.init(name: "floor[\(site.id),\(station.id)]", upper: Double(maxTools - station.installedTools)))
                for (_, col) in cols.sorted(by: { $0.key < $1.key }) { problem.add(row: r, column: col, 1) }
                floorRows[key] = r
            }
        }

        // C6 capital budgets (k-currency): Σ price·y[t] ≤ B(t);  Σ_t Σ price·y ≤ B_total.
        let budget = model.budget
        for t in 0..<T {
            guard let b = budget.capitalPerPeriod[model.periods[t].id] else { continue }
            let r = problem.addRow(.init(name: "budget[\(model.periods[t].id)]", upper: b / M))
            for key in stationKeys {
                guard let col = buyColumns[key]?[t], let st = model.site(key.site)?.station(key.station) else { continue }
                if st.toolPrice != 0 { problem.add(row: r, column: col, st.toolPrice / M) }
            }
            budgetPeriodRows[t] = r
        }
        if let total = budget.capitalTotal {
            let r = problem.addRow(.init(name: "budget[total]", upper: total / M))
            for key in stationKeys {
                guard let st = model.site(key.site)?.station(key.station) else { continue }
                for (_, col) in (buyColumns[key] ?? [:]).sorted(by: { $0.key < $1.key }) where st.toolPrice != 0 {
                    problem.add(row: r, column: col, st.toolPrice / M)
                }
            }
            budgetTotalRow = r
        }

        // C8 (MIP only) tools ordered so far: z[t] − z[t−1] − y[t] = 0, so integer z makes every y integral.
        for key in stationKeys {
            guard let ordered = orderedColumns[key], let buys = buyColumns[key] else { continue }
            var rows: [Int: Int] = [:]
            var previous: Int? = nil
            for t in ordered.keys.sorted() {
                guard let z = ordered[t], let y = buys[t] else { continue }
                let r = problem.addRow(.init(name: "ordered[\(key.site),\(key.station),\(model.periods[t].id)]", lower: 0, upper: 0))
                problem.add(row: r, column: z, 1)
                if let previous { problem.add(row: r, column: previous, -1) }
                problem.add(row: r, column: y, -1)
                rows[t] = r
                previous = z
            }
            orderRows[key] = rows
        }

        let c = objectiveCoefficients(for: objective)
        for j in c.indices { problem.columns[j].objective = c[j] }
        problem.objectiveConstant = objectiveConstant(for: objective)
    }

    /// Tools in place at station `key` in period `t` given purchase values `y` (column values).
    public func toolsInPlace(_ key: StationKey, period t: Int, values: [Double]) -> Double {
        guard let station = model.site(key.site)?.station(key.station) else { return 0 }
        var n = Double(station.installedTools)
        for (tau, col) in buyColumns[key] ?? [:] where tau + station.leadTimePeriods <= t { n += values[col] }
        return n
    }
}
