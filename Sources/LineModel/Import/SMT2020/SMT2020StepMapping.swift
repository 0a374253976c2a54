// How one SMT2020 route row becomes a fabplan route step: visits (sampling, rework), the dispatch rate
// (per piece, per lot, per batch, cascading) and the setup, each with the comment that says how.

/// A route row turned into a step, with the words that explain the interpretation.
struct SMT2020MappedStep {
    var step: RouteStep
    var notes: [String]
}

extension SMT2020Importer {
    /// Expected visits per lot entering each row: StepPercent/100 × (1 + Σ REWORK/100 of every rework loop
    /// that covers the row), a loop of step k going back to RWKSTEP r covering the steps r...k once.
    static func visits(_ steps: [SMT2020Step], _ options: SMT2020ImportOptions) -> [Double] {
        var reworkShare = Array(repeating: 0.0, count: steps.count)
        if options.rework {
            for loop in steps where loop.reworkPercent > 0 {
                guard let back = loop.reworkTo else { continue }
                for (i, s) in steps.enumerated() where s.number >= back && s.number <= loop.number {
                    reworkShare[i] += loop.reworkPercent / 100
                }
            }
        }
        return steps.indices.map { i in
            let sampled = options.sampling ? (steps[i].stepPercent ?? 100) / 100 : 1
            return sampled * (1 + reworkShare[i])
        }
    }

    static func mapStep(_ s: SMT2020Step, tool: SMT2020Tool, unitsPerLot: Double, visits: Double,
                        setups: SMT2020Setups, options: SMT2020ImportOptions, table: TabTable) throws(DatasetError)
        -> SMT2020MappedStep
    {
        guard s.processSeconds > 0 else {
            throw DatasetError(file: table.file, line: s.line, column: "PTIME", message: "a processing time > 0 is needed")
        }
        var notes: [String] = []
        let processing = try processing(s, unitsPerLot: unitsPerLot, options: options, table: table, notes: &notes)
        let overlapped = tool.cascading && options.cascading == .steady
        if overlapped { notes.append("load/unload overlap the cascade (STNCAP 2, cascading steady)") }
        let rate = Rate.dispatch(DispatchRate(processing: processing, unitsPerLot: unitsPerLot,
                                              loadSeconds: overlapped ? 0 : tool.loadSeconds,
                                              unloadSeconds: overlapped ? 0 : tool.unloadSeconds))
        if visits != 1 {
            let sampled = options.sampling ? (s.stepPercent ?? 100) / 100 : 1
            notes.append("visits \(fmt(visits)) = sampling \(fmt(sampled)) (StepPercent) × (1 + rework "
                         + "\(fmt(visits / sampled - 1)) of the REWORK loops covering this step)")
        }
        if s.reworkPercent > 0, let back = s.reworkTo {
            notes.append("REWORK \(LineModelWriter.number(s.reworkPercent)) % of lots back to step \(back)"
                         + (options.rework ? "" : " (ignored: rework off)"))
        }
        let setup = setupTime(s, family: tool.family, setups: setups, options: options, notes: &notes)
        let step = RouteStep(name: "\(s.number) \(s.name)", station: tool.family, rate: rate, yield: 1,
                             visitFraction: visits, setup: setup)
        return SMT2020MappedStep(step: step, notes: notes)
    }

    /// Dispatches per cascade run: 10⁹ (steady state) or 1 (isolated).
    static func runLength(_ options: SMT2020ImportOptions) -> Double { options.cascading == .steady ? 1e9 : 1 }

    static func processing(_ s: SMT2020Step, unitsPerLot: Double, options: SMT2020ImportOptions, table: TabTable,
                           notes: inout [String]) throws(DatasetError) -> Processing {
        switch s.per {
        case "per_piece":
            return try cascadeOr(.perUnit(seconds: s.processSeconds), s, interval: s.partIntervalSeconds,
                                 column: "PartInterval", item: .unit, options: options, table: table, notes: &notes)
        case "per_lot":
            return try cascadeOr(.perLot(seconds: s.processSeconds), s, interval: s.batchIntervalSeconds,
                                 column: "BatchInterval", item: .lot, options: options, table: table, notes: &notes)
        default:
            return .perBatch(seconds: s.processSeconds, batch: try batch(s, unitsPerLot: unitsPerLot, options: options,
                                                                         table: table, notes: &notes))
        }
    }

