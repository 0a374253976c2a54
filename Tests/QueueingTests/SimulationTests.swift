import Foundation
import Testing
@testable import Queueing

/// The simulator against exact closed forms. Each check: |simulated − exact| ≤ 4 standard errors (batch
/// means; a correct simulator fails it about 1 run in 15,000), and the standard error is below 4 % of the
/// exact value, so a wrong formula or simulator by more than ~16 % cannot pass.
@Suite("Discrete-event simulation against exact queues")
struct SimulationTests {
    func expectClose(_ e: SimulationEstimate, _ exact: Double, _ label: String) {
        #expect(abs(e.mean - exact) <= 4 * e.standardError, "\(label): \(e.mean) vs \(exact) ± \(e.standardError)")
        #expect(e.standardError < 0.04 * exact, "\(label): standard error \(e.standardError) too large to test")
    }

    func single(_ interarrivalHours: Double, servers: Int, service: ServiceModel, seed: UInt64,
                jobs: Int = 200_000) -> LineSimulation.StationResult {
        let sim = LineSimulation(interarrival: ProcessTime(meanHours: interarrivalHours, scv: 1),
                                 stations: [.init(servers: servers, service: service)], jobs: jobs, warmupJobs: 5_000)
        return sim.run(seed: seed)[0]
    }

    @Test("M/M/1 at u = 0.7: Wq = 0.7/0.3 h = 2.333 h")
    func mm1() {
        let r = single(1 / 0.7, servers: 1, service: ServiceModel(natural: ProcessTime(meanHours: 1, scv: 1)), seed: 1)
        expectClose(r.queueHours, 0.7 / 0.3 * 1, "M/M/1")
    }

    @Test("M/M/3 at u = 0.8 (a = 2.4): Wq from Erlang C")
    func mm3() {
        // λ = 2.4 per hour, 1 h service, 3 servers.
        let r = single(1 / 2.4, servers: 3, service: ServiceModel(natural: ProcessTime(meanHours: 1, scv: 1)), seed: 2)
        expectClose(r.queueHours, MarkovQueue.erlangCQueueHours(servers: 3, meanServiceHours: 1, utilization: 0.8), "M/M/3")
    }

    @Test("M/D/1 at u = 0.7: Pollaczek–Khinchine (= Kingman with c_a² = 1) gives 0.5 · 0.7/0.3 h")
    func md1() {
        let r = single(1 / 0.7, servers: 1, service: ServiceModel(natural: ProcessTime(meanHours: 1, scv: 0)), seed: 3)
        expectClose(r.queueHours, 0.5 * 0.7 / 0.3, "M/D/1")
    }

    @Test("Outages: simulated t_e and c_e² match Factory Physics 8.4–8.6 (1.111 h, 0.43), and M/G/1 waits match P-K")
    func outages() {
        // t0 = 1 h, c0² = 0.25, MTBF 9 h, MTTR 1 h, exponential repairs: t_e = 1/0.9 h, c_e² = 0.43.
        let service = ServiceModel(natural: ProcessTime(meanHours: 1, scv: 0.25),
                                   outages: .init(mtbfHours: 9, repair: ProcessTime(meanHours: 1, scv: 1)))
        let te = 1 / 0.9
        // Poisson arrivals at u = 0.7: λ = 0.7 / t_e. M/G/1 is exact under Kingman with c_a² = 1 (P-K):
        // Wq = (1 + 0.43)/2 · 0.7/0.3 · 1.1111 = 1.8537 h.
        let r = single(te / 0.7, servers: 1, service: service, seed: 4)
        expectClose(r.processHours, te, "t_e")
        expectClose(r.queueHours, (1 + 0.43) / 2 * 0.7 / 0.3 * te, "M/G/1 with outages")
        // c_e² as the mean of ((T − t_e)/t_e)², whose draws are independent: its batch-means SE is exact.
        var rng = RandomSource(seed: 5)
        let squares = (0..<200_000).map { _ in let d = (service.draw(&rng) - te) / te; return d * d }
        expectClose(SimulationEstimate(batchMeansOf: squares[...], batches: 30), 0.43, "c_e²")
    }

    @Test("Tandem M/M/1 → M/M/1 (Burke: the first station's departures are Poisson): Wq2 = 0.6/0.4 · 0.6 h")
    func tandem() {
        let sim = LineSimulation(
            interarrival: ProcessTime(meanHours: 1, scv: 1),
            stations: [.init(servers: 1, service: ServiceModel(natural: ProcessTime(meanHours: 0.7, scv: 1))),
                       .init(servers: 1, service: ServiceModel(natural: ProcessTime(meanHours: 0.6, scv: 1)))],
            jobs: 200_000, warmupJobs: 5_000)
        let r = sim.run(seed: 6)
        expectClose(r[0].queueHours, 0.7 / 0.3 * 0.7, "station 1")
        expectClose(r[1].queueHours, 0.6 / 0.4 * 0.6, "station 2")
        // Station 2 sees Poisson arrivals: SCV 1 (sample SCV of 195,000 gaps; its SE is ≈ √(8/n) ≈ 0.006).
        #expect(abs(r[1].arrivalSCV - 1) < 0.03)
    }

    @Test("The same seed gives the same run")
    func reproducible() {
        let a = single(1.5, servers: 2, service: ServiceModel(natural: ProcessTime(meanHours: 2, scv: 0.5)), seed: 9, jobs: 20_000)
        let b = single(1.5, servers: 2, service: ServiceModel(natural: ProcessTime(meanHours: 2, scv: 0.5)), seed: 9, jobs: 20_000)
        #expect(a == b)
    }
}
