import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C5 `floor[s,k]` (tools): Σ_t y_skt ≤ M_sk − N_sk, for stations with a floor limit and a purchasable period.
    mutating func addFloorRows() {
        for (i, entry) in stations.enumerated() {
            let buys = columns.buys[i]
            guard let maxTools = entry.station.maxTools, !buys.isEmpty else { rows.floor.append(nil); continue }
            let r = addRow("floor[\(entry.key.site),\(entry.key.station)]", upper: Double(maxTools - entry.station.installedTools))
            for (_, y) in buys.entries { set(r, y, 1) }
            rows.floor.append(r)
        }
    }
}
