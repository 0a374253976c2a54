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
        exactly as `fabplan optimize` would solve it alone. Exit codes: 0 compared; 2 invalid file or options;
        5 solver failure; 6 cannot write output.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, html, xlsx }
    enum Mode: String, EnumerableFlag { case mip, lp }

    @Argument(help: "The base model (or scenario), then one or more scenario or model files.")
    var files: [String]

    @OptionGroup var solve: PlanSolveOptions

    @Flag(exclusivity: .exclusive, help: "Integer tool purchases (--mip, default) or continuous (--lp).")
    var mode: Mode = .mip



    @Option(help: "Output format: table, json, csv, markdown, html or xlsx (docs/reports.md).")
    var format: Format = .table

    @Option(help: "Plans solved at once (default: all cores). MIP plans that hit --time-limit get less CPU each.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Bottlenecks listed per plan.")
    var bottlenecks: Int = 5

    @Option(help: "Write the comparison to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("give a base file and at least one what-if file") }
        guard (1...1024).contains(threads) else { throw ValidationError("--threads must be in 1...1024") }
        guard (1...50).contains(bottlenecks) else { throw ValidationError("--bottlenecks must be in 1...50") }
        if format == .xlsx, output == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
    }

    func run() throws {
        try reportingErrors {
            let options = solve.planOptions(integerTools: mode == .mip)
            let report: ComparisonReport
            do {
                report = try ScenarioComparison.compare(files: files, options: options, bottleneckCount: bottlenecks,
                                                           threads: threads)
            } catch let e as LineModelError {
                throw CLIError.invalidInput(e.description)
            } catch {
                throw CLIError.solver(String(describing: error))
            }
            let text: String
            switch format {
            case .table: text = ComparisonRendering.table(report, markdown: false)
            case .markdown: text = ComparisonRendering.table(report, markdown: true)
            case .csv: text = ComparisonRendering.csv(report)
            case .json: text = try ComparisonRendering.json(report)
            case .html: text = ComparisonHTML.page(report)
            case .xlsx: return try ReportOutput.write(try XLSXWorkbook.data(WhatIfTables.comparison(report)), to: output)
            }
            try ReportOutput.write(text, to: output)
        }
    }
}
