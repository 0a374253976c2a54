import FabPlan
import Foundation

/// Output formats of plan-producing commands.
enum OutputFormat: String, CaseIterable {
    case table, json, csv
}

/// Renders a `PlanReport` as text tables, JSON (the versioned schema) or CSV sections.
enum PlanRendering {
    static func json(_ report: PlanReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func table(_ r: PlanReport) -> String {
        var out = "fabplan: \(r.modelName)\n"
        out += "status: \(r.status.rawValue) (\(r.termination.rawValue)), objective \(r.objectiveKind.rawValue), \(r.mode.uppercased())"
        if let g = r.mipGap { out += ", gap \(Fmt.n(g * 100, 3))%" }
        out += ", solved in \(Fmt.n(r.solveSeconds, 3)) s\n"
        if let o = r.objective { out += "objective value: \(Fmt.n(o)) \(r.objectiveKind == .maxOutput ? "good units" : r.currency)\n" }
        if let q = r.quality { out += PlanQualityText.line(q, unit: r.objectiveKind == .maxOutput ? "good units" : r.currency) }
        if let inf = r.infeasibility {
            out += "\nINFEASIBLE: \(inf.explanation)\n"
            var t = TextTable("\nShortfalls (least possible)", header: ["product", "period", "demand", "short"])
            for s in inf.shortfalls { t.add([s.product, s.period, Fmt.n(s.demand), Fmt.n(s.shortUnits)]) }
            out += t.render()
            return out
        }
        if let f = r.financials {
            out += "\nFinancials (\(r.currency), whole horizon)\n"
            let items: [(String, Double)] = [("revenue", f.revenue), ("material", -f.materialCost), ("operating", -f.operatingCost),
                                            ("wafers", -f.waferCost), ("bought dies", -f.dieCost), ("capital (tools)", -f.capitalSpend),
                                            ("holding", -f.holdingCost), ("unmet-demand penalty", -f.unmetPenalty), ("profit", f.profit)]
            for (k, v) in items { out += "  " + k.padding(toLength: 22, withPad: " ", startingAt: 0) + Fmt.n(v) + "\n" }
            out += "  good units            \(Fmt.n(f.goodUnits)) of \(Fmt.n(f.demandUnits)) demanded (unmet \(Fmt.n(f.unmetUnits)))\n"
            if let c = f.costPerGoodUnit { out += "  cost per good unit    \(Fmt.n(c, 2))\n" }
        }
        var p = TextTable("\nProducts per period", header: ["product", "period", "starts", "good out", "demand", "unmet", "limited by"])
        for x in r.products {
            p.add([x.product, x.period, Fmt.n(x.starts), Fmt.n(x.goodOutput), Fmt.n(x.demand), Fmt.n(x.unmet), x.limitedBy.joined(separator: "; ")])
        }
        out += p.render()
        var b = TextTable("\nTool purchases", header: ["site", "station", "ordered", "arrives", "tools", "capital"])
        for x in r.purchases { b.add([x.site, x.station, x.period, x.arrivalPeriod, Fmt.n(x.tools, 2), Fmt.n(x.capitalSpend)]) }
        out += r.purchases.isEmpty ? "\nTool purchases: none\n" : b.render()
        var k = TextTable("\nBottlenecks (value of capacity, \(r.shadowPriceUnit))", header: ["rank", "site", "station", "period", "per tool-hour", "valid for (h)", "per extra tool", "how", "utilization"])
        for x in r.bottlenecks.prefix(15) {
            k.add([String(x.rank), x.site, x.station, x.period, Fmt.n(x.shadowPricePerToolHour, 2), x.validExtraHours.map { Fmt.n($0, 1) } ?? "-",
                   Fmt.n(x.valuePerExtraTool), x.valuePerExtraToolBasis?.rawValue ?? "first-order", Fmt.pct(x.utilization)])
        }
        out += r.bottlenecks.isEmpty ? "\nBottlenecks: none (no station limits the plan)\n" : k.render() + ToolValueText.legend
        var u = TextTable("\nStation utilization (share of up-time)", header: ["site", "station"] + r.periods)
        var grid: [String: [String: String]] = [:]
        var order: [String] = []
        for s in r.stations {
            let key = s.site + "\u{1}" + s.station
            if grid[key] == nil { order.append(key); grid[key] = [:] }
            grid[key]![s.period] = Fmt.pct(s.utilization)
        }
        for key in order {
            let parts = key.split(separator: "\u{1}").map(String.init)
            u.add(parts + r.periods.map { grid[key]![$0] ?? "" })
        }
        out += u.render()
        if !r.fab.isEmpty {
            var f = TextTable("\nFab wafer starts", header: ["period", "wafers", "capacity"])
            for x in r.fab { f.add([x.period, Fmt.n(x.waferStarts), Fmt.n(x.waferCapacity)]) }
            out += f.render()
        }
        if !r.dies.isEmpty {
            var d = TextTable("\nDies", header: ["die type", "period", "used", "from fab", "bought", "value per die"])
            for x in r.dies { d.add([x.dieType, x.period, Fmt.n(x.used), Fmt.n(x.fromFab), Fmt.n(x.bought), Fmt.n(x.shadowPricePerDie, 2)]) }
            out += d.render()
        }
        if let s = r.sensitivity {
            var t = TextTable("\nDemand ranges keeping the same shadow prices", header: ["product", "period", "demand", "from", "to"])
            for x in s.demand where x.demand > 0 { t.add([x.product, x.period, Fmt.n(x.demand), Fmt.n(x.lower), Fmt.n(x.upper)]) }
            out += t.render()
        }
        return out
    }

    /// CSV sections: each table as its own CSV block, preceded by `# <name>`.
    static func csvTables(_ r: PlanReport) -> [(name: String, csv: String)] {
        var products = CSVTable(header: ["product", "period", "starts", "good_output", "demand", "unmet", "inventory", "limited_by"])
        for x in r.products {
            products.add([x.product, x.period, Fmt.raw(x.starts), Fmt.raw(x.goodOutput), Fmt.raw(x.demand), Fmt.raw(x.unmet),
                          Fmt.raw(x.inventory), x.limitedBy.joined(separator: "; ")])
        }
        var purchases = CSVTable(header: ["site", "station", "period", "arrival_period", "tools", "capital_spend"])
        for x in r.purchases { purchases.add([x.site, x.station, x.period, x.arrivalPeriod, Fmt.raw(x.tools), Fmt.raw(x.capitalSpend)]) }
        var stations = CSVTable(header: ["site", "station", "period", "tools", "load_hours", "available_hours", "utilization",
                                         "shadow_price_per_tool_hour", "value_per_extra_tool"])
        for x in r.stations {
            stations.add([x.site, x.station, x.period, Fmt.raw(x.tools), Fmt.raw(x.loadHours), Fmt.raw(x.availableHours),
                          Fmt.raw(x.utilization), Fmt.raw(x.shadowPricePerToolHour), Fmt.raw(x.valuePerExtraTool)])
        }
        var summary = CSVTable(header: ["key", "value"])
        summary.add(["status", r.status.rawValue])
        summary.add(["objective", r.objective.map(Fmt.raw) ?? ""])
        if let f = r.financials {
            for (k, v) in [("revenue", f.revenue), ("profit", f.profit), ("capital_spend", f.capitalSpend), ("good_units", f.goodUnits),
                           ("unmet_units", f.unmetUnits)] { summary.add([k, Fmt.raw(v)]) }
        }
        return [("summary", summary.render()), ("products", products.render()), ("purchases", purchases.render()), ("stations", stations.render())]
    }
}
