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
        under yield, tool-failure and demand randomness (see docs/risk.md). Exit codes: 0 ok; 2 invalid model, \
        plan or options; 6 cannot read the plan.
        """)

    @Argument(help: "Line-model file (YAML or JSON).")
    var model: String

    @Argument(help: "Plan: the JSON report of fabplan optimize.")
    var plan: String

    @Option(help: "Number of Monte Carlo trials.")
    var trials: Int = 10_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (does not change the result).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Output format: table, json, html or xlsx (docs/reports.md).")
    var format: Format = .table

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, html, xlsx }

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if format == .xlsx, output == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
    }

    func run() throws {
        try reportingErrors {
            let lineModel = try loadModel(model)
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: plan)) } catch {
                throw CLIError.io("\(plan): cannot read file (\(error.localizedDescription))")
            }
            let report: PlanReport
            do { report = try JSONDecoder().decode(PlanReport.self, from: data) } catch {
                throw CLIError.invalidInput("\(plan): not a fabplan optimize JSON report (\(error))")
            }
            let risk: RiskReport
            do {
                risk = try PlanEvaluation.evaluate(plan: report, model: lineModel, trials: trials, seed: seed,
                                                   threads: threads).risk
            } catch let e as PlanMismatchError {
                throw CLIError.invalidInput("\(plan): \(e)")
            } catch {
                throw CLIError.invalidInput("\(plan): \(error)")
            }
            switch format {
            case .json: try ReportOutput.write(try ReportJSON.encode(risk), to: output)
            case .table: try ReportOutput.write(RiskRendering.table(risk), to: output)
            case .html: try ReportOutput.write(RiskHTML.page(risk, model: lineModel.name), to: output)
            case .xlsx: try ReportOutput.write(try XLSXWorkbook.data([RiskTables.products(risk)]), to: output)
            }
        }
    }
}
