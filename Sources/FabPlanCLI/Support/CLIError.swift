import ArgumentParser
import Foundation

/// Errors the CLI reports itself: one line on stderr, a distinct exit code.
///
/// Exit codes: 0 success; 2 invalid input files (models, scenarios, plans); 3 infeasible plan; 4 no solution
/// within the limits; 5 solver failure; 6 I/O failure; 64 invalid command-line usage (ArgumentParser).
enum CLIError: Error, CustomStringConvertible {
    case invalidInput(String)
    case io(String)
    case solver(String)

    var description: String {
        switch self {
        case .invalidInput(let m), .io(let m), .solver(let m): return m
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .invalidInput: return ExitCode(2)
        case .solver: return ExitCode(5)
        case .io: return ExitCode(6)
        }
    }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// True when standard error is a terminal (progress output is shown only then).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// Runs `body`, turning CLI errors into a message on stderr and their exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as CLIError {
        printError("error: \(e.description)")
        throw e.exitCode
    }
}
