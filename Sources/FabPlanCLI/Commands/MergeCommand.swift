import ArgumentParser
import FabPlan
import Foundation

/// `fabplan merge`: combines the JSON outputs of `fabplan sweep --shard I/N` into the unsharded result.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge sweep shard outputs (JSON) into the result of the unsharded sweep.",
        discussion: """
        The shards must come from the same model file, grid and options, and together hold every point once.
        The JSON output equals, byte for byte, that of the same sweep run without --shard.
        Exit codes: 0 merged; 2 a shard file missing, unreadable or invalid, shards missing, repeated or of
        different sweeps; 6 cannot write the output; 64 invalid options.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Argument(help: "Shard outputs of `fabplan sweep --shard I/N --format json`.")
    var shards: [String]

    @Option(help: "Output format: json or csv.")
    var format: Format = .json

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard files to merge") }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: shards, outputs: [output.path])
            var results: [SweepResult] = []
            for path in shards {
                results.append(try loadJSON(SweepResult.self, path: path, what: "a sweep result, JSON from `fabplan sweep --format json`",
                                            decoder: SweepResult.decoder))
            }
            let merged: SweepResult
            do { merged = try SweepResult.merge(results) } catch { throw CLIError.invalidInput(String(describing: error)) }
            let text = format == .json ? try merged.json() : merged.csv()
            try OutputWriter.write(text, to: output.path)
        }
    }
}
