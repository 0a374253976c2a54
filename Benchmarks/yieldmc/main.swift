// yieldmc-bench: the Monte Carlo estimator and its samplers against a numpy implementation of the same random
// model, side by side in one run. Usage (from the package root, release build):
//
//   swift build -c release --product yieldmc-bench
//   .build/release/yieldmc-bench [--trials N] [--rounds R] [--sampler-seconds S] [--no-numpy] [--python python3]
//                                [--table-only] [--only-model TEXT] [--defect-density D0] [--only-sampler TEXT]
//                                [--scaling-trials N] [--aggregate-bias]
//
// --aggregate-bias measures the aggregate rule's bias on P(meet) and expected shortfall against per-lot sampling
// (AggregateBias.swift) instead of timing; use --trials 400000 or more.
//
// The 2-thread speed-up (2T/1T) is timed on separate runs of --scaling-trials trials (default 400,000; 20,000
// trials take ~40 ms, too short to time on a shared VM); the comparisons with numpy use --trials on both sides.
//
// Profiling aids: --only-model keeps the models whose name contains TEXT ("617" or "240"); --defect-density 0
// switches the fab's sampling off on both sides (every wafer all good), which isolates the back-end's cost.
//
// Each round runs, back to back: Swift 1 thread, Swift 2 threads, the numpy peer (same model, same trials), for
// both sampling modes (exact tables / the model as written), then every sampler in Swift and in numpy. Ratios are taken within a round and the median
// over rounds is reported, because the 2-vCPU VM is shared and absolute speed drifts by ±30 %.
// Single-thread rates use CPU time (Swift: process/thread CPU clock; numpy: time.process_time()); the
// 2-thread speed-up uses wall time.
import Dispatch
import Foundation
import YieldMC

struct Options {
    var trials = 20_000
    var rounds = 3
    var samplerSeconds = 0.3
    var numpy = true
    var python = "python3"
    var tableOnly = false
    var onlySampler: String? = nil
    var onlyModel: String? = nil
    /// Trials of the 1-thread against 2-thread wall-time runs (long enough to time on a shared VM).
    var scalingTrials = 400_000
    var defectDensity = BenchModel.defectDensityPerCm2
    /// Measure the aggregate rule's bias against per-lot sampling instead of timing (`AggregateBias`).
    var aggregateBias = false

    init(_ args: [String]) {
        var i = 1
        func value() -> String { i += 1; return i < args.count ? args[i] : "" }
        while i < args.count {
            switch args[i] {
            case "--trials": trials = Int(value()) ?? trials
            case "--rounds": rounds = Int(value()) ?? rounds
            case "--sampler-seconds": samplerSeconds = Double(value()) ?? samplerSeconds
            case "--no-numpy": numpy = false
            case "--python": python = value()
            case "--table-only": tableOnly = true
            case "--only-sampler": onlySampler = value()
            case "--only-model": onlyModel = value()
            case "--scaling-trials": scalingTrials = Int(value()) ?? scalingTrials
            case "--defect-density": defectDensity = Double(value()) ?? defectDensity
            case "--aggregate-bias": aggregateBias = true
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
    }
}

func median(_ xs: [Double]) -> Double { xs.isEmpty ? .nan : xs.sorted()[xs.count / 2] }

func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func wallSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }

struct RunTiming { var wallRate: Double; var cpuRate: Double; var report: YieldReport }

func timeEstimator(_ estimator: YieldEstimator, trials: Int, threads: Int, seed: UInt64) -> RunTiming {
    let wall = wallSeconds(), cpu = processCPUSeconds()
    let report = estimator.run(.trials(trials), seed: seed, threads: threads)
    let w = wallSeconds() - wall, c = processCPUSeconds() - cpu
    return RunTiming(wallRate: Double(trials) / w, cpuRate: Double(trials) / c, report: report)
}

/// Runs the numpy peer once and returns its JSON output.
func runNumpy(python: String, inputPath: String, trials: Int, samplerSeconds: Double) -> [String: Any]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "Benchmarks/peers/yield_numpy.py", inputPath, "--trials", String(trials),
                         "--repeats", "1", "--sampler-seconds", String(samplerSeconds)]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { print("numpy peer failed to start: \(error)"); return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        print("numpy peer failed (status \(process.terminationStatus))")
        return nil
    }
    return object
}

