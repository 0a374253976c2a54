/// How the simulator draws one job's time on a tool: a natural process time, and optionally preemptive
/// outages during processing (Factory Physics §8.4.2's model: failures at rate 1/MTBF while busy, so a job of
/// natural length t_0 suffers Poisson(t_0 / MTBF) failures, each adding one repair).
public struct ServiceModel: Sendable, Hashable {
    /// Process time without outages.
    public var natural: ProcessTime
    /// Preemptive outages; `nil` = none.
    public var outages: Outages?

    /// Breakdowns of one tool.
    public struct Outages: Sendable, Hashable {
        /// Mean busy hours between failures.
        public var mtbfHours: Double
        /// Repair time (mean = MTTR, and its SCV).
        public var repair: ProcessTime

        public init(mtbfHours: Double, repair: ProcessTime) {
            self.mtbfHours = mtbfHours
            self.repair = repair
        }
    }

    public init(natural: ProcessTime, outages: Outages? = nil) {
        self.natural = natural
        self.outages = outages
    }

    /// The effective process time the closed form predicts for this model (`EffectiveProcessTime`).
    public var effective: ProcessTime {
        guard let o = outages else { return natural }
        return EffectiveProcessTime.preemptiveOutages(natural: natural, mtbfHours: o.mtbfHours,
                                                      mttrHours: o.repair.meanHours, repairSCV: o.repair.scv)
    }

    /// One job's time on the tool, hours.
    public func draw(_ rng: inout RandomSource) -> Double {
        var t = rng.draw(natural)
        if let o = outages {
            for _ in 0..<rng.poisson(mean: t / o.mtbfHours) { t += rng.draw(o.repair) }
        }
        return t
    }
}
