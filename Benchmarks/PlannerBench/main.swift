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

/// Runs a shell command line and returns (wall seconds, exit status, stdout).
func run(_ commandLine: String) -> (Double, Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", commandLine]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = Pipe()
    let t0 = now()
    do { try p.run() } catch { FileHandle.standardError.write(Data("run error: \(error)\n".utf8)); return (.nan, -1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (now() - t0, p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Solves `problem` in-process, then the same model exported as free MPS with glpsol and with HiGHS
/// (highspy), each timed as a subprocess run three times (median). The objective constant is left out of the
/// export (MPS readers disagree on its sign) and of the printed objectives.
func compareWithPeers(_ original: LinearProblem, label: String, options: SolverOptions, glpsolFlags: [String], mipGap: Double? = nil) throws {
    var problem = original
    problem.objectiveConstant = 0
    let mps = "\(outDir)/\(label.replacingOccurrences(of: " ", with: "-")).mps"
    try GLPKSolver.export(problem, to: URL(fileURLWithPath: mps), format: .freeMPS)
    // glpsol's MPS reader refuses OBJSENSE: write a copy without it and pass --max/--min instead.
    let text = try String(contentsOfFile: mps, encoding: .utf8)
    let glpsolMPS = mps.replacingOccurrences(of: ".mps", with: ".glpsol.mps")
    try text.replacingOccurrences(of: "OBJSENSE\n    MAX\n", with: "").write(toFile: glpsolMPS, atomically: true, encoding: .utf8)
    var inproc: [Double] = []
    var obj = Double.nan
    for _ in 0..<3 { let t0 = now(); let s = try GLPKSolver.solve(problem, options: options); inproc.append(now() - t0); obj = s.objective ?? .nan }
    let ip = median(inproc)
    print("## \(label), side by side (\(problem.rows.count) rows x \(problem.columns.count) columns, \(problem.columns.filter { $0.kind != .continuous }.count) integer)\n")
    print("| solver | median wall s (3 runs) | ratio to in-process | objective (without constant) |")
    print("|---|---|---|---|")
    print("| fabplan in-process GLPK | \(String(format: "%.4f", ip)) | 1.00 | \(String(format: "%.6f", obj)) |")
    let sense = problem.sense == .maximize ? "--max" : "--min"
    let gapFlag = mipGap.map { " --mipgap \($0)" } ?? ""
    var ts: [Double] = []
    var out = ""
    for _ in 0..<3 {
        let r = run("glpsol --freemps \(glpsolMPS) \(sense) \(glpsolFlags.joined(separator: " "))\(gapFlag) -o \(outDir)/glpsol.sol")
        if r.1 == 0 { ts.append(r.0); out = r.2 } else { FileHandle.standardError.write(Data("glpsol exit \(r.1)\n".utf8)) }
    }
    if ts.isEmpty { print("| glpsol | failed to run | | |") } else {
        let objLine = out.split(separator: "\n").last { $0.contains("mip =") || $0.contains("obj =") }.map(String.init) ?? ""
        print("| glpsol \(glpsolFlags.joined(separator: " ")) (subprocess, incl. reading the file) | \(String(format: "%.4f", median(ts))) | \(String(format: "%.2f", median(ts) / ip)) | \(objLine.trimmingCharacters(in: .whitespaces)) |")
    }
    ts = []
    for _ in 0..<3 {
        let r = run("python3 Benchmarks/peers/highs_solve.py \(mps) \(mipGap.map { String($0) } ?? "")")
        if r.1 != 0 { FileHandle.standardError.write(Data("highs exit \(r.1)\n".utf8)) }
        if r.1 == 0, let line = r.2.split(separator: "\n").last(where: { $0.hasPrefix("solve ") }) {
            ts.append(Double(line.split(separator: " ")[1]) ?? .nan)
            out = String(line)
        }
    }
    if ts.isEmpty { print("| HiGHS | not run (pip install highspy) | | |") } else {
        print("| HiGHS 1 thread (solver time inside Python) | \(String(format: "%.4f", median(ts))) | \(String(format: "%.2f", median(ts) / ip)) | \(out.split(separator: ",").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "") |")
    }
    print()
}

let args = CommandLine.arguments
let quick = args.contains("--quick")
let flagshipPath = args.firstIndex(of: "--flagship").map { args[$0 + 1] } ?? "Models/vietnam-2030.yaml"
let outDir = "Benchmarks/out"
try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
if args.contains("--national") { try runNationalHarness(args); exit(0) }
if args.contains("--study") { try runMethodStudy(args); exit(0) }
if args.contains("--run") { try runOnePlan(args); exit(0) }
if args.contains("--phases") { try runPhases(args); exit(0) }

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

    // The flagship MIP with the planner's solver settings against glpsol and HiGHS at the same gap.
    let model = try LineModelLoader.load(path: flagshipPath)
    let f = Formulation(model: model, objective: .maxProfit, integerTools: true)
    var o = SolverOptions()
    o.presolve = true; o.cuts = true; o.heuristics = false; o.branching = .pseudocost; o.backtracking = .bestProjection
    o.mipGap = 5e-4
    try compareWithPeers(f.problem, label: "flagship MIP", options: o, glpsolFlags: ["--cuts", "--pcost", "--bestp"], mipGap: 5e-4)
}

// 2. Scaling with model size (LP mode; the largest sizes get a time limit).
let sizes: [SyntheticModel.Size] = quick
    ? [.init(sites: 1, stations: 10, products: 5, periods: 5), .init(sites: 2, stations: 20, products: 20, periods: 8)]
    : [.init(sites: 1, stations: 10, products: 5, periods: 5), .init(sites: 2, stations: 20, products: 20, periods: 8),
       .init(sites: 4, stations: 30, products: 50, periods: 12), .init(sites: 6, stations: 40, products: 120, periods: 20),
       .init(sites: 10, stations: 40, products: 400, periods: 36)]
print("## Scaling (LP mode, primal simplex as the planner uses cold, scaling on, presolve off)\n")
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
    o.lpMethod = .primalSimplex
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

    var primal = SolverOptions()
    primal.lpMethod = .primalSimplex
    try compareWithPeers(f.problem, label: "synthetic mid-size LP", options: primal, glpsolFlags: ["--primal"])
    print()
}