/// Control experiment: speed-up of a pure arithmetic loop on 2 threads against 1, to show how much of the
/// second vCPU the shared VM actually gave this run (other processes may be using it).
@inline(never)
func machineSpeedup() -> Double {
    func busy(_ iterations: Int) -> Double {
        let start = wallSeconds()
        DispatchQueue.concurrentPerform(iterations: iterations) { _ in
            var x = 0.0
            for k in 0..<60_000_000 { x += Double(k & 7) }
            if x == 1 { print(x) }
        }
        return wallSeconds() - start
    }
    let one = busy(1)
    let two = busy(2)
    return 2 * one / two
}

func fmt(_ x: Double, _ d: Int = 1) -> String { x.isNaN ? "-" : String(format: "%.\(d)f", x) }

let options = Options(CommandLine.arguments)
if options.aggregateBias {
    try AggregateBias.run(trials: options.trials)
    exit(0)
}
if let only = options.onlySampler {
    // Profiling aid: time the matching sampler cases only, then stop.
    SamplerBench.filter = only
    for (name, rate) in SamplerBench.run(seconds: options.samplerSeconds, repeats: options.rounds) where !rate.isNaN {
        print("\(name): \(fmt(rate)) M draws per CPU second")
    }
    exit(0)
}
print("yieldmc-bench: \(options.trials) trials per run, \(options.rounds) rounds, "
      + "cores: \(ProcessInfo.processInfo.activeProcessorCount), FABPLAN_MARCH at build time decides the ISA")

try FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)

/// How one side samples the wafers and lots (the same distribution either way).
enum Sampling: String, CaseIterable {
    /// The defaults: exact tables of a wafer's good dies and a lot's losses, and of their sums.
    case tables
    /// The model as written: gamma then binomial per wafer, beta then binomial per lot.
    case twoStage = "two-stage"

    var lotSampling: LotSampling { self == .tables ? .betaBinomialTable : .betaThenBinomial }
    var waferSampling: WaferSampling { self == .tables ? .gammaBinomialTable : .gammaThenBinomial }
}

/// One side of a comparison: a model variant and a sampling mode.
struct Config: Hashable {
    var name: String
    var pmicStarts: Double
    var mode: Sampling
}

/// One table row: Swift in one mode against numpy in one mode, on the same model.
struct Row: Hashable {
    var swift: Config
    var numpy: Config
    var label: String
}

var models: [(String, Double)] = []
for (name, starts) in [("PMIC 617 lots, aggregated", BenchModel.fullPMICStarts),
                       ("PMIC 240 lots, every lot", BenchModel.perLotPMICStarts)] {
    if let only = options.onlyModel, !name.contains(only) { continue }
    models.append((name, starts))
}
var configs: [Config] = []
var rows: [Row] = []
for (name, starts) in models {
    let tables = Config(name: name, pmicStarts: starts, mode: .tables)
    let twoStage = Config(name: name, pmicStarts: starts, mode: .twoStage)
    configs.append(tables)
    rows.append(Row(swift: tables, numpy: tables, label: "same algorithms (numpy given the same tables)"))
    if !options.tableOnly {
        configs.append(twoStage)
        rows.append(Row(swift: tables, numpy: twoStage, label: "numpy samples the model as written"))
        rows.append(Row(swift: twoStage, numpy: twoStage, label: "both sample the model as written"))
    }
}
var estimators: [Config: YieldEstimator] = [:]
var inputPaths: [Config: String] = [:]
for (i, config) in configs.enumerated() {
    var input = BenchModel.input(pmicStarts: config.pmicStarts, defectDensityPerCm2: options.defectDensity)
    input.lotSampling = config.mode.lotSampling
    input.waferSampling = config.mode.waferSampling
    let path = "Benchmarks/out/bench-input-\(i)-\(config.mode.rawValue).json"
    try JSONEncoder().encode(input).write(to: URL(fileURLWithPath: path))
    inputPaths[config] = path
    let setup = wallSeconds()
    estimators[config] = try YieldEstimator(input: input)
    print("setup (tables) \(config.name), \(config.mode.rawValue): \(fmt((wallSeconds() - setup) * 1000)) ms")
    _ = estimators[config]!.run(.trials(YieldEstimator.trialsPerBlock * 2), seed: 1, threads: 2) // warm-up
}

