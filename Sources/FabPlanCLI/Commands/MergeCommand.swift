import ArgumentParser
import FabPlan
import Foundation

/// `fabplan merge`: combines the JSON outputs of `fabplan sweep --shard I/N` (or of `fabplan compare --shard I/N`)
/// into the unsharded result.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge shard outputs (JSON) of a sweep or a comparison into the result of the unsharded run.",
        discussion: """
        The shards must come from the same model files, grid (or scenarios) and options, and together hold every
        point (what-if) once. The output equals, byte for byte, that of the same run without --shard. A missing
        shard (a failed task leaves no file) is named with the exact command that re-runs it.
        Exit codes: 0 merged; 2 a shard file missing, unreadable or invalid, shards missing, repeated or of
        different runs; 6 cannot write the output; 64 invalid options.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, table, markdown }

    @Argument(help: "Shard outputs of `fabplan sweep --shard I/N` or `fabplan compare --shard I/N` (JSON).")
    var shards: [String]

    @Option(help: "Output format: json or csv; for comparisons also table or markdown.")
    var format: Format = .json

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard files to merge") }
    }

    /// A shard file, read: a sweep's or a comparison's.
    enum Shard {
        case sweep(SweepResult)
        case comparison(ComparisonReport)
    }

    func run() throws {
        try reportingErrors {
            try OutputSafety.refuseOverwriting(inputs: shards, outputs: [output.path])
            var read: [Shard] = []
            var readPaths: [String] = []
            var unreadable: [String] = []
            for path in shards {
                do {
                    read.append(try Self.read(path))
                    readPaths.append(path)
                } catch let e as CLIError { unreadable.append(e.description) }
            }
            let sweeps = read.compactMap { if case .sweep(let s) = $0 { s } else { nil } }
            let comparisons = read.compactMap { if case .comparison(let c) = $0 { c } else { nil } }
            guard sweeps.isEmpty || comparisons.isEmpty else {
                throw CLIError.invalidInput("the inputs mix shards of a sweep and of a comparison")
            }
            let text: String
            do {
                guard !read.isEmpty else { throw ShardMergeError.nothingToMerge }
                text = try sweeps.isEmpty ? render(try ComparisonReport.merge(comparisons)) : render(try SweepResult.merge(sweeps))
                if let first = unreadable.first { throw CLIError.invalidInput(first) }
            } catch let e as ShardMergeError {
                throw mergeFailure(e, items: sweeps.isEmpty ? "what-if" : "point", paths: readPaths, unreadable: unreadable)
            }
            try OutputWriter.write(text, to: output.path)
        }
    }

    /// Reads one shard file: a comparison's if it has `plans`, else a sweep's.
    static func read(_ path: String) throws -> Shard {
        let peek = FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) }
        if (peek as? [String: Any])?["plans"] != nil {
            return .comparison(try loadJSON(ComparisonReport.self, path: path,
                                            what: "a shard of a comparison, JSON from `fabplan compare --shard I/N`", decoder: ReportJSON.decoder))
        }
        return .sweep(try loadJSON(SweepResult.self, path: path,
                                   what: "a shard of a sweep, JSON from `fabplan sweep --shard I/N`", decoder: SweepResult.decoder))
    }

    func render(_ sweep: SweepResult) throws -> String {
        switch format {
        case .json: return try sweep.json()
        case .csv: return sweep.csv()
        case .table, .markdown: throw CLIError.invalidInput("--format \(format.rawValue) is for comparisons; a sweep is json or csv")
        }
    }

    func render(_ report: ComparisonReport) throws -> String {
        switch format {
        case .json: return try ComparisonRendering.json(report)
        case .csv: return ComparisonRendering.csv(report)
        case .table: return ComparisonRendering.table(report, markdown: false)
        case .markdown: return ComparisonRendering.table(report, markdown: true)
        }
    }

    /// The error for a merge that failed: inputs named by path (`paths`: the files read, in merge order), missing
    /// shards with their re-run commands, and the files that could not be read (a failed shard's output may be one).
    func mergeFailure(_ e: ShardMergeError, items: String, paths: [String], unreadable: [String]) -> CLIError {
        func name(_ input: Int) -> String { input - 1 < paths.count ? paths[input - 1] : "input \(input)" }
        var message: String
        switch e {
        case .missing(let m): message = ShardRerun.report(m, items: items)
        case .otherInputs(let n): message = "\(name(n)) was run on other inputs than \(name(1)) (model files, grid or "
            + "scenarios, mode, objective or base plan differ: shards of different inputs are never merged)"
        case .inconsistent(let n, let reason): message = "\(name(n)) \(reason)"
        case .outsideRun(let n, let item, let total): message = "\(name(n)) holds \(items) #\(item), outside the \(total) \(items)s of the run"
        case .repeated(let n, let item): message = "\(name(n)) repeats \(items) #\(item) of an earlier input (the same shard given twice?)"
        case .nothingToMerge: message = "nothing to merge"
        }
        if !unreadable.isEmpty { message += "\n" + unreadable.map { "  unreadable: \($0)" }.joined(separator: "\n") }
        return CLIError.invalidInput(message)
    }
}
