import ArgumentParser
import FabPlan

/// The `fabplan` command: capacity planning for semiconductor back-end lines.
public struct FabPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fabplan",
        abstract: "Capacity planning for semiconductor assembly, test and packaging lines fed by a wafer fab.",
        version: FabPlanVersion.current,
        subcommands: [
            ValidateCommand.self,
            OptimizeCommand.self,
            YieldCommand.self,
            CompareCommand.self,
            SweepCommand.self,
            MergeCommand.self,
            EvaluateCommand.self,
            ImportCommand.self,
            LoadCommand.self,
        ]
    )
    public init() {}
}
