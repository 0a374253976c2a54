/// What a long run is counting when it reports progress.
public enum WorkPhase: Sendable, Hashable {
    /// `ScenarioComparison.compare`: plans solved, one per model or scenario file.
    case scenarioPlans
    /// `SweepRunner.run`: grid points of the run solved.
    case sweepPoints
    /// `StochasticPlanner.plan`: independent solves done (the recourse problem, the deterministic plan and one
    /// wait-and-see problem per scenario).
    case stochasticSolves
    /// Monte Carlo risk and yield estimates: trials done (reported once per wave of blocks).
    case monteCarloTrials
}

/// How far a long run has got: `done` of `total` units of `phase` (plans, points, solves or trials).
public struct WorkProgress: Sendable, Hashable {
    /// What is being counted.
    public var phase: WorkPhase
    /// Units finished so far, 0...total.
    public var done: Int
    /// Units the run will do at most (a precision-stopped Monte Carlo run may stop before).
    public var total: Int

    /// A report of `done` of `total` units of `phase`.
    public init(phase: WorkPhase, done: Int, total: Int) {
        self.phase = phase; self.done = done; self.total = total
    }
}

/// Receives progress reports. It may be called from worker threads, but never twice at once for one run and
/// with `done` never decreasing (parallel jobs report under the run's lock), so it must return quickly.
public typealias WorkProgressHandler = @Sendable (WorkProgress) -> Void
