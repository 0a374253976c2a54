import LineModel
import LinearSolver
import Planner
import Testing

/// Plans whose optimum was worked out by hand. Tolerances: money and units to 1e-6 relative (LP round-off).
@Suite struct HandWorkedPlanTests {
    func near(_ a: Double?, _ b: Double, rel: Double = 1e-6) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= rel * max(1, abs(b))
    }

    func row(_ r: PlanReport, _ product: String, _ period: String = "P1") -> ProductPeriod? {
        r.products.first { $0.product == product && $0.period == period }
    }

    @Test func oneStationOneProduct() throws {
        // Capacity: 2 tools × 1000 h × A 0.9 = 1800 h; at 100 UPH that is 180,000 starts.
        // Good output 0.9 × 180,000 = 162,000 < demand 200,000, so unmet 38,000.
        // Margin per start: 10 × 0.9 − 1 = 8 → profit 180,000 × 8 = 1,440,000.
        // Shadow price of a tool-hour: 100 starts × 8 = 800. It holds until demand is met: 38,000 / 0.9 = 42,222.2
        // more starts = 422.22 h. One more tool adds 900 h, of which only those 422.22 h earn: 337,777.78 (the
        // first-order 800 × 900 = 720,000 extrapolates past the range).
        let r = try CapacityPlanner.optimize(PlanFixtures.oneStationOneProduct)
        #expect(r.status == .optimal)
        #expect(near(r.objective, 1_440_000))
        #expect(near(r.financials?.profit, 1_440_000))
        #expect(near(row(r, "a")?.starts, 180_000))
        #expect(near(row(r, "a")?.goodOutput, 162_000))
        #expect(near(row(r, "a")?.unmet, 38_000))
        #expect(r.bottlenecks.first?.station == "bond")
        #expect(near(r.bottlenecks.first?.shadowPricePerToolHour, 800))
        #expect(near(r.bottlenecks.first?.valuePerExtraTool, 800 * 38_000 / 0.9 / 100))
        #expect(near(r.bottlenecks.first?.validExtraHours, 38_000 / 0.9 / 100))
        #expect(near(r.bottlenecks.first?.firstOrderValuePerExtraTool, 720_000))
        #expect(near(r.stations.first?.utilization, 1))
        #expect(row(r, "a")?.limitedBy.contains("capacity s/bond P1") == true)
        // Cost per good unit: material 180,000 × 1 / 162,000 good.
        #expect(near(r.financials?.costPerGoodUnit, 180_000.0 / 162_000.0))
    }

    @Test func twoProductsCompeteForOneBottleneck() throws {
        // 1000 h. Product a earns 5 × 100/h = 500 per hour, b earns 8 × 50/h = 400 per hour: a first.
        // a: 60,000 units use 600 h; b gets the remaining 400 h = 20,000 units.
        // Profit 300,000 + 160,000 = 460,000; the marginal hour goes to b: shadow price 400.
        let r = try CapacityPlanner.optimize(PlanFixtures.twoProducts())
        #expect(near(r.objective, 460_000))
        #expect(near(row(r, "a")?.goodOutput, 60_000))
        #expect(near(row(r, "b")?.goodOutput, 20_000))
        #expect(near(row(r, "b")?.unmet, 20_000))
        #expect(row(r, "a")?.limitedBy == ["demand"])
        #expect(row(r, "b")?.limitedBy == ["capacity s/test P1", "floor limit s/test"])
        #expect(near(r.bottlenecks.first?.shadowPricePerToolHour, 400))
    }

    @Test func yieldCascadeLightensDownstreamLoad() throws {
        // A start loads attach 10 s and test 0.5 × 30 = 15 s (half the units are lost at attach).
        // Test (3.6e6 s) allows 240,000 starts; attach would allow 360,000. Good out 0.5 × 240,000 = 120,000.
        // Attach utilization 240,000 × 10 / 3.6e6 = 2/3. (Ignoring the losses would give only 120,000 starts.)
        let r = try CapacityPlanner.optimize(PlanFixtures.yieldCascade())
        #expect(near(row(r, "a")?.starts, 240_000))
        #expect(near(row(r, "a")?.goodOutput, 120_000))
        let attach = r.stations.first { $0.station == "attach" }
        #expect(near(attach?.utilization, 2.0 / 3.0))
        #expect(near(attach?.loadHours, 2_400.0 / 3.6))
        #expect(r.bottlenecks.map(\.station) == ["test"])
    }

    @Test func leadTimeDelaysNewCapacity() throws {
        // One tool makes 100,000 per period; demand is 150,000 per period at 1 each; a tool costs 50,000 and
        // arrives one period after ordering. Ordered in P1 it adds 50,000 units in P2 and P3 (100,000 revenue)
        // for 50,000: profit 100k + 150k + 150k − 50k = 350,000 with 50,000 unmet in P1 (nothing arrives in time).
        // LP relaxation: half a tool suffices (adds 50,000 per period) → 400,000 − 25,000 = 375,000.
        let mip = try CapacityPlanner.optimize(PlanFixtures.leadTime)
        #expect(mip.mode == "mip")
        #expect(near(mip.objective, 350_000))
        #expect(mip.purchases.count == 1)
        #expect(mip.purchases.first?.period == "P1")
        #expect(mip.purchases.first?.arrivalPeriod == "P2")
        #expect(near(mip.purchases.first?.tools, 1))
        #expect(near(row(mip, "a", "P1")?.unmet, 50_000))
        #expect(near(row(mip, "a", "P3")?.unmet, 0))

        var lpOptions = PlanOptions()
        lpOptions.integerTools = false
        let lp = try CapacityPlanner.optimize(PlanFixtures.leadTime, options: lpOptions)
        #expect(near(lp.objective, 375_000))
        #expect(near(lp.purchases.first?.tools, 0.5))
    }

    @Test func fabLimitedPlanBuysDies() throws {
        // 300 mm wafer, 10 × 10 mm die, no edge loss: floor(640.2151) = 640 dies, D0 = 0 → all good.
        // 100 wafers → 64,000 dies at 6,400/640 = 10 each; bought dies cost 20. Unit price 50.
        // Use all fab dies (margin 40) and buy 36,000 (margin 30): 2,560,000 + 1,080,000 = 3,640,000.
        // One more die saves buying one: the die shadow price is 20.
        let r = try CapacityPlanner.optimize(PlanFixtures.fabLimited)
        #expect(near(r.objective, 3_640_000))
        let d = r.dies.first
        #expect(near(d?.fromFab, 64_000))
        #expect(near(d?.bought, 36_000))
        #expect(near(d?.used, 100_000))
        #expect(near(d?.shadowPricePerDie, 20))
        #expect(near(r.fab.first?.waferStarts, 100))
        #expect(near(r.financials?.dieCost, 720_000))
        #expect(near(r.financials?.waferCost, 640_000))
    }

    @Test func budgetLimitsAnIntegerPlan() throws {
        // A tool (100,000) yields 100,000 units × 1.5 = 150,000. Budget 250,000 → 2 whole tools:
        // 300,000 − 200,000 = 100,000. The LP relaxation buys 2.5 tools: 375,000 − 250,000 = 125,000.
        let mip = try CapacityPlanner.optimize(PlanFixtures.budgetLimited)
        #expect(near(mip.objective, 100_000))
        #expect(near(mip.purchases.first?.tools, 2))
        #expect(near(mip.financials?.capitalSpend, 200_000))
        var o = PlanOptions()
        o.integerTools = false
        let lp = try CapacityPlanner.optimize(PlanFixtures.budgetLimited, options: o)
        #expect(near(lp.objective, 125_000))
        #expect(lp.objective! >= mip.objective!)
        #expect(row(lp, "a")?.limitedBy.contains("capital budget total") == true)
    }

    @Test func infeasibleMinCostIsExplained() throws {
        // Meeting 200,000 good units needs 222,222 starts but the floor holds 2 tools (180,000 starts):
        // the least shortfall is 200,000 − 162,000 = 38,000 units, blocked by the station's hours and floor.
        let r = try CapacityPlanner.optimize(PlanFixtures.oneStationOneProduct, options: PlanOptions(objective: .minCost))
        #expect(r.status == .infeasible)
        let inf = try #require(r.infeasibility)
        #expect(inf.shortfalls.count == 1)
        #expect(near(inf.shortfalls.first?.shortUnits, 38_000))
        #expect(inf.conflictingConstraints.contains("station s/bond is out of tool-hours in P1"))
        #expect(inf.conflictingConstraints.contains("station s/bond is at its floor limit (max tools)"))
        #expect(inf.explanation.contains("38000 units short"))
    }

    @Test func minCostMeetsDemandAtLeastCost() throws {
        // Lead-time fixture with demand 100,000 per period: the installed tool suffices, cost 0.
        var m = PlanFixtures.leadTime
        m.products[0].demand = ["P1": 100_000, "P2": 100_000, "P3": 100_000]
        let r = try CapacityPlanner.optimize(m, options: PlanOptions(objective: .minCost))
        #expect(r.status == .optimal)
        #expect(near(r.objective, 0))
        #expect(r.purchases.isEmpty)
    }
}
