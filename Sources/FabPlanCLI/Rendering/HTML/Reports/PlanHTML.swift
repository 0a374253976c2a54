import FabPlan

/// The HTML report of a capacity plan (`fabplan optimize --format html`).
enum PlanHTML {
    static func page(_ r: PlanReport) -> String {
        var page = HTMLPage(title: "Capacity plan: \(r.modelName)",
                            subtitle: "\(r.status.rawValue) (\(r.termination.rawValue)), \(r.objectiveKind.rawValue), "
                                + "\(r.mode.uppercased())" + (r.mipGap.map { ", MIP gap \(Fmt.n($0 * 100, 3))%" } ?? "")
                                + ", periods \(r.periods.first ?? "")–\(r.periods.last ?? "")")
        page.keyFigures(keyFigures(r))
        if let inf = r.infeasibility {
            page.section("Infeasible")
            page.paragraph(inf.explanation)
            var t = DataTable("shortfalls", [DataColumn("product"), DataColumn("period"), DataColumn("demand", "units"), DataColumn("short", "units")])
            for s in inf.shortfalls { t.add([.text(s.product), .text(s.period), .number(s.demand), .number(s.shortUnits)]) }
            page.table("Least possible shortfalls", t)
            return page.render()
        }
        addProducts(r, to: &page)
        addCapacity(r, to: &page)
        addSupply(r, to: &page)
        if let f = r.financials { addFinancials(f, currency: r.currency, to: &page) }
        if let risk = r.risk { RiskHTML.add(risk, to: &page) }
        return page.render()
    }

    static func keyFigures(_ r: PlanReport) -> [(label: String, value: String)] {
        var k: [(String, String)] = [("status", r.status.rawValue)]
        if let o = r.objective { k.append(("objective (\(r.objectiveKind == .maxOutput ? "good units" : r.currency))", Fmt.n(o))) }
        if let f = r.financials {
            k += [("profit (\(r.currency))", Fmt.n(f.profit)), ("revenue (\(r.currency))", Fmt.n(f.revenue)),
                  ("capital spend (\(r.currency))", Fmt.n(f.capitalSpend)), ("good units", Fmt.n(f.goodUnits)),
                  ("unmet demand (units)", Fmt.n(f.unmetUnits))]
            if let c = f.costPerGoodUnit { k.append(("cost per good unit (\(r.currency))", Fmt.n(c, 2))) }
        }
        k.append(("tools bought", Fmt.tools(r.purchases.reduce(0) { $0 + $1.tools }, mode: r.mode)))
        return k
    }

    /// Capacity against demand: one chart per product, output and unmet stacked, inventory beside, demand marked.
    static func addProducts(_ r: PlanReport, to page: inout HTMLPage) {
        page.section("Capacity against demand")
        var order: [String] = []
        for p in r.products where !order.contains(p.product) { order.append(p.product) }
        for product in order {
            let rows = r.periods.map { period in r.products.first { $0.product == product && $0.period == period } }
            page.chart(BandChart(
                title: "\(product): good output, unmet demand and inventory per period", xLabel: "period", yLabel: "units",
                categories: r.periods,
                groups: [[BarSeries(name: "good output", color: Palette.total, values: rows.map { $0?.goodOutput ?? 0 }),
                          BarSeries(name: "unmet", color: Palette.negative, values: rows.map { $0?.unmet ?? 0 })],
                         [BarSeries(name: "inventory", color: Palette.positive, values: rows.map { $0?.inventory ?? 0 })]],
                lines: [LineSeries(name: "demand", color: Palette.ink, values: rows.map { $0?.demand }, connect: false)],
                height: 260))
        }
        page.table("Products per period", PlanTables.products(r))
    }

    /// Utilization heatmap, purchase timeline and capital, ranked bottlenecks.
    static func addCapacity(_ r: PlanReport, to page: inout HTMLPage) {
        page.section("Stations")
        let rows = PlanRendering.utilizationGrid(r).map { row -> Heatmap.Row in
            let loaded = row.byPeriod.values.first { $0.loadHours > 0 && $0.availableHours > 0 }
            let cap = loaded.map { $0.utilization * $0.availableHours / $0.loadHours }
            return Heatmap.Row(label: "\(row.site)/\(row.station)", values: r.periods.map { row.byPeriod[$0]?.utilization }, cap: cap)
        }
        page.chart(Heatmap(title: "Utilization (share of up-time) by station and period", columnLabel: "period", columns: r.periods, rows: rows))
        if !r.purchases.isEmpty {
            page.chart(PurchaseTimeline(
                title: "Tool purchases: ordered and arriving", periods: r.periods,
                orders: r.purchases.map { .init(label: "\($0.site)/\($0.station)", ordered: $0.period, arrives: $0.arrivalPeriod,
                                                tools: $0.tools, capital: $0.capitalSpend) },
                currency: r.currency, mode: r.mode))
            let capital = r.periods.map { p in r.purchases.filter { $0.period == p }.reduce(0) { $0 + $1.capitalSpend } }
            page.chart(BandChart(title: "Capital spend on tools by order period", xLabel: "period", yLabel: r.currency,
                                 categories: r.periods, groups: [[BarSeries(name: "capital", color: Palette.total, values: capital)]],
                                 height: 240))
        }
        addBottlenecks(r, to: &page)
    }

