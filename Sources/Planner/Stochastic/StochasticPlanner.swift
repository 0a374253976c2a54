import Foundation
import LineModel
import LinearSolver

/// K < 1, or a sub-problem without a solution.
public enum StochasticPlanError: Error, Sendable, CustomStringConvertible {
    case scenarioCount(Int)
    case noSolution(String)
    public var description: String {
        switch self {
        case .scenarioCount(let k): return "--stochastic must be at least 1 scenario, got \(k)"
        case .noSolution(let what): return "stochastic plan: \(what) has no solution"
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
/// For max-profit VSS = RP − EEV and EVPI = WS − RP; for min-cost VSS = EEV − RP and EVPI = RP − WS (both ≥ 0).
public struct StochasticReport: Sendable, Codable, Hashable {
    public var scenarios: Int
    public var seed: UInt64
    public var objectiveKind: PlanObjective
    public var mode: String
    /// First-stage purchases of the stochastic plan (nonzero only).
    public var purchases: [FirstStagePurchase]
    /// RP: optimal expected objective of the stochastic program.
    public var recourseProblem: Double
    /// EV: optimal objective of the deterministic plan on the nominal model.
    public var expectedValueProblem: Double
    /// EEV: EV's purchases fixed, second stage re-optimized in every scenario, averaged.
    public var expectedResultOfEV: Double?
    /// Value of the stochastic solution.
    public var valueOfStochasticSolution: Double?
    /// WS: average of the per-scenario optima (perfect information).
    public var waitAndSee: Double
    /// Expected value of perfect information.
    public var expectedValueOfPerfectInformation: Double
    /// Why the RP solve stopped (`optimal`, `timeLimit`, ...) and its relative MIP gap (MIP only).
    public var recourseTermination: String
    public var recourseMIPGap: Double?
    /// Rows × columns of the merged problem.
    public var rows: Int
    public var columns: Int
    public var solveSeconds: Double
}

/// Two-stage stochastic capacity planning (sample average approximation) with the usual value measures.
public enum StochasticPlanner {
    /// Plans `model` over `scenarioCount` scenarios from `ScenarioSampler` with `seed`.
    public static func plan(
        _ model: LineModel, scenarioCount: Int, seed: UInt64, objective: PlanObjective = .maxProfit,
        integerTools: Bool = true, timeLimitSeconds: Double = 60, mipGap: Double = 5e-4
    ) throws -> StochasticReport {
        guard scenarioCount >= 1 else { throw StochasticPlanError.scenarioCount(scenarioCount) }
        let scenarios = ScenarioSampler.scenarios(of: model, count: scenarioCount, seed: seed)
        return try plan(model, scenarios: scenarios, seed: seed, objective: objective, integerTools: integerTools,
                        timeLimitSeconds: timeLimitSeconds, mipGap: mipGap)
    }

    /// Plans `model` over the given scenario variants (equal weights).
    public static func plan(
        _ model: LineModel, scenarios: [LineModel], seed: UInt64 = 0, objective: PlanObjective = .maxProfit,
        integerTools: Bool = true, timeLimitSeconds: Double = 60, mipGap: Double = 5e-4
    ) throws -> StochasticReport {
        guard !scenarios.isEmpty else { throw StochasticPlanError.scenarioCount(0) }
        let clock = ContinuousClock.now
        let options = solverOptions(timeLimitSeconds: timeLimitSeconds, mipGap: mipGap, isMIP: integerTools)
        let stochastic = StochasticFormulation(models: scenarios, objective: objective, integerTools: integerTools)
        let rp = try solve(stochastic.problem, options, "the stochastic program (RP)")

        let nominal = Formulation(model: model, objective: objective, integerTools: integerTools)
        let ev = try solve(nominal.problem, options, "the deterministic plan (EV)")

        // EEV: fix the shared purchase columns at EV's purchases.
        var fixed = stochastic.problem
        let base = stochastic.scenarios[0]
        for (key, cols) in base.buyColumns {
            for (t, j) in cols {
                guard let merged = Optional(stochastic.columnMap[0][j]), merged >= 0 else { continue }
                let value = nominal.buyColumns[key]?[t].map { ev.columnValues[$0] } ?? 0
                let v = integerTools ? value.rounded() : value
                fixed.columns[merged].lower = v
                fixed.columns[merged].upper = v
            }
        }
        let eevSolution = try? GLPKSolver.solve(fixed, options: options)
        let eevRaw = eevSolution.flatMap { $0.hasPrimal ? $0.objective : nil }

        var wsSum = 0.0
        for (k, f) in stochastic.scenarios.enumerated() {
            wsSum += try solve(f.problem, options, "scenario \(k) alone (WS)").objective ?? 0
        }
        // Objectives are solved in thousands (PlanScale); report them in currency (or good units).
        let scale = objective == .maxOutput ? PlanScale.units : PlanScale.money
        let ws = wsSum / Double(scenarios.count) * scale
        let rpValue = (rp.objective ?? 0) * scale
        let evValue = (ev.objective ?? 0) * scale
        let eev = eevRaw.map { $0 * scale }
        let maximize = stochastic.problem.sense == .maximize
        var purchases: [FirstStagePurchase] = []
        for key in base.buyColumns.keys.sorted() {
            for t in (base.buyColumns[key] ?? [:]).keys.sorted() {
                guard let j = base.buyColumns[key]?[t] else { continue }
                let v = rp.columnValues[stochastic.columnMap[0][j]]
                if abs(v) > 1e-9 {
                    purchases.append(FirstStagePurchase(site: key.site, station: key.station, period: model.periods[t].id, tools: v))
                }
            }
        }
        return StochasticReport(
            scenarios: scenarios.count, seed: seed, objectiveKind: objective, mode: integerTools ? "mip" : "lp",
            purchases: purchases, recourseProblem: rpValue, expectedValueProblem: evValue,
            expectedResultOfEV: eev, valueOfStochasticSolution: eev.map { maximize ? rpValue - $0 : $0 - rpValue },
            waitAndSee: ws, expectedValueOfPerfectInformation: maximize ? ws - rpValue : rpValue - ws,
            recourseTermination: rp.termination.rawValue,
            recourseMIPGap: rp.mipGap.flatMap { $0.isFinite && $0 < 1e6 ? $0 : nil },
            rows: stochastic.problem.rows.count, columns: stochastic.problem.columns.count,
            solveSeconds: (ContinuousClock.now - clock).seconds)
    }

    /// The planner's MIP settings (CapacityPlanner.solve): presolve, cuts, pseudocost branching, best projection,
    /// no heuristics; primal simplex for LPs.
    static func solverOptions(timeLimitSeconds: Double, mipGap: Double, isMIP: Bool) -> SolverOptions {
        var o = SolverOptions()
        o.timeLimitSeconds = timeLimitSeconds
        o.mipGap = mipGap
        o.lpMethod = .primalSimplex
        if isMIP {
            o.presolve = true
            o.cuts = true
            o.heuristics = false
            o.branching = .pseudocost
            o.backtracking = .bestProjection
        }
        return o
    }

    private static func solve(_ p: LinearProblem, _ o: SolverOptions, _ what: String) throws -> Solution {
        let s: Solution
        do { s = try GLPKSolver.solve(p, options: o) } catch { throw StochasticPlanError.noSolution("\(what) (\(error))") }
        guard s.hasPrimal, s.objective != nil else { throw StochasticPlanError.noSolution(what) }
        return s
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
