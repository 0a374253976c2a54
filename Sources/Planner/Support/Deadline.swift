import Foundation

/// The wall-clock instant by which a whole run (all of its solves, builds and simulations) must end.
///
/// A run that holds a deadline hands each solve only the seconds left (`remainingSeconds`) and checks
/// `hasPassed` between steps, so `--time-limit` bounds the run as a whole, not each solve in it.
public struct Deadline: Sendable, Hashable {
    /// The instant the run must end by (on the monotonic clock).
    public let instant: ContinuousClock.Instant

    /// A deadline `seconds` from now (a non-finite or huge value means about a century).
    public init(secondsFromNow seconds: Double) {
        let bounded = seconds.isFinite ? min(max(seconds, 0), 3e9) : 3e9
        instant = ContinuousClock.now.advanced(by: .nanoseconds(Int64(bounded * 1e9)))
    }

    /// Seconds left until the deadline (negative once it has passed).
    public var remainingSeconds: Double {
        let d = instant - ContinuousClock.now
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// True once the deadline has passed.
    public var hasPassed: Bool { ContinuousClock.now >= instant }
}
