import LinearSolver

/// Outcome of a planning run, in planner words.
public enum PlanStatus: String, Sendable, Hashable, Codable {
    /// Proven optimal (within the MIP gap).
    case optimal
    /// A feasible plan, but optimality not proven (time limit with an incumbent, cancelled with an incumbent).
    case feasible
    /// No plan satisfies the model's hard constraints; see `PlanReport.infeasibility`.
    case infeasible
    /// The solver stopped without any plan (time limit or cancel before a first plan, numerical failure).
    case noSolution = "no-solution"
}

/// The capacity plan and everything that explains it. All quantities are in model units (units, dies, wafers,
/// tools, tool-hours, currency), never in the LP's internal scaling. This type *is* the JSON schema
/// (docs/plan-schema.md); bump `currentSchemaVersion` on any breaking change.
public struct PlanReport: Sendable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var status: PlanStatus
    /// Why the solver stopped (`optimal`, `timeLimit`, ...).
    public var termination: TerminationReason
    /// Objective value in its own unit (currency for profit/cost, good units for max-output).
    public var objective: Double?
    public var objectiveKind: PlanObjective
    /// `mip` (integer tool purchases) or `lp`.
    public var mode: String
    /// Relative MIP gap at the end (MIP only).
    public var mipGap: Double?
    /// The proof behind the plan, its best bound and gap in objective units (see `PlanQuality`).
    public var quality: PlanQuality? = nil
    public var solveSeconds: Double
    public var modelName: String
    public var currency: String
    public var periods: [String]

    public var financials: Financials?
    public var products: [ProductPeriod]
    public var purchases: [Purchase]
    public var stations: [StationPeriod]
    /// Station-periods with a positive value of capacity, highest first.
    public var bottlenecks: [Bottleneck]
    public var dies: [DiePeriod]
    public var fab: [FabPeriod]
    public var sensitivity: SensitivityReport?
    public var infeasibility: InfeasibilityReport?
    /// Unit of shadow prices: "<currency> per tool-hour" or "good units per tool-hour".
    public var shadowPriceUnit: String
    /// Monte Carlo risk of this plan (`fabplan optimize --risk-trials N`); nil when not estimated.
    public var risk: RiskReport?
    /// Expected queue times, cycle times and WIP (docs/cycle-time.md); nil without product rows.
    public var cycleTime: CycleTimeReport?

    public init(status: PlanStatus, termination: TerminationReason, objective: Double?, objectiveKind: PlanObjective,
                mode: String, mipGap: Double?, solveSeconds: Double, modelName: String, currency: String,
                periods: [String], shadowPriceUnit: String) {
        self.schemaVersion = PlanReport.currentSchemaVersion
        self.status = status; self.termination = termination; self.objective = objective
        self.objectiveKind = objectiveKind; self.mode = mode; self.mipGap = mipGap; self.solveSeconds = solveSeconds
        self.modelName = modelName; self.currency = currency; self.periods = periods
        self.financials = nil; self.products = []; self.purchases = []; self.stations = []; self.bottlenecks = []
        self.dies = []; self.fab = []; self.sensitivity = nil; self.infeasibility = nil
        self.shadowPriceUnit = shadowPriceUnit
    }
}

/// Money and volume over the whole horizon.
public struct Financials: Sendable, Codable, Hashable {
    public var revenue: Double
    public var materialCost: Double
    public var operatingCost: Double
    public var waferCost: Double
    public var dieCost: Double
    public var capitalSpend: Double
    public var holdingCost: Double
    public var unmetPenalty: Double
    /// Revenue minus all costs and the unmet-demand penalty.
    public var profit: Double
    /// Good units produced (starts × route yield), including any put into inventory.
    public var goodUnits: Double
    /// Units sold: demand − unmet demand.
    public var shippedUnits: Double
    public var demandUnits: Double
    public var unmetUnits: Double
    /// All costs (without the penalty) divided by good units; `nil` without output.
    public var costPerGoodUnit: Double?
}

/// One product in one period.
public struct ProductPeriod: Sendable, Codable, Hashable {
    public var product: String
    public var period: String
    /// Units started, all sites.
    public var starts: Double
    public var startsBySite: [String: Double]
    /// Good units out (starts × route yield).
    public var goodOutput: Double
    public var demand: Double
    public var unmet: Double
    /// Finished goods carried into the next period.
    public var inventory: Double
    /// What limits this product here: "demand" when all demand is met, else the binding constraints on its path.
    public var limitedBy: [String]
}

