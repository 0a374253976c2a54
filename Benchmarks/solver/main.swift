// solver-bench: benchmarks of the GLPK solver layer. Build and run in release:
//   swift run -c release solver-bench [load|capacity|all] [repeats]
let args = CommandLine.arguments
let which = args.count > 1 ? args[1] : "all"
let repeats = args.count > 2 ? Int(args[2]) ?? 5 : 5
do {
    if which == "load" || which == "all" { try LoadBenchmark.run(repeats: repeats) }
    if which == "capacity" || which == "all" { try CapacityBenchmark.run(repeats: max(1, min(repeats, 3))) }
} catch {
    print("benchmark failed: \(error)")
}
