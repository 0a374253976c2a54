import Foundation
import LineModel
import LinearSolver

/// How good a plan is known to be: the proof behind it, the best bound on the optimum and the gap between them,
/// in the objective's own units. Shown with every plan (optimize, compare, sweep, stochastic), so two plans are
/// never compared without knowing whether both are proven.
public struct PlanQuality: Sendable, Codable, Hashable {
    /// What backs the plan's objective.
    public enum Proof: String, Sendable, Codable, Hashable {
        /// LP plan (continuous purchases): optimal, no gap.
        case lpOptimal = "lp-optimal"
        /// MIP search finished: no plan is better by more than GLPK's pruning tolerance (`pruningTolerance`
        /// relative: 5,656 USD on the flagship), which `absoluteGap` states.
        case provenOptimal = "proven-optimal"
        /// MIP search stopped at the optimality target: no plan is better by more than `absoluteGap`.
        case withinTarget = "within-target"
        /// Stopped by the time limit (or cancelled) with a plan: better plans may exist, up to `absoluteGap`.
        case stoppedByLimit = "stopped-by-limit"
        /// No plan (infeasible, or stopped before a first plan).
        case noPlan = "no-plan"
    }
    public var proof: Proof
    /// Best bound on the optimal objective (objective units: currency, or good units for max-output);
    /// nil without one.
    public var bestBound: Double?
    /// |objective − bestBound|, objective units: the most a better plan could gain.
    public var absoluteGap: Double?
    /// absoluteGap / |objective|.
    public var relativeGap: Double?
    /// The absolute target the search stopped at or below (objective units; nil = none), and the relative one.
    public var absoluteGapTarget: Double?
    public var relativeGapTarget: Double?

    /// GLPK prunes a node whose bound is not better than the incumbent by more than this relative amount
    /// (`glp_iocp.tol_obj`, default 1e-7), so a finished search proves the plan within it, not exactly. Seen on
    /// the flagship: HiGHS found a plan 4,721 USD better than GLPK's finished search (8.3e-8 relative).
    public static let pruningTolerance = 1e-7

    /// True when two plans can be compared figure by figure: both LP-optimal, proven optimal or within target.
    public var isProven: Bool { proof == .lpOptimal || proof == .provenOptimal || proof == .withinTarget }

    /// The quality of `solution` of a problem in LP units scaled by `scale` to objective units.
    init(solution: Solution, isMIP: Bool, maximize: Bool, scale: Double, absoluteTarget: Double?, relativeTarget: Double) {
        absoluteGapTarget = isMIP ? absoluteTarget : nil
        relativeGapTarget = isMIP ? relativeTarget : nil
        guard solution.hasPrimal, let objective = solution.objective else {
            proof = .noPlan
            bestBound = solution.mipBestBound.map { $0 * scale }
            return
        }
        guard isMIP else {
            proof = .lpOptimal
            bestBound = objective * scale
            absoluteGap = 0
            relativeGap = 0
            return
        }
        switch solution.termination {
        case .optimal: proof = .provenOptimal
        case .gapLimit: proof = .withinTarget
        default: proof = .stoppedByLimit
        }
        let bound = solution.mipBestBound ?? (proof == .provenOptimal ? objective : nil)
        guard var gap = bound.map({ abs(objective - $0) * scale }) else { return }
        // A finished search proves the plan within GLPK's pruning tolerance only.
        if proof == .provenOptimal { gap = max(gap, Self.pruningTolerance * abs(objective * scale)) }
        absoluteGap = gap
        relativeGap = gap / max(abs(objective * scale), 1e-12)
        bestBound = objective * scale + (maximize ? gap : -gap)
    }

    /// One line for a planner, e.g. "proven optimal", "within 12,345 of the best bound (target 150,000)".
    public func summary(unit: String) -> String {
        func n(_ x: Double) -> String { String(format: "%.0f", x) }
        switch proof {
        case .lpOptimal: return "LP optimal"
        case .provenOptimal: return "proven optimal"
        case .withinTarget:
            return "within \(n(absoluteGap ?? 0)) \(unit) of the best bound" + (absoluteGapTarget.map { " (target \(n($0)))" } ?? "")
        case .stoppedByLimit:
            return "NOT proven: stopped by a limit; a better plan may exist, up to "
                + (absoluteGap.map { "\(n($0)) \(unit)" } ?? "an unknown amount")
        case .noPlan: return "no plan"
        }
    }
}
