import Foundation
import Testing
import LineModel
import LinearSolver
@testable import Planner

/// Marginal values that hold: shadow prices with their range, one more tool valued by a re-solve.
@Suite("Value of more capacity, within its range")
struct ToolValueTests {
    /// One 1,000-hour test tool per period (floor full), products a (100 UPH, 5 USD, demand 60,000: 500 USD/h)
    /// and b (50 UPH, 8 USD, demand 40,000: 400 USD/h). The plan makes all of a (600 h) and 20,000 of b (400 h):
    /// the shadow price is b's 400 USD per tool-hour, valid for 400 more hours (b's other 20,000 units × 72 s).
    /// One more tool is 1,000 h: worth 20,000 × 8 = 160,000 USD, not the first-order 400 × 1,000 = 400,000.
    static func model(periods: Int) -> LineModel {
        var m = PlanFixtures.twoProducts()
        let ids = (1...periods).map { "P\($0)" }
        m.periods = ids.map { Period(id: $0, hoursPerTool: 1000) }
        for k in m.products.indices {
            let d = m.products[k].demand["P1"] ?? 0
            m.products[k].demand = Dictionary(uniqueKeysWithValues: ids.map { ($0, d) })
        }
        return m
    }

    @Test("hand-worked: shadow price 400 USD/h valid for 400 h; one more tool worth 160,000 USD exactly", arguments: [false, true])
    func handWorked(integer: Bool) throws {
        let report = try CapacityPlanner.optimize(Self.model(periods: 1), options: PlanOptions(integerTools: integer))
        let b = try #require(report.bottlenecks.first)
        #expect(abs(b.shadowPricePerToolHour - 400) < 1e-6)
        #expect(abs(try #require(b.validExtraHours) - 400) < 1e-6)
        #expect(b.valuePerExtraToolBasis == .exactResolve)
        #expect(abs(b.valuePerExtraTool - 160_000) < 1e-3)
        #expect(abs(try #require(b.firstOrderValuePerExtraTool) - 400_000) < 1e-3)
        // The station row is clamped the same way: 400 USD/h × the 400 h the price holds for.
        let row = try #require(report.stations.first { $0.period == "P1" })
        #expect(abs(row.valuePerExtraTool - 160_000) < 1e-3)
    }

    /// Six identical periods: six bottlenecks. The top five are re-solved (160,000 each); the sixth is not, and
    /// its 1,000 hours go past the 400-hour range, so it shows the lower bound 400 × 400 = 160,000 with the upper
    /// bound 400,000: never the extrapolated 400,000 as its value.
    @Test("past the top five: a lower bound inside the range and the first-order figure as its upper bound")
    func beyondTheExactOnes() throws {
        let report = try CapacityPlanner.optimize(Self.model(periods: 6), options: PlanOptions(integerTools: false))
        #expect(report.bottlenecks.count == 6)
        #expect(report.bottlenecks.prefix(5).allSatisfy { $0.valuePerExtraToolBasis == .exactResolve && abs($0.valuePerExtraTool - 160_000) < 1e-3 })
        let last = try #require(report.bottlenecks.last)
        #expect(last.valuePerExtraToolBasis == .lowerBound)
        #expect(abs(last.valuePerExtraTool - 160_000) < 1e-3)
        #expect(abs(try #require(last.valuePerExtraToolUpperBound) - 400_000) < 1e-3)
    }

    /// On the flagship the first-order figure for one more memory tester in 2030 was 80.7 M USD. An extra tool
    /// can earn at most the price plus penalty of every unit still unmet, from its period on, of the products
    /// routed through its station at its site, plus the holding cost of all their inventory (capacity in a
    /// period can replace building ahead: fcbga-cpu carries 10.9 M units at 2 USD into 2030, so more dicing there
    /// saves holding cost although its demand is met); each top bottleneck's value stays below that.
    @Test("flagship: no top bottleneck is worth more than the unmet demand its station could still serve")
    func flagshipWithinReach() throws {
        let model = try LineModelLoader.load(path: WhatIfPaths.path("Models/vietnam-2030.yaml"))
        let report = try CapacityPlanner.optimize(model)
        #expect(!report.bottlenecks.isEmpty)
        for b in report.bottlenecks.prefix(ToolValue.exactCount) {
            let t = try #require(model.periods.firstIndex { $0.id == b.period })
            var reach = 0.0
            for p in model.products where p.sites.contains(b.site) && p.route.contains(where: { $0.station == b.station }) {
                for row in report.products where row.product == p.id {
                    if let k = model.periods.firstIndex(where: { $0.id == row.period }), k >= t {
                        reach += row.unmet * (p.pricePerUnit + p.unmetPenaltyPerUnit)
                    }
                    reach += row.inventory * (p.holdingCostPerUnitPeriod ?? 0)
                }
            }
            #expect(b.valuePerExtraToolBasis == .exactResolve)
            #expect(b.valuePerExtraTool <= reach + 1, "\(b.site)/\(b.station)@\(b.period): \(b.valuePerExtraTool) > \(reach)")
        }
        let top = try #require(report.bottlenecks.first)
        #expect(top.station == "memory-test" && top.valuePerExtraTool < 1e6 && (top.firstOrderValuePerExtraTool ?? 0) > 8e7)
    }
}
