import ArgumentParser

/// The exit codes of every `fabplan` command: the one table the code uses and the README documents
/// (README "Exit codes"). Commands never build an `ExitCode` themselves; they throw a `CLIError` carrying
/// one of these (ArgumentParser's own usage errors exit with `usage`, 64, too).
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// The command did what was asked.
    case success = 0
    /// An input (model, scenario, plan or shard file) is missing, unreadable, not a regular file or invalid.
    case invalidInput = 2
    /// The plan is infeasible (min-cost plans must meet all demand); the report says why.
    case infeasible = 3
    /// No plan (or no whole-run result) within the limits: time limit, iteration limit.
    case noPlanWithinLimits = 4
    /// The solver (or another internal step) failed.
    case solverFailure = 5
    /// An output (standard output or a file) could not be written.
    case cannotWriteOutput = 6
    /// Invalid command-line usage: unknown option, value out of range, work past the limit.
    case usage = 64

    /// ArgumentParser's exit code for this status.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
