import LineModel

extension PlanReportBuilder {
    /// Load, availability, utilization and shadow price of every station-period, in model order.
    func stationPeriods(_ input: SectionInput) -> [StationPeriod] {
        var out: [StationPeriod] = []
        out.reserveCapacity(formulation.stations.count * periodCount)
        for (i, key) in formulation.stations.enumerated() {
            let station = formulation.stationData[i]
            let rows = formulation.rows.capacity[i]
            let tools = input.tools[i]
            for t in 0..<periodCount {
                guard let r = rows[t] else { continue }
                let hours = model.periods[t].hoursPerTool
                let effective = station.effectiveHours(hoursPerTool: hours)
                // Row activity = load − effective·(tools added); add the tool part back to get the load.
                let load = input.activities[r] + effective * (tools[t] - Double(station.installedTools))
                let upHours = tools[t] * hours * station.availability.fraction
                let price = input.dual(r) * dualScale
                out.append(StationPeriod(
                    site: key.site, station: key.station, period: model.periods[t].id, tools: tools[t],
                    loadHours: load, availableHours: tools[t] * effective,
                    utilization: upHours > 0 ? load / upHours : 0,
                    shadowPricePerToolHour: price, valuePerExtraTool: price * effective))
            }
        }
        return out
    }

    /// Station-periods with a positive shadow price, dearest first (ties by site, station, period).
    func bottlenecks(of stations: [StationPeriod]) -> [Bottleneck] {
        stations.filter { $0.shadowPricePerToolHour > 1e-9 }
            .sorted { ($0.shadowPricePerToolHour, $1.site, $1.station, $1.period) > ($1.shadowPricePerToolHour, $0.site, $0.station, $0.period) }
            .enumerated().map { i, s in
                Bottleneck(rank: i + 1, site: s.site, station: s.station, period: s.period,
                           shadowPricePerToolHour: s.shadowPricePerToolHour, valuePerExtraTool: s.valuePerExtraTool,
                           utilization: s.utilization)
            }
    }

    /// Tool orders with their arrival period and capital spend, per station in model order, then period.
    func purchases(_ input: SectionInput) -> [Purchase] {
        var out: [Purchase] = []
        for (i, key) in formulation.stations.enumerated() {
            let station = formulation.stationData[i]
            for (t, c) in formulation.columns.buys[i].entries where input.x[c] > 1e-6 {
                out.append(Purchase(
                    site: key.site, station: key.station, period: model.periods[t].id,
                    arrivalPeriod: model.periods[t + station.leadTimePeriods].id, tools: input.x[c],
                    capitalSpend: input.x[c] * station.toolPrice))
            }
        }
        return out
    }
}
