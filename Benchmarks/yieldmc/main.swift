// yieldmc-bench: the Monte Carlo estimator and its samplers against a numpy implementation of the same random
// model, side by side in one run. Usage (from the package root, release build):
//
//   swift build -c release --product yieldmc-bench
//   .build/release/yieldmc-bench [--trials N] [--repeats R] [--sampler-seconds S] [--no-numpy] [--python python3]
//
// The numpy peer is Benchmarks/peers/yield_numpy.py; it reads the same model from Benchmarks/out/bench-input.json.
import Dispatch
import Foundation
import YieldMC

struct Options {
    var trials = 20_000
    var repeats = 3
    var samplerSeconds = 0.25
    var numpy = true
    var python = "python3"

    init(_ args: [String]) {
        var i = 1
        func value() -> String { i += 1; return i < args.count ? args[i] : "" }
        while i < args.count {
            switch args[i] {
            case "--trials": trials = Int(value()) ?? trials
            case "--repeats": repeats = Int(value()) ?? repeats
            case "--sampler-seconds": samplerSeconds = Double(value()) ?? samplerSeconds
            case "--no-numpy": numpy = false
            case "--python": python = value()
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
    }
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// Median trials/s of the estimator over `repeats` runs.
func estimatorRate(_ estimator: YieldEstimator, trials: Int, threads: Int, repeats: Int) -> (rate: Double, report: YieldReport) {
    var rates: [Double] = []
    var last: YieldReport? = nil
    for r in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        let report = estimator.run(.trials(trials), seed: UInt64(1000 + r), threads: threads)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        rates.append(Double(trials) / seconds)
        last = report
    }
    return (median(rates), last!)
}

/// Runs the numpy peer and returns its JSON output.
func runNumpy(python: String, inputPath: String, trials: Int, repeats: Int, samplerSeconds: Double) -> [String: Any]? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "Benchmarks/peers/yield_numpy.py", inputPath, "--trials", String(trials),
                         "--repeats", String(repeats), "--sampler-seconds", String(samplerSeconds)]
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

func fmt(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }
func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

let options = Options(CommandLine.arguments)
#if arch(x86_64)
let isa = ProcessInfo.processInfo.environment["FABPLAN_MARCH_LABEL"] ?? "see build command"
#else
let isa = "non-x86"
#endif
print("yieldmc-bench: \(options.trials) trials, median of \(options.repeats); ISA label: \(isa); cores: \(ProcessInfo.processInfo.activeProcessorCount)")

// The model, written out for the numpy peer.
let input = BenchModel.input()
try FileManager.default.createDirectory(atPath: "Benchmarks/out", withIntermediateDirectories: true)
let inputPath = "Benchmarks/out/bench-input.json"
try JSONEncoder().encode(input).write(to: URL(fileURLWithPath: inputPath))
let estimator = try YieldEstimator(input: input)

// End to end.
_ = estimator.run(.trials(YieldEstimator.trialsPerBlock * 2), seed: 1, threads: 1) // warm-up
let one = estimatorRate(estimator, trials: options.trials, threads: 1, repeats: options.repeats)
let two = estimatorRate(estimator, trials: options.trials, threads: 2, repeats: options.repeats)

// Samplers.
let samplers = SamplerBench.run(seconds: options.samplerSeconds, repeats: options.repeats)

var numpy: [String: Any]? = nil
if options.numpy {
    numpy = runNumpy(python: options.python, inputPath: inputPath, trials: options.trials,
                     repeats: options.repeats, samplerSeconds: options.samplerSeconds * 2)
}
let numpyTrialRate = numpy?["trials_per_second"] as? Double
let numpySamplers = numpy?["samplers"] as? [String: Double] ?? [:]

print("\nEnd to end (trials/s, one trial = one period of the whole line)")
print("| run | trials/s | vs numpy (1 core) |")
print("|---|---:|---:|")
if let n = numpyTrialRate { print("| numpy 1 thread | \(fmt(n)) | 1.00 |") }
print("| Swift 1 thread | \(fmt(one.rate)) | \(numpyTrialRate.map { fmt(one.rate / $0, 2) } ?? "-") |")
print("| Swift 2 threads | \(fmt(two.rate)) | \(numpyTrialRate.map { fmt(two.rate / $0, 2) } ?? "-") |")
print("2 threads / 1 thread: \(fmt(two.rate / one.rate, 2))x")

let mcu = one.report.products[0]
print("check: qfn-mcu mean good \(fmt(mcu.goodUnits.mean)) (numpy \(numpy?["mcu_mean_good"].map { "\($0)" } ?? "-")), "
      + "die yield \(fmt(one.report.dieYields[0].dieYield.mean, 5)) vs NB \(fmt(one.report.dieYields[0].negativeBinomialYield, 5))")

print("\nSamplers (M draws/s, single thread)")
print("| sampler | Swift | numpy | ratio |")
print("|---|---:|---:|---:|")
for (name, rate) in samplers {
    let n = numpySamplers[name]
    print("| \(name) | \(fmt(rate)) | \(n.map { fmt($0) } ?? "-") | \(n.map { fmt(rate / $0, 2) } ?? "-") |")
}
