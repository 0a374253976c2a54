import ArgumentParser
import FabPlan
import Foundation

/// `fabplan import`: builds a line model from a public dataset's own files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a line model from a public dataset's own files.",
        subcommands: [ImportSMT2020Command.self])
}

extension SMT2020Dataset: ExpressibleByArgument {}
extension SMT2020ImportOptions.BatchFill: ExpressibleByArgument {}
extension SMT2020ImportOptions.SetupCharge: ExpressibleByArgument {}
extension SMT2020ImportOptions.Cascading: ExpressibleByArgument {}

/// On/off for an interpretation option.
enum OnOff: String, ExpressibleByArgument, CaseIterable {
    case on, off
    var isOn: Bool { self == .on }
}

/// `fabplan import smt2020 DIR [--dataset HVLM|LVHM] --output MODEL.yaml`.
struct ImportSMT2020Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smt2020",
        abstract: "Import the SMT2020 testbed (HVLM or LVHM) step by step into a line model.",
        discussion: """
        DIR is a dataset folder (with part.txt, tool.txt or tool.txt.1l, route files, order.txt, downcal.txt, \
        pmcal.txt, attach.txt, setup.txt, setupgrp.txt) or a folder holding SMT2020_HVLM and SMT2020_LVHM. \
        Every interpretation is an option with a stated default and is written as a comment in the model.
        Exit codes: 0 written; 2 a dataset file is bad (file:line, column name); 6 cannot write.
        """)

    @Argument(help: "The dataset folder.")
    var folder: String

    @Option(help: "HVLM or LVHM (when DIR holds both).")
    var dataset: SMT2020Dataset?

    @Option(help: "Write the model here (atomically).")
    var output: String

    @Option(help: "Batch fill: max (BATCHMX, full batches), min (BATCHMN) or mid.")
    var batchFill: SMT2020ImportOptions.BatchFill = .max

    @Option(help: "Setups: dedicated (none on a family with a tool per setup, else min-run), min-run (1/MINRUN per dispatch where given, else every dispatch), every-dispatch (the bound) or none.")
    var setups: SMT2020ImportOptions.SetupCharge = .dedicated

    @Option(help: "Sampling (StepPercent): on or off.")
    var sampling: OnOff = .on

    @Option(help: "Rework (REWORK back to RWKSTEP): on or off.")
    var rework: OnOff = .on

    @Option(help: "Cascading (PartInterval, BatchInterval): steady (items × interval; load/unload overlapped on STNCAP 2 tools), isolated (first + (items − 1) × interval) or off.")
    var cascading: SMT2020ImportOptions.Cascading = .steady

    @Option(help: "Hot lots in the nominal release: on or off.")
    var hotLots: OnOff = .on

    @Option(help: "Hours of the one planning period (168 = a week).")
    var periodHours: Double = 168

    func validate() throws {
        guard periodHours > 0, periodHours <= 1e5 else { throw ValidationError("--period-hours must be in (0, 100000]") }
    }

    var options: SMT2020ImportOptions {
        var o = SMT2020ImportOptions()
        o.batchFill = batchFill
        o.setups = setups
        o.sampling = sampling.isOn
        o.rework = rework.isOn
        o.cascading = cascading
        o.includeHotLots = hotLots.isOn
        o.hoursPerPeriod = periodHours
        return o
    }

    func run() throws {
        try reportingErrors {
            let result: SMT2020Import
            do {
                result = try SMT2020Importer.importDataset(folder: folder, dataset: dataset, options: options)
            } catch let error as DatasetError {
                throw CLIError.invalidInput(error.description)
            }
            do {
                _ = try LineModelLoader.load(yaml: result.yaml, fileName: output)
            } catch let error as LineModelError {
                throw CLIError.invalidInput("the imported model does not validate:\n\(error)")
            }
            try AtomicFile.write(result.yaml, to: output)
            let steps = result.model.products.reduce(0) { $0 + $1.route.count + $1.delays.count }
            print("\(output): \(result.model.sites[0].stations.count) stations, \(result.model.products.count) products, "
                  + "\(steps) route steps")
        }
    }
}
