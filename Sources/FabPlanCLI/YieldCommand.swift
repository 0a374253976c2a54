import ArgumentParser
import FabPlan
import Foundation

/// `fabplan yield MODEL [--plan PLAN.json] [--trials N | --precision E] [--seed S] [--threads T] [--format table|json]
/// [--sampling tables|two-stage]`:
/// Monte Carlo estimate of good output, route yield, the chance of meeting demand and the binding stations.
struct YieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yield",
        abstract: "Monte Carlo yield and throughput: good output distribution, P(meet demand), binding stations.",
        discussion: """
            Each trial simulates every period once: per-wafer gamma defect density and binomial good dies, beta lot \
            yields and binomial good units at each step, random tool up hours from MTBF/MTTR, demand noise. \
            Without --plan, starts are demand / nominal route yield, split evenly over a product's sites. \
            PLAN.json: {"starts":[{"product":..,"site":..,"period":..,"units":..}]} (optional "tools" and "wafers"; \
            see docs/yield-model.md). Results are bit-identical for any --threads with the same --seed. \
            --sampling tables (default) draws wafers' good dies and full lots' losses from their exact laws, \
            tabulated once; two-stage draws gamma then binomial per wafer and beta then binomial per lot: the same \
            distribution, slower.
            """)

    @Argument(help: "Line-model or scenario file (- for standard input).")
    var model: String

    @Option(help: "Plan with starts per product, site and period (JSON; see docs/yield-model.md).")
    var plan: String?

    @Option(help: "Number of trials, at least 1, within the work limit (default 10000 when --precision is not given).")
    var trials: Int?

    @Option(help: "Stop when the relative standard error of every mean good output is at most E, in (0, 1) (e.g. 0.001).")
    var precision: Double?

    @Option(help: "Most trials with --precision, at least 1, within the work limit.")
    var maxTrials: Int = 1_000_000

    @OptionGroup var random: SeedOptions

    @OptionGroup var parallel: ThreadOptions

    @OptionGroup var progress: ProgressOptions

    @Option(help: "Units per back-end lot (step yields are drawn per lot), a whole number ≥ 1.")
    var lotSize: Double = 1000

    @Option(help: "Output format: table, json, html or xlsx (docs/reports.md).")
    var format: OutputFormat = .table

    @OptionGroup var output: OutputOptions

    @Option(help: "How wafers and lots are drawn: tables (exact tabulated laws, fast) or two-stage (as the model is written).")
    var sampling: Sampling = .tables

    @OptionGroup var work: WorkLimitOptions

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, html, xlsx }

    enum Sampling: String, ExpressibleByArgument, CaseIterable {
        case tables
        case twoStage = "two-stage"
    }

    func validate() throws {
        if trials != nil && precision != nil { throw ValidationError("give --trials or --precision, not both") }
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if let precision, !(precision > 0 && precision < 1) {
            throw ValidationError("--precision must be in (0, 1), got \(precision)")
        }
        if maxTrials < 1 { throw ValidationError("--max-trials must be at least 1, got \(maxTrials)") }
        if !(lotSize >= 1 && lotSize <= 1e12) || lotSize != lotSize.rounded() {
            throw ValidationError("--lot-size must be a whole number of units in 1...1e12, got \(lotSize)")
        }
        if format == .xlsx, output.path == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: [model] + (plan.map { [$0] } ?? []), outputs: [output.path])
            let lineModel = try loadModel(model)
            let trialCount = precision == nil ? (trials ?? 10_000) : maxTrials
            try WorkEstimate.monteCarlo(lineModel, trials: trialCount, option: precision == nil ? "--trials" : "--max-trials")
                .check(maxWork: work.maxWork)
            let starts = try plan.map {
                try loadJSON(PlanStarts.self, path: $0, what: "a plan of starts {\"starts\": [...]}, see docs/yield-model.md; "
                                + "for an optimize --format json report use fabplan evaluate")
            }
            let estimator = try makeEstimator(lineModel, starts: starts)
            let stop: StoppingRule = precision.map { .precision(relativeStandardError: $0, maxTrials: maxTrials) }
                ?? .trials(trials ?? 10_000)
            let report = progress.reporting { handler in
                estimator.run(stop, seed: random.seed, threads: parallel.threads) { done, target in
                    handler?(WorkProgress(phase: .monteCarloTrials, done: done, total: target))
                }
            }
            switch format {
            case .json: try OutputWriter.write(try ReportJSON.encode(report), to: output.path)
            case .table: try OutputWriter.write(YieldTable.render(report) + "\n", to: output.path)
            case .html: try OutputWriter.write(YieldHTML.page(report, model: lineModel.name), to: output.path)
            case .xlsx: try OutputWriter.write(try XLSXWorkbook.data(RiskTables.yield(report)), to: output.path)
            }
        }
    }

    /// The estimator of `lineModel` with `starts` (nil: demand-driven starts) and the chosen sampling.
    private func makeEstimator(_ lineModel: LineModel, starts: PlanStarts?) throws -> YieldEstimator {
        var input: YieldInput
        do {
            input = try YieldInput(model: lineModel, plan: starts, unitsPerLot: lotSize)
        } catch {
            throw CLIError.invalidInput("\(plan ?? model): \(error)")
        }
        if sampling == .twoStage {
            input.lotSampling = .betaThenBinomial
            input.waferSampling = .gammaThenBinomial
        }
        do {
            return try YieldEstimator(input: input)
        } catch {
            throw CLIError.invalidInput("\(model): \(error)")
        }
    }
}
