import Foundation
import LineModel
import LinearSolver

/// K < 1, or a sub-problem without a solution.
public enum StochasticPlanError: Error, Sendable, CustomStringConvertible {
    case scenarioCount(Int)
    case noSolution(String)
    /// A min-cost plan cannot meet all demand: of the nominal model (EV) or of some scenario (RP).
    case infeasible(String)
    case timeLimit(Double)
    public var description: String {
        switch self {
        case .scenarioCount(let k): return "--stochastic must be at least 1 scenario, got \(k)"
        case .noSolution(let what): return "stochastic plan: \(what) has no solution"
        case .infeasible(let why): return "stochastic plan: \(why)"
        case .timeLimit(let t): return "stochastic plan: the time limit must be a positive number of seconds, got \(t)"
        }
    }
}

/// Tools bought for a station in a period (first-stage decision).
public struct FirstStagePurchase: Sendable, Codable, Hashable {
    public var site: String
    public var station: String
    public var period: String
    public var tools: Double
}

/// Result of two-stage SAA planning over K scenarios (objective in its own unit: currency for profit/cost).
/// For max-profit VSS = RP − EEV and EVPI = WS − RP; for min-cost VSS = EEV − RP and EVPI = RP − WS.
///
/// Both are ≥ 0 by construction, also when branch-and-cut stops at its gap or time limit: the plan is the
/// better of the RP incumbent and EV's purchases (so RP is never worse than EEV), and each scenario's WS value
/// is the better of its own MIP incumbent and the plan's value in that scenario (so WS is never worse than RP).
public struct StochasticReport: Sendable, Codable, Hashable {
    public var scenarios: Int
    public var seed: UInt64
    public var objectiveKind: PlanObjective
    public var mode: String
    /// First-stage purchases of the stochastic plan (nonzero only).
    public var purchases: [FirstStagePurchase]
    /// RP: expected objective of the stochastic plan (the best first stage found).
    public var recourseProblem: Double
    /// Best bound on RP from branch-and-cut (MIP only; equals RP when solved to optimality).
    public var recourseBound: Double?
    /// Where the plan's first stage comes from: `recourse problem`, or `expected-value plan` when the RP search
    /// found nothing better than EV's purchases within its limits.
    public var planSource: String
    /// EV: optimal objective of the deterministic plan on the nominal model.
    public var expectedValueProblem: Double
    /// EEV: EV's purchases fixed, second stage re-optimized in every scenario, averaged.
    public var expectedResultOfEV: Double?
    /// Value of the stochastic solution.
    public var valueOfStochasticSolution: Double?
    /// WS: average of the per-scenario optima (perfect information).
    public var waitAndSee: Double
    /// Bound on WS from the per-scenario MIP bounds (nil if a scenario was not solved).
    public var waitAndSeeBound: Double?
    /// Scenarios whose WS solve met the gap (the others stopped at their time limit or were not reached).
    public var waitAndSeeSolved: Int
    /// Expected value of perfect information.
    public var expectedValueOfPerfectInformation: Double
    /// Why the RP solve stopped (`optimal`, `gapLimit`, `timeLimit`, ...) and its relative MIP gap (MIP only).
    public var recourseTermination: String
    public var recourseMIPGap: Double?
    /// Rows × columns of the merged problem.
    public var rows: Int
    public var columns: Int
    /// Worker threads used for the independent solves (RP, EV, the K WS problems).
    public var threads: Int
    public var solveSeconds: Double
}

/// Two-stage stochastic capacity planning (sample average approximation) with the usual value measures.
///
/// The recourse problem (RP, the merged K-scenario MIP), the deterministic plan (EV) and the K wait-and-see
/// problems (WS) are independent solves; they run in parallel on `threads` workers (RP first: it is the
/// longest) under one wall-clock budget, `timeLimitSeconds`, for the whole run. EEV is K small LPs with EV's
/// purchases fixed. See docs/risk.md.
public enum StochasticPlanner {
    /// Plans `model` over `scenarioCount` scenarios from `ScenarioSampler` with `seed`, the whole run (sampling,
    /// building, every solve) within `timeLimitSeconds` of wall clock (see `plan(_:scenarios:deadline:...)`).
    public static func plan(
        _ model: LineModel, scenarioCount: Int, seed: UInt64, objective: PlanObjective = .maxProfit,
        integerTools: Bool = true, timeLimitSeconds: Double = 60, mipGap: Double = 5e-4,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: WorkProgressHandler? = nil
    ) throws -> StochasticReport {
        guard scenarioCount >= 1 else { throw StochasticPlanError.scenarioCount(scenarioCount) }
        try model.validate()
        guard timeLimitSeconds > 0, timeLimitSeconds.isFinite else { throw StochasticPlanError.timeLimit(timeLimitSeconds) }
        let deadline = Deadline(secondsFromNow: timeLimitSeconds)
        var scenarios: [LineModel] = []
        scenarios.reserveCapacity(scenarioCount)
        for k in 0..<scenarioCount {
            if k % 64 == 0 && deadline.hasPassed { throw notReached("sampling scenario \(k + 1) of \(scenarioCount)") }
            scenarios.append(ScenarioSampler.scenario(of: model, index: k, seed: seed))
        }
        // Sampled scenarios of a valid model need no validation of their own.
        return try solve(model, scenarios: scenarios, seed: seed, objective: objective, integerTools: integerTools,
                         deadline: deadline, mipGap: mipGap, threads: threads, progress: progress)
    }

