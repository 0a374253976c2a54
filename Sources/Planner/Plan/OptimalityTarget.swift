import Foundation
import LineModel
import LinearSolver

/// When branch-and-cut may stop: the plan is *proven* within a target a planner accepts.
///
/// Two targets, whichever is reached first, with the time limit as the fallback:
/// - an absolute gap (objective units): by default the price of the model's cheapest tool, so no plan that
///   differs by a tool's worth is left unexplored (money objectives; none for max-output);
/// - the relative gap `PlanOptions.mipGap` (default 1e-6: 57 k USD on the flagship's 56.6 B profit).
///
/// The absolute target is watched in GLPK's callback at every node selection (not on a clock), so the same
/// input and options stop at the same node and give the same plan on every run; only the time limit depends
/// on the machine. See docs/formulation.md ("Optimality target").
public enum AbsoluteGapTarget: Sendable, Hashable, Codable {
    /// The price of the cheapest tool that can be bought (money objectives); no absolute target without one.
    case cheapestToolPrice
    /// This many objective units (currency, or good units for max-output).
    case value(Double)
    /// Relative gap and time limit only.
    case none

    /// The target in objective units for `model` and `objective`, or nil.
    func resolved(for model: LineModel, objective: PlanObjective) -> Double? {
        switch self {
        case .none: return nil
        case .value(let v): return v > 0 && v.isFinite ? v : nil
        case .cheapestToolPrice:
            guard objective != .maxOutput else { return nil }
            return model.sites.flatMap(\.stations).map(\.toolPrice).filter { $0 > 0 }.min()
        }
    }
}

/// Watches branch-and-cut progress for the absolute target and hands the caller progress in model units.
final class OptimalityWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var reachedTarget = false
    /// LP objective units → report units (`PlanScale.money`, or `.units` for max-output).
    let scale: Double
    /// Absolute target in report units, or nil.
    let absoluteTarget: Double?
    let user: (@Sendable (MIPProgress) -> Bool)?

    init(scale: Double, absoluteTarget: Double?, user: (@Sendable (MIPProgress) -> Bool)?) {
        self.scale = scale
        self.absoluteTarget = absoluteTarget
        self.user = user
    }

    /// True once the callback stopped the search because the absolute target was reached.
    var reached: Bool { lock.withLock { reachedTarget } }

    /// The callback for `SolverOptions.progress`: the caller's closure sees incumbent and bound in model
    /// units (currency or good units, not the LP's thousands); returns false to stop at the target.
    func callback(_ p: MIPProgress) -> Bool {
        var shown = p
        shown.incumbent = p.incumbent.map { $0 * scale }
        shown.bestBound = p.bestBound.map { $0 * scale }
        if let user, !user(shown) { return false }
        if let target = absoluteTarget, let a = shown.incumbent, let b = shown.bestBound, abs(a - b) <= target {
            lock.withLock { reachedTarget = true }
            return false
        }
        return true
    }

    /// Installs the watch in `options` (every node selection is reported, so the stop is deterministic).
    func install(into options: inout SolverOptions) {
        guard user != nil || absoluteTarget != nil else { return }
        options.progress = { [self] in self.callback($0) }
        options.progressIntervalSeconds = 0
    }

    /// A search the watch stopped at its target ended by the gap, like GLPK's own relative stop.
    func settle(_ solution: inout Solution) {
        if reached, solution.termination == .cancelled, solution.hasPrimal { solution.termination = .gapLimit }
    }
}
