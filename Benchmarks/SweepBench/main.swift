// sweep-bench: what-if sweep on the flagship model, warm-started vs cold and 1 vs 2 threads (release build).
//
//     swift run -c release sweep-bench [model] [repeats]
//
// The grid (75 what-ifs, LP mode): fcbga-cpu demand x0.8..x1.2 (5) x mcu-test demand x0.8..x1.2 (5)
// x tool budget x0.8..x1.2 (3). Each configuration runs `repeats` times, interleaved (warm-1, cold-1, warm-2,
// cold-2 per round) so machine noise hits all alike; medians are reported. Warm = SweepRunner's warm path (one
// kept GLPK problem per worker, patched per point; anchor lines first, then each point from its anchor's basis);
// cold = one-shot primal simplex per point as `fabplan optimize`. "solver" is the summed time of the solver calls
// of the points (GLPK + report); "build" is applying the overrides, validating and building the formulation;
// "wall" is the whole run including the base solve.
import Foundation
import LineModel
import Planner
import LinearSolver

let arguments = CommandLine.arguments
let model = arguments.count > 1 ? arguments[1] : "Models/vietnam-2030.yaml"
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

let grid: SweepGrid
do {
    grid = SweepGrid(axes: [
        try SweepAxis.parse("products.fcbga-cpu.demand*=0.8:1.2:0.1"),
        try SweepAxis.parse("products.mcu-test.demand*=0.8:1.2:0.1"),
        try SweepAxis.parse("budget*=0.8:1.2:0.2"),
    ])
} catch {
    print("bad grid: \(error)")
    exit(2)
}
let plan = PlanOptions(objective: .maxProfit, integerTools: false)

