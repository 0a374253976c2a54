import FabPlan

/// `fabplan compare --format html`: key figures side by side, charts per figure, bottleneck shifts, inputs.
enum ComparisonHTML {
    static func page(_ r: ComparisonReport) -> String {
        var page = HTMLPage(title: "Plan comparison", subtitle: "\(r.plans.count) plans, \(r.objective.rawValue), \(r.mode.uppercased()); "
                                + "changes against \(r.plans.first?.name ?? "the base")")
        page.section("Key figures")
        var t = DataTable("figures", [DataColumn("figure")] + r.plans.map { DataColumn($0.name) })
        for (label, cells) in ComparisonRendering.figureRows(r) { t.add([.text(label)] + cells.map { .text($0) }) }
        page.table("Key figures (change against the base in brackets)", t)
        let names = r.plans.map(\.name)
        let figures: [(String, String, (PlanKeyFigures) -> Double?)] = [
            ("Profit", r.currency, { $0.profit }), ("Capital spend", r.currency, { $0.capitalSpend }),
            ("Unmet demand", "units", { $0.unmetUnits }), ("Tools bought", "tools", { $0.toolsBought })]
        for (k, (name, unit, get)) in figures.enumerated() {
            page.chart(BandChart(title: "\(name) by plan", xLabel: "plan", yLabel: unit, categories: names,
                                 groups: [[BarSeries(name: name.lowercased(), color: Palette.color(k), values: r.plans.map { get($0.figures) ?? 0 })]],
                                 height: 240))
        }
        page.section("Bottleneck shift")
        var shift = DataTable("bottleneck shift", [DataColumn("plan"), DataColumn("top bottlenecks"), DataColumn("new"), DataColumn("relieved")])
        for (k, p) in r.plans.enumerated() {
            shift.add([.text(p.name), .text(p.figures.topBottlenecks.joined(separator: ", ")),
                       .text(k == 0 ? "(base)" : p.bottlenecksGained.joined(separator: ", ")),
                       .text(k == 0 ? "" : p.bottlenecksLost.joined(separator: ", "))])
        }
        page.table("Top bottlenecks per plan, and how they shift against the base", shift)
        page.section("Input differences")
        for p in r.plans {
            page.paragraph("\(p.name) (\(p.file)): \(p.overrides.count) override(s), \(p.differencesFromBase.count) changed value(s)")
            page.list(p.overrides.map { "override \($0)" } + p.differencesFromBase.prefix(40).map { "\($0)" })
        }
        return page.render()
    }
}

/// `fabplan sweep --format html`: the base plan's figures, a chart along each varied axis, every point.
enum SweepHTML {
    /// Lines per chart at most (one per combination of the other axes' values).
    static let linesPerChart = 8

    static func page(_ r: SweepResult) -> String {
        var page = HTMLPage(title: "Sweep: \(r.model)", subtitle: "\(r.pointCount) points, \(r.objective.rawValue), \(r.mode.uppercased())")
        page.keyFigures([("base profit", r.base.profit.map { Fmt.n($0) } ?? "-"), ("base unmet (units)", r.base.unmetUnits.map { Fmt.n($0) } ?? "-"),
                         ("base capital", r.base.capitalSpend.map { Fmt.n($0) } ?? "-"), ("points", String(r.points.count))])
        let figures: [(String, (SweepPoint) -> Double?)] = [("profit", { $0.profit }), ("unmet demand (units)", { $0.unmetUnits }),
                                                            ("capital spend", { $0.capitalSpend })]
        for (a, axis) in r.grid.axes.enumerated() {
            page.section("Along \(axisName(axis))")
            for (name, get) in figures { page.chart(alongAxis(r, axis: a, figure: name, get)) }
        }
        page.section("Points")
        var t = DataTable("points", [DataColumn("index")] + r.grid.axes.map { DataColumn(axisName($0)) }
                          + [DataColumn("status"), DataColumn("profit"), DataColumn("unmet", "units"), DataColumn("capital spend"),
                             DataColumn("tools bought", "tools"), DataColumn("top bottleneck")])
        for p in r.points {
            t.add([.number(Double(p.index))] + p.values.map { .number($0) }
                  + [.text(p.status?.rawValue ?? "invalid"), .num(p.profit), .num(p.unmetUnits), .num(p.capitalSpend),
                     .num(p.toolsBought), .text(p.topBottleneck ?? p.error ?? "")])
        }
        page.table("Every point", t)
        return page.render()
    }

