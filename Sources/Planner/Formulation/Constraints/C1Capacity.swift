import LineModel
import LinearSolver

extension FormulationBuilder {
    /// C1 `capacity[s,k,t]` (tool-hours): Σ_p ℓ_psk·x_pst − h_skt·(tools added by t) ≤ h_skt·N_sk. The tools
    /// added are one stock column (`.stock`) or the sum of every purchase that has arrived (`.cumulative`).
    mutating func addCapacityRows() {
        for (i, entry) in stations.enumerated() {
            var series = emptyRowSeries
            for t in 0..<periodCount {
                let h = entry.station.effectiveHours(hoursPerTool: model.periods[t].hoursPerTool)
                let r = addRow("capacity[\(entry.key.site),\(entry.key.station),\(period(t))]",
                               upper: h * Double(entry.station.installedTools))
                series[t] = r
                addToolTerms(row: r, station: i, period: t, hours: h)
            }
            rows.capacity.append(series)
        }
        addLoadTerms()
    }

    /// −h·(tools added by t) in capacity row `row` of station `i`.
    private mutating func addToolTerms(row r: RowIndex, station i: Int, period t: Int, hours h: Double) {
        switch toolAccounting {
        case .stock:
            if let stock = columns.toolStock[i][t] { set(r, stock, -h) }
        case .cumulative:
            for (tau, buy) in columns.buys[i].entries where tau + stations[i].station.leadTimePeriods <= t {
                set(r, buy, -h)
            }
        }
    }

    /// ℓ_psk·x_pst: the load of every start on its stations (a route may visit one station more than once).
    private mutating func addLoadTerms() {
        let index = Dictionary(uniqueKeysWithValues: stations.enumerated().map { ($1.key, $0) })
        for (p, product) in model.products.enumerated() {
            let loads = product.loadSecondsPerStartedUnit
            var perStation: [String: Double] = [:]
            for (j, step) in product.route.enumerated() { perStation[step.station, default: 0] += loads[j] / 3600 * PlanScale.units }
            for starts in columns.starts[p] {
                for (stationID, hoursPerKiloUnit) in perStation.sorted(by: { $0.key < $1.key }) {
                    guard let i = index[StationKey(site: starts.site, station: stationID)] else { continue }
                    for (t, x) in starts.columns.entries { set(rows.capacity[i][t]!, x, hoursPerKiloUnit) }
                }
            }
        }
    }
}
