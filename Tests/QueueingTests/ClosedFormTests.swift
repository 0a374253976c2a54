import Foundation
import Testing
@testable import Queueing

@Suite("Queue-time closed forms")
struct ClosedFormTests {
    @Test("M/M/1 at u = 0.8 with 2 h service waits 0.8/0.2 × 2 = 8 h")
    func mm1() {
        #expect(abs(MarkovQueue.mm1QueueHours(meanServiceHours: 2, utilization: 0.8) - 8) < 1e-12)
        #expect(MarkovQueue.mm1QueueHours(meanServiceHours: 2, utilization: 1) == .infinity)
    }

    @Test("Erlang C: M/M/2 at a = 1 waits with probability 1/3; M/M/3 at a = 2 with 4/9")
    func erlangC() {
        // m = 2, a = 1: B1 = 1/2, B2 = (1/2)/(2 + 1/2) = 1/5, C = (1/5)/(1 − (1/2)(4/5)) = 1/3;
        // Wq = C / (m (1 − u)) × 1 h = (1/3) / 1 = 1/3 h.
        #expect(abs(MarkovQueue.erlangCWaitProbability(servers: 2, utilization: 0.5) - 1.0 / 3) < 1e-12)
        #expect(abs(MarkovQueue.erlangCQueueHours(servers: 2, meanServiceHours: 1, utilization: 0.5) - 1.0 / 3) < 1e-12)
        // m = 3, a = 2: B1 = 2/3, B2 = 2/5, B3 = 4/19, C = (4/19)/(1 − (2/3)(15/19)) = 4/9; Wq = (4/9)/(3 · 1/3) = 4/9 h.
        #expect(abs(MarkovQueue.erlangCWaitProbability(servers: 3, utilization: 2.0 / 3) - 4.0 / 9) < 1e-12)
        #expect(abs(MarkovQueue.erlangCQueueHours(servers: 3, meanServiceHours: 1, utilization: 2.0 / 3) - 4.0 / 9) < 1e-12)
        // One server: C = u, so Erlang C reduces to M/M/1.
        #expect(abs(MarkovQueue.erlangCQueueHours(servers: 1, meanServiceHours: 2, utilization: 0.8) - 8) < 1e-12)
    }

    @Test("Kingman: V = (0.5 + 1.5)/2 = 1 at u = 0.75, t_e = 1 h gives 3 h; c² = 1 gives M/M/1")
    func kingman() {
        let k = QueueTime.kingmanHours(arrivalSCV: 0.5, processTime: ProcessTime(meanHours: 1, scv: 1.5), utilization: 0.75)
        #expect(abs(k - 3) < 1e-12)
        let mm1 = QueueTime.kingmanHours(arrivalSCV: 1, processTime: ProcessTime(meanHours: 2, scv: 1), utilization: 0.8)
        #expect(abs(mm1 - 8) < 1e-12)
    }

    @Test("Sakasegawa equals Kingman at m = 1 and gives 0.5^(√6 − 1) = 0.36615 h for M/M/2 at u = 0.5")
    func sakasegawa() {
        let one = StationLoad(servers: 1, arrivalSCV: 0.5, processTime: ProcessTime(meanHours: 1, scv: 1.5), utilization: 0.75)
        #expect(abs(QueueTime.sakasegawaHours(one) - 3) < 1e-12)
        // V = 1, exponent √6 − 1 = 1.44949; 0.5^1.44949 = e^(−1.00471) = 0.36615; divided by m (1 − u) = 1.
        let two = StationLoad(servers: 2, arrivalSCV: 1, processTime: ProcessTime(meanHours: 1, scv: 1), utilization: 0.5)
        #expect(abs(QueueTime.sakasegawaHours(two) - 0.36615) < 1e-4)
        // Allen–Cunneen with V = 1 is Erlang C (1/3 h); with V = 1/2, half of it.
        #expect(abs(QueueTime.allenCunneenHours(two) - 1.0 / 3) < 1e-12)
        var half = two
        half.arrivalSCV = 0; half.processTime.scv = 1
        #expect(abs(QueueTime.allenCunneenHours(half) - 1.0 / 6) < 1e-12)
    }

