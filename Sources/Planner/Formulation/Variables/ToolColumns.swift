import LineModel
import LinearSolver

extension FormulationBuilder {
    /// Per station: purchases y[s,k,t] (capital when ordered; only t + L < T, so every order arrives inside the
    /// horizon), then the tool counts: the stock `instock[s,k,t]` (t ≥ L) in `.stock` mode, or in `.cumulative`
    /// MIP mode the running order counts `ordered[s,k,t]` (C8). Integer in MIP mode.
    mutating func addToolColumns() {
        let kind: LinearProblem.Kind = integerTools ? .integer : .continuous
        for entry in stations {
            let (key, station) = (entry.key, entry.station)
            var buys = emptySeries
            for t in 0..<periodCount where t + station.leadTimePeriods < periodCount {
                // The floor limit is row C5 (not a column bound), so its dual names it in reports.
                buys[t] = addColumn("buy[\(key.site),\(key.station),\(period(t))]", kind: kind,
                                    capital: station.toolPrice / PlanScale.money)
            }
            columns.buys.append(buys)
            columns.toolStock.append(toolStockColumns(key, station, buys, kind))
            columns.orderCounts.append(orderCountColumns(key, buys))
        }
    }

    /// `.stock`: tools bought and in service in t, one column per period t ≥ L when the station can buy.
    private mutating func toolStockColumns(_ key: StationKey, _ station: Station, _ buys: PeriodSeries<ColumnIndex>,
                                           _ kind: LinearProblem.Kind) -> PeriodSeries<ColumnIndex> {
        var stock = emptySeries
        guard toolAccounting == .stock, !buys.isEmpty else { return stock }
        for t in station.leadTimePeriods..<periodCount {
            stock[t] = addColumn("instock[\(key.site),\(key.station),\(period(t))]", kind: kind)
        }
        return stock
    }

    /// `.cumulative` MIP: GLPK may also branch on tools ordered so far, not only on orders per period (measured on
    /// the flagship's what-ifs: none stalls at the 60 s limit any more; docs/formulation.md, C8).
    private mutating func orderCountColumns(_ key: StationKey, _ buys: PeriodSeries<ColumnIndex>) -> PeriodSeries<ColumnIndex> {
        var ordered = emptySeries
        guard toolAccounting == .cumulative, integerTools else { return ordered }
        for (t, _) in buys.entries {
            ordered[t] = addColumn("ordered[\(key.site),\(key.station),\(period(t))]", kind: .integer)
        }
        return ordered
    }
}
