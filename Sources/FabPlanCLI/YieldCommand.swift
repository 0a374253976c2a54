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

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: "How wafers and lots are drawn: tables (exact tabulated laws, fast) or two-stage (as the model is written).")
    var sampling: Sampling = .tables

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

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
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(report)
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(YieldTable.render(report))
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

/// Plain-text tables of a `YieldReport`.
enum YieldTable {
    static func render(_ r: YieldReport) -> String {
        var out = "Monte Carlo yield: \(r.trials) trials, seed \(r.seed), stopped by \(r.stoppedBy), "
            + "worst relative SE \(fmt(r.worstRelativeStandardError, 5)); quantiles from \(r.histogramBins)-bin histograms, "
            + "P ± = widest 95 % interval (sampling + binning) of P5/P50/P95\n\n"
        out += table(
            ["product", "period", "starts", "demand", "determ.", "mean good", "± SE", "P5", "P50", "P95",
             "P ± (95%)", "route yield", "P(meet)", "E[short]"],
            r.products.map { p in
                [p.product, p.period, fmt(p.starts, 0), fmt(p.demand, 0), fmt(p.deterministicGoodUnits, 0),
                 fmt(p.goodUnits.mean, 1), fmt(p.goodUnits.standardError, 1), fmt(p.goodUnits.p5, 0),
                 fmt(p.goodUnits.p50, 0), fmt(p.goodUnits.p95, 0), fmt(p.goodUnits.quantileErrorBound, 0),
                 fmt(p.routeYield.mean, 5),
                 fmt(p.probabilityMeetDemand, 4), fmt(p.expectedShortfallUnits, 1)]
            })
        if !r.dieYields.isEmpty {
            out += "\n" + table(
                ["die type", "period", "wafers", "die yield", "± SE", "P5", "P95", "NB formula", "dies needed",
                 "fab share", "P(short)"],
                r.dieYields.map { d in
                    [d.dieType, d.period, fmt(d.wafers, 1), fmt(d.dieYield.mean, 5), fmt(d.dieYield.standardError, 5),
                     fmt(d.dieYield.p5, 4), fmt(d.dieYield.p95, 4), fmt(d.negativeBinomialYield, 5),
                     fmt(d.supply.meanDiesNeeded, 0), fmt(d.supply.fabShare, 4), fmt(d.supply.probabilityShort, 4)]
                })
        }
        if !r.stations.isEmpty {
            out += "\n" + table(
                ["station", "period", "binds", "utilization", "up h/tool"],
                r.stations.map { s in
                    [s.station, s.period, fmt(s.bindingFraction, 4), fmt(s.meanUtilization, 4), fmt(s.meanUpHoursPerTool, 1)]
                })
        }
        return out
    }

    static func fmt(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i < 2 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
