/// Which of the two SMT2020 datasets (Kopp et al. 2020): high volume / low mix or low volume / high mix.
public enum SMT2020Dataset: String, Sendable, Hashable, CaseIterable {
    /// 2 products (routes of 583 and 343 steps), ~105 tool families.
    case hvlm = "HVLM"
    /// 10 products (routes of 242-583 steps).
    case lvhm = "LVHM"

    /// The dataset's folder name as published (`SMT2020_HVLM`).
    public var folderName: String { "SMT2020_" + rawValue }
}

/// Every interpretation the SMT2020 importer makes, as an option with a stated default. Each is written as a
/// comment in the imported model.
public struct SMT2020ImportOptions: Sendable, Hashable {
    /// The batch size a batch step is planned with (the batch fill).
    public enum BatchFill: String, Sendable, Hashable, CaseIterable {
        /// BATCHMX: full batches (a loaded fab fills its furnaces; the capacity bound).
        case max
        /// BATCHMN: the smallest batch the tool may start (a lightly loaded fab).
        case min
        /// Half way between BATCHMN and BATCHMX.
        case mid
    }

    /// How often a step with a SETUP pays its setup time.
    public enum SetupCharge: String, Sendable, Hashable, CaseIterable {
        /// Every dispatch (the bound: the tool always comes from another setup).
        case everyDispatch = "every-dispatch"
        /// Once per minimum run (setupgrp.txt MINRUN, 1/MINRUN per dispatch); every dispatch where no minimum
        /// run is given.
        case minRun = "min-run"
        /// The expected share when tools can keep a setup: none on a family with at least as many tools as
        /// distinct setups its steps need (each tool stays on one setup), else as `minRun`.
        case dedicated
        /// Never (setups ignored).
        case none
    }

    /// Batch fill; default `.max`.
    public var batchFill: BatchFill = .max
    /// Setup charge; default `.dedicated`.
    public var setups: SetupCharge = .dedicated
    /// Cascading; default `.steady`.
    public var cascading: Cascading = .steady
    /// Apply StepPercent (only that share of lots visits the step); default true.
    public var sampling: Bool = true
    /// Apply REWORK (that share of lots goes back to RWKSTEP and repeats the steps up to this one); default true.
    public var rework: Bool = true
    /// How PartInterval / BatchInterval (cascading: items overlap in the tool) are read.
    public enum Cascading: String, Sendable, Hashable, CaseIterable {
        /// Steady state: lots follow back to back, so a dispatch takes items × interval (the first item's extra
        /// time is shared by a run of 10⁹ dispatches, i.e. neglected), and on cascading tools (STNCAP 2) load
        /// and unload overlap the cascade (not charged). The reading of the dataset's public simulator.
        case steady
        /// Each dispatch fills and empties the tool: first + (items − 1) × interval, load and unload charged.
        case isolated
        /// No cascade: each wafer takes PTIME (per piece), each lot PTIME (per lot).
        case off
    }

    /// Count hot and super-hot lot releases (order.txt) in the nominal release; default true.
    public var includeHotLots: Bool = true
    /// Hours of the one planning period; default 168 (a week, so figures are per week).
    public var hoursPerPeriod: Double = 168
    /// Tool families whose name starts with this are delays (no station: cycle time, no load); default "Delay".
    public var delayFamilyPrefix: String = "Delay"

    public init() {}

    /// One line per option, for the imported file's header.
    public var described: [String] {
        [
            "batch fill: \(batchFill.rawValue) (max = BATCHMX full batches, min = BATCHMN, mid = halfway)",
            "setups: \(setups.rawValue) (every-dispatch = the bound; min-run = 1/MINRUN of setupgrp.txt, the most "
                + "the minimum-run rule allows; dedicated = none where a family has as many tools as setups, else min-run; none)",
            "sampling (StepPercent): \(sampling ? "on" : "off"); rework (REWORK, RWKSTEP): \(rework ? "on" : "off")",
            "cascading (PartInterval, BatchInterval): \(cascading.rawValue) (steady = items × interval, load/unload "
                + "overlapped on STNCAP 2 tools; isolated = first + (items − 1) × interval; off = PTIME each)",
            "hot lots in the nominal release: \(includeHotLots ? "yes" : "no"); one period of "
                + LineModelWriter.number(hoursPerPeriod) + " h; delay families: \(delayFamilyPrefix)*",
        ]
    }
}