    /// Plans `model` over the given scenario variants (equal weights) within `timeLimitSeconds` of wall clock.
    public static func plan(
        _ model: LineModel, scenarios: [LineModel], seed: UInt64 = 0, objective: PlanObjective = .maxProfit,
        integerTools: Bool = true, timeLimitSeconds: Double = 60, mipGap: Double = 5e-4,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: WorkProgressHandler? = nil
    ) throws -> StochasticReport {
        guard timeLimitSeconds > 0, timeLimitSeconds.isFinite else { throw StochasticPlanError.timeLimit(timeLimitSeconds) }
        return try plan(model, scenarios: scenarios, seed: seed, objective: objective, integerTools: integerTools,
                        deadline: Deadline(secondsFromNow: timeLimitSeconds), mipGap: mipGap, threads: threads,
                        progress: progress)
    }

    /// Plans `model` over the given scenario variants (equal weights); the whole run ends by `deadline` plus at
    /// most 1 s (the deterministic plan EV and EEV's fixed-purchase solves each get at least 0.5 s) and the time
    /// to assemble the report, with the best result found by then. When the deadline passes before the
    /// deterministic plan (EV) is solved there is no result: `StochasticPlanError.noSolution`. When it passes during EEV's fixed-purchase solves, EEV and
    /// VSS are left out of the report (nil). The model and every scenario are validated first.
    public static func plan(
        _ model: LineModel, scenarios: [LineModel], seed: UInt64 = 0, objective: PlanObjective = .maxProfit,
        integerTools: Bool = true, deadline: Deadline, mipGap: Double = 5e-4,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: WorkProgressHandler? = nil
    ) throws -> StochasticReport {
        guard !scenarios.isEmpty else { throw StochasticPlanError.scenarioCount(0) }
        try model.validate()
        for (k, scenario) in scenarios.enumerated() { try scenario.validate(label: "scenario \(k)") }
        return try solve(model, scenarios: scenarios, seed: seed, objective: objective, integerTools: integerTools,
                         deadline: deadline, mipGap: mipGap, threads: threads, progress: progress)
    }

