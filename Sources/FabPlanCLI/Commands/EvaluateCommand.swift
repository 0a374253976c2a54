import ArgumentParser
import FabPlan
import Foundation

/// `fabplan evaluate MODEL PLAN.json`: the Monte Carlo estimator's verdict on a plan written by
/// `fabplan optimize --format json`: per product and period P(meet demand), expected shortfall and the stations
/// that bind most often.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Monte Carlo risk of a plan (fabplan optimize --format json output): P(meet demand), shortfall.",
        discussion: """
        The plan's starts by site, tools per station and period, and wafer starts by die type are simulated \
        under yield, tool-failure and demand randomness (see docs/risk.md). Exit codes: 0 ok; 2 invalid, missing \
        or unreadable model or plan; 6 cannot write the output; 64 invalid options or work past the limit.
        """)

    @Argument(help: "Line-model or scenario file (YAML or JSON; - for standard input).")
    var model: String

    @Argument(help: "Plan: the JSON report of fabplan optimize.")
    var plan: String

    @Option(help: "Number of Monte Carlo trials, at least 1, within the work limit.")
    var trials: Int = 10_000

    @OptionGroup var random: SeedOptions

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Output format: table, json, html or xlsx (docs/reports.md).")
    var format: Format = .table

    @OptionGroup var output: OutputOptions

    @OptionGroup var work: WorkLimitOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, html, xlsx }

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if format == .xlsx, output.path == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: [model, plan], outputs: [output.path])
            let lineModel = try loadModel(model)
            try WorkEstimate.monteCarlo(lineModel, trials: trials, option: "--trials").check(maxWork: work.maxWork)
            // The plan JSON writes infinite sensitivity bounds as the strings "inf" and "-inf" (docs/plan-schema.md).
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            let report = try loadJSON(PlanReport.self, path: plan, what: "a fabplan optimize --format json report", decoder: decoder)
            let risk: RiskReport
            do {
                risk = try progress.reporting { handler in
                    try PlanEvaluation.evaluate(plan: report, model: lineModel, trials: trials, seed: random.seed,
                                                threads: parallel.threads, progress: handler).risk
                }
            } catch {
                throw CLIError.invalidInput("\(plan): \(error)")
            }
            switch format {
            case .json: try OutputWriter.write(try ReportJSON.encode(risk), to: output.path)
            case .table: try OutputWriter.write(RiskRendering.table(risk), to: output.path)
            case .html: try OutputWriter.write(RiskHTML.page(risk, model: lineModel.name), to: output.path)
            case .xlsx: try OutputWriter.write(try XLSXWorkbook.data([RiskTables.products(risk)]), to: output.path)
            }
        }
    }
}
