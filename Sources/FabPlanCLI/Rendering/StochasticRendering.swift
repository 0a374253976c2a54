import FabPlan
import Foundation

/// Plain-text report of `fabplan optimize --stochastic K`.
enum StochasticRendering {
    static func table(_ r: StochasticReport) -> String {
        func f(_ x: Double?) -> String { x.map { Fmt.fixed($0, 2) } ?? "-" }
        var out = "Two-stage stochastic plan (\(r.mode), \(r.scenarios) scenarios, seed \(r.seed), "
            + "\(r.rows) rows x \(r.columns) columns, \(r.threads) threads, \(Fmt.fixed(r.solveSeconds, 2)) s)\n\n"
        out += "RP   (stochastic optimum, expected)   \(f(r.recourseProblem))  [\(r.recourseTermination)"
            + (r.recourseMIPGap.map { ", gap \(Fmt.fixed($0 * 100, 4))%" } ?? "")
            + (r.recourseBound.map { ", bound \(f($0))" } ?? "") + "]\n"
        if r.planSource != "recourse problem" {
            out += "     (the plan is the deterministic plan's purchases: the RP search found nothing better in time)\n"
        }
        out += "EV   (deterministic, nominal model)   \(f(r.expectedValueProblem))\n"
        out += "EEV  (EV purchases over scenarios)    \(f(r.expectedResultOfEV))\n"
        out += "VSS  (value of stochastic solution)   \(f(r.valueOfStochasticSolution))\n"
        out += "WS   (wait-and-see)                   \(f(r.waitAndSee))  [\(r.waitAndSeeSolved) of \(r.scenarios) scenarios solved"
            + (r.waitAndSeeBound.map { ", bound \(f($0))" } ?? "") + "]\n"
        out += "EVPI (value of perfect information)   \(f(r.expectedValueOfPerfectInformation))\n\n"
        out += YieldTable.table(["site", "station", "period", "tools bought"],
                                r.purchases.map { [$0.site, $0.station, $0.period, Fmt.tools($0.tools, mode: r.mode)] })
        return out
    }
}
