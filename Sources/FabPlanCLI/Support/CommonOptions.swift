import ArgumentParser
import FabPlan
import Foundation

/// Integer tool purchases (MIP) or continuous ones (LP): `--mip` / `--lp`. Each command sets its default.
enum SolveMode: String, EnumerableFlag {
    case mip, lp
}

/// `--threads T`: worker threads of the commands that run in parallel (never changes a result).
struct ThreadOptions: ParsableArguments {
    /// Most worker threads accepted.
    static let maxThreads = 1024

    @Option(help: "Worker threads, 1...\(Self.maxThreads) (default: all cores; does not change the result).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...Self.maxThreads).contains(threads) else {
            throw ValidationError("--threads must be in 1...\(Self.maxThreads), got \(threads)")
        }
    }
}

/// `--seed S`: the random seed of Monte Carlo runs (the same seed gives the same bits).
struct SeedOptions: ParsableArguments {
    @Option(help: "Random seed, a whole number in 0...18446744073709551615.")
    var seed: UInt64 = 1
}

/// `--output PATH`: where the result goes instead of standard output (written atomically, never an input).
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"),
            help: "Write the result to this file (atomically) instead of standard output; it may not be an input.")
    var path: String?
}

/// `--max-work W`: raises the limit on a run's estimated work (see `WorkEstimate`, README "Work limits").
struct WorkLimitOptions: ParsableArguments {
    @Option(name: .customLong("max-work"),
            help: "Accept runs whose estimated work is up to W units instead of the default limit (README: Work limits).")
    var maxWork: Double?

    func validate() throws {
        if let w = maxWork, !(w.isFinite && w >= 1) {
            throw ValidationError("--max-work must be a number of work units ≥ 1, got \(w)")
        }
    }
}

/// `--quiet`: no progress line on standard error (it is shown only on a terminal, for runs over a second).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .customLong("quiet"), help: "Show no progress line on standard error (shown only on a terminal).")
    var quiet = false

    /// Runs `body` with the handler of this run's progress line (nil with `--quiet`), clearing the line after.
    func reporting<T>(_ body: (WorkProgressHandler?) throws -> T) rethrows -> T {
        guard let line = ProgressLine.standardError(quiet: quiet) else { return try body(nil) }
        defer { line.finish() }
        return try body(line.handler)
    }
}
