import Foundation
import LineModel
import Planner
import Testing

/// Two-stage SAA planning (StochasticPlanner / StochasticFormulation) on hand-worked fixtures.
@Suite struct StochasticPlanTests {
    /// One station with no tools (price 200,000, at most 2), 1,000 h per tool at 100 UPH: each tool starts
    /// 100,000 units. One product, demand 100,000 at 10 per unit, no material cost, nominal step yield `yield`.
    static func toolDecision(yield: Double) -> LineModel {
        PlanFixtures.model(
            stations: [Station(id: "bond", installedTools: 0, availability: .fraction(1), toolPrice: 200_000, maxTools: 2)],
            products: [PlanFixtures.product("a", steps: [RouteStep(station: "bond", rate: .unitsPerHour(100), yield: yield)],
                                            demand: ["P1": 100_000], price: 10)])
    }

    @Test func handWorkedTwoYieldScenarios() throws {
        // Nominal yield 1.0; scenarios yield 0.5 and 1.0, weight 1/2 each. Revenue = 10 · min(y · 100,000 n, 100,000).
        //   n tools:            0      1          2
        //   revenue, y = 1:     0  1,000,000  1,000,000
        //   revenue, y = 0.5:   0    500,000  1,000,000
        //   expected profit:    0    550,000    600,000   (capital 200,000 n)  -> RP = 600,000 with n = 2.
        // EV (nominal y = 1): n = 1, profit 800,000. EEV (n = 1 over the scenarios) = 550,000 -> VSS = 50,000.
        // WS: y = 1 best n = 1 (800,000); y = 0.5 best n = 2 (600,000; n = 1 gives 300,000) -> WS = 700,000,
        // EVPI = 100,000.
        let r = try StochasticPlanner.plan(Self.toolDecision(yield: 1),
                                           scenarios: [Self.toolDecision(yield: 0.5), Self.toolDecision(yield: 1)])
        #expect(abs(r.recourseProblem - 600_000) < 1e-3)
        #expect(r.purchases.count == 1)
        #expect(abs((r.purchases.first?.tools ?? 0) - 2) < 1e-9)
        #expect(abs(r.expectedValueProblem - 800_000) < 1e-3)
        #expect(abs((r.expectedResultOfEV ?? 0) - 550_000) < 1e-3)
        #expect(abs((r.valueOfStochasticSolution ?? 0) - 50_000) < 1e-3)
        #expect(abs(r.waitAndSee - 700_000) < 1e-3)
        #expect(abs(r.expectedValueOfPerfectInformation - 100_000) < 1e-3)
        #expect(r.planSource == "recourse problem")
        #expect(r.waitAndSeeSolved == 2)
        // Solved to optimality: the bounds equal the values.
        #expect(abs((r.recourseBound ?? .nan) - 600_000) < 1e-3)
        #expect(abs((r.waitAndSeeBound ?? .nan) - 700_000) < 1e-3)
    }

    @Test func zeroVariabilityGivesTheDeterministicPlan() throws {
        // No yield concentration, demand CV, MTBF/MTTR or fab: every sampled scenario equals the model, so the
        // stochastic plan is the deterministic one: 1 tool, profit 10 · 100,000 − 200,000 = 800,000.
        let model = Self.toolDecision(yield: 1)
        let r = try StochasticPlanner.plan(model, scenarioCount: 4, seed: 7)
        let deterministic = try CapacityPlanner.optimize(model)
        #expect(abs(r.recourseProblem - (deterministic.objective ?? -1)) < 1e-6)
        #expect(abs(r.recourseProblem - 800_000) < 1e-3)
        #expect(r.purchases.map(\.tools) == deterministic.purchases.map(\.tools))
        #expect(abs(r.valueOfStochasticSolution ?? -1) < 1e-6)
        #expect(abs(r.expectedValueOfPerfectInformation) < 1e-6)
    }

    @Test func sameSeedSamePlanAndValueMeasuresAreNonNegative() throws {
        // Variability: step yield mean 0.8 with lot concentration 5 (Beta(4, 1) per scenario).
        var model = Self.toolDecision(yield: 0.8)
        model.products[0].route[0].yieldConcentration = 5
        model.products[0].demandCV = 0.2
        let a = try StochasticPlanner.plan(model, scenarioCount: 6, seed: 11)
        let b = try StochasticPlanner.plan(model, scenarioCount: 6, seed: 11)
        #expect(a.purchases == b.purchases)
        #expect(a.recourseProblem == b.recourseProblem)
        // VSS ≥ 0 and EVPI ≥ 0 hold for any SAA: EV's purchases are feasible for RP, and RP's purchases are
        // feasible in every scenario alone (tolerance: solver feasibility 1e-6 relative).
        for (m, k) in [(model, 6), (Self.toolDecision(yield: 0.9), 3), (PlanFixtures.oneStationOneProduct, 2),
                       (PlanFixtures.twoProducts(), 2), (PlanFixtures.yieldCascade(), 2)] {
            let r = try StochasticPlanner.plan(m, scenarioCount: k, seed: 3)
            let tol = 1e-6 * max(1, abs(r.recourseProblem))
            #expect((r.valueOfStochasticSolution ?? -1) >= -tol)
            #expect(r.expectedValueOfPerfectInformation >= -tol)
        }
    }

