import FabPlan

/// Plain-text tables of a `YieldReport`.
enum YieldTable {
    static func render(_ r: YieldReport) -> String {
        var out = "Monte Carlo yield: \(r.trials) trials, seed \(r.seed), stopped by \(r.stoppedBy), "
            + "worst relative SE \(fmt(r.worstRelativeStandardError, 5)); quantiles from \(r.histogramBins)-bin histograms, "
            + "P ± = widest 95 % interval (sampling + binning) of P5/P50/P95\n\n"
        out += table(
            ["product", "period", "starts", "demand", "determ.", "mean good", "± SE", "P5", "P50", "P95",
             "P ± (95%)", "route yield", "P(meet)", "E[short]"],
            r.products.map { p in
                [p.product, p.period, fmt(p.starts, 0), fmt(p.demand, 0), fmt(p.deterministicGoodUnits, 0),
                 fmt(p.goodUnits.mean, 1), fmt(p.goodUnits.standardError, 1), fmt(p.goodUnits.p5, 0),
                 fmt(p.goodUnits.p50, 0), fmt(p.goodUnits.p95, 0), fmt(p.goodUnits.quantileErrorBound, 0),
                 fmt(p.routeYield.mean, 5),
                 fmt(p.probabilityMeetDemand, 4), fmt(p.expectedShortfallUnits, 1)]
            })
        if !r.dieYields.isEmpty {
            out += "\n" + table(
                ["die type", "period", "wafers", "die yield", "± SE", "P5", "P95", "NB formula", "dies needed",
                 "fab share", "P(short)"],
                r.dieYields.map { d in
                    [d.dieType, d.period, fmt(d.wafers, 1), fmt(d.dieYield.mean, 5), fmt(d.dieYield.standardError, 5),
                     fmt(d.dieYield.p5, 4), fmt(d.dieYield.p95, 4), fmt(d.negativeBinomialYield, 5),
                     fmt(d.supply.meanDiesNeeded, 0), fmt(d.supply.fabShare, 4), fmt(d.supply.probabilityShort, 4)]
                })
        }
        if !r.stations.isEmpty {
            out += "\n" + table(
                ["station", "period", "binds", "utilization", "up h/tool"],
                r.stations.map { s in
                    [s.station, s.period, fmt(s.bindingFraction, 4), fmt(s.meanUtilization, 4), fmt(s.meanUpHoursPerTool, 1)]
                })
        }
        return out
    }

    static func fmt(_ x: Double, _ decimals: Int) -> String { Fmt.fixed(x, decimals) }

    /// A table without title, fitted to the terminal (`TextTable`).
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var t = TextTable("", header: header)
        for r in rows { t.add(r) }
        return t.render()
    }
}

/// Plain-text table of a `RiskReport` (shared by `evaluate` and `optimize --risk-trials`).
enum RiskRendering {
    static func table(_ r: RiskReport) -> String {
        var out = "Risk (Monte Carlo, \(r.trials) trials, seed \(r.seed)): mean service level "
            + "\(YieldTable.fmt(r.meanServiceLevel, 4)), total expected shortfall \(YieldTable.fmt(r.totalExpectedShortfallUnits, 1)) units\n\n"
        out += YieldTable.table(
            ["product", "period", "demand", "planned good", "mean good", "P(meet)", "E[short]", "binds most"],
            r.products.map { p in
                [p.product, p.period, YieldTable.fmt(p.demand, 0), YieldTable.fmt(p.plannedGoodUnits, 0),
                 YieldTable.fmt(p.meanGoodUnits, 1), YieldTable.fmt(p.probabilityMeetDemand, 4),
                 YieldTable.fmt(p.expectedShortfallUnits, 1),
                 p.bindingStations.map { "\($0.station) \(YieldTable.fmt($0.bindingFraction, 2))" }.joined(separator: ", ")]
            })
        return out
    }
}
