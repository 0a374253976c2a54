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

    @Argument(help: "Line model file.")
    var model: String

    @Option(help: "Plan with starts per product, site and period (JSON).")
    var plan: String?

    @Option(help: "Number of trials (default 10000 when --precision is not given).")
    var trials: Int?

    @Option(help: "Stop when the relative standard error of every mean good output is at most E (e.g. 0.001).")
    var precision: Double?

    @Option(help: "Most trials with --precision.")
    var maxTrials: Int = 1_000_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (does not change the result).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Units per back-end lot (step yields are drawn per lot).")
    var lotSize: Double = 1000

    @Option(help: "Output format: table, json, html or xlsx (docs/reports.md).")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "How wafers and lots are drawn: tables (exact tabulated laws, fast) or two-stage (as the model is written).")
    var sampling: Sampling = .tables

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
        if maxTrials < 1 { throw ValidationError("--max-trials must be at least 1") }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if !(lotSize >= 1) || lotSize != lotSize.rounded() {
            throw ValidationError("--lot-size must be a whole number of units, at least 1, got \(lotSize)")
        }
        if format == .xlsx, output == nil, let message = ReportOutput.needsFile("xlsx") { throw ValidationError(message) }
    }

    func run() throws {
        let lineModel: LineModel
        do { lineModel = try loadModel(model) } catch let e as CLIError {
            printError("error: \(e.description)")
            throw e.exitCode
        }
        var starts: PlanStarts? = nil
        if let plan {
            let data = try readFile(plan)
            do {
                starts = try JSONDecoder().decode(PlanStarts.self, from: data)
            } catch {
                throw YieldCommandError("\(plan): not a valid plan JSON (\(describe(error)))")
            }
        }
        var input: YieldInput
        do {
            input = try YieldInput(model: lineModel, plan: starts, unitsPerLot: lotSize)
        } catch {
            throw YieldCommandError("\(plan ?? model): \(error)")
        }
        if sampling == .twoStage {
            input.lotSampling = .betaThenBinomial
            input.waferSampling = .gammaThenBinomial
        }
        let estimator: YieldEstimator
        do {
            estimator = try YieldEstimator(input: input)
        } catch {
            throw YieldCommandError("\(model): \(error)")
        }
        let stop: StoppingRule = precision.map { .precision(relativeStandardError: $0, maxTrials: maxTrials) }
            ?? .trials(trials ?? 10_000)
        let showProgress = isatty(STDERR_FILENO) != 0
        let report = estimator.run(stop, seed: seed, threads: threads) { done, target in
            if showProgress { ProgressBar.draw(done: done, target: target) }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        do {
            switch format {
            case .json: try ReportOutput.write(try ReportJSON.encode(report), to: output)
            case .table: try ReportOutput.write(YieldTable.render(report) + "\n", to: output)
            case .html: try ReportOutput.write(YieldHTML.page(report, model: lineModel.name), to: output)
            case .xlsx: try ReportOutput.write(try XLSXWorkbook.data(RiskTables.yield(report)), to: output)
            }
        } catch let e as CLIError {
            printError("error: \(e.description)")
            throw e.exitCode
        }
    }
}

/// A user-facing failure of `fabplan yield` (printed once by ArgumentParser as "Error: ...").
struct YieldCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

private func readFile(_ path: String) throws -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw YieldCommandError("\(path): cannot read file (\(error.localizedDescription))")
    }
}

private func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
        return "missing key '\(key.stringValue)' at \(pathString(context.codingPath))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        return "\(context.debugDescription) at \(pathString(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
        return "\(context.debugDescription) at \(pathString(context.codingPath))"
    default:
        return "\(error)"
    }
}

private func pathString(_ path: [CodingKey]) -> String {
    path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}


/// A one-line progress bar on stderr (only drawn when stderr is a terminal).
enum ProgressBar {
    static func draw(done: Int, target: Int) {
        let fraction = target > 0 ? min(1, Double(done) / Double(target)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let line = "\r[\(bar)] \(Int(fraction * 100))%  \(done)/\(target) trials"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
