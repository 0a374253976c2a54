/// The moment a planning run must end by: started once when the run starts (the CLI: when the command starts)
/// and passed down, so formulation, solve, tie-break, report and explanation all share one clock. Every step
/// checks it between phases and gives GLPK only the time that is left.
public struct PlanDeadline: Sendable {
    /// When the run must end.
    public let end: ContinuousClock.Instant

    /// A deadline `seconds` from now.
    public init(secondsFromNow seconds: Double) {
        end = ContinuousClock.now.advanced(by: .nanoseconds(Int64(min(seconds, 1e9) * 1e9)))
    }

    /// Seconds left (negative once passed).
    public var remainingSeconds: Double {
        let d = end - ContinuousClock.now
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// `true` once the deadline has passed.
    public var hasPassed: Bool { remainingSeconds <= 0 }

    /// The solver's time limit for a phase that may use what is left minus `reserveSeconds` (kept for the
    /// phases after it), never below 0.05 s (GLPK then stops at its first check) and never above `cap`.
    public func solverSeconds(reserving reserveSeconds: Double, cap: Double? = nil) -> Double {
        let left = max(0.05, remainingSeconds - reserveSeconds)
        return cap.map { min($0, left) } ?? left
    }
}