    /// The run itself, on validated inputs.
    private static func solve(
        _ model: LineModel, scenarios: [LineModel], seed: UInt64, objective: PlanObjective, integerTools: Bool,
        deadline: Deadline, mipGap: Double, threads: Int, progress: WorkProgressHandler?
    ) throws -> StochasticReport {
        let clock = ContinuousClock.now
        let K = scenarios.count
        var forms: [Formulation] = []
        forms.reserveCapacity(K)
        for (k, m) in scenarios.enumerated() {
            if deadline.hasPassed { throw notReached("building scenario problem \(k + 1) of \(K)") }
            forms.append(Formulation(model: m, objective: objective, integerTools: integerTools))
        }
        let stochastic = StochasticFormulation(formulations: forms, objective: objective)
        if deadline.hasPassed { throw notReached("merging the \(K) scenario problems") }
        let nominal = Formulation(model: model, objective: objective, integerTools: integerTools)
        let maximize = stochastic.problem.sense == .maximize
        func better(_ a: Double, _ b: Double) -> Bool { maximize ? a > b : a < b }

        // Jobs: 0 = RP, 1 = EV, 2 + k = WS of scenario k. Budget shares: RP may use most of the budget when
        // another worker does EV and WS meanwhile; a WS solve never takes more than a tenth of it. A solve left
        // less than 0.05 s is skipped (RP: the plan falls back to EV's purchases; WS: the plan's own value in that
        // scenario stands in); EV always runs (at least 0.5 s).
        let workers = min(max(1, threads), K + 2)
        let budget = max(0, deadline.remainingSeconds)
        let rpShare = workers > 1 ? 0.85 : 0.6
        let wsCap = max(0.5, budget / 10)
        // RP and WS are searched with integers on order counts only and a tie-break that defers purchases (see
        // `searchProblem`); their values are then recomputed with the true objective.
        let T = model.periods.count
        let rpProblem = searchProblem(stochastic.problem, of: stochastic.scenarios[0], periods: T,
                                      columnMap: stochastic.columnMap[0])
        // GLPK's time limit starts once the problem is handed to it; the hand-off (validation, conversion) and the
        // reading back of the solution take about twice one validation pass, timed here, on the merged problem.
        let handOffStart = ContinuousClock.now
        try rpProblem.validate()
        let rpHandOffSeconds = 2 * (ContinuousClock.now - handOffStart).seconds
        if deadline.hasPassed { throw notReached("handing the merged problem to the solver") }
        let finished = progress.map { report in
            { @Sendable (n: Int) in report(WorkProgress(phase: .stochasticSolves, done: n, total: K + 2)) }
        }
        let outcomes: [SolveOutcome] = ParallelJobs.run(count: K + 2, threads: workers, finished: finished) { job in
            let remaining = deadline.remainingSeconds
            switch job {
            case 0: return run(rpProblem, mipGap: mipGap, seconds: remaining * rpShare - rpHandOffSeconds)
            case 1: return run(nominal.problem, mipGap: mipGap, seconds: max(remaining, 0.5)) // EV is always needed
            default:
                guard remaining > 0.05 else { return .skipped } // no copy of a problem that will not be solved
                let f = stochastic.scenarios[job - 2]
                let ws = searchProblem(f.problem, of: f, periods: T, columnMap: nil)
                return run(ws, mipGap: mipGap, seconds: min(remaining, wsCap))
            }
        }
        guard case .solved(let ev) = outcomes[1] else {
            if case .failed(let why) = outcomes[1], why == TerminationReason.infeasible.rawValue {
                throw StochasticPlanError.infeasible("the deterministic plan (EV) on the nominal model is infeasible: min-cost "
                    + "plans must meet all demand (`fabplan optimize MODEL --objective min-cost` explains what blocks it)")
            }
            throw StochasticPlanError.noSolution("the deterministic plan (EV) on the nominal model\(outcomes[1].reason)")
        }

        // EEV: EV's purchases fixed in every scenario alone (an LP each). nil when they cannot serve some
        // scenario at all (min-cost must meet all demand): then EEV and VSS are not defined (VSS = ∞).
        let evPurchases = purchaseValues(of: nominal, values: ev.columnValues, integerTools: integerTools)
        // Like EV, EEV gets at least 0.5 s, so a run whose RP was not reached can still fall back to EV's plan.
        let eevDeadline = deadline.remainingSeconds >= 0.5 ? deadline : Deadline(secondsFromNow: 0.5)
        let eevPerScenario = try fixedPurchaseValues(stochastic.scenarios, purchases: evPurchases, deadline: eevDeadline)
        let eev = eevPerScenario.map { $0.reduce(0, +) / Double(K) }

        // The plan: the RP incumbent, unless EV's purchases do better (or RP found nothing in time).
        var planSource = "recourse problem"
        var planPerScenario: [Double]
        var firstStage = evPurchases
        var rpValue: Double
        var rpSolution: Solution? = nil
        if case .solved(let rp) = outcomes[0], rp.objective != nil {
            rpSolution = rp
            let values = rp.columnValues
            let perScenario = stochastic.scenarios.indices.map { k in
                scenarioValue(stochastic.scenarios[k], values: stochastic.columnMap[k].map { values[$0] })
            }
            // RP's true objective: the mean of the scenarios' values (capital is in each scenario's objective).
            let rpObjective = perScenario.reduce(0, +) / Double(K)
            if let eev, let eevPerScenario, better(eev, rpObjective) {
                planSource = "expected-value plan"
                planPerScenario = eevPerScenario
                rpValue = eev
            } else {
                planPerScenario = perScenario
                firstStage = purchaseValues(of: stochastic.scenarios[0], values: stochastic.columnMap[0].map { values[$0] },
                                            integerTools: integerTools)
                rpValue = rpObjective
            }
        } else if case .failed(let why) = outcomes[0], why == TerminationReason.infeasible.rawValue {
            throw StochasticPlanError.infeasible("the stochastic program (RP) is infeasible: in some scenario no purchases "
                + "meet all demand, which min-cost requires; --objective max-profit prices unmet demand instead")
        } else if let eev, let eevPerScenario {
            planSource = "expected-value plan"
            planPerScenario = eevPerScenario
            rpValue = eev
        } else {
            throw StochasticPlanError.noSolution("the stochastic program (RP)\(outcomes[0].reason)")
        }

        // WS: per scenario the better of its own optimum and the plan's value there (a feasible solution of it).
        var wsSum = 0.0, wsBoundSum: Double? = 0, wsSolved = 0
        for k in 0..<K {
            var value = planPerScenario[k]
            var bound: Double? = nil
            if case .solved(let s) = outcomes[k + 2], s.objective != nil {
                let v = scenarioValue(stochastic.scenarios[k], values: s.columnValues)
                if better(v, value) { value = v }
                bound = s.termination == .optimal || s.termination == .gapLimit ? (s.mipBestBound ?? v) : s.mipBestBound
                if s.termination == .optimal || s.termination == .gapLimit { wsSolved += 1 }
            }
            wsSum += value
            if let b = bound, let sum = wsBoundSum { wsBoundSum = sum + (better(value, b) ? value : b) } else { wsBoundSum = nil }
        }

        // Objectives are solved in thousands (PlanScale); report them in currency (or good units).
        let scale = objective == .maxOutput ? PlanScale.units : PlanScale.money
        let ws = wsSum / Double(K) * scale
        let rpReported = rpValue * scale
        let eevReported = eev.map { $0 * scale }
        var purchases: [FirstStagePurchase] = []
        let base = stochastic.scenarios[0]
        for key in base.stations.sorted() {
            for (t, _) in base.columns.buys[base.stationIndex(of: key)!].entries {
                guard let tools = firstStage[key]?[t], abs(tools) > 1e-9 else { continue }
                purchases.append(FirstStagePurchase(site: key.site, station: key.station, period: model.periods[t].id, tools: tools))
            }
        }
        let rpBound: Double? = rpSolution.flatMap { s in
            integerTools ? s.mipBestBound : (s.termination == .optimal ? s.objective : nil)
        }.map { $0 * scale }
        return StochasticReport(
            scenarios: K, seed: seed, objectiveKind: objective, mode: integerTools ? "mip" : "lp",
            purchases: purchases, recourseProblem: rpReported,
            recourseBound: rpBound.map { maximize ? max($0, rpReported) : min($0, rpReported) },
            planSource: planSource,
            expectedValueProblem: (ev.objective ?? 0) * scale,
            expectedResultOfEV: eevReported,
            valueOfStochasticSolution: eevReported.map { maximize ? rpReported - $0 : $0 - rpReported },
            waitAndSee: ws, waitAndSeeBound: wsBoundSum.map { $0 / Double(K) * scale }, waitAndSeeSolved: wsSolved,
            expectedValueOfPerfectInformation: maximize ? ws - rpReported : rpReported - ws,
            recourseTermination: outcomes[0].stopReason,
            recourseMIPGap: rpSolution?.mipGap.flatMap { $0.isFinite && $0 < 1e6 ? $0 : nil },
            rows: stochastic.problem.rows.count, columns: stochastic.problem.columns.count,
            threads: workers, solveSeconds: (ContinuousClock.now - clock).seconds)
    }

