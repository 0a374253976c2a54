// yieldmc-bench: the Monte Carlo estimator and its samplers against a numpy implementation of the same random
// model, side by side in one run. Usage (from the package root, release build):
//
//   swift build -c release --product yieldmc-bench
//   .build/release/yieldmc-bench [--trials N] [--rounds R] [--sampler-seconds S] [--no-numpy] [--python python3]
//
// Each round runs, back to back: Swift 1 thread, Swift 2 threads, the numpy peer (same model, same trials), for
// both lot samplers, then every sampler in Swift and in numpy. Ratios are taken within a round and the median
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
print("yieldmc-bench: \(options.trials) trials per run, \(options.rounds) rounds, "
      + "cores: \(ProcessInfo.processInfo.activeProcessorCount), FABPLAN_MARCH at build time decides the ISA")

try FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)
let modes: [LotSampling] = options.tableOnly ? [.betaBinomialTable] : [.betaBinomialTable, .betaThenBinomial]
var estimators: [LotSampling: YieldEstimator] = [:]
var inputPaths: [LotSampling: String] = [:]
for mode in modes {
    var input = BenchModel.input()
    input.lotSampling = mode
    let path = "Benchmarks/out/bench-input-\(mode.rawValue).json"
    try JSONEncoder().encode(input).write(to: URL(fileURLWithPath: path))
    inputPaths[mode] = path
    estimators[mode] = try YieldEstimator(input: input)
    _ = estimators[mode]!.run(.trials(YieldEstimator.trialsPerBlock * 2), seed: 1, threads: 2) // warm-up
}

// Fingerprint: identical in portable and x86-64-v3 builds (no libm, no FMA in the sampling path).
let fingerprint = estimators[.betaBinomialTable]!.run(.trials(4096), seed: 42, threads: 2).products[0].goodUnits
print("fingerprint (seed 42, 4096 trials): mean good bits \(String(fingerprint.mean.bitPattern, radix: 16)), "
      + "P95 bits \(String(fingerprint.p95.bitPattern, radix: 16))")

// Per mode: lists over rounds.
var swiftCPU: [LotSampling: [Double]] = [:], swiftWall1: [LotSampling: [Double]] = [:], swiftWall2: [LotSampling: [Double]] = [:]
var numpyCPU: [LotSampling: [Double]] = [:], ratioCPU: [LotSampling: [Double]] = [:], speedup: [LotSampling: [Double]] = [:]
var ratio2Wall: [LotSampling: [Double]] = [:]
var samplerSwift: [String: [Double]] = [:], samplerNumpy: [String: [Double]] = [:], samplerRatio: [String: [Double]] = [:]
var samplerOrder: [String] = []
var machine: [Double] = []
var lastReport: YieldReport? = nil
var numpyCheck: [String: Any]? = nil

for round in 0..<options.rounds {
    machine.append(machineSpeedup())
    for mode in modes {
        let est = estimators[mode]!
        let one = timeEstimator(est, trials: options.trials, threads: 1, seed: UInt64(round + 1))
        let two = timeEstimator(est, trials: options.trials, threads: 2, seed: UInt64(round + 1))
        swiftCPU[mode, default: []].append(one.cpuRate)
        swiftWall1[mode, default: []].append(one.wallRate)
        swiftWall2[mode, default: []].append(two.wallRate)
        speedup[mode, default: []].append(two.wallRate / one.wallRate)
        if mode == .betaBinomialTable { lastReport = one.report }
        if options.numpy, let n = runNumpy(python: options.python, inputPath: inputPaths[mode]!, trials: options.trials, samplerSeconds: 0),
           let cpu = n["cpu_trials_per_second"] as? Double, let wall = n["trials_per_second"] as? Double {
            numpyCPU[mode, default: []].append(cpu)
            ratioCPU[mode, default: []].append(one.cpuRate / cpu)
            ratio2Wall[mode, default: []].append(two.wallRate / wall)
            if mode == .betaBinomialTable { numpyCheck = n }
        }
    }
    let swiftSamplers = SamplerBench.run(seconds: options.samplerSeconds, repeats: 1)
    let numpySamplers = options.numpy
        ? (runNumpy(python: options.python, inputPath: inputPaths[.betaBinomialTable]!, trials: 256,
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

print("\nEnd to end: trials/s (one trial = one month of the whole line), medians over rounds")
print("| lot sampler | numpy CPU | Swift 1 thread CPU | Swift/numpy per core | Swift 1 thread wall | Swift 2 threads wall | 2T/1T | Swift 2T / numpy (wall) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for mode in modes {
    print("| \(mode.rawValue) | \(fmt(median(numpyCPU[mode] ?? []))) | \(fmt(median(swiftCPU[mode]!))) | "
          + "\(fmt(median(ratioCPU[mode] ?? []), 2))x | \(fmt(median(swiftWall1[mode]!))) | \(fmt(median(swiftWall2[mode]!))) | "
          + "\(fmt(median(speedup[mode]!), 2))x | \(fmt(median(ratio2Wall[mode] ?? []), 2))x |")
}
print("Control: a pure arithmetic loop ran \(fmt(median(machine), 2))x faster on 2 threads than on 1 in this run "
      + "(per round: \(machine.map { fmt($0, 2) }.joined(separator: ", "))); 2.00x = the second vCPU was fully available.")
if let r = lastReport {
    let mcu = r.products[0]
    let npEst = (numpyCheck?["estimates"] as? [[String: Any]])?.first
    print("\nCross-check (table mode, last round): qfn-mcu mean good Swift \(fmt(mcu.goodUnits.mean)) ± \(fmt(mcu.goodUnits.standardError)), "
          + "numpy \(npEst.flatMap { $0["mean"] as? Double }.map { fmt($0) } ?? "-") ± \(npEst.flatMap { $0["se"] as? Double }.map { fmt($0) } ?? "-"); "
          + "P(meet) Swift \(fmt(mcu.probabilityMeetDemand, 4)), numpy \(npEst.flatMap { $0["p_meet"] as? Double }.map { fmt($0, 4) } ?? "-"); "
          + "die yield \(fmt(r.dieYields[0].dieYield.mean, 5)) vs NB formula \(fmt(r.dieYields[0].negativeBinomialYield, 5))")
}

print("\nSamplers: M draws per CPU second, single thread, medians over rounds")
print("| sampler | Swift | numpy | Swift/numpy |")
print("|---|---:|---:|---:|")
for name in samplerOrder {
    print("| \(name) | \(fmt(median(samplerSwift[name]!))) | \(fmt(median(samplerNumpy[name] ?? []))) | \(fmt(median(samplerRatio[name] ?? []), 2))x |")
}
