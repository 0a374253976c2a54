import LineModel

extension PlanReportBuilder {
    /// Ranges of demand (C4) and capacity (C1) right-hand sides over which the optimal basis stays optimal, in
    /// units and tool-hours; `nil` when the solve computed no sensitivity.
    func sensitivity() -> SensitivityReport? {
        guard let s = solution.sensitivity else { return nil }
        var demand: [SensitivityReport.DemandRange] = []
        for (p, product) in model.products.enumerated() {
            for (t, r) in formulation.rows.demand[p].entries {
                demand.append(.init(product: product.id, period: model.periods[t].id,
                                    demand: product.demand[model.periods[t].id] ?? 0,
                                    lower: s.rowRHS[r.raw].lower * PlanScale.units, upper: s.rowRHS[r.raw].upper * PlanScale.units))
            }
        }
        var capacity: [SensitivityReport.CapacityRange] = []
        for (i, key) in formulation.stations.enumerated() {
            let station = formulation.stationData[i]
            for (t, r) in formulation.rows.capacity[i].entries {
                let base = Double(station.installedTools) * station.effectiveHours(hoursPerTool: model.periods[t].hoursPerTool)
                capacity.append(.init(site: key.site, station: key.station, period: model.periods[t].id,
                                      availableHours: base, lower: s.rowRHS[r.raw].lower, upper: s.rowRHS[r.raw].upper))
            }
        }
        return SensitivityReport(demand: demand, capacity: capacity)
    }
}
