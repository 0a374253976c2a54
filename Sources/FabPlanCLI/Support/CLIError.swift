import ArgumentParser
import FabPlan
import Foundation

/// The one error type of the CLI: a message for standard error and the `ExitStatus` to exit with.
/// Every command runs its body through `reportingErrors`, which prints the message once and exits with the
/// status; errors of the libraries that reach it are classified there (`CLIError.classify`).
struct CLIError: Error, CustomStringConvertible {
    /// The exit status (see `ExitStatus` and the README's table).
    var status: ExitStatus
    /// What went wrong, with the file and location where there is one; nil when it was already printed.
    var message: String?

    var description: String { message ?? "" }

    /// An input file that is missing, unreadable or invalid (exit 2).
    static func invalidInput(_ message: String) -> CLIError { CLIError(status: .invalidInput, message: message) }
    /// An infeasible plan (exit 3).
    static func infeasible(_ message: String) -> CLIError { CLIError(status: .infeasible, message: message) }
    /// No plan within the limits (exit 4).
    static func noPlan(_ message: String) -> CLIError { CLIError(status: .noPlanWithinLimits, message: message) }
    /// A solver or internal failure (exit 5).
    static func solver(_ message: String) -> CLIError { CLIError(status: .solverFailure, message: message) }
    /// An output that cannot be written (exit 6).
    static func io(_ message: String) -> CLIError { CLIError(status: .cannotWriteOutput, message: message) }
    /// Invalid command-line usage found after parsing (exit 64).
    static func usage(_ message: String) -> CLIError { CLIError(status: .usage, message: message) }
    /// Exit with `status`; the command has printed its messages itself (e.g. `validate`'s diagnostics).
    static func reported(_ status: ExitStatus) -> CLIError { CLIError(status: status, message: nil) }

    /// The CLI error for an error of the libraries: input errors (located diagnostics, bad sweep specs) are
    /// exit 2; anything else is a solver or internal failure, exit 5.
    static func classify(_ error: Error) -> CLIError {
        switch error {
        case let e as CLIError: return e
        case let e as ValidationError: return .usage(e.message)
        case let e as LineModelError: return .invalidInput(e.description)
        case let e as JSONInputError: return .invalidInput(e.description)
        case let e as InputFile.ReadError: return .invalidInput(e.description)
        case let e as SweepSpecError: return .invalidInput(e.description)
        default: return .solver(String(describing: error))
        }
    }

    /// ArgumentParser's exit code for this error.
    var exitCode: ExitCode { status.exitCode }
}

/// Prints to standard error, ending the line unless `newline` is false (a failure to write there cannot be
/// reported anywhere and is ignored).
func printError(_ text: String, newline: Bool = true) {
    let line = !newline || text.hasSuffix("\n") ? text : text + "\n"
    _ = try? StandardStream.error.write(Data(line.utf8))
}

/// True when standard error is a terminal (progress output is shown only then).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// Runs a command's body: a `CLIError` (or any error, classified) is printed once as `error: ...` on standard
/// error and the process exits with its `ExitStatus`. Results are written through `OutputWriter`, whose every
/// write is checked, so output lost to a full disk or `/dev/full` is exit 6, not 0.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch {
        let e = CLIError.classify(error)
        if let message = e.message, !message.isEmpty { printError("error: \(message)") }
        throw e.exitCode
    }
}