    /// The planner's MIP settings (`usePlannerMIPSettings`, as CapacityPlanner.solve); primal simplex for LPs.
    static func solverOptions(timeLimitSeconds: Double, mipGap: Double, isMIP: Bool) -> SolverOptions {
        var o = SolverOptions()
        o.timeLimitSeconds = timeLimitSeconds
        o.mipGap = mipGap
        o.lpMethod = .primalSimplex
        o.computeMIPDuals = false // the value measures need objectives only
        if isMIP { o.usePlannerMIPSettings() }
        return o
    }

    /// One independent solve of the parallel phase, with the planner's settings and `seconds` of wall clock.
    private static func run(_ p: LinearProblem, mipGap: Double, seconds: Double) -> SolveOutcome {
        guard seconds > 0.05 else { return .skipped }
        let o = solverOptions(timeLimitSeconds: seconds, mipGap: mipGap, isMIP: p.isMIP)
        do {
            let s = try GLPKSolver.solve(p, options: o)
            return s.hasPrimal && s.objective != nil ? .solved(s) : .failed("\(s.termination.rawValue)")
        } catch {
            return .failed("\(error)")
        }
    }

    /// Purchases (tools per station and buy period) in a formulation's column values; integers snapped in MIP mode.
    static func purchaseValues(of f: Formulation, values: [Double], integerTools: Bool) -> [StationKey: [Int: Double]] {
        var out: [StationKey: [Int: Double]] = [:]
        for (i, key) in f.stations.enumerated() {
            for (t, j) in f.columns.buys[i].entries {
                let v = values[j.raw]
                out[key, default: [:]][t] = integerTools ? v.rounded() : v
            }
        }
        return out
    }

