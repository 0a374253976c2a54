import LineModel
import LinearSolver
import Planner
import Testing

/// Properties every plan must have, checked on the hand-worked fixtures with exact expected values.
@Suite struct PlanPropertyTests {
    func near(_ a: Double?, _ b: Double, rel: Double = 1e-6) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= rel * max(1, abs(b))
    }

    @Test(arguments: ["leadTime", "budgetLimited", "oneStationOneProduct", "fabLimited"])
    func lpRelaxationBoundsTheMIP(_ name: String) throws {
        let model: LineModel = switch name {
        case "leadTime": PlanFixtures.leadTime
        case "budgetLimited": PlanFixtures.budgetLimited
        case "fabLimited": PlanFixtures.fabLimited
        default: PlanFixtures.oneStationOneProduct
        }
        var o = PlanOptions()
        o.integerTools = false
        let lp = try CapacityPlanner.optimize(model, options: o)
        let mip = try CapacityPlanner.optimize(model)
        // Maximizing profit: the relaxation can only be as good or better.
        #expect(try #require(lp.objective) >= (try #require(mip.objective)) - 1e-6)
    }

    @Test func addingAToolNeverLowersMaximumOutput() throws {
        // Cascade with 1 test tool: 120,000 good (test binds). With 2: test allows 480,000 starts, attach
        // 360,000 → 180,000 good (attach binds).
        let one = try CapacityPlanner.optimize(PlanFixtures.yieldCascade(testTools: 1), options: PlanOptions(objective: .maxOutput))
        let two = try CapacityPlanner.optimize(PlanFixtures.yieldCascade(testTools: 2), options: PlanOptions(objective: .maxOutput))
        #expect(near(one.objective, 120_000))
        #expect(near(two.objective, 180_000))
        #expect(two.objective! >= one.objective!)
        #expect(two.bottlenecks.map(\.station) == ["attach"])
    }

    @Test(arguments: [0.25, 0.5, 0.7, 0.8, 1.0])
    func scalingDemandScalesMaxOutputUntilCapacityBinds(_ k: Double) throws {
        // Demand a 60,000·k (36 s each), b 40,000·k (72 s each): 1,400·k hours against 1,000.
        // Up to k = 5/7 everything is met: output 100,000·k. Beyond, a goes first (fewer seconds per unit):
        // a = 60,000·k, b = (3.6e6 − 36·60,000·k)/72, output = 60,000·k + 50,000 − 30,000·k.
        let r = try CapacityPlanner.optimize(PlanFixtures.twoProducts(demandScale: k), options: PlanOptions(objective: .maxOutput))
        let expected = k <= 5.0 / 7.0 ? 100_000 * k : 50_000 + 30_000 * k
        #expect(near(r.objective, expected))
        #expect(near(r.financials?.goodUnits, expected))
    }
}
