import FabPlan
import Foundation

/// Output formats of plan-producing commands (docs/reports.md).
enum OutputFormat: String, CaseIterable {
    case table, json, csv, html, xlsx
}

/// Renders a `PlanReport` as text tables (fitted to the terminal), JSON (the versioned schema) or CSV tables.
enum PlanRendering {
    static func json(_ report: PlanReport) throws -> String { try ReportJSON.encode(report) }

    static func table(_ r: PlanReport) -> String {
        var out = header(r)
        if let inf = r.infeasibility {
            out += "\nINFEASIBLE: \(inf.explanation)\n"
            var t = TextTable("\nShortfalls (least possible)", header: ["product", "period", "demand", "short"])
            for s in inf.shortfalls { t.add([s.product, s.period, Fmt.n(s.demand), Fmt.n(s.shortUnits)]) }
            return out + t.render()
        }
        if let f = r.financials { out += financials(f, currency: r.currency) }
        out += products(r) + purchases(r) + bottlenecks(r) + utilization(r) + cycleTime(r) + fab(r) + dies(r) + sensitivity(r)
        return out
    }

    private static func cycleTime(_ r: PlanReport) -> String {
        r.cycleTime.map(CycleTimeRendering.table) ?? ""
    }

    private static func header(_ r: PlanReport) -> String {
        var out = "fabplan: \(r.modelName)\n"
        var status = "status: \(r.status.rawValue) (\(r.termination.rawValue)), objective \(r.objectiveKind.rawValue), \(r.mode.uppercased())"
        if let g = r.mipGap { status += ", gap \(Fmt.n(g * 100, 3))%" }
        status += ", solved in \(Fmt.n(r.solveSeconds, 3)) s"
        out += TextTable.wrap(status, to: TerminalWidth.current - 2).joined(separator: "\n  ") + "\n"
        if let o = r.objective { out += "objective value: \(Fmt.n(o)) \(r.objectiveKind == .maxOutput ? "good units" : r.currency)\n" }
        if let q = r.quality { out += PlanQualityText.line(q, unit: r.objectiveKind == .maxOutput ? "good units" : r.currency) }  // trust
        return out
    }

    /// The financial waterfall's steps: revenue, each cost as a negative amount, then profit.
    static func waterfall(_ f: Financials) -> [(label: String, amount: Double)] {
        [("revenue", f.revenue), ("material", -f.materialCost), ("operating", -f.operatingCost),
         ("wafers", -f.waferCost), ("bought dies", -f.dieCost), ("capital (tools)", -f.capitalSpend),
         ("holding", -f.holdingCost), ("unmet-demand penalty", -f.unmetPenalty), ("profit", f.profit)]
    }

    private static func financials(_ f: Financials, currency: String) -> String {
        var out = "\nFinancials (\(currency), whole horizon)\n"
        for (k, v) in waterfall(f) { out += "  " + k.padding(toLength: 22, withPad: " ", startingAt: 0) + Fmt.n(v) + "\n" }
        out += "  good units            \(Fmt.n(f.goodUnits)) of \(Fmt.n(f.demandUnits)) demanded (unmet \(Fmt.n(f.unmetUnits)))\n"
        if let c = f.costPerGoodUnit { out += "  cost per good unit    \(Fmt.n(c, 2))\n" }
        return out
    }

    private static func products(_ r: PlanReport) -> String {
        var p = TextTable("\nProducts per period (units)",
                          header: ["product", "period", "starts", "good out", "demand", "unmet", "inventory", "limited by"])
        for x in r.products {
            p.add([x.product, x.period, Fmt.n(x.starts), Fmt.n(x.goodOutput), Fmt.n(x.demand), Fmt.n(x.unmet),
                   Fmt.n(x.inventory), x.limitedBy.joined(separator: "; ")])
        }
        return p.render()
    }

