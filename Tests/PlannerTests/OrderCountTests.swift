import LineModel
import LinearSolver
import Planner
import Testing

/// C8: in MIP mode the running order counts `ordered[s,k,t]` are integers too; purchases are their differences.
@Suite struct OrderCountTests {
    /// Three periods of 1,000 h; one tool installed at 100 UPH (100,000 units a period); demand 150k, 250k, 350k
    /// at 1 per unit; a tool costs 40,000 and works from the period it is ordered in (lead time 0); the capital
    /// budget is 40,000 a period (one tool), which makes the order periods unique (without it, ordering a tool
    /// before it is needed costs the same and ties).
    static var growingDemand: LineModel {
        PlanFixtures.model(
            periods: ["P1", "P2", "P3"],
            stations: [Station(id: "test", installedTools: 1, availability: .fraction(1), toolPrice: 40_000)],
            products: [PlanFixtures.product("a", steps: [RouteStep(station: "test", rate: .unitsPerHour(100), yield: 1)],
                                            demand: ["P1": 150_000, "P2": 250_000, "P3": 350_000], price: 1)],
            budget: Budget(capitalPerPeriod: ["P1": 40_000, "P2": 40_000, "P3": 40_000]))
    }

    @Test func purchasesAreDifferencesOfIntegerOrderCounts() throws {
        // Tools in place n_t (integers, 1 ≤ n_1, n_t − n_t−1 ∈ {0, 1}); profit = Σ min(D_t, 100,000·n_t) − 40,000·(n_3 − 1):
        //   n = (2,3,4): 150k + 250k + 350k − 120k = 630,000   (best)
        //   n = (2,3,3): 700k −  80k = 620,000;  n = (2,2,3): 650k − 80k = 570,000;  n = (1,2,3): 520,000.
        // So one tool is ordered in each period and the order counts are z = (1, 2, 3).
        let f = Formulation(model: Self.growingDemand, objective: .maxProfit, integerTools: true, toolAccounting: .cumulative)
        let i = try #require(f.stationIndex(of: StationKey(site: "s", station: "test")))
        let ordered = f.columns.orderCounts[i]
        let buys = f.columns.buys[i]
        #expect(ordered.count == 3 && buys.count == 3)
        #expect(ordered.entries.allSatisfy { f.problem.columns[$0.index.raw].kind == .integer })
        #expect(buys.entries.allSatisfy { f.problem.columns[$0.index.raw].kind == .integer })
        #expect(f.rows.orderCounts[i].count == 3)

        let s = try GLPKSolver.solve(f.problem)
        #expect(abs((s.objective ?? .nan) * PlanScale.money - 630_000) < 1e-3)
        for (t, z) in [(0, 1.0), (1, 2.0), (2, 3.0)] {
            #expect(abs(s.columnValues[ordered[t]!.raw] - z) < 1e-9)
        }
        let plan = try CapacityPlanner.optimize(Self.growingDemand)
        #expect(plan.purchases.map(\.period) == ["P1", "P2", "P3"])
        #expect(plan.purchases.map(\.tools) == [1, 1, 1])  // snapped: exactly integral
        #expect(abs((plan.financials?.capitalSpend ?? .nan) - 120_000) < 1e-6)
    }

    @Test func lpModeHasNoOrderCounts() throws {
        // LP: tools in place may be fractional: n = (1.5, 2.5, 3.5) (orders 0.5, 1, 1: within budget) meets all
        // demand, 750,000 − 40,000·2.5 = 650,000.
        let lp = Formulation(model: Self.growingDemand, objective: .maxProfit, integerTools: false, toolAccounting: .cumulative)
        let mip = Formulation(model: Self.growingDemand, objective: .maxProfit, integerTools: true, toolAccounting: .cumulative)
        #expect(lp.columns.orderCounts.allSatisfy(\.isEmpty) && lp.rows.orderCounts.allSatisfy(\.isEmpty))
        #expect(mip.problem.columns.count == lp.problem.columns.count + 3)
        #expect(mip.problem.rows.count == lp.problem.rows.count + 3)
        let s = try GLPKSolver.solve(lp.problem)
        #expect(abs((s.objective ?? .nan) * PlanScale.money - 650_000) < 1e-3)
    }

    @Test func stockCountsAreTheIntegerToolsInService() throws {
        // Same model, stock formulation: instock_t = tools added by t (lead time 0, so instock_t = z_t of C8). The
        // optimum is the hand-worked n = (2, 3, 4), i.e. instock = (1, 2, 3), profit 630,000 (test above). The MIP
        // has no C8: the stock columns are the integer counts, so MIP and LP have the same rows and columns.
        let mip = Formulation(model: Self.growingDemand, objective: .maxProfit, integerTools: true)
        let lp = Formulation(model: Self.growingDemand, objective: .maxProfit, integerTools: false)
        let i = try #require(mip.stationIndex(of: StationKey(site: "s", station: "test")))
        #expect(mip.problem.columns.count == lp.problem.columns.count && mip.problem.rows.count == lp.problem.rows.count)
        #expect(mip.columns.toolStock[i].count == 3 && mip.rows.toolStock[i].count == 3)
        #expect(mip.toolCountColumns(station: i).entries.allSatisfy { mip.problem.columns[$0.index.raw].kind == .integer })
        // Each capacity row holds one tool column (the stock) besides the load of the start.
        for (_, r) in mip.rows.capacity[i].entries {
            #expect(mip.problem.entries.filter { $0.row == r.raw }.count == 2)
        }
        let s = try GLPKSolver.solve(mip.problem)
        #expect(abs((s.objective ?? .nan) * PlanScale.money - 630_000) < 1e-3)
        for (t, n) in [(0, 1.0), (1, 2.0), (2, 3.0)] {
            #expect(abs(s.columnValues[mip.columns.toolStock[i][t]!.raw] - n) < 1e-9)
        }
    }
}
