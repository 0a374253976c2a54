import ArgumentParser
import FabPlan
import Foundation

/// `fabplan compare`: plans of a base model and its what-ifs, side by side, with the inputs that differ.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve a base model and what-if scenarios and compare their plans side by side.",
        discussion: """
        Each file is a model or a scenario file (docs/scenarios.md); the first is the base. Every plan is solved
        exactly as `fabplan optimize` would solve it alone. Exit codes: 0 compared; 2 invalid, missing or
        unreadable file; 5 solver failure; 6 cannot write output; 64 invalid options.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, html, xlsx }

    @Argument(help: "The base model (or scenario), then one or more scenario or model files.")
    var files: [String]

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Integer tool purchases (--mip, default) or continuous (--lp).")
    var mode: SolveMode = .mip

    @Option(help: "Output format: table, json, csv, markdown, html or xlsx (docs/reports.md).")
    var format: Format = .table

    /// Plans solved at once (default: all cores). MIP plans that hit --time-limit get less CPU each.
    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Bottlenecks listed per plan, 1...50.")
    var bottlenecks: Int = 5

    @OptionGroup var output: OutputOptions

    @Option(help: "Solve only the base and slice I of N of the what-ifs (JSON output); combine with `fabplan merge`.")
    var shard: String?

    /// The shard, parsed (a usage error, exit 64, when it cannot be).
    func parsedShard() throws -> SweepShard? {
        do { return try shard.map { try SweepShard.parse($0) } } catch { throw ValidationError(String(describing: error)) }
    }

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("give a base file and at least one what-if file") }
        guard (1...50).contains(bottlenecks) else { throw ValidationError("--bottlenecks must be in 1...50, got \(bottlenecks)") }
        if format == .xlsx, output.path == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
        if shard != nil, format != .json { throw ValidationError("--shard writes JSON for `fabplan merge`: use --format json") }
        _ = try parsedShard()
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: files, outputs: [output.path])
            let options = solve.planOptions(integerTools: mode == .mip)
            let shard = try parsedShard()
            var report = try progress.reporting { handler in
                try ScenarioComparison.compare(files: files, options: options, bottleneckCount: bottlenecks,
                                               threads: parallel.threads, shard: shard, progress: handler)
            }
            report.shard?.command = ShardRerun.currentCommand()
            let text: String
            switch format {
            case .table: text = ComparisonRendering.table(report, markdown: false)
            case .markdown: text = ComparisonRendering.table(report, markdown: true)
            case .csv: text = ComparisonRendering.csv(report)
            case .json: text = try ComparisonRendering.json(report)
            case .html: text = ComparisonHTML.page(report)
            case .xlsx: return try OutputWriter.write(try XLSXWorkbook.data(WhatIfTables.comparison(report)), to: output.path)
            }
            try OutputWriter.write(text, to: output.path)
        }
    }
}
