import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C2 `dies[d,t]` (kilo-dies), per die type some product uses:
    /// Σ n_pd·x_pst − (g_d,t−c/1000)·w_d,t−c − Σ_u b_ut ≤ 0 (no wafer term when t − c < 0).
    mutating func addDieSupplyRows() {
        var used: [String] = []
        for p in model.products { for d in p.dies where !used.contains(d.dieType) { used.append(d.dieType) } }
        for d in used {
            var series = emptyRowSeries
            for t in 0..<periodCount {
                let r = addRow("dies[\(d),\(period(t))]", upper: 0)
                series[t] = r
                addDieSources(row: r, dieType: d, period: t)
            }
            rows.dieSupply.append(DieTypeSeries(dieType: d, series: series))
        }
        addDieUses()
    }

    /// −dies from wafers started one fab cycle earlier, − bought dies.
    private mutating func addDieSources(row r: RowIndex, dieType d: String, period t: Int) {
        if let fab = model.fab, let wafers = columns.wafers(of: d), let die = model.dieType(d), t - fab.cycleTimePeriods >= 0 {
            let ts = t - fab.cycleTimePeriods
            let gdpw = fab.goodDiesPerWafer(for: die, periodIndex: ts, periods: model.periods)
            set(r, wafers[ts]!, -gdpw / PlanScale.units)
        }
        for (u, supplier) in model.dieSuppliers.enumerated() where supplier.dieType == d {
            set(r, columns.dieBuys[u][t]!, -1)
        }
    }

    /// n_pd·x_pst: dies used by every start.
    private mutating func addDieUses() {
        for (p, product) in model.products.enumerated() {
            var perDie: [String: Double] = [:]
            for use in product.dies { perDie[use.dieType, default: 0] += use.perUnit }
            for (d, perUnit) in perDie.sorted(by: { $0.key < $1.key }) {
                guard let supply = rows.dieSupply(of: d) else { continue }
                for starts in columns.starts[p] {
                    for (t, x) in starts.columns.entries { set(supply[t]!, x, perUnit) }
                }
            }
        }
    }
}
