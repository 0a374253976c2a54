import ArgumentParser
import FabPlan
import Foundation

/// `fabplan load MODEL`: every station's utilization at the nominal release (demand / route yield), overloads
/// above 100 % included, computed straight from the model (no LP).
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Station utilization at the nominal release (starts = demand / route yield), overloads included.",
        discussion: """
        Utilization = load hours / up hours (tools × hours per tool × availability); above 100 % a station \
        cannot carry the starts. "of cap" divides by the utilization cap too. No LP is solved.
        Exit codes: 0 done; 2 invalid model; 6 cannot write.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Line-model or scenario file.")
    var model: String

    @Option(help: "Multiply the nominal starts by this factor.")
    var scale: Double = 1

    @Option(help: "Show the N most loaded stations (0 = all).")
    var top: Int = 0

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard scale.isFinite, scale >= 0 else { throw ValidationError("--scale must be a number ≥ 0") }
        guard top >= 0 else { throw ValidationError("--top must be ≥ 0") }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: [model], outputs: [output])
            let m = try loadModel(model)
            let loading = StationLoading(model: m, scale: scale)
            let text = format == .json ? try LoadingRendering.json(loading) : LoadingRendering.text(loading, model: m, top: top)
            try OutputWriter.write(text, to: output)
        }
    }
}