/// Tools ordered for one station in one period.
public struct Purchase: Sendable, Codable, Hashable {
    public var site: String
    public var station: String
    /// Period the order (and the capital spend) falls in.
    public var period: String
    /// First period the tools produce.
    public var arrivalPeriod: String
    public var tools: Double
    public var capitalSpend: Double
}

/// One station instance in one period.
public struct StationPeriod: Sendable, Codable, Hashable {
    public var site: String
    public var station: String
    public var period: String
    public var tools: Double
    /// Tool-hours the plan loads on the station.
    public var loadHours: Double
    /// Tool-hours available: tools × hours × availability × utilization cap.
    public var availableHours: Double
    /// loadHours / (tools × hours × availability): share of up-time used (≤ utilization cap).
    public var utilization: Double
    /// Value of one more tool-hour (dual of the capacity row), in `PlanReport.shadowPriceUnit`.
    public var shadowPricePerToolHour: Double
    /// Value of one more tool in this period: shadow price × the effective hours of one tool that lie inside the
    /// range over which the shadow price holds (a lower bound when the tool's hours go past it; see
    /// `Bottleneck.valuePerExtraToolBasis` for exact values of the top bottlenecks).
    public var valuePerExtraTool: Double
}

/// A binding station, ranked by the value of more capacity.
public struct Bottleneck: Sendable, Codable, Hashable {
    public var rank: Int
    public var site: String
    public var station: String
    public var period: String
    /// Value of one more tool-hour (dual of the capacity row), valid for `validExtraHours` more hours.
    public var shadowPricePerToolHour: Double
    /// Value of one more tool in this period (its effective hours, the plan's purchases unchanged): exact for the
    /// top bottlenecks (a re-solve), else from the shadow price inside its range; how, in `valuePerExtraToolBasis`.
    public var valuePerExtraTool: Double
    public var utilization: Double
    /// Extra tool-hours over which `shadowPricePerToolHour` holds (right-hand-side range of the capacity row).
    public var validExtraHours: Double? = nil
    /// How `valuePerExtraTool` was obtained (nil: shadow price × hours, no range known, e.g. in sweeps).
    public var valuePerExtraToolBasis: ToolValueBasis? = nil
    /// With `.lowerBound`: the most one more tool can be worth (shadow price × all its hours).
    public var valuePerExtraToolUpperBound: Double? = nil
    /// Shadow price × one tool's effective hours: the first-order figure, shown for reference only.
    public var firstOrderValuePerExtraTool: Double? = nil
}

/// Die balance of one die type in one period.
public struct DiePeriod: Sendable, Codable, Hashable {
    public var dieType: String
    public var period: String
    public var used: Double
    public var fromFab: Double
    public var bought: Double
    /// Value of one more good die (dual of the die-supply row), in the shadow-price currency per die.
    public var shadowPricePerDie: Double
}

/// The fab in one period.
public struct FabPeriod: Sendable, Codable, Hashable {
    public var period: String
    public var waferStarts: Double
    public var waferCapacity: Double
    public var waferStartsByDieType: [String: Double]
}

/// Sensitivity ranges: over these ranges of a right-hand side, the plan's basis (and so the shadow prices) stays
/// the same. LP plans only (for a MIP, the ranges of the LP with tool purchases fixed).
public struct SensitivityReport: Sendable, Codable, Hashable {
    public struct DemandRange: Sendable, Codable, Hashable {
        public var product: String, period: String, demand: Double, lower: Double, upper: Double
    }
    public struct CapacityRange: Sendable, Codable, Hashable {
        public var site: String, station: String, period: String
        /// Installed capacity in tool-hours and its range.
        public var availableHours: Double, lower: Double, upper: Double
    }
    public var demand: [DemandRange]
    public var capacity: [CapacityRange]
}

/// Why no plan meets the hard constraints: which demands cannot be met and the constraints that stop them.
public struct InfeasibilityReport: Sendable, Codable, Hashable {
    public struct Shortfall: Sendable, Codable, Hashable {
        public var product: String, period: String, demand: Double, shortUnits: Double
    }
    /// Demands that cannot be met, with the least shortfall found.
    public var shortfalls: [Shortfall]
    /// Constraints that together block the demand (binding, with a nonzero dual in the elastic problem).
    public var conflictingConstraints: [String]
    /// One paragraph for a planner.
    public var explanation: String
}
