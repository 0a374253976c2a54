import LineModel
import Planner
import Queueing
import Testing

/// Cycle times, WIP and cycle-time targets on lines small enough to work by hand. Every station below has
/// Poisson arrivals (arrival SCV 1) and lots of one unit unless stated, so Kingman is exact (M/M/1, M/G/1 by
/// Pollaczek–Khinchine) and the numbers are closed forms.
@Suite struct CycleTimeTests {
    func near(_ a: Double?, _ b: Double, tol: Double = 1e-6) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tol * max(1, abs(b))
    }

    /// One tool up all the time, 1 unit per hour (t_e = 1 h per one-unit lot), exponential process times,
    /// 1000 h, demand `demand`, price 10, no tools to buy.
    func mm1Line(demand: Double, maxQueueHours: Double? = nil) -> LineModel {
        let q = StationQueueing(arrivalSCV: 1, processSCV: 1, maxQueueHours: maxQueueHours)
        return PlanFixtures.model(
            stations: [Station(id: "cell", installedTools: 1, availability: .fraction(1), maxTools: 1, queueing: q)],
            products: [Product(id: "a", route: [RouteStep(station: "cell", rate: .unitsPerHour(1), yield: 1)], sites: ["s"],
                               demand: ["P1": demand], pricePerUnit: 10, lotSizeUnits: 1)])
    }

    @Test("M/M/1 at u = 0.9: queue 0.9/0.1 × 1 h = 9 h, cycle 10 h, WIP 0.9/h × 10 h = 9 units (Little)")
    func mm1Estimate() throws {
        let r = try CapacityPlanner.optimize(mm1Line(demand: 900), options: PlanOptions(integerTools: false))
        let ct = try #require(r.cycleTime)
        let s = try #require(ct.stations.first)
        #expect(near(s.utilization, 0.9) && near(s.queueHours, 9) && near(s.lotsPerHour, 0.9) && near(s.wipLots, 9))
        let p = try #require(ct.products.first)
        #expect(near(p.queueHours, 9) && near(p.processHours, 1) && near(p.cycleTimeHours, 10) && near(p.wipUnits, 9))
        #expect(p.targetHours == nil && ct.targets == nil)
    }

    @Test("A 5 h target on the M/M/1 line: queue ≤ 4 h ⇒ u ≤ 4/(4 + 1) = 0.8 ⇒ 800 starts, 100 unmet, cycle 5 h, WIP 4")
    func mm1Target() throws {
        // Without the target: 900 units at profit 9,000. With it the queueing model allows u = 0.8 on 1000 h:
        // 800 units, profit 8,000; at u = 0.8 the queue is 0.8/0.2 = 4 h and the cycle time 4 + 1 = 5 h.
        let r = try CycleTimePlanner.optimize(mm1Line(demand: 900), targets: [CycleTimeTarget(product: "a", hours: 5)],
                                              options: PlanOptions(integerTools: false))
        #expect(near(r.products.first?.starts, 800) && near(r.products.first?.unmet, 100) && near(r.objective, 8000))
        let ct = try #require(r.cycleTime)
        #expect(near(ct.products.first?.cycleTimeHours, 5) && near(ct.products.first?.wipUnits, 4))
        #expect(ct.products.first?.targetHours == 5)
        let outcome = try #require(ct.targets)
        #expect(outcome.converged && outcome.plansSolved == 2)
        #expect(near(outcome.caps.first?.cap, 0.8) && near(outcome.caps.first?.queueLimitHours, 4))
    }

    @Test("A 10.5 h target that the plain plan already meets (cycle 10 h) sets no cap and changes nothing")
    func targetAlreadyMet() throws {
        let r = try CycleTimePlanner.optimize(mm1Line(demand: 900), targets: [CycleTimeTarget(product: "a", hours: 10.5)],
                                              options: PlanOptions(integerTools: false))
        #expect(near(r.products.first?.starts, 900) && near(r.cycleTime?.products.first?.cycleTimeHours, 10))
        #expect(r.cycleTime?.targets?.caps.isEmpty == true && r.cycleTime?.targets?.plansSolved == 1)
    }

    @Test("A target 0.0001 h above the process time would need u ≈ 1e-4: the cap stops at the 0.001 floor, no error")
    func capFloor() throws {
        // u* = 1e-4/(1e-4 + 1) < 0.001, so the cap is 0.001: 1 unit in 1000 h, cycle 0.001/0.999 + 1 = 1.001 h.
        let r = try CycleTimePlanner.optimize(mm1Line(demand: 900), targets: [CycleTimeTarget(product: "a", hours: 1.0001)],
                                              options: PlanOptions(integerTools: false))
        #expect(near(r.products.first?.starts, 1) && near(r.cycleTime?.targets?.caps.first?.cap, 0.001))
        #expect(near(r.cycleTime?.products.first?.cycleTimeHours, 1 + 0.001 / 0.999))
    }

    @Test("A station's own max_queue_hours of 4 h caps the same M/M/1 line at u = 0.8 without any target")
    func stationLimit() throws {
        let r = try CycleTimePlanner.optimize(mm1Line(demand: 900, maxQueueHours: 4), targets: [],
                                              options: PlanOptions(integerTools: false))
        #expect(near(r.products.first?.starts, 800))
        #expect(near(r.cycleTime?.stations.first?.queueHours, 4))
    }

    @Test("Two stations share a 7.5 h target: the fixed point spends exactly the 6 h of allowed queue")
    func twoStationFixedPoint() throws {
        // a: 1 h per lot, b: 0.5 h, one tool each, M/M/1 both; process 1.5 h, so 6 h of queue are allowed.
        // Round 1 (equal shares, 3 h each) caps a at 3/4 (b's cap 6/7 never binds). Later rounds give a what
        // b leaves: the fixed point solves u/(1 − u) + 0.5 (u/2)/(1 − u/2) = 6 for a's u = x/1000:
        // u = 0.849194 (by bisection), queue 5.63104 h at a and 0.36896 h at b.
        let q = StationQueueing(arrivalSCV: 1, processSCV: 1)
        let model = PlanFixtures.model(
            stations: [Station(id: "a", installedTools: 1, availability: .fraction(1), maxTools: 1, queueing: q),
                       Station(id: "b", installedTools: 1, availability: .fraction(1), maxTools: 1, queueing: q)],
            products: [Product(id: "p", route: [RouteStep(station: "a", rate: .unitsPerHour(1), yield: 1),
                                                RouteStep(station: "b", rate: .unitsPerHour(2), yield: 1)],
                               sites: ["s"], demand: ["P1": 950], pricePerUnit: 10, lotSizeUnits: 1)])
        let r = try CycleTimePlanner.optimize(model, targets: [CycleTimeTarget(product: "p", hours: 7.5)],
                                              options: PlanOptions(integerTools: false))
        let ct = try #require(r.cycleTime)
        #expect(ct.targets?.converged == true)
        #expect(near(r.products.first?.starts, 849.194, tol: 1e-5))
        #expect(near(ct.products.first?.cycleTimeHours, 7.5, tol: 1e-6))
        #expect(near(ct.stations.first { $0.station == "b" }?.queueHours, 0.368956, tol: 1e-5))
    }

    @Test("Outages: MTBF 9 h, MTTR 1 h, c0² = 0.25, 1 h lots at u = 0.72 → c_e² = 0.43, queue 2.0429 h (P-K)")
    func outageVariability() throws {
        // Lots of 10 units at 10 UPH: t0 = 1 h; A = 0.9, t_e = 1.1111 h; c_e² = 0.25 + 2 · 0.9 · 0.1 · 1 = 0.43.
        // Demand 6,480 units = 648 lots in 1000 h: u = 648 · 1.1111 / 1000 = 0.72.
        // Wq = (1 + 0.43)/2 · 0.72/0.28 · 1.1111 = 2.04286 h; cycle 3.15397 h.
        let model = PlanFixtures.model(
            stations: [Station(id: "bond", installedTools: 1, availability: .reliability(mtbfHours: 9, mttrHours: 1), maxTools: 1)],
            products: [Product(id: "a", route: [RouteStep(station: "bond", rate: .unitsPerHour(10), yield: 1)], sites: ["s"],
                               demand: ["P1": 6480], pricePerUnit: 10, lotSizeUnits: 10)])
        let r = try CapacityPlanner.optimize(model, options: PlanOptions(integerTools: false))
        let s = try #require(r.cycleTime?.stations.first)
        #expect(near(s.utilization, 0.72) && near(s.processSCV, 0.43) && near(s.processHours, 1 / 0.9))
        #expect(near(s.queueHours, 2.04286, tol: 1e-5))
        #expect(near(r.cycleTime?.products.first?.cycleTimeHours, 3.15397, tol: 1e-5))
    }

    @Test("Two products share one tool: the mix (1 h and 3 h lots, SCV 0) gives a 5 h queue (P-K), cycles 6 h and 8 h")
    func productMix() throws {
        // λ = 0.2 lots/h each; u = 0.2 + 0.6 = 0.8; mix mean 2 h, E[S²] = (1 + 9)/2 = 5, SCV 0.25.
        // Wq = (1 + 0.25)/2 · 0.8/0.2 · 2 = 5 h. WIP at the station 0.4 · (5 + 2) = 2.8 lots = 0.2·6 + 0.2·8.
        let q = StationQueueing(processSCV: 0)
        let model = PlanFixtures.model(
            stations: [Station(id: "cell", installedTools: 1, availability: .fraction(1), maxTools: 1, queueing: q)],
            products: ["a": 1.0, "b": 3.0].sorted(by: { $0.key < $1.key }).map { id, hours in
                Product(id: id, route: [RouteStep(station: "cell", rate: .secondsPerUnit(3600 * hours), yield: 1)],
                        sites: ["s"], demand: ["P1": 200], pricePerUnit: 100, lotSizeUnits: 1)
            })
        let r = try CapacityPlanner.optimize(model, options: PlanOptions(integerTools: false))
        let ct = try #require(r.cycleTime)
        #expect(near(ct.stations.first?.queueHours, 5) && near(ct.stations.first?.processSCV, 0.25))
        #expect(near(ct.products.first { $0.product == "a" }?.cycleTimeHours, 6))
        #expect(near(ct.products.first { $0.product == "b" }?.cycleTimeHours, 8))
        #expect(near(ct.stations.first?.wipLots, 2.8))
    }

    @Test("Bad targets are refused before solving: unknown product, non-positive, below the route's process time")
    func badTargets() throws {
        let model = mm1Line(demand: 900)
        #expect(throws: CycleTimeTargetError.unknownProduct("z", known: ["a"])) {
            try CycleTimePlanner.optimize(model, targets: [CycleTimeTarget(product: "z", hours: 5)])
        }
        #expect(throws: CycleTimeTargetError.notPositive(product: "a", hours: 0)) {
            try CycleTimePlanner.optimize(model, targets: [CycleTimeTarget(product: "a", hours: 0)])
        }
        #expect(throws: CycleTimeTargetError.belowProcessTime(product: "a", site: "s", targetHours: 0.5, processHours: 1)) {
            try CycleTimePlanner.optimize(model, targets: [CycleTimeTarget(product: "a", hours: 0.5)])
        }
    }
}