    /// Bottlenecks charted (the rest are in the table).
    static let bottlenecksCharted = 20

    static func addBottlenecks(_ r: PlanReport, to page: inout HTMLPage) {
        guard !r.bottlenecks.isEmpty else { page.paragraph("No station limits the plan."); return }
        let perTool = r.shadowPriceUnit.replacingOccurrences(of: "per tool-hour", with: "per extra tool")
        let items = r.bottlenecks.prefix(bottlenecksCharted).map { b -> HBarChart.Item in
            let range = PlanTables.capacityRange(r, site: b.site, station: b.station, period: b.period)
            return .init(label: "\(b.site)/\(b.station) \(b.period)", value: b.valuePerExtraTool,
                         note: range.map { "\(Fmt.short($0.lower))–\(Fmt.short($0.upper)) tool-h" })
        }
        page.chart(HBarChart(title: "Bottlenecks ranked by the value of one more tool", valueLabel: perTool, items: Array(items)))
        page.table("All bottlenecks (capacity range: installed tool-hours over which the shadow price holds)", PlanTables.bottlenecks(r))
    }

    /// The fab against its ramp, and die sourcing per die type.
    static func addSupply(_ r: PlanReport, to page: inout HTMLPage) {
        guard !r.fab.isEmpty || !r.dies.isEmpty else { return }
        page.section("Wafers and dies")
        if !r.fab.isEmpty {
            let fab = r.periods.map { p in r.fab.first { $0.period == p } }
            let dieTypes = Array(Set(r.fab.flatMap { $0.waferStartsByDieType.keys })).sorted()
            let series = dieTypes.enumerated().map { i, d in
                BarSeries(name: "starts \(d)", color: Palette.color(i), values: fab.map { $0?.waferStartsByDieType[d] ?? 0 })
            }
            page.chart(BandChart(title: "Fab wafer starts against the ramp (capacity)", xLabel: "period", yLabel: "wafers",
                                 categories: r.periods,
                                 groups: [series.isEmpty ? [BarSeries(name: "wafer starts", color: Palette.total, values: fab.map { $0?.waferStarts ?? 0 })] : series],
                                 lines: [LineSeries(name: "capacity (ramp)", color: Palette.negative, values: fab.map { $0?.waferCapacity }, dashed: true)],
                                 height: 280))
        }
        var dieTypes: [String] = []
        for d in r.dies where !dieTypes.contains(d.dieType) { dieTypes.append(d.dieType) }
        for die in dieTypes {
            let rows = r.periods.map { p in r.dies.first { $0.dieType == die && $0.period == p } }
            page.chart(BandChart(title: "\(die): dies by source per period", xLabel: "period", yLabel: "dies",
                                 categories: r.periods,
                                 groups: [[BarSeries(name: "from the fab", color: Palette.total, values: rows.map { $0?.fromFab ?? 0 }),
                                           BarSeries(name: "bought from suppliers", color: Palette.color(1), values: rows.map { $0?.bought ?? 0 })]],
                                 height: 240))
        }
    }

    /// Revenue, each cost, profit as a waterfall; cost per good unit.
    static func addFinancials(_ f: Financials, currency: String, to page: inout HTMLPage) {
        page.section("Financials (whole horizon)")
        if let c = f.costPerGoodUnit {
            page.keyFigures([("cost per good unit (\(currency))", Fmt.n(c, 2)), ("good units", Fmt.n(f.goodUnits)),
                             ("shipped units", Fmt.n(f.shippedUnits))])
        }
        let steps = PlanRendering.waterfall(f)
        var running = 0.0
        var bases: [Double] = [], colors: [String] = []
        for (k, s) in steps.enumerated() {
            let isTotal = k == 0 || k == steps.count - 1
            bases.append(isTotal ? 0 : running)
            colors.append(isTotal ? Palette.total : (s.amount < 0 ? Palette.negative : Palette.positive))
            if k < steps.count - 1 { running += s.amount }
        }
        page.chart(BandChart(title: "Financial waterfall: revenue to profit", xLabel: "item", yLabel: currency,
                             categories: steps.map(\.label),
                             groups: [[BarSeries(name: "amount", color: Palette.total, values: steps.map(\.amount), base: bases, colors: colors)]]))
    }
}
