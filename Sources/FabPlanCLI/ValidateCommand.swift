import ArgumentParser
import FabPlan
import Foundation

/// `fabplan validate FILE...`: loads each line-model or scenario file (a scenario is resolved through its
/// base chain and the what-if model is validated) and reports every problem as
/// `file:line:col: error: keyPath: message` on standard error (exit code 2 if any file has problems);
/// for a valid model prints a short summary (sites, stations, products, periods, fab good dies per wafer,
/// route yields) on standard output.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check line-model or scenario files and print every problem with its location.",
        discussion: "Exit status: 0 when every file is a valid model, 2 when any file has problems."
    )

    @Argument(help: "Line-model or scenario files (.yaml, .yml or .json).")
    public var files: [String]

    @Option(name: .customLong("benchmark-runs"),
            help: ArgumentHelp("Load each valid file this many more times and print load-time statistics.",
                               visibility: .hidden))
    public var benchmarkRuns: Int?

    public init() {}

    public func validate() throws {
        if let runs = benchmarkRuns, !(0...100_000).contains(runs) {
            throw ValidationError("--benchmark-runs must be in 0...100000, got \(runs)")
        }
    }

    public func run() throws {
        try reportingErrors {
            var failed = false
            var printed = false
            for file in files {
                do {
                    let resolved = try resolveModelFile(file)
                    var text = (printed ? "\n" : "") + "\(file): ok\(Self.scenarioNote(resolved))\n"
                        + "\(resolved.model.summary.text)\n"
                    if let runs = benchmarkRuns, runs > 0 { text += Self.benchmark(file, runs: runs) + "\n" }
                    try OutputWriter.write(text, to: nil)
                    printed = true
                } catch let error as LineModelError {
                    failed = true
                    for d in error.diagnostics { printError(d.description) }
                    let n = error.diagnostics.count
                    printError("\(file): \(n) problem\(n == 1 ? "" : "s")")
                }
            }
            if failed { throw CLIError.reported(.invalidInput) }
        }
    }

    /// For a scenario file, what it resolved to: ` (scenario 'NAME': N overrides on MODEL)`; empty for a model.
    static func scenarioNote(_ s: ResolvedScenario) -> String {
        guard s.isScenario else { return "" }
        let n = s.overrides.count
        return " (scenario '\(s.name)': \(n) override\(n == 1 ? "" : "s") on \(s.modelFile))"
    }

    /// Loads `file` `runs` times (file read, pre-scan, parse, walk and checks each time) and reports the
    /// median, minimum and 90th percentile wall time in milliseconds.
    static func benchmark(_ file: String, runs: Int) -> String {
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = clock.now
            _ = try? resolveModelFile(file)
            let d = clock.now - start
            times.append(Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15)
        }
        times.sort()
        func ms(_ x: Double) -> String { String(format: "%.3f", x) }
        let p90 = times[min(times.count - 1, Int(Double(times.count) * 0.9))]
        return "  load time over \(runs) runs: median \(ms(times[times.count / 2])) ms, min \(ms(times[0])) ms, "
            + "p90 \(ms(p90)) ms"
    }
}