    /// A cascade of `item`s (PTIME for the first, `interval` for each further one) when the step gives an
    /// interval in `column` and cascading is on; otherwise `plain`, the step's time per item.
    static func cascadeOr(_ plain: Processing, _ s: SMT2020Step, interval: Double?, column: String, item: CascadeItem,
                          options: SMT2020ImportOptions, table: TabTable,
                          notes: inout [String]) throws(DatasetError) -> Processing {
        guard let interval else { return plain }
        let things = item == .unit ? "wafers" : "lots", thing = item == .unit ? "wafer" : "lot"
        guard options.cascading != .off else { notes.append("\(column) ignored: cascading off"); return plain }
        guard interval <= s.processSeconds else {
            throw DatasetError(file: table.file, line: s.line, column: column,
                               message: "the interval exceeds PTIME; a cascade overlaps \(things), so interval ≤ PTIME")
        }
        notes.append("cascade of \(things): PTIME first \(thing), \(column) each further \(thing)")
        return .cascade(Cascade(firstSeconds: s.processSeconds, intervalSeconds: interval, item: item,
                                dispatchesPerRun: runLength(options)))
    }

    static func batch(_ s: SMT2020Step, unitsPerLot: Double, options: SMT2020ImportOptions, table: TabTable,
                      notes: inout [String]) throws(DatasetError) -> BatchSize {
        guard let maxUnits = s.batchMaxUnits, maxUnits > 0 else {
            throw DatasetError(file: table.file, line: s.line, column: "BATCHMX", message: "a per_batch step needs its largest batch")
        }
        let minUnits = s.batchMinUnits ?? unitsPerLot
        guard minUnits > 0, minUnits <= maxUnits else {
            throw DatasetError(file: table.file, line: s.line, column: "BATCHMN", message: "the smallest batch must be in (0, BATCHMX]")
        }
        let planned: Double
        switch options.batchFill {
        case .max: planned = maxUnits
        case .min: planned = minUnits
        case .mid: planned = (minUnits + maxUnits) / 2
        }
        notes.append("batch \(LineModelWriter.number(minUnits))-\(LineModelWriter.number(maxUnits)) wafers, planned "
                     + "\(LineModelWriter.number(planned)) (batch fill \(options.batchFill.rawValue))")
        return BatchSize(minUnits: minUnits, maxUnits: maxUnits, plannedUnits: planned)
    }

    /// The step's setup: STIME on the step, else the largest setup.txt time to its SETUP on its family;
    /// charged per the `setups` option.
    static func setupTime(_ s: SMT2020Step, family: String, setups: SMT2020Setups, options: SMT2020ImportOptions,
                          notes: inout [String]) -> SetupTime? {
        guard !s.setup.isEmpty else { return nil }
        let seconds = s.setupSeconds ?? setups.secondsTo[SMT2020Setups.key(family, s.setup)]
        guard let seconds, seconds > 0 else { notes.append("setup \(s.setup): no setup time given"); return nil }
        let source = s.setupSeconds != nil ? "STIME" : "setup.txt, the largest time to it"
        let share: Double
        switch options.setups {
        case .none:
            notes.append("setup \(s.setup) ignored (setups none)")
            return nil
        case .everyDispatch: share = 1
        case .minRun: share = setups.minRun[s.setup].map { 1 / $0 } ?? 1
        case .dedicated:
            if setups.dedicated.contains(family) {
                notes.append("setup \(s.setup) not charged: \(family) has a tool for each of its setups (setups dedicated)")
                return nil
            }
            share = setups.minRun[s.setup].map { 1 / $0 } ?? 1
        }
        notes.append("setup \(s.setup): \(LineModelWriter.number(seconds / 60)) min (\(source)), "
                     + "\(LineModelWriter.number(share)) per dispatch (setups \(options.setups.rawValue))")
        return SetupTime(secondsPerChange: seconds, changesPerDispatch: share)
    }
}
