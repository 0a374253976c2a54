import FabPlan
import Foundation

/// Plain-text report of `fabplan optimize --stochastic K`.
enum StochasticRendering {
    static func table(_ r: StochasticReport) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "-" }
        var out = "Two-stage stochastic plan (\(r.mode), \(r.scenarios) scenarios, seed \(r.seed), "
            + "\(r.rows) rows x \(r.columns) columns, \(String(format: "%.2f", r.solveSeconds)) s)\n\n"
        out += "RP   (stochastic optimum, expected)   \(f(r.recourseProblem))  [\(r.recourseTermination)"
            + (r.recourseMIPGap.map { String(format: ", gap %.4f%%", $0 * 100) } ?? "") + "]\n"
        out += "EV   (deterministic, nominal model)   \(f(r.expectedValueProblem))\n"
        out += "EEV  (EV purchases over scenarios)    \(f(r.expectedResultOfEV))\n"
        out += "VSS  (value of stochastic solution)   \(f(r.valueOfStochasticSolution))\n"
        out += "WS   (wait-and-see)                   \(f(r.waitAndSee))\n"
        out += "EVPI (value of perfect information)   \(f(r.expectedValueOfPerfectInformation))\n\n"
        out += YieldTable.table(["site", "station", "period", "tools bought"],
                                r.purchases.map { [$0.site, $0.station, $0.period, String(format: "%.3f", $0.tools)] })
        return out
    }
}
