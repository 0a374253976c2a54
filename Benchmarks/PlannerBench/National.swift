import Foundation
import LineModel
import LinearSolver
import NationalModels
import Planner

/// `planner-bench --national SIZES [--mip] [--limit S] [--runs N]`: for each size (e.g. 6x40x120x20), the
/// generated model's formulation (stock and reference sizes), fabplan's in-process GLPK solve with the planner's
/// settings and HiGHS (1 thread) on the same exported free MPS, in one run. Prints one Markdown table.
func runNationalHarness(_ args: [String]) throws {
    let sizes = value(args, "--national").split(separator: ",").compactMap { NationalModel.Size(String($0)) }
    let mip = args.contains("--mip")
    let limit = Double(value(args, "--limit")) ?? 600
    let runs = Int(value(args, "--runs")) ?? 1
    print("## National-scale models, \(mip ? "MIP (integer tools, gap 1 %)" : "LP"): fabplan (GLPK in-process) and HiGHS 1 thread on the same MPS\n")
    print("| size | rows x columns | nonzeros (reference) | build s | fabplan solve s | status | objective | HiGHS s | HiGHS objective | ratio | plan end to end s | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size in sizes {
        let model = NationalModel.make(size)
        let t0 = now()
        let f = Formulation(model: model, objective: .maxProfit, integerTools: mip)
        let build = now() - t0
        let reference = Formulation(model: model, objective: .maxProfit, integerTools: mip, toolAccounting: .cumulative)
        var problem = f.problem
        problem.objectiveConstant = 0
        let mps = "\(outDir)/national-\(size)\(mip ? "-mip" : "").mps"
        try GLPKSolver.export(problem, to: URL(fileURLWithPath: mps), format: .freeMPS)
        var options = PlanOptions(objective: .maxProfit, integerTools: mip)
        options.timeLimitSeconds = limit
        options.mipGap = 0.01
        options.computeSensitivity = false
        var glpk: [Double] = []
        var solution: Solution? = nil
        for _ in 0..<runs {
            let t1 = now()
            solution = try GLPKSolver.solve(problem, options: CapacityPlanner.solverOptions(for: f, options: options))
            glpk.append(now() - t1)
        }
        let t2 = now()
        _ = try CapacityPlanner.optimize(model, options: options)
        let endToEnd = now() - t2
        let (highsSeconds, highsObjective, highsStatus) = highs(mps, gap: mip ? 0.01 : nil, limit: limit, runs: runs)
        let g = median(glpk)
        print("| \(size) | \(problem.rows.count) x \(problem.columns.count) | \(problem.entries.count) (\(reference.problem.entries.count)) "
              + "| \(fmt(build, 3)) | \(fmt(g, 2)) | \(solution?.termination.rawValue ?? "-") | \(fmt(solution?.objective ?? .nan, 3)) "
              + "| \(fmt(highsSeconds, 2)) \(highsStatus) | \(fmt(highsObjective, 3)) | \(fmt(g / highsSeconds, 2)) | \(fmt(endToEnd, 2)) | \(fmt(peakRSSMiB(), 0)) |")
        fflush(nil)  // one row at a time, also into a file
    }
    print()
}

/// `planner-bench --study SIZE [--limit S]`: GLPK's LP methods and settings on one generated size.
func runMethodStudy(_ args: [String]) throws {
    guard let size = NationalModel.Size(value(args, "--study")) else { return }
    let limit = Double(value(args, "--limit")) ?? 120
    let f = Formulation(model: NationalModel.make(size), objective: .maxProfit, integerTools: false)
    print("## GLPK settings on the \(size) LP (\(f.problem.rows.count) x \(f.problem.columns.count), \(f.problem.entries.count) nonzeros), limit \(Int(limit)) s\n")
    print("| settings | s | status | iterations | objective |")
    print("|---|---|---|---|---|")
    let configs: [(String, (inout SolverOptions) -> Void)] = [
        ("primal, scaling, advanced basis", { $0.lpMethod = .primalSimplex }),
        ("primal, scaling, presolve", { $0.lpMethod = .primalSimplex; $0.presolve = true }),
        ("dual, scaling, advanced basis", { $0.lpMethod = .dualSimplex }),
        ("dual, scaling, presolve", { $0.lpMethod = .dualSimplex; $0.presolve = true }),
        ("primal, no scaling", { $0.lpMethod = .primalSimplex; $0.scaling = false }),
        ("interior point", { $0.lpMethod = .interiorPoint }),
    ]
    let only = value(args, "--configs").split(separator: ",").compactMap { Int($0) }
    for (i, (name, configure)) in configs.enumerated() where only.isEmpty || only.contains(i) {
        var o = SolverOptions()
        o.timeLimitSeconds = limit
        configure(&o)
        let t0 = now()
        let s = try GLPKSolver.solve(f.problem, options: o)
        print("| \(name) | \(fmt(now() - t0, 2)) | \(s.termination.rawValue) | \(s.iterations) | \(fmt(s.objective ?? .nan, 4)) |")
        fflush(nil)
    }
    print()
}