// Fingerprint: identical in portable and x86-64-v3 builds (no libm, no FMA in the sampling path).
let fingerprint = estimators[configs[0]]!.run(.trials(4096), seed: 42, threads: 2).products[0].goodUnits
print("fingerprint (seed 42, 4096 trials): mean good bits \(String(fingerprint.mean.bitPattern, radix: 16)), "
      + "P95 bits \(String(fingerprint.p95.bitPattern, radix: 16))")

// Per configuration or row: lists over rounds.
var swiftCPU: [Config: [Double]] = [:], swiftWall1: [Config: [Double]] = [:], swiftWall2: [Config: [Double]] = [:]
var speedup: [Config: [Double]] = [:]
var numpyCPU: [Config: [Double]] = [:], numpyWall: [Config: [Double]] = [:]
var ratioCPU: [Row: [Double]] = [:], ratio2Wall: [Row: [Double]] = [:]
var samplerSwift: [String: [Double]] = [:], samplerNumpy: [String: [Double]] = [:], samplerRatio: [String: [Double]] = [:]
var samplerOrder: [String] = []
var machine: [Double] = []
var lastReport: YieldReport? = nil
var numpyCheck: [String: Any]? = nil

for round in 0..<options.rounds {
    machine.append(machineSpeedup())
    var roundSwift: [Config: (cpu: Double, wall2: Double)] = [:]
    var roundNumpy: [Config: (cpu: Double, wall: Double)] = [:]
    for config in configs {
        let est = estimators[config]!
        let one = timeEstimator(est, trials: options.trials, threads: 1, seed: UInt64(round + 1))
        let two = timeEstimator(est, trials: options.trials, threads: 2, seed: UInt64(round + 1))
        swiftCPU[config, default: []].append(one.cpuRate)
        swiftWall1[config, default: []].append(one.wallRate)
        swiftWall2[config, default: []].append(two.wallRate)
        if config.mode == .tables {
            let longOne = timeEstimator(est, trials: options.scalingTrials, threads: 1, seed: UInt64(round + 1))
            let longTwo = timeEstimator(est, trials: options.scalingTrials, threads: 2, seed: UInt64(round + 1))
            speedup[config, default: []].append(longTwo.wallRate / longOne.wallRate)
        } else {
            speedup[config, default: []].append(two.wallRate / one.wallRate)
        }
        roundSwift[config] = (one.cpuRate, two.wallRate)
        if config == configs[0] { lastReport = one.report }
        if options.numpy, let n = runNumpy(python: options.python, inputPath: inputPaths[config]!, trials: options.trials, samplerSeconds: 0),
           let cpu = n["cpu_trials_per_second"] as? Double, let wall = n["trials_per_second"] as? Double {
            numpyCPU[config, default: []].append(cpu)
            numpyWall[config, default: []].append(wall)
            roundNumpy[config] = (cpu, wall)
            if config == configs[0] { numpyCheck = n }
        }
    }
    for row in rows {
        guard let s = roundSwift[row.swift], let n = roundNumpy[row.numpy] else { continue }
        ratioCPU[row, default: []].append(s.cpu / n.cpu)
        ratio2Wall[row, default: []].append(s.wall2 / n.wall)
    }
    let swiftSamplers = SamplerBench.run(seconds: options.samplerSeconds, repeats: 1)
    let numpySamplers = options.numpy
        ? (runNumpy(python: options.python, inputPath: inputPaths[configs[0]]!, trials: 256,
                    samplerSeconds: options.samplerSeconds)?["samplers"] as? [String: Double] ?? [:]) : [:]
    for (name, rate) in swiftSamplers {
        if round == 0 { samplerOrder.append(name) }
        samplerSwift[name, default: []].append(rate)
        if let n = numpySamplers[name] {
            samplerNumpy[name, default: []].append(n)
            samplerRatio[name, default: []].append(rate / n)
        }
    }
    FileHandle.standardError.write(Data("round \(round + 1)/\(options.rounds) done\n".utf8))
}