    static func axisName(_ a: SweepAxis) -> String { a.operation == .scale ? "\(a.path) (× scale)" : a.path }

    /// `figure` along axis `a`: one line per combination of the other axes' values (the first `linesPerChart`).
    static func alongAxis(_ r: SweepResult, axis a: Int, figure: String, _ get: (SweepPoint) -> Double?) -> BandChart {
        let axis = r.grid.axes[a]
        var lines: [[Double]: [Double?]] = [:]
        var order: [[Double]] = []
        for p in r.points where p.values.count == r.grid.axes.count {
            var others = p.values
            others.remove(at: a)
            if lines[others] == nil { order.append(others); lines[others] = Array(repeating: nil, count: axis.values.count) }
            if let i = axis.values.firstIndex(of: p.values[a]) { lines[others]![i] = get(p) }
        }
        let otherAxes = r.grid.axes.enumerated().filter { $0.offset != a }.map(\.element)
        let series = order.prefix(linesPerChart).enumerated().map { k, key in
            LineSeries(name: otherAxes.isEmpty ? figure : zip(otherAxes, key).map { "\($0.0.path)=\(Fmt.short($0.1))" }.joined(separator: ", "),
                       color: Palette.color(k), values: lines[key]!)
        }
        let unit = figure.contains("units") ? "units" : "currency"
        return BandChart(title: "\(figure) along \(axisName(axis))", xLabel: axisName(axis), yLabel: unit,
                         categories: axis.values.map { Fmt.short($0) }, groups: [], lines: series, height: 260)
    }
}

/// `fabplan optimize --stochastic K --format html`: RP, EV, EEV, WS and the value measures.
enum StochasticHTML {
    static func page(_ r: StochasticReport, model: String, currency: String) -> String {
        var page = HTMLPage(title: "Two-stage stochastic plan: \(model)",
                            subtitle: "\(r.scenarios) scenarios, seed \(r.seed), \(r.objectiveKind.rawValue), \(r.mode.uppercased()), "
                                + "RP \(r.recourseTermination)" + (r.recourseMIPGap.map { ", gap \(Fmt.n($0 * 100, 3))%" } ?? ""))
        page.keyFigures([("VSS (value of the stochastic solution)", r.valueOfStochasticSolution.map { Fmt.n($0) } ?? "-"),
                         ("EVPI (value of perfect information)", Fmt.n(r.expectedValueOfPerfectInformation)),
                         ("WS scenarios solved", "\(r.waitAndSeeSolved) of \(r.scenarios)"), ("plan source", r.planSource)])
        let labels = ["RP (stochastic plan)", "EV (nominal model)", "EEV (EV plan over scenarios)", "WS (wait and see)"]
        let values = [r.recourseProblem, r.expectedValueProblem, r.expectedResultOfEV ?? 0, r.waitAndSee]
        let bounds: [Double?] = [r.recourseBound, nil, nil, r.waitAndSeeBound]
        page.chart(BandChart(title: "Expected objective of each plan", xLabel: "measure", yLabel: r.objectiveKind == .maxOutput ? "good units" : currency,
                             categories: labels, groups: [[BarSeries(name: "value", color: Palette.total, values: values)]],
                             lines: bounds.contains { $0 != nil } ? [LineSeries(name: "solver bound", color: Palette.negative, values: bounds, connect: false)] : []))
        page.paragraph("The scenarios' individual values are not in the stochastic report; the spread between WS and EEV (and the WS bound) is what it records.")
        var t = DataTable("purchases", [DataColumn("site"), DataColumn("station"), DataColumn("period"), DataColumn("tools", "tools")])
        for p in r.purchases { t.add([.text(p.site), .text(p.station), .text(p.period), .number(p.tools)]) }
        page.table("First-stage tool purchases", t)
        return page.render()
    }
}
