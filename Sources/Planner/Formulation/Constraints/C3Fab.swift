import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C3 `fab[t]` (wafers): Σ_d w_dt ≤ W_t, when the fab makes more than one die type (otherwise the wafer
    /// column's bound says it).
    mutating func addFabRows() {
        rows.fab = emptyRowSeries
        guard let fab = model.fab, fab.dieTypes.count > 1 else { return }
        for t in 0..<periodCount {
            let r = addRow("fab[\(period(t))]", upper: fab.waferStartsPerPeriod[period(t)] ?? 0)
            for wafers in columns.wafers { set(r, wafers.series[t]!, 1) }
            rows.fab[t] = r
        }
    }
}
