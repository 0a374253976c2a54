import LineModel
import LinearSolver

/// The columns of the fixed-mix family (C10), present only when the plan has a `FixedMix`.
public struct FixedMixColumns: Sendable {
    /// Total starts `mix[t]` (kilo-units) of the mix in each period.
    public internal(set) var level = PeriodSeries<ColumnIndex>(periods: 0)
    /// Good output beyond demand `excess[p,t]` (kilo-units), counted as sales: at a fixed mix the plan may
    /// make more of a product than its demand.
    public internal(set) var excess: [PeriodSeries<ColumnIndex>] = []
    /// C10 rows `mix[p,t]`: Σ_s x_pst − share_p · mix[t] = 0.
    public internal(set) var rows: [PeriodSeries<RowIndex>] = []
}

extension FormulationBuilder {
    /// C10 fixed mix: Σ_s x_pst = share_p · mix_t for every product and period, with `excess[p,t]` added to the
    /// demand rows C4 (Y·Σx + I_{t−1} − I_t + m − e = D) and counted as output, so max-output at a fixed mix
    /// is the largest whole mix the line can run, demand or not.
    mutating func addFixedMixRows(_ mix: FixedMix) -> FixedMixColumns {
        var family = FixedMixColumns()
        let shares = mix.normalized(model.products)
        family.level = emptySeries
        for t in 0..<periodCount { family.level[t] = addColumn("mix[\(period(t))]") }
        for (p, product) in model.products.enumerated() {
            var excess = emptySeries, rows = emptyRowSeries
            for t in 0..<periodCount {
                let e = addColumn("excess[\(product.id),\(period(t))]", sales: 1)
                excess[t] = e
                set(self.rows.demand[p][t]!, e, -1)
                let r = addRow("mix[\(product.id),\(period(t))]", lower: 0, upper: 0)
                rows[t] = r
                for starts in columns.starts[p] { set(r, starts.columns[t]!, 1) }
                set(r, family.level[t]!, -shares[p])
            }
            family.excess.append(excess)
            family.rows.append(rows)
        }
        return family
    }
}
