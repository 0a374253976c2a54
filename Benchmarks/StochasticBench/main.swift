import Foundation
import LineModel
import LinearSolver
import Planner

// Stochastic-planning benchmark (release build), Benchmarks/results/risk.md:
//
//   swift run -c release stochastic-bench [MODEL] [--k 1,5,10,25,50] [--threads 1,2] [--lp] [--skip-formulations]
//
// 1. Formulations: the MIPs of the model and of every scenario in Models/scenarios, solved with the planner's
//    settings twice, side by side: integer orders per period only (the old formulation: LP columns made integer)
//    and orders plus integer order counts (C8, the planner's formulation now).
// 2. The two-stage stochastic plan for each K and thread count: wall time, RP gap, WS solved, peak RSS.

struct Arguments {
    var rest: [String]
    mutating func option(_ name: String) -> String? {
        guard let i = rest.firstIndex(of: name), i + 1 < rest.count else { return nil }
        defer { rest.removeSubrange(i...(i + 1)) }
        return rest[i + 1]
    }
    mutating func flag(_ name: String) -> Bool {
        guard let i = rest.firstIndex(of: name) else { return false }
        rest.remove(at: i)
        return true
    }
}
var args = Arguments(rest: Array(CommandLine.arguments.dropFirst()))
let ks = (args.option("--k") ?? "1,5,10,25,50").split(separator: ",").compactMap { Int($0) }
let threadCounts = (args.option("--threads") ?? "2,1").split(separator: ",").compactMap { Int($0) }
let lpMode = args.flag("--lp")
let skipFormulations = args.flag("--skip-formulations")
let rpSettings = args.flag("--rp-settings")
let path = args.rest.first ?? "Models/vietnam-2030.yaml"

func now() -> Double { Date().timeIntervalSince1970 }
func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
func pct(_ x: Double?) -> String { x.map { String(format: "%.3f %%", $0 * 100) } ?? "-" }

let model = try LineModelLoader.load(path: path)

if !skipFormulations && !lpMode {
    print("## MIP formulations: integer orders per period vs orders + integer order counts (C8), 60 s limit, gap 0.05 %\n")
    print("| model | orders only: s | stop | gap | orders + counts: s | stop | gap | ratio |")
    print("|---|---:|---|---:|---:|---|---:|---:|")
    let dir = (path as NSString).deletingLastPathComponent + "/scenarios"
    var files = [path]
    if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
        files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
    }
    var o = SolverOptions()
    o.timeLimitSeconds = 60; o.mipGap = 5e-4; o.lpMethod = .primalSimplex; o.presolve = true; o.cuts = true
    o.heuristics = false; o.branching = .pseudocost; o.backtracking = .bestProjection; o.computeMIPDuals = false
    for file in files {
        let m = try ScenarioLoader.load(path: file).model
        let lp = Formulation(model: m, objective: .maxProfit, integerTools: false)
        var perPeriod = lp.problem
        for series in lp.columns.buys { for (_, j) in series.entries { perPeriod.columns[j.raw].kind = .integer } }
        let counts = Formulation(model: m, objective: .maxProfit, integerTools: true).problem
        let t0 = now()
        let a = try GLPKSolver.solve(perPeriod, options: o)
        let t1 = now()
        let b = try GLPKSolver.solve(counts, options: o)
        let t2 = now()
        print("| \((file as NSString).lastPathComponent) | \(String(format: "%.2f", t1 - t0)) | \(a.termination.rawValue) | \(pct(a.mipGap)) | "
              + "\(String(format: "%.2f", t2 - t1)) | \(b.termination.rawValue) | \(pct(b.mipGap)) | \(String(format: "%.1fx", (t1 - t0) / (t2 - t1))) |")
    }
    print("")
}

if rpSettings {
    // GLPK settings study on the merged RP MIP of the first K (one solve each, 60 s limit, gap 0.05 %).
    let k = ks.first ?? 50
    let rp = StochasticFormulation(models: ScenarioSampler.scenarios(of: model, count: k, seed: 1),
                                   objective: .maxProfit, integerTools: true).problem
    print("## RP MIP of K = \(k) (\(rp.rows.count) x \(rp.columns.count)): GLPK settings\n")
    print("| settings | s | stop | gap |")
    print("|---|---:|---|---:|")
    var variants: [(String, SolverOptions)] = []
    var base = SolverOptions()
    base.timeLimitSeconds = 60; base.mipGap = 5e-4; base.lpMethod = .primalSimplex; base.presolve = true; base.cuts = true
    base.heuristics = false; base.branching = .pseudocost; base.backtracking = .bestProjection; base.computeMIPDuals = false
    variants.append(("planner (presolve, cuts, pseudocost, best projection)", base))
    var v = base; v.cuts = false; variants.append(("no cuts", v))
    v = base; v.branching = .driebeckTomlin; variants.append(("Driebeck-Tomlin branching", v))
    v = base; v.branching = .mostFractional; variants.append(("most fractional branching", v))
    v = base; v.backtracking = .bestLocalBound; variants.append(("best local bound", v))
    v = base; v.backtracking = .depthFirst; variants.append(("depth first", v))
    v = base; v.presolve = false; variants.append(("no presolve", v))
    var problems = variants.map { _ in rp }
    if ProcessInfo.processInfo.environment["TIEBREAK"] != nil {
        variants = [("planner", base), ("planner + late-purchase tie-break 1e-6", base), ("planner + tie-break 1e-4", base)]
        let sf = StochasticFormulation(models: ScenarioSampler.scenarios(of: model, count: k, seed: 1), objective: .maxProfit, integerTools: true)
        let T = model.periods.count
        func tie(_ eps: Double) -> LinearProblem {
            var q = rp
            for series in sf.scenarios[0].columns.buys {
                for (t, j) in series.entries { let m = sf.columnMap[0][j.raw]; q.columns[m].objective += q.columns[m].objective * eps * Double(T - 1 - t) }
            }
            return q
        }
        problems = [rp, tie(1e-6), tie(1e-4)]
    }
    for (i, (name, o)) in variants.enumerated() {
        let t0 = now()
        let s = try GLPKSolver.solve(problems[i], options: o)
        print("| \(name) | \(String(format: "%.1f", now() - t0)) | \(s.termination.rawValue) | \(pct(s.mipGap)) |")
    }
    print("")
}

print("## Two-stage stochastic plan (\(lpMode ? "LP" : "MIP")), seed 1, budget 60 s\n")
print("| K | rows x columns | threads | wall s | RP stop | RP gap | WS solved | VSS | EVPI | peak RSS MB |")
print("|---:|---|---:|---:|---|---:|---:|---:|---:|---:|")
for k in ks {
    for threads in threadCounts {
        let t0 = now()
        let r = try StochasticPlanner.plan(model, scenarioCount: k, seed: 1, integerTools: !lpMode, threads: threads)
        let wall = now() - t0
        print("| \(k) | \(r.rows) x \(r.columns) | \(r.threads) | \(String(format: "%.2f", wall)) | \(r.recourseTermination) | "
              + "\(pct(r.recourseMIPGap)) | \(r.waitAndSeeSolved)/\(k) | \(String(format: "%.3g", r.valueOfStochasticSolution ?? .nan)) | "
              + "\(String(format: "%.3g", r.expectedValueOfPerfectInformation)) | \(String(format: "%.1f", peakRSSMegabytes())) |")
    }
}
