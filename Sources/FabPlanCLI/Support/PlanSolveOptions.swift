import ArgumentParser
import FabPlan

/// The solve options every plan-producing command shares (optimize, compare, sweep): what to optimize and when
/// the solver stops. Each command keeps its own --mip/--lp default (`SolveMode`).
struct PlanSolveOptions: ParsableArguments {
    @Option(help: "What to optimize: \(PlanObjective.allCases.map(\.rawValue).joined(separator: ", ")).")
    var objective: PlanObjective = .maxProfit

    @Option(name: .customLong("time-limit"),
            help: "Time limit of the whole run, seconds, in (0, \(Int(Self.maxTimeLimitSeconds))]: formulation, solve and report of every plan (with --stochastic: for the whole run).")
    var timeLimit: Double = 60

    @Option(help: "Relative MIP gap at which to stop, in [0, 1) (default 1e-6, with the cheapest tool's price as an absolute target; with --stochastic: 5e-4).")
    var gap: Double?

    /// Longest --time-limit accepted: 30 days.
    static let maxTimeLimitSeconds = 2_592_000.0

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= Self.maxTimeLimitSeconds else {
            throw ValidationError("--time-limit must be in (0, \(Int(Self.maxTimeLimitSeconds))] seconds, got \(timeLimit)")
        }
        if let gap { guard gap.isFinite, gap >= 0, gap < 1 else { throw ValidationError("--gap must be in [0, 1), got \(gap)") } }
    }

    /// Planner options for these settings.
    func planOptions(integerTools: Bool) -> PlanOptions {
        var options = PlanOptions(objective: objective, integerTools: integerTools)
        options.timeLimitSeconds = timeLimit
        // One deadline for the whole command, started now: every plan of it ends by then.
        options.deadline = PlanDeadline(secondsFromNow: timeLimit)
        if let gap { options.mipGap = gap }
        return options
    }
}