print("\nEnd to end, per side: trials/s (one trial = one month of the whole line), medians over rounds")
print("(2T/1T: wall-time speed-up, tables on runs of \(options.scalingTrials) trials, two-stage on runs of \(options.trials))")
print("| model | sampling | Swift 1 thread CPU | Swift 1 thread wall | Swift 2 threads wall | 2T/1T | numpy CPU |")
print("|---|---|---:|---:|---:|---:|---:|")
for config in configs {
    print("| \(config.name) | \(config.mode.rawValue) | \(fmt(median(swiftCPU[config]!))) | \(fmt(median(swiftWall1[config]!))) | "
          + "\(fmt(median(swiftWall2[config]!))) | \(fmt(median(speedup[config]!), 2))x | \(fmt(median(numpyCPU[config] ?? []))) |")
}
print("\nEnd to end, Swift against numpy: medians of the per-round ratios")
print("| model | comparison | Swift sampling | numpy sampling | Swift/numpy per core (CPU) | Swift 2 threads / numpy (wall) |")
print("|---|---|---|---|---:|---:|")
for row in rows {
    print("| \(row.swift.name) | \(row.label) | \(row.swift.mode.rawValue) | \(row.numpy.mode.rawValue) | "
          + "\(fmt(median(ratioCPU[row] ?? []), 2))x | \(fmt(median(ratio2Wall[row] ?? []), 2))x |")
}
print("Control: a pure arithmetic loop ran \(fmt(median(machine), 2))x faster on 2 threads than on 1 in this run "
      + "(per round: \(machine.map { fmt($0, 2) }.joined(separator: ", "))); 2.00x = the second vCPU was fully available.")
if let r = lastReport {
    let mcu = r.products[0]
    let pmic = r.products[1]
    let ests = numpyCheck?["estimates"] as? [[String: Any]]
    let npEst = ests?.first, npPmic = (ests?.count ?? 0) > 1 ? ests?[1] : nil
    print("\nCross-check (\(configs[0].name), \(configs[0].mode.rawValue), last round): qfn-mcu mean good Swift \(fmt(mcu.goodUnits.mean)) ± \(fmt(mcu.goodUnits.standardError)), "
          + "numpy \(npEst.flatMap { $0["mean"] as? Double }.map { fmt($0) } ?? "-") ± \(npEst.flatMap { $0["se"] as? Double }.map { fmt($0) } ?? "-"); "
          + "P(meet) Swift \(fmt(mcu.probabilityMeetDemand, 4)), numpy \(npEst.flatMap { $0["p_meet"] as? Double }.map { fmt($0, 4) } ?? "-"); "
          + "qfn-pmic mean good Swift \(fmt(pmic.goodUnits.mean)) ± \(fmt(pmic.goodUnits.standardError)), "
          + "numpy \(npPmic.flatMap { $0["mean"] as? Double }.map { fmt($0) } ?? "-") ± \(npPmic.flatMap { $0["se"] as? Double }.map { fmt($0) } ?? "-"); "
          + "die yield \(fmt(r.dieYields[0].dieYield.mean, 5)) vs NB formula \(fmt(r.dieYields[0].negativeBinomialYield, 5))")
}

print("\nSamplers: M draws per CPU second, single thread, medians over rounds")
print("| sampler | Swift | numpy | Swift/numpy |")
print("|---|---:|---:|---:|")
for name in samplerOrder {
    print("| \(name) | \(fmt(median(samplerSwift[name]!))) | \(fmt(median(samplerNumpy[name] ?? []))) | \(fmt(median(samplerRatio[name] ?? []), 2))x |")
}