    @Test func threadCountDoesNotChangeThePlan() throws {
        var model = Self.toolDecision(yield: 0.8)
        model.products[0].route[0].yieldConcentration = 5
        let one = try StochasticPlanner.plan(model, scenarioCount: 5, seed: 2, threads: 1)
        let three = try StochasticPlanner.plan(model, scenarioCount: 5, seed: 2, threads: 3)
        #expect(one.threads == 1 && three.threads == 3)
        #expect(one.purchases == three.purchases)
        #expect(one.recourseProblem == three.recourseProblem)
        #expect(one.waitAndSee == three.waitAndSee)
        #expect(one.expectedResultOfEV == three.expectedResultOfEV)
    }

    @Test func withNoTimeForTheSearchThePlanIsTheDeterministicOne() throws {
        // Budget 0.04 s: RP's share (0.85 · 0.04 s) and every WS share are below the 0.05 s minimum, so they are
        // skipped; EV always runs. The plan is then EV's purchases (n = 1): RP = EEV = 550,000 (hand-worked in
        // handWorkedTwoYieldScenarios), VSS = 0; each scenario's WS stands in as the plan's own value there
        // (y = 0.5: 300,000; y = 1: 800,000), so WS = 550,000 and EVPI = 0.
        let r = try StochasticPlanner.plan(Self.toolDecision(yield: 1),
                                           scenarios: [Self.toolDecision(yield: 0.5), Self.toolDecision(yield: 1)],
                                           timeLimitSeconds: 0.04)
        #expect(r.planSource == "expected-value plan")
        #expect(abs(r.recourseProblem - 550_000) < 1e-3)
        #expect(abs((r.valueOfStochasticSolution ?? -1)) < 1e-3)
        #expect(abs(r.waitAndSee - 550_000) < 1e-3)
        #expect(abs(r.expectedValueOfPerfectInformation) < 1e-3)
        #expect(r.waitAndSeeSolved == 0 && r.waitAndSeeBound == nil)
        #expect(r.purchases.map(\.tools) == [1])
    }

    @Test func minCostWhenEVsPurchasesCannotServeAScenario() throws {
        // Min-cost: all demand (100,000) must be met; a tool costs 200,000 and starts 100,000 units; at most 2.
        // Scenarios y = 0.5 (needs 2 tools) and y = 1 (needs 1). RP: 2 tools, cost 400,000. EV (y = 1): 1 tool,
        // which cannot serve y = 0.5, so EEV and VSS are undefined (nil). WS = (400,000 + 200,000)/2 = 300,000,
        // EVPI = RP − WS = 100,000.
        let r = try StochasticPlanner.plan(Self.toolDecision(yield: 1),
                                           scenarios: [Self.toolDecision(yield: 0.5), Self.toolDecision(yield: 1)],
                                           objective: .minCost)
        #expect(abs(r.recourseProblem - 400_000) < 1e-3)
        #expect(r.purchases.map(\.tools) == [2])
        #expect(abs(r.expectedValueProblem - 200_000) < 1e-3)
        #expect(r.expectedResultOfEV == nil && r.valueOfStochasticSolution == nil)
        #expect(abs(r.waitAndSee - 300_000) < 1e-3)
        #expect(abs(r.expectedValueOfPerfectInformation - 100_000) < 1e-3)
    }

    @Test func minCostWithAScenarioNoPurchaseCanServeIsInfeasible() {
        // y = 0.4: two tools start 200,000 units, 80,000 good < 100,000 demand: no plan meets it.
        do {
            _ = try StochasticPlanner.plan(Self.toolDecision(yield: 1),
                                           scenarios: [Self.toolDecision(yield: 0.4), Self.toolDecision(yield: 1)],
                                           objective: .minCost)
            Issue.record("expected an infeasible stochastic program")
        } catch let e as StochasticPlanError {
            guard case .infeasible = e else { Issue.record("expected .infeasible, got \(e)"); return }
            #expect(e.description.contains("the stochastic program (RP) is infeasible"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aTimeLimitMustBePositive() {
        for t in [0.0, -1, .nan, .infinity] {
            #expect(throws: StochasticPlanError.self) { try StochasticPlanner.plan(Self.toolDecision(yield: 1), scenarioCount: 2, seed: 1, timeLimitSeconds: t) }
        }
    }

    @Test func fewerThanOneScenarioIsAnError() {
        #expect(throws: StochasticPlanError.self) { try StochasticPlanner.plan(Self.toolDecision(yield: 1), scenarioCount: 0, seed: 1) }
    }
}
