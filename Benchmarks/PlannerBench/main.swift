// planner-bench: scaling of the capacity planner, and GLPK in-process against glpsol and HiGHS.
//
//   swift build -c release --product planner-bench
//   .build/release/planner-bench [--quick] [--flagship Models/vietnam-2030.yaml]
//
// Prints a Markdown table per experiment; see Benchmarks/RESULTS.md for recorded figures.
import Foundation
import LineModel
import LinearSolver
import Planner

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident memory of this process so far, MiB.
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

/// Runs a command and returns (wall seconds, exit status, stdout).
func run(_ exe: String, _ args: [String]) -> (Double, Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    let t0 = now()
    do { try p.run() } catch { return (.nan, -1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (now() - t0, p.terminationStatus, String(decoding: data, as: UTF8.self))
}

func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

let args = CommandLine.arguments
let quick = args.contains("--quick")
let flagshipPath = args.firstIndex(of: "--flagship").map { args[$0 + 1] } ?? "Models/vietnam-2030.yaml"
let outDir = "Benchmarks/out"
try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)

// 1. Flagship end to end (load + formulate + solve + report), median of 5.
if FileManager.default.fileExists(atPath: flagshipPath) {
    var times: [Double] = []
    var report: PlanReport? = nil
    for _ in 0..<5 {
        let t0 = now()
        let model = try LineModelLoader.load(path: flagshipPath)
        report = try CapacityPlanner.optimize(model)
        times.append(now() - t0)
    }
    print("## Flagship end to end (MIP, load + formulate + solve + report)\n")
    print("| model | status | objective | median s | min s |")
    print("|---|---|---|---|---|")
    print("| \(flagshipPath) | \(report!.status.rawValue) | \(report!.objective ?? .nan) | \(String(format: "%.4f", median(times))) | \(String(format: "%.4f", times.min()!)) |\n")
}

// 2. Scaling with model size (LP mode; the largest sizes get a time limit).
let sizes: [SyntheticModel.Size] = quick
    ? [.init(sites: 1, stations: 10, products: 5, periods: 5), .init(sites: 2, stations: 20, products: 20, periods: 8)]
    : [.init(sites: 1, stations: 10, products: 5, periods: 5), .init(sites: 2, stations: 20, products: 20, periods: 8),
       .init(sites: 4, stations: 30, products: 50, periods: 12), .init(sites: 6, stations: 40, products: 120, periods: 20),
       .init(sites: 10, stations: 40, products: 400, periods: 36)]
print("## Scaling (LP mode, dual simplex then primal, scaling on, presolve off)\n")
print("| size (sites x stations x products x periods) | rows | columns | nonzeros | build s | solve s | status | peak RSS MiB |")
print("|---|---|---|---|---|---|---|---|")
var midModel: LineModel? = nil
for size in sizes {
    let model = SyntheticModel.make(size)
    if size.products == 50 { midModel = model }
    let t0 = now()
    let f = Formulation(model: model, objective: .maxProfit, integerTools: false)
    let build = now() - t0
    var o = SolverOptions()
    o.timeLimitSeconds = 300
    let t1 = now()
    let s = try GLPKSolver.solve(f.problem, options: o)
    let solve = now() - t1
    print("| \(size) | \(f.problem.rows.count) | \(f.problem.columns.count) | \(f.problem.entries.count) | \(String(format: "%.3f", build)) | \(String(format: "%.3f", solve)) | \(s.termination.rawValue) | \(String(format: "%.0f", peakRSSMiB())) |")
}
print()

// 3. GLPK option study on the mid-size model.
if let model = midModel ?? Optional(SyntheticModel.make(.init(sites: 2, stations: 20, products: 20, periods: 8))) {
    let f = Formulation(model: model, objective: .maxProfit, integerTools: false)
    print("## GLPK configuration study (LP, \(f.problem.rows.count) rows x \(f.problem.columns.count) columns)\n")
    print("| configuration | median s (3 runs) | iterations | objective |")
    print("|---|---|---|---|")
    let configs: [(String, (inout SolverOptions) -> Void)] = [
        ("primal simplex, no scaling", { $0.lpMethod = .primalSimplex; $0.scaling = false }),
        ("primal simplex, scaling", { $0.lpMethod = .primalSimplex }),
        ("dual simplex, scaling", { $0.lpMethod = .dualSimplex }),
        ("dual then primal, scaling (default)", { $0.lpMethod = .dualThenPrimal }),
        ("dual then primal, scaling, presolve", { $0.lpMethod = .dualThenPrimal; $0.presolve = true }),
        ("interior point", { $0.lpMethod = .interiorPoint }),
    ]
    for (name, configure) in configs {
        var o = SolverOptions()
        o.timeLimitSeconds = 120
        configure(&o)
        var times: [Double] = []
        var last: Solution? = nil
        for _ in 0..<3 { let t0 = now(); last = try GLPKSolver.solve(f.problem, options: o); times.append(now() - t0) }
        print("| \(name) | \(String(format: "%.3f", median(times))) | \(last!.iterations) | \(last!.objective ?? .nan) |")
    }
    print()

    // 4. Same MPS: in-process vs glpsol vs HiGHS.
    let mps = "\(outDir)/planner-mid.mps"
    try GLPKSolver.export(f.problem, to: URL(fileURLWithPath: mps), format: .freeMPS)
    var o = SolverOptions()
    var inproc: [Double] = []
    var obj = Double.nan
    for _ in 0..<3 { let t0 = now(); let s = try GLPKSolver.solve(f.problem, options: o); inproc.append(now() - t0); obj = s.objective ?? .nan }
    o.lpMethod = .dualThenPrimal
    print("## Same model, side by side (exported free MPS, \(f.problem.rows.count) x \(f.problem.columns.count))\n")
    print("| solver | median wall s (3 runs) | ratio to in-process | objective |")
    print("|---|---|---|---|")
    let ip = median(inproc)
    print("| fabplan in-process GLPK (dual, scaling) | \(String(format: "%.3f", ip)) | 1.00 | \(obj) |")
    if let glpsol = which("glpsol") {
        var ts: [Double] = []
        for _ in 0..<3 { ts.append(run(glpsol, ["--freemps", mps, "--max", "--dual", "-o", "/dev/null"]).0) }
        print("| glpsol --dual (subprocess, incl. read) | \(String(format: "%.3f", median(ts))) | \(String(format: "%.2f", median(ts) / ip)) | - |")
    }
    if let py = which("python3") {
        let script = "Benchmarks/peers/highs_solve.py"
        var ts: [Double] = []
        var out = ""
        for _ in 0..<3 { let r = run(py, [script, mps]); if r.1 == 0 { ts.append(r.0); out = r.2 } }
        if !ts.isEmpty {
            let line = out.split(separator: "\n").last.map(String.init) ?? ""
            print("| HiGHS (highspy, subprocess incl. Python start) | \(String(format: "%.3f", median(ts))) | \(String(format: "%.2f", median(ts) / ip)) | \(line) |")
        } else {
            print("| HiGHS | not run (highspy not installed: pip install highspy) | | |")
        }
    }
    print()
}
