import FabPlan

/// Products in first-seen order.
func productOrder<T>(_ items: [T], _ product: (T) -> String) -> [String] {
    var order: [String] = []
    for i in items where !order.contains(product(i)) { order.append(product(i)) }
    return order
}

/// Periods in first-seen order.
func periodOrder<T>(_ items: [T], _ period: (T) -> String) -> [String] { productOrder(items, period) }

/// Monte Carlo risk of a plan (`optimize --risk-trials`, `evaluate`): P(meet demand), shortfall, binding stations.
enum RiskHTML {
    static func page(_ r: RiskReport, model: String) -> String {
        var page = HTMLPage(title: "Plan risk: \(model)", subtitle: "Monte Carlo, \(r.trials) trials, seed \(r.seed)")
        add(r, to: &page)
        return page.render()
    }

    static func add(_ r: RiskReport, to page: inout HTMLPage) {
        page.section("Risk (Monte Carlo, \(r.trials) trials, seed \(r.seed))")
        page.keyFigures([("mean service level", Fmt.pct(r.meanServiceLevel)),
                         ("total expected shortfall (units)", Fmt.n(r.totalExpectedShortfallUnits))])
        let periods = periodOrder(r.products) { $0.period }
        let products = productOrder(r.products) { $0.product }
        func value(_ product: String, _ period: String, _ get: (ProductRisk) -> Double) -> Double? {
            r.products.first { $0.product == product && $0.period == period }.map(get)
        }
        page.chart(BandChart(title: "P(meet demand) by product and period", xLabel: "period", yLabel: "probability",
                             categories: periods, groups: [],
                             lines: products.enumerated().map { i, p in
                                 LineSeries(name: p, color: Palette.color(i), values: periods.map { value(p, $0) { $0.probabilityMeetDemand } })
                             }))
        for p in products {
            page.chart(BandChart(title: "\(p): planned and mean simulated good output", xLabel: "period", yLabel: "units",
                                 categories: periods,
                                 groups: [[BarSeries(name: "planned good", color: Palette.color(7), values: periods.map { value(p, $0) { $0.plannedGoodUnits } ?? 0 })],
                                          [BarSeries(name: "mean good (simulated)", color: Palette.total, values: periods.map { value(p, $0) { $0.meanGoodUnits } ?? 0 })]],
                                 lines: [LineSeries(name: "demand", color: Palette.ink, values: periods.map { value(p, $0) { $0.demand } }, connect: false)],
                                 height: 240))
        }
        var most: [String: (share: Double, count: Int)] = [:]
        for p in r.products { for b in p.bindingStations { let m = most[b.station] ?? (0, 0); most[b.station] = (max(m.share, b.bindingFraction), m.count + 1) } }
        let items = most.sorted { $0.value.share > $1.value.share || ($0.value.share == $1.value.share && $0.key < $1.key) }.prefix(15)
            .map { HBarChart.Item(label: $0.key, value: $0.value.share, note: "in \($0.value.count) product-period(s)") }
        if !items.isEmpty {
            page.chart(HBarChart(title: "Stations that bind most often (highest share of trials over product-periods)",
                                 valueLabel: "share of trials", items: Array(items)))
        }
        page.table("Risk per product and period", RiskTables.products(r))
    }
}

/// A `fabplan yield` run: the distribution of good output, P(meet demand), die yields, binding stations.
enum YieldHTML {
    static func page(_ r: YieldReport, model: String) -> String {
        var page = HTMLPage(title: "Monte Carlo yield: \(model)",
                            subtitle: "\(r.trials) trials, seed \(r.seed), stopped by \(r.stoppedBy), worst relative SE "
                                + "\(Fmt.fixed(r.worstRelativeStandardError, 5)); quantiles from \(r.histogramBins)-bin histograms")
        let periods = periodOrder(r.products) { $0.period }
        let products = productOrder(r.products) { $0.product }
        func est(_ p: String, _ q: String) -> ProductEstimate? { r.products.first { $0.product == p && $0.period == q } }
        page.section("Good output")
        for p in products {
            let e = periods.map { est(p, $0) }
            page.chart(BandChart(title: "\(p): good output, P5–P95 band, median and demand", xLabel: "period", yLabel: "units",
                                 categories: periods,
                                 groups: [[BarSeries(name: "P5–P95", color: "#9db7d5", values: e.map { ($0?.goodUnits.p95 ?? 0) - ($0?.goodUnits.p5 ?? 0) },
                                                     base: e.map { $0?.goodUnits.p5 ?? 0 })]],
                                 lines: [LineSeries(name: "median (P50)", color: Palette.total, values: e.map { $0?.goodUnits.p50 }, connect: false),
                                         LineSeries(name: "mean", color: Palette.color(1), values: e.map { $0?.goodUnits.mean }),
                                         LineSeries(name: "demand", color: Palette.ink, values: e.map { $0?.demand }, dashed: true)],
                                 height: 260))
        }
        page.chart(BandChart(title: "P(meet demand) by product and period", xLabel: "period", yLabel: "probability",
                             categories: periods, groups: [],
                             lines: products.enumerated().map { i, p in
                                 LineSeries(name: p, color: Palette.color(i), values: periods.map { est(p, $0)?.probabilityMeetDemand })
                             }))
        addDieSupply(r, to: &page)
        let binding = r.stations.filter { $0.bindingFraction > 0 }.sorted { $0.bindingFraction > $1.bindingFraction }.prefix(15)
        if !binding.isEmpty {
            page.chart(HBarChart(title: "Stations that bind most often", valueLabel: "share of trials",
                                 items: binding.map { .init(label: "\($0.station) \($0.period)", value: $0.bindingFraction,
                                                            note: "utilization \(Fmt.pct($0.meanUtilization))") }))
        } else {
            page.paragraph("No station bound throughput in any trial.")
        }
        for t in RiskTables.yield(r) where !t.rows.isEmpty { page.table(t.name, t) }
        return page.render()
    }

    /// Per fab die type, the mean dies drawn from the fab and from suppliers per period, against the need.
    static func addDieSupply(_ r: YieldReport, to page: inout HTMLPage) {
        guard !r.dieYields.isEmpty else { return }
        page.section("Die supply (simulated)")
        for die in productOrder(r.dieYields, { $0.dieType }) {
            let rows = r.dieYields.filter { $0.dieType == die }
            page.chart(BandChart(title: "\(die): mean dies by source per period against the need", xLabel: "period", yLabel: "dies",
                                 categories: rows.map(\.period),
                                 groups: [[BarSeries(name: "from the fab", color: Palette.total, values: rows.map(\.supply.meanDiesFromFab)),
                                           BarSeries(name: "capped suppliers", color: Palette.color(1), values: rows.map(\.supply.meanDiesFromCappedSuppliers)),
                                           BarSeries(name: "uncapped supplier", color: Palette.color(2), values: rows.map(\.supply.meanDiesFromUncappedSuppliers))]],
                                 lines: [LineSeries(name: "dies needed", color: Palette.ink, values: rows.map(\.supply.meanDiesNeeded), connect: false)],
                                 height: 260))
        }
    }
}