    @Test("Preemptive outages: t0 = 1 h, c0² = 0.25, MTBF 9 h, MTTR 1 h → t_e = 1/0.9 h, c_e² = 0.43")
    func preemptive() {
        // A = 9/10; t_e = 1/0.9 = 1.1111 h; c_e² = 0.25 + (1 + 1) · 0.9 · 0.1 · 1/1 = 0.43.
        let natural = ProcessTime(meanHours: 1, scv: 0.25)
        let e = EffectiveProcessTime.preemptiveOutages(natural: natural, mtbfHours: 9, mttrHours: 1, repairSCV: 1)
        #expect(abs(e.meanHours - 1 / 0.9) < 1e-12)
        #expect(abs(e.scv - 0.43) < 1e-12)
        // Same availability with ten times longer repairs: c_e² = 0.25 + 2 · 0.09 · 10 = 2.05.
        let long = EffectiveProcessTime.preemptiveOutages(natural: natural, mtbfHours: 90, mttrHours: 10, repairSCV: 1)
        #expect(abs(long.meanHours - 1 / 0.9) < 1e-12)
        #expect(abs(long.scv - 2.05) < 1e-12)
    }

    @Test("Setups: t0 = 1 h (σ0² = 0.25), a 2 h setup (c_s² = 0.5) every 4 jobs → t_e = 1.5 h, c_e² = 2/3")
    func setups() {
        // t_e = 1 + 2/4 = 1.5; σ_e² = 0.25 + 0.5·4/4 + 3·4/16 = 0.25 + 0.5 + 0.75 = 1.5; c_e² = 1.5/2.25.
        let e = EffectiveProcessTime.nonPreemptiveSetups(natural: ProcessTime(meanHours: 1, scv: 0.25),
                                                         jobsBetweenSetups: 4, setupHours: 2, setupSCV: 0.5)
        #expect(abs(e.meanHours - 1.5) < 1e-12)
        #expect(abs(e.scv - 2.0 / 3) < 1e-12)
    }

    @Test("A mix of two deterministic classes (1 h and 3 h, equal rates) has mean 2 h and SCV 5/4 − 1 = 0.25")
    func mix() {
        let m = ProcessTimeMix.mixed([JobClass(jobsPerHour: 1, processTime: ProcessTime(meanHours: 1, scv: 0)),
                                      JobClass(jobsPerHour: 1, processTime: ProcessTime(meanHours: 3, scv: 0))])
        #expect(abs((m?.meanHours ?? 0) - 2) < 1e-12)
        #expect(abs((m?.scv ?? 0) - 0.25) < 1e-12)
        #expect(ProcessTimeMix.mixed([]) == nil)
    }

    @Test("Linking equation: u = 0.8, c_a² = 1, c_e² = 0.25 → c_d² = 1 − 0.64·0.75 = 0.52 (m = 1), 0.76 (m = 4)")
    func departures() {
        var s = StationLoad(servers: 1, arrivalSCV: 1, processTime: ProcessTime(meanHours: 1, scv: 0.25), utilization: 0.8)
        #expect(abs(FlowVariability.departureSCV(s) - 0.52) < 1e-12)
        s.servers = 4
        #expect(abs(FlowVariability.departureSCV(s) - 0.76) < 1e-12)
    }
}

@Suite("Largest utilization within a queue-time limit")
struct UtilizationLimitTests {
    @Test("Kingman, V = 1, t_e = 1 h, limit 4 h: u* = 4/(4 + 1) = 0.8")
    func kingmanClosedForm() {
        let s = StationLoad(servers: 1, arrivalSCV: 1, processTime: ProcessTime(meanHours: 1, scv: 1), utilization: 0)
        #expect(abs(UtilizationLimit.largestUtilization(queueLimitHours: 4, model: .sakasegawa, station: s) - 0.8) < 1e-12)
    }

    @Test("Allen–Cunneen with V = 1 on two servers: a 1/3 h limit gives back u = 1/2 (the Erlang C case above)")
    func erlangInverse() {
        let s = StationLoad(servers: 2, arrivalSCV: 1, processTime: ProcessTime(meanHours: 1, scv: 1), utilization: 0)
        let u = UtilizationLimit.largestUtilization(queueLimitHours: 1.0 / 3, model: .allenCunneen, station: s)
        #expect(abs(u - 0.5) < 1e-9)
    }

    @Test("Sakasegawa on four servers: the inverse meets the limit and a step above it does not")
    func sakasegawaInverse() {
        var s = StationLoad(servers: 4, arrivalSCV: 1.5, processTime: ProcessTime(meanHours: 2, scv: 0.5), utilization: 0)
        let u = UtilizationLimit.largestUtilization(queueLimitHours: 3, model: .sakasegawa, station: s)
        s.utilization = u
        #expect(abs(QueueTime.sakasegawaHours(s) - 3) < 1e-9)
        s.utilization = u + 1e-6
        #expect(QueueTime.sakasegawaHours(s) > 3)
        #expect(UtilizationLimit.largestUtilization(queueLimitHours: 0, model: .sakasegawa, station: s) == 0)
    }
}