struct Sample { var wall: Double; var solver: Double; var glpk: Double; var build: Double; var warmUsed: Int }
var samples: [String: [Sample]] = [:]
var outputs: [String: String] = [:]
var cpu: [String: [Double]] = [:]
/// CPU seconds (user + system) of this process so far: with 2 busy threads it grows twice as fast as wall time.
func cpuSeconds() -> Double {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
}
// SWEEP_BENCH_ONLY=warm-1 (comma-separated names) runs only those configurations and skips the other parts
// (for profiling one path with perf).
let only = ProcessInfo.processInfo.environment["SWEEP_BENCH_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
let configs: [(name: String, threads: Int, warm: Bool)] = [("warm-1", 1, true), ("cold-1", 1, false), ("warm-2", 2, true), ("cold-2", 2, false)]
    .filter { only?.contains($0.name) ?? true }

print("sweep-bench: \(model), \(grid.pointCount) what-ifs, LP, \(repeats) rounds, \(ProcessInfo.processInfo.activeProcessorCount) cores")
for round in 0..<repeats {
    for c in configs {
        do {
            let cpu0 = cpuSeconds()
            defer { cpu[c.name, default: []].append(cpuSeconds() - cpu0) }
            let (result, t) = try SweepRunner.run(file: model, grid: grid,
                                                  options: .init(plan: plan, threads: c.threads, warmStart: c.warm))
            samples[c.name, default: []].append(Sample(wall: t.wallSeconds, solver: t.pointSolveSeconds, glpk: t.pointGLPKSeconds,
                                                       build: t.pointBuildSeconds, warmUsed: t.warmStartsUsed))
            if round == 0 { outputs[c.name] = try result.json() }
        } catch {
            print("\(c.name) failed: \(error)")
            exit(1)
        }
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
func f(_ x: Double) -> String { String(format: "%.3f", x) }

print("| run | wall s (median) | solver calls s, summed | of which in GLPK | build s, summed | CPU s (user+sys) | warm starts used |")
print("|---|---:|---:|---:|---:|---:|---:|")
var med: [String: (wall: Double, solver: Double, build: Double, glpk: Double)] = [:]
for c in configs {
    let s = samples[c.name] ?? []
    let m = (median(s.map(\.wall)), median(s.map(\.solver)), median(s.map(\.build)), median(s.map(\.glpk)))
    med[c.name] = m
    print("| \(c.name) | \(f(m.0)) | \(f(m.1)) | \(f(m.3)) | \(f(m.2)) | \(f(median(cpu[c.name] ?? []))) | \(s.first?.warmUsed ?? 0)/\(grid.pointCount) |")
}
if let w1 = med["warm-1"], let c1 = med["cold-1"], let w2 = med["warm-2"] {
    print("")
    print("warm vs cold, 1 thread: GLPK \(f(c1.glpk / w1.glpk))x, solver calls \(f(c1.solver / w1.solver))x, whole sweep (wall) \(f(c1.wall / w1.wall))x")
    print("2 threads vs 1 (warm): wall \(f(w1.wall / w2.wall))x")
    if let c2 = med["cold-2"] { print("2 threads vs 1 (cold): wall \(f(c1.wall / c2.wall))x") }
}
// Same objectives warm and cold (LP optimum is unique in value even when the plan is not).
let decode = { (name: String) -> SweepResult? in outputs[name].flatMap { try? SweepResult.decode(json: Data($0.utf8)) } }
if let w = decode("warm-1"), let c = decode("cold-1"), let w2 = decode("warm-2") {
    let worst = zip(w.points, c.points).map { abs(($0.objective ?? 0) - ($1.objective ?? 0)) / max(1, abs($1.objective ?? 0)) }.max() ?? 0
    print("largest relative objective difference warm vs cold: \(worst)")
    print("warm 2-thread output identical to 1-thread: \(outputs["warm-1"] == outputs["warm-2"])")
    _ = w2
}

if only != nil { exit(0) }

// Solver layer only: the same 75 problems, built once, solved three ways, single thread, with the planner's
// settings: cold = one-shot primal simplex from GLPK's advanced basis (as `fabplan optimize`); warm = one-shot
// dual simplex from the base basis; kept = GLPKResolveSession (one GLPK problem patched per point) from the base
// basis. "in GLPK" is the C call's own clock (Solution.solveSeconds); "call" adds the Swift side of the call
// (validation, flat arrays or patch, result read-back).
do {
    let tree = try ScenarioLoader.tree(path: model)
    let baseModel = try ScenarioLoader.validate(tree)
    let baseProblem = Formulation(model: baseModel, objective: .maxProfit, integerTools: false).problem
    var coldOptions = SolverOptions()
    coldOptions.lpMethod = .primalSimplex
    var warmOptions = SolverOptions()
    warmOptions.lpMethod = .dualSimplex
    var quietOptions = warmOptions
    quietOptions.captureLog = false
    let baseSolution = try GLPKSolver.solve(baseProblem, options: coldOptions)
    var problems: [LinearProblem] = []
    for k in 0..<grid.pointCount {
        var variant = tree
        try ScenarioLoader.apply(zip(grid.axes, grid.values(ofPoint: k)).map { $0.override($1) }, to: &variant)
        problems.append(Formulation(model: try ScenarioLoader.validate(variant), objective: .maxProfit, integerTools: false).problem)
    }
    var iterations: [String: Int] = [:]
    var glpk: [String: [Double]] = [:], call: [String: [Double]] = [:]
    var worst = 0.0
    // "anchored": as SweepRunner's warm path on this grid: the anchor line of axis 0 (the axis the runner picks
    // here; the other axes at their middle value) from the base basis, then every point from the final basis of
    // the anchor with its axis-0 value (anchor solves included in the sums).
    let counts = grid.axes.map(\.values.count)
    let perValue0 = grid.pointCount / counts[0]
    let middleRest = (counts[1] - 1) / 2 * (perValue0 / counts[1]) + (counts.count > 2 ? (counts[2] - 1) / 2 : 0)
    let anchorPoints = (0..<counts[0]).map { $0 * perValue0 + middleRest }
    for _ in 0..<repeats {
        let session = GLPKResolveSession()
        let anchoredSession = GLPKResolveSession()
        let quietSession = GLPKResolveSession()
        var g: [String: Double] = [:], c: [String: Double] = [:]
        iterations = [:]
        var anchorBasis: [Basis?] = []
        func timedAnchored(_ body: () throws -> Solution) rethrows -> Solution {
            let t0 = DispatchTime.now()
            let s = try body()
            c["anchored", default: 0] += Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9
            g["anchored", default: 0] += s.solveSeconds
            iterations["anchored", default: 0] += s.iterations
            return s
        }
        for a in anchorPoints {
            anchorBasis.append(try timedAnchored { try anchoredSession.solve(problems[a], options: warmOptions, warmStart: baseSolution.basis) }.basis)
        }
        for (k, p) in problems.enumerated() where !anchorPoints.contains(k) {
            _ = try timedAnchored { try anchoredSession.solve(p, options: warmOptions, warmStart: anchorBasis[k / perValue0]) }
        }
        for p in problems {
            func timed(_ name: String, _ body: () throws -> Solution) rethrows -> Solution {
                let t0 = DispatchTime.now()
                let s = try body()
                c[name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1e9
                g[name, default: 0] += s.solveSeconds
                iterations[name, default: 0] += s.iterations
                return s
            }
            let cs = try timed("cold") { try GLPKSolver.solve(p, options: coldOptions) }
            _ = try timed("warm") { try GLPKSolver.solve(p, options: warmOptions, warmStart: baseSolution.basis) }
            let ks = try timed("kept") { try session.solve(p, options: warmOptions, warmStart: baseSolution.basis) }
            _ = try timed("kept, quiet") { try quietSession.solve(p, options: quietOptions, warmStart: baseSolution.basis) }
            worst = max(worst, abs((ks.objective ?? .nan) - (cs.objective ?? .nan)) / max(1, abs(cs.objective ?? 1)))
        }
        for (k, v) in g { glpk[k, default: []].append(v) }
        for (k, v) in c { call[k, default: []].append(v) }
    }
    print("")
    print("solver layer (1 thread, \(problems.count) problems of \(baseProblem.rows.count) rows x \(baseProblem.columns.count) columns, medians of \(repeats)):")
    print("| solve | in GLPK s | call s | simplex iterations |")
    print("|---|---:|---:|---:|")
    for name in ["cold", "warm", "kept", "kept, quiet", "anchored"] {
        print("| \(name) | \(f(median(glpk[name] ?? []))) | \(f(median(call[name] ?? []))) | \(iterations[name] ?? 0) |")
    }
    let cg = median(glpk["cold"] ?? []), cc = median(call["cold"] ?? [])
    print("  cold / warm: GLPK \(f(cg / median(glpk["warm"] ?? []))), call \(f(cc / median(call["warm"] ?? [])))x; cold / kept: GLPK \(f(cg / median(glpk["kept"] ?? [])))x, call \(f(cc / median(call["kept"] ?? [])))x; cold / anchored: GLPK \(f(cg / median(glpk["anchored"] ?? [])))x, call \(f(cc / median(call["anchored"] ?? [])))x")
    print("  largest relative objective difference kept vs cold: \(worst)")
    let probe = GLPKResolveSession()
    for p in problems { _ = try probe.solve(p, options: warmOptions, warmStart: baseSolution.basis) }
    print("  kept session: \(probe.builds) build(s), \(probe.patchedSolves) patched re-solves")
} catch {
    print("solver-layer part failed: \(error)")
}

// Problem size: the same sweep on the flagship copied 8 times (Enlarged.swift), warm vs cold, 1 thread.
do {
    let copies = 8
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-flagship-x\(copies)-\(getpid()).yaml").path
    try writeEnlargedModel(from: model, copies: copies, to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var warm: [SweepTimings] = [], cold: [SweepTimings] = []
    var rows = 0, columns = 0
    if let m = try? ScenarioLoader.load(path: path).model {
        let p = Formulation(model: m, objective: .maxProfit, integerTools: false).problem
        rows = p.rows.count; columns = p.columns.count
    }
    for _ in 0..<repeats {
        warm.append(try SweepRunner.run(file: path, grid: grid, options: .init(plan: plan, threads: 1, warmStart: true)).1)
        cold.append(try SweepRunner.run(file: path, grid: grid, options: .init(plan: plan, threads: 1, warmStart: false)).1)
    }
    let wg = median(warm.map(\.pointGLPKSeconds)), cg = median(cold.map(\.pointGLPKSeconds))
    let ws = median(warm.map(\.pointSolveSeconds)), cs = median(cold.map(\.pointSolveSeconds))
    let ww = median(warm.map(\.wallSeconds)), cw = median(cold.map(\.wallSeconds))
    print("")
    print("flagship x\(copies) (\(rows) rows x \(columns) columns), 75 what-ifs, 1 thread, warm starts used \(warm.first?.warmStartsUsed ?? 0)/75:")
    print("  GLPK cold \(f(cg)) s / warm \(f(wg)) s = \(f(cg / wg))x; solver calls \(f(cs / ws))x; whole sweep \(f(cw / ww))x")
} catch {
    print("enlarged-model part failed: \(error)")
}
