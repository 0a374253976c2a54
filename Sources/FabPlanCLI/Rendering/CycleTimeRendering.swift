import FabPlan

/// The plan's cycle-time section as a compact text table (the full figures are in the JSON report).
enum CycleTimeRendering {
    static func table(_ ct: CycleTimeReport) -> String {
        func hours(_ x: Double?) -> String { x.map { Fmt.n($0, 1) } ?? "unstable" }
        var t = TextTable("\nExpected cycle time and WIP (\(ct.queueModel.rawValue); hours, units; u ≥ 1 = unstable)",
                          header: ["product", "period", "cycle", "queue", "process", "WIP units", "target"])
        for p in ct.products {
            t.add([p.product, p.period, hours(p.cycleTimeHours), hours(p.queueHours), Fmt.n(p.processHours, 1),
                   p.wipUnits.map { Fmt.n($0) } ?? "-", p.targetHours.map { Fmt.n($0, 1) } ?? ""])
        }
        var out = t.render()
        if let o = ct.targets {
            out += "Cycle-time caps: \(o.plansSolved) plans, \(o.converged ? "converged" : "not converged (limit reached)"); "
                + o.caps.map { "\($0.site)/\($0.station) u ≤ \(Fmt.pct($0.cap)) (queue ≤ \(Fmt.n($0.queueLimitHours, 2)) h)" }
                    .joined(separator: ", ") + "\n"
        }
        return out
    }
}