    private static func purchases(_ r: PlanReport) -> String {
        guard !r.purchases.isEmpty else { return "\nTool purchases: none\n" }
        var b = TextTable("\nTool purchases", header: ["site", "station", "ordered", "arrives", "tools", "capital (\(r.currency))"])
        for x in r.purchases {
            b.add([x.site, x.station, x.period, x.arrivalPeriod, Fmt.tools(x.tools, mode: r.mode), Fmt.n(x.capitalSpend)])
        }
        return b.render()
    }

    /// Bottlenecks shown in the terminal (all of them are in JSON, CSV, HTML and xlsx).
    static let bottlenecksShown = 15

    private static func bottlenecks(_ r: PlanReport) -> String {
        guard !r.bottlenecks.isEmpty else { return "\nBottlenecks: none (no station limits the plan)\n" }
        let more = r.bottlenecks.count > bottlenecksShown ? "; top \(bottlenecksShown) of \(r.bottlenecks.count)" : ""
        var k = TextTable("\nBottlenecks (value of capacity, \(r.shadowPriceUnit)\(more))",
                          header: ["rank", "site", "station", "period", "per tool-hour", "valid for (h)", "per extra tool", "how", "utilization"])
        for x in r.bottlenecks.prefix(bottlenecksShown) {
            k.add([String(x.rank), x.site, x.station, x.period, Fmt.n(x.shadowPricePerToolHour, 2), x.validExtraHours.map { Fmt.n($0, 1) } ?? "-",
                   Fmt.n(x.valuePerExtraTool), x.valuePerExtraToolBasis?.rawValue ?? "first-order", Fmt.pct(x.utilization)])
        }
        return k.render() + ToolValueText.legend  // trust: ranges and exact values (ToolValue.swift)
    }

    /// Utilization as a grid: one row per station instance (site, station) in first-seen order, one column per period.
    static func utilizationGrid(_ r: PlanReport) -> [(site: String, station: String, byPeriod: [String: StationPeriod])] {
        var index: [String: Int] = [:]
        var grid: [(site: String, station: String, byPeriod: [String: StationPeriod])] = []
        for s in r.stations {
            let key = s.site + "\u{1}" + s.station
            if index[key] == nil { index[key] = grid.count; grid.append((s.site, s.station, [:])) }
            grid[index[key]!].byPeriod[s.period] = s
        }
        return grid
    }

    private static func utilization(_ r: PlanReport) -> String {
        var u = TextTable("\nStation utilization (share of up-time)", header: ["site", "station"] + r.periods)
        for row in utilizationGrid(r) {
            u.add([row.site, row.station] + r.periods.map { row.byPeriod[$0].map { Fmt.pct($0.utilization) } ?? "" })
        }
        return u.render()
    }

    private static func fab(_ r: PlanReport) -> String {
        guard !r.fab.isEmpty else { return "" }
        var f = TextTable("\nFab wafer starts (wafers)", header: ["period", "wafers", "capacity"])
        for x in r.fab { f.add([x.period, Fmt.n(x.waferStarts), Fmt.n(x.waferCapacity)]) }
        return f.render()
    }

    private static func dies(_ r: PlanReport) -> String {
        guard !r.dies.isEmpty else { return "" }
        var d = TextTable("\nDies (good dies)", header: ["die type", "period", "used", "from fab", "bought", "value per die"])
        for x in r.dies { d.add([x.dieType, x.period, Fmt.n(x.used), Fmt.n(x.fromFab), Fmt.n(x.bought), Fmt.n(x.shadowPricePerDie, 2)]) }
        return d.render()
    }

    private static func sensitivity(_ r: PlanReport) -> String {
        guard let s = r.sensitivity else { return "" }
        var t = TextTable("\nDemand ranges keeping the same shadow prices (units)", header: ["product", "period", "demand", "from", "to"])
        for x in s.demand where x.demand > 0 { t.add([x.product, x.period, Fmt.n(x.demand), Fmt.n(x.lower), Fmt.n(x.upper)]) }
        return t.render()
    }
}
