import FabPlan

/// Tables of compare, sweep and stochastic results, typed for CSV and workbooks.
enum WhatIfTables {
    static func comparison(_ r: ComparisonReport) -> [DataTable] {
        let products = Array(Set(r.plans.flatMap { $0.figures.routeYields.keys })).sorted()
        var t = DataTable("plans", [DataColumn("scenario"), DataColumn("file"), DataColumn("status"), DataColumn("objective"),
                                    DataColumn("profit", r.currency), DataColumn("revenue", r.currency), DataColumn("good units", "units"),
                                    DataColumn("unmet", "units"), DataColumn("capital spend", r.currency), DataColumn("tools bought", "tools")]
                          + products.map { DataColumn("route yield \($0)", "fraction") }
                          + [DataColumn("top bottlenecks"), DataColumn("new bottlenecks"), DataColumn("relieved bottlenecks"),
                             DataColumn("changed values")])
        for p in r.plans {
            let f = p.figures
            t.add([.text(p.name), .text(p.file), .text(f.status.rawValue), .num(f.objective), .num(f.profit), .num(f.revenue),
                   .num(f.goodUnits), .num(f.unmetUnits), .num(f.capitalSpend), .num(f.toolsBought)]
                  + products.map { .num(f.routeYields[$0]) }
                  + [.text(f.topBottlenecks.joined(separator: "; ")), .text(p.bottlenecksGained.joined(separator: "; ")),
                     .text(p.bottlenecksLost.joined(separator: "; ")), .number(Double(p.differencesFromBase.count))])
        }
        return [t]
    }

    static func sweep(_ r: SweepResult) -> [DataTable] {
        var t = DataTable("points", [DataColumn("index")] + r.grid.axes.map { DataColumn($0.operation == .scale ? "\($0.path)*" : $0.path) }
                          + [DataColumn("status"), DataColumn("objective"), DataColumn("profit"), DataColumn("good units", "units"),
                             DataColumn("unmet", "units"), DataColumn("capital spend"), DataColumn("tools bought", "tools"),
                             DataColumn("top bottleneck"), DataColumn("warm start"), DataColumn("error")])
        for p in r.points {
            t.add([.number(Double(p.index))] + p.values.map { .number($0) }
                  + [.text(p.status?.rawValue ?? "invalid"), .num(p.objective), .num(p.profit), .num(p.goodUnits), .num(p.unmetUnits),
                     .num(p.capitalSpend), .num(p.toolsBought), .text(p.topBottleneck ?? ""), .text(p.warmStart?.rawValue ?? ""),
                     .text(p.error ?? "")])
        }
        return [t]
    }

    static func stochastic(_ r: StochasticReport) -> [DataTable] {
        let unit = r.objectiveKind == .maxOutput ? "good units" : "currency"
        var m = DataTable("measures", [DataColumn("measure"), DataColumn("value", unit)])
        for (k, v) in [("RP", r.recourseProblem), ("RP bound", r.recourseBound), ("EV", r.expectedValueProblem), ("EEV", r.expectedResultOfEV),
                       ("VSS", r.valueOfStochasticSolution), ("WS", r.waitAndSee), ("WS bound", r.waitAndSeeBound),
                       ("EVPI", r.expectedValueOfPerfectInformation)] as [(String, Double?)] { m.add([.text(k), .num(v)]) }
        var p = DataTable("purchases", [DataColumn("site"), DataColumn("station"), DataColumn("period"), DataColumn("tools", "tools")])
        for x in r.purchases { p.add([.text(x.site), .text(x.station), .text(x.period), .number(x.tools)]) }
        return [m, p]
    }
}
