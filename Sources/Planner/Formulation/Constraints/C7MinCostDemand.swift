import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C7 (min-cost only): all demand must be met, so unmet demand is fixed at zero (a column bound, no row).
    mutating func fixUnmetDemandForMinCost() {
        guard objective == .minCost else { return }
        for series in columns.unmet {
            for (_, m) in series.entries { problem.columns[m.raw].upper = 0 }
        }
    }
}
