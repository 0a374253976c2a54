import LineModel
import LinearSolver

/// How a bottleneck's `valuePerExtraTool` was obtained.
public enum ToolValueBasis: String, Sendable, Hashable, Codable {
    /// Re-solved with one more tool's hours in that station-period (purchases of a MIP plan fixed): exact.
    case exactResolve = "exact-resolve"
    /// The tool's hours lie inside the range over which the shadow price holds: shadow price × hours, exact.
    case withinRange = "within-range"
    /// The tool's hours go past that range: shadow price × the hours inside it, a lower bound (the true value
    /// is at most `valuePerExtraToolUpperBound`, shadow price × all the hours).
    case lowerBound = "lower-bound"
}

/// Marginal values that hold: for each bottleneck the range of extra tool-hours over which its shadow price is
/// valid (right-hand-side ranging of its capacity row), and the value of one more tool computed exactly, by
/// re-solving, for the top bottlenecks; never a shadow price extrapolated past its range.
///
/// All of it is about the LP the duals come from: the plan's own LP, or for a MIP plan the LP with the tool
/// purchases fixed at the plan's (so "one more tool" is one more tool's hours in that period alone, the plan's
/// purchases unchanged). Each re-solve is warm-started from the plan's basis and takes a few dual simplex steps.
enum ToolValue {
    /// Bottlenecks valued exactly by a re-solve, from the top.
    static let exactCount = 5

    /// Fills the range and value fields of `report.bottlenecks` (and clamps `report.stations`' values to
    /// their ranges). Leaves the report as it is when the LP cannot be re-solved.
    static func apply(to report: inout PlanReport, formulation: Formulation, solution: Solution) {
        guard solution.hasPrimal, !report.bottlenecks.isEmpty, let base = fixedLP(formulation, solution) else { return }
        var options = SolverOptions()
        options.lpMethod = .dualSimplex
        options.computeSensitivity = true
        options.captureLog = false
        guard let ranged = try? GLPKSolver.solve(base, options: options, warmStart: solution.basis),
            ranged.termination == .optimal, let baseObjective = ranged.objective, let sensitivity = ranged.sensitivity
        else { return }
        let scale = formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money
        let sign: Double = base.sense == .maximize ? 1 : -1
        var resolveOptions = options
        resolveOptions.computeSensitivity = false
        for k in report.bottlenecks.indices {
            guard let (row, hours) = capacityRow(report.bottlenecks[k], formulation) else { continue }
            let headroom = max(0, sensitivity.rowRHS[row].upper - base.rows[row].upper)
            var b = report.bottlenecks[k]
            let firstOrder = b.shadowPricePerToolHour * hours
            b.validExtraHours = headroom
            b.firstOrderValuePerExtraTool = firstOrder
            if k < exactCount, let exact = resolve(base, row: row, hours: hours, options: resolveOptions, basis: ranged.basis) {
                b.valuePerExtraTool = max(0, sign * (exact - baseObjective) * scale)
                b.valuePerExtraToolBasis = .exactResolve
            } else if hours <= headroom {
                b.valuePerExtraTool = firstOrder
                b.valuePerExtraToolBasis = .withinRange
            } else {
                b.valuePerExtraTool = b.shadowPricePerToolHour * headroom
                b.valuePerExtraToolBasis = .lowerBound
                b.valuePerExtraToolUpperBound = firstOrder
            }
            report.bottlenecks[k] = b
        }
        clampStations(&report, formulation, sensitivity, base)
    }

    /// The LP the duals come from: the problem itself, or a MIP's with its integer columns fixed at the plan.
    static func fixedLP(_ formulation: Formulation, _ solution: Solution) -> LinearProblem? {
        var p = formulation.problem
        guard solution.columnValues.count == p.columns.count else { return nil }
        for j in p.columns.indices where p.columns[j].kind != .continuous {
            let v = solution.columnValues[j].rounded()
            p.columns[j].lower = v
            p.columns[j].upper = v
            p.columns[j].kind = .continuous
        }
        return p
    }

    /// The capacity row of a bottleneck and one tool's effective hours there.
    static func capacityRow(_ b: Bottleneck, _ f: Formulation) -> (Int, Double)? {
        let key = StationKey(site: b.site, station: b.station)
        guard let t = f.model.periods.firstIndex(where: { $0.id == b.period }), let i = f.stations.firstIndex(of: key),
            let row = f.rows.capacity[i][t]
        else { return nil }
        return (row.raw, f.stationData[i].effectiveHours(hoursPerTool: f.model.periods[t].hoursPerTool))
    }

    /// The LP objective with `hours` more capacity on `row`, warm-started; nil if it does not solve.
    static func resolve(_ base: LinearProblem, row: Int, hours: Double, options: SolverOptions, basis: Basis?) -> Double? {
        var p = base
        p.rows[row].upper += hours
        guard let s = try? GLPKSolver.solve(p, options: options, warmStart: basis), s.termination == .optimal else { return nil }
        return s.objective
    }

    /// Station-periods' values per extra tool, limited to the hours their shadow price holds for.
    static func clampStations(_ report: inout PlanReport, _ f: Formulation, _ s: Sensitivity, _ base: LinearProblem) {
        for k in report.stations.indices where report.stations[k].shadowPricePerToolHour > 0 {
            let st = report.stations[k]
            let b = Bottleneck(rank: 0, site: st.site, station: st.station, period: st.period,
                               shadowPricePerToolHour: st.shadowPricePerToolHour, valuePerExtraTool: 0, utilization: 0)
            guard let (row, hours) = capacityRow(b, f) else { continue }
            let headroom = max(0, s.rowRHS[row].upper - base.rows[row].upper)
            report.stations[k].valuePerExtraTool = st.shadowPricePerToolHour * min(hours, headroom)
        }
    }
}
