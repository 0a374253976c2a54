import ArgumentParser
import FabPlan
import Foundation

/// `fabplan validate FILE...`: loads each line-model file and reports every problem as
/// `file:line:col: error: keyPath: message` on standard error (exit code 2 if any file has problems);
/// for a valid model prints a short summary (sites, stations, products, periods, fab good dies per wafer,
/// route yields) on standard output.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check line-model files and print every problem with its location.",
        discussion: "Exit status: 0 when every file is a valid model, 2 when any file has problems."
    )

    @Argument(help: "Line-model files (.yaml, .yml or .json).")
    public var files: [String]

    public init() {}

    public func run() throws {
        var failed = false
        for (i, file) in files.enumerated() {
            do {
                let model = try LineModelLoader.load(path: file)
                if i > 0 { print("") }
                print("\(file): ok")
                print(model.summary.text)
            } catch let error as LineModelError {
                failed = true
                for d in error.diagnostics { Self.printError(d.description) }
                Self.printError("\(file): \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")")
            }
        }
        if failed { throw ExitCode(2) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