    /// The problem branch-and-cut searches for RP and WS: a copy of `problem` in which (1) when the formulation
    /// has integer tool counts (the stock of C9, or the order counts of C8), the purchases themselves are
    /// continuous, so GLPK branches on "tools ordered by period t" only, and (2) purchases cost 1e-6 more per period they are made earlier than the last one
    /// (capital coefficient × (1 + 1e-6·(T − 1 − t))): plans that differ only in when an idle tool is bought tie
    /// exactly in the true objective, and the tie-break makes "buy as late as possible" the unique optimum.
    /// Measured on the flagship's K = 50 RP (Benchmarks/results/risk.md): 12.6 s with both, 19 s with (1) only,
    /// 22 s with neither (order counts and purchases both integer, as the deterministic planner solves).
    /// The tie-break moves the objective by at most 1e-6·(T − 1) of the capital spend; reported values are
    /// recomputed with the true objective.
    static func searchProblem(_ problem: LinearProblem, of f: Formulation, periods T: Int, columnMap: [Int]?) -> LinearProblem {
        var p = problem
        let countsPresent = f.stations.indices.contains { !f.toolCountColumns(station: $0).isEmpty }
        for series in f.columns.buys {
            for (t, j) in series.entries {
                let c = columnMap.map { $0[j.raw] } ?? j.raw
                if countsPresent { p.columns[c].kind = .continuous }
                p.columns[c].objective += p.columns[c].objective * 1e-6 * Double(max(0, T - 1 - t))
            }
        }
        return p
    }

    /// Objective of one scenario's formulation at `values` (its own columns), in LP units.
    static func scenarioValue(_ f: Formulation, values: [Double]) -> Double {
        var total = f.problem.objectiveConstant
        for (j, c) in f.problem.columns.enumerated() where c.objective != 0 { total += c.objective * values[j] }
        return total
    }

    /// EEV's per-scenario values: each scenario alone with `purchases` fixed. Nil when the purchases cannot serve
    /// some scenario at all, or when `deadline` passes before every scenario is solved.
    static func fixedPurchaseValues(_ scenarios: [Formulation], purchases: [StationKey: [Int: Double]],
                                    deadline: Deadline) throws -> [Double]? {
        var values: [Double] = []
        for f in scenarios {
            let seconds = deadline.remainingSeconds
            guard seconds > 0.01,
                let v = try fixedFirstStageValue(f, purchases: purchases, timeLimitSeconds: seconds)
            else { return nil }
            values.append(v)
        }
        return values
    }

    /// Optimal objective of scenario `f` alone with its purchases fixed at `purchases` (an LP), in LP units;
    /// nil when that LP has no solution or is not solved to optimality within `timeLimitSeconds`.
    static func fixedFirstStageValue(_ f: Formulation, purchases: [StationKey: [Int: Double]],
                                     timeLimitSeconds: Double = .infinity) throws -> Double? {
        var p = f.problem
        for j in p.columns.indices { p.columns[j].kind = .continuous }
        for (i, key) in f.stations.enumerated() {
            for (t, j) in f.columns.buys[i].entries {
                let v = purchases[key]?[t] ?? 0
                p.columns[j.raw].lower = v
                p.columns[j.raw].upper = v
            }
        }
        var o = SolverOptions()
        o.lpMethod = .primalSimplex
        if timeLimitSeconds.isFinite { o.timeLimitSeconds = timeLimitSeconds }
        let s = try GLPKSolver.solve(p, options: o)
        guard s.termination != .timeLimit else { return nil }
        return s.hasPrimal ? s.objective : nil
    }

    /// The error of a run whose deadline passed before the deterministic plan could be solved.
    static func notReached(_ step: String) -> StochasticPlanError {
        .noSolution("the run (stopped while \(step): the time limit passed before any plan was solved)")
    }
}

/// Outcome of one solve of the parallel phase.
enum SolveOutcome: Sendable {
    case solved(Solution)
    case failed(String)
    case skipped

    /// Why the solve stopped: GLPK's termination, the failure, or that it was not reached.
    var stopReason: String {
        switch self {
        case .solved(let s): return s.termination.rawValue
        case .failed(let why): return why
        case .skipped: return "not reached within the time limit"
        }
    }

    /// " (stopReason)" for error messages; empty for a solved outcome.
    var reason: String {
        if case .solved = self { return "" }
        return " (\(stopReason))"
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