/// HiGHS (Benchmarks/peers/highs_solve.py, 1 thread) on `mps`: median solver seconds and the objective.
func highs(_ mps: String, gap: Double?, limit: Double, runs: Int) -> (Double, Double, String) {
    var times: [Double] = []
    var objective = Double.nan
    var status = "-"
    for _ in 0..<runs {
        let r = run("python3 Benchmarks/peers/highs_solve.py \(mps) \(gap.map { String($0) } ?? "-") \(limit)")
        guard r.1 == 0, let line = r.2.split(separator: "\n").last(where: { $0.hasPrefix("solve ") }) else { continue }
        let words = line.split(separator: " ")
        times.append(Double(words[1]) ?? .nan)
        objective = Double(words.last ?? "") ?? .nan
        if let i = words.firstIndex(of: "status"), i + 1 < words.count { status = String(words[i + 1]).trimmingCharacters(in: .punctuationCharacters) }
    }
    return (times.isEmpty ? .nan : median(times), objective, status)
}

/// The argument after `flag`, or "".
func value(_ args: [String], _ flag: String) -> String {
    args.firstIndex(of: flag).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? ""
}

func fmt(_ x: Double, _ digits: Int) -> String { x.isNaN ? "-" : String(format: "%.\(digits)f", x) }

/// `planner-bench --run SIZE [--mip] [--limit S]`: one `CapacityPlanner.optimize` of the generated model under a
/// time limit, as the CLI runs it; prints one Markdown row: the size estimate, wall seconds, status and this
/// process's peak resident memory (run one size per process: peak memory only grows).
func runOnePlan(_ args: [String]) throws {
    guard let size = NationalModel.Size(value(args, "--run")) else { return }
    let mip = args.contains("--mip")
    let t0 = now()
    let model = NationalModel.make(size)
    let generated = now() - t0
    var options = PlanOptions(objective: .maxProfit, integerTools: mip)
    options.timeLimitSeconds = Double(value(args, "--limit")) ?? 60
    options.mipGap = 0.01
    let estimate = FormulationSize(model: model, integerTools: mip)
    let t1 = now()
    let status: String
    do {
        let report = try CapacityPlanner.optimize(model, options: options)
        status = "\(report.status.rawValue) (\(report.termination.rawValue))"
    } catch {
        status = "refused: \(error)"
    }
    print("| \(size) \(mip ? "MIP" : "LP") | \(estimate.rows) x \(estimate.columns), \(estimate.nonzeros) | "
          + "\(FormulationSize.megabytes(estimate.estimatedBytes)) | \(fmt(options.timeLimitSeconds ?? .nan, 0)) | \(fmt(now() - t1, 2)) | \(status) | "
          + "\(fmt(peakRSSMiB(), 0)) | \(fmt(generated, 2)) |")
}

/// `planner-bench --phases SIZE [--limit S]`: seconds of each phase of one LP planning run (validate, formulate,
/// GLPK solve with its own clock, report), to see where a time limit goes.
func runPhases(_ args: [String]) throws {
    guard let size = NationalModel.Size(value(args, "--phases")) else { return }
    let model = NationalModel.make(size)
    var options = PlanOptions(objective: .maxProfit, integerTools: false)
    options.timeLimitSeconds = Double(value(args, "--limit")) ?? 20
    var t = now()
    func lap() -> String { let d = now() - t; t = now(); return fmt(d, 2) }
    try model.validate()
    let validate = lap()
    let f = CapacityPlanner.formulate(model, options: options)
    let formulate = lap()
    let solverOptions = CapacityPlanner.solverOptions(for: f, options: options)
    let s = try GLPKSolver.solve(f.problem, options: solverOptions)
    let solve = lap()
    _ = try CapacityPlanner.solve(f, options: options)
    let solveAndReport = lap()
    print("| \(size) | validate \(validate) | formulate \(formulate) | GLPK call \(solve) (its clock \(fmt(s.solveSeconds, 2)), \(s.termination.rawValue)) | solve + report \(solveAndReport) |")
}
