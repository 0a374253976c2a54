import FabPlan

/// Renders a `ComparisonReport`: figures as rows and plans as columns, then bottleneck shifts and inputs.
enum ComparisonRendering {
    static func json(_ r: ComparisonReport) throws -> String { try ReportJSON.encode(r) }

    /// The figure rows: label and one cell per plan.
    static func figureRows(_ r: ComparisonReport) -> [(String, [String])] {
        let c = r.currency
        func money(_ x: Double?) -> String { x.map { Fmt.n($0) } ?? "-" }
        func delta(_ x: Double?, _ base: Double?, _ k: Int) -> String {
            guard k > 0, let x, let base, base != 0 else { return "" }
            let d = (x - base) / abs(base)
            // trust: a delta between plans of unequal proof is flagged (footnote under the table).
            let flag = PlanQualityText.comparable(r.plans[k].figures.quality, r.plans[0].figures.quality) ? "" : " *"
            return " (" + (d >= 0 ? "+" : "") + Fmt.pct(d) + ")" + flag
        }
        let plans = r.plans
        let f0 = plans.first?.figures
        func row(_ label: String, _ get: (PlanKeyFigures) -> Double?, money: Bool = true, decimals: Int = 0) -> (String, [String]) {
            (label, plans.enumerated().map { k, p in
                let v = get(p.figures)
                return (v.map { Fmt.n($0, decimals) } ?? "-") + delta(v, f0.flatMap(get), k)
            })
        }
        var rows: [(String, [String])] = [
            ("status", plans.map { $0.figures.status.rawValue }),
        ] + PlanQualityText.rows(plans.map(\.figures.quality)) + [
            row("profit (\(c))", { $0.profit }),
            row("revenue (\(c))", { $0.revenue }),
            row("good units", { $0.goodUnits }),
            row("unmet demand (units)", { $0.unmetUnits }),
            row("capital spend (\(c))", { $0.capitalSpend }),
            row("tools bought", { $0.toolsBought }, decimals: 2),
        ]
        _ = money
        let products = Array(Set(plans.flatMap { $0.figures.routeYields.keys })).sorted()
        for product in products {
            rows.append(("route yield \(product)", plans.map { p in p.figures.routeYields[product].map { Fmt.pct($0) } ?? "-" }))
        }
        let n = plans.map(\.figures.topBottlenecks.count).max() ?? 0
        for i in 0..<n {
            rows.append(("bottleneck #\(i + 1)", plans.map { p in i < p.figures.topBottlenecks.count ? p.figures.topBottlenecks[i] : "-" }))
        }
        return rows
    }

    static func table(_ r: ComparisonReport, markdown: Bool) -> String {
        let header = ["figure"] + r.plans.map(\.name)
        let rows = figureRows(r)
        var out = ""
        if markdown {
            out += "## Plans (\(r.objective.rawValue), \(r.mode.uppercased()))\n\n"
            out += "| " + header.joined(separator: " | ") + " |\n"
            out += "|" + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: "|") + "|\n"
            for (label, cells) in rows { out += "| " + ([label] + cells).joined(separator: " | ") + " |\n" }
        } else {
            var t = TextTable("Plans (\(r.objective.rawValue), \(r.mode.uppercased())); changes against \(r.plans.first?.name ?? "the base")",
                              header: header)
            for (label, cells) in rows { t.add([label] + cells) }
            out += t.render()
        }
        out += PlanQualityText.footnote(names: r.plans.map(\.name), qualities: r.plans.map(\.figures.quality))  // trust
        let h = markdown ? "\n## " : "\n"
        out += "\(h)Bottleneck shifts (top \(r.plans.first?.figures.topBottlenecks.count ?? 0) against \(r.plans.first?.name ?? "base"))\n"
        if markdown { out += "\n" }
        for p in r.plans.dropFirst() {
            let gained = p.bottlenecksGained.isEmpty ? "none" : p.bottlenecksGained.joined(separator: ", ")
            let lost = p.bottlenecksLost.isEmpty ? "none" : p.bottlenecksLost.joined(separator: ", ")
            out += (markdown ? "- **\(p.name)**" : "  \(p.name)") + ": new \(gained); relieved \(lost)\n"
        }
        out += "\(h)Input differences\n"
        if markdown { out += "\n" }
        for p in r.plans {
            let title = p.name + (p.overrides.isEmpty ? "" : " (\(p.overrides.count) override\(p.overrides.count == 1 ? "" : "s"))")
            out += markdown ? "- **\(title)** (`\(p.file)`)\n" : "  \(title): \(p.file)\n"
            for o in p.overrides {
                let at = o.location.map { " [\($0)]" } ?? ""
                out += markdown ? "  - override: `\(o)`\n" : "      override  \(o)\(at)\n"
            }
            let shown = p.differencesFromBase.prefix(40)
            for d in shown { out += markdown ? "  - `\(d)`\n" : "      value     \(d)\n" }
            if p.differencesFromBase.count > shown.count {
                out += (markdown ? "  - " : "      ") + "... \(p.differencesFromBase.count - shown.count) more (see --format json)\n"
            }
        }
        return out
    }

    static func csv(_ r: ComparisonReport) -> String {
        let products = Array(Set(r.plans.flatMap { $0.figures.routeYields.keys })).sorted()
        var t = CSVTable(header: ["scenario", "file", "status", "objective", "profit", "revenue", "good_units", "unmet_units",
                                  "capital_spend", "tools_bought"] + products.map { "route_yield:\($0)" }
                                  + ["top_bottlenecks", "overrides", "changed_values", "proof", "best_bound", "absolute_gap"])
        func raw(_ x: Double?) -> String { x.map(Fmt.raw) ?? "" }
        for p in r.plans {
            let f = p.figures
            t.add([p.name, p.file, f.status.rawValue, raw(f.objective), raw(f.profit), raw(f.revenue), raw(f.goodUnits),
                   raw(f.unmetUnits), raw(f.capitalSpend), raw(f.toolsBought)] + products.map { raw(f.routeYields[$0]) }
                  + [f.topBottlenecks.joined(separator: "; "), p.overrides.map(\.description).joined(separator: "; "),
                     String(p.differencesFromBase.count), f.quality?.proof.rawValue ?? "", raw(f.quality?.bestBound),
                     raw(f.quality?.absoluteGap)])
        }
        return t.render()
    }
}
