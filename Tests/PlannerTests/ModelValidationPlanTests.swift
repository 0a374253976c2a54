import Foundation
import Testing
import LineModel
import LinearSolver
import YieldMC
@testable import Planner

/// Every public entry point that takes a `LineModel` applies the loader's rules, and the solver floors keep GLPK
/// away from coefficients it cannot scale.
@Suite("Planning validates models built in code")
struct ModelValidationPlanTests {
    /// One station, one product: a valid model built in code.
    static var valid: LineModel { PlanFixtures.oneStationOneProduct }

    @Test("optimize refuses an unknown station, a negative rate and an empty route, naming each key path")
    func optimizeRefuses() throws {
        var model = Self.valid
        model.products[0].route[0].station = "bnod"
        model.products.append(PlanFixtures.product("b", steps: [], demand: ["P1": 1], price: 1))
        model.products.append(PlanFixtures.product(
            "c", steps: [RouteStep(station: "bond", rate: .unitsPerHour(-100), yield: 1)], demand: ["P1": 1], price: 1))
        let error = try #require(throws: LineModelError.self) { try CapacityPlanner.optimize(model) }
        #expect(error.diagnostics.map(\.keyPath) == [
            "products.a.route[0].station", "products.b.route", "products.c.route[0].units_per_hour",
        ])
        // Before this check the unknown step was silently dropped and the plan reported `optimal`.
    }

    @Test("every entry point taking a model refuses it: formulation solve, stochastic, evaluate, yield input, explain")
    func everyEntryPoint() throws {
        var model = Self.valid
        model.periods[0].hoursPerTool = 5e-324  // subnormal
        let path = "periods.P1.hours_per_tool"
        let formulation = Formulation(model: model, objective: .maxProfit, integerTools: false)
        let e1 = try #require(throws: LineModelError.self) { try CapacityPlanner.solve(formulation, options: PlanOptions()) }
        #expect(e1.diagnostics.map(\.keyPath) == [path])
        // What the check prevents: GLPK itself stops with "glp_set_sjj: ... invalid scale factor".
        let raw = try #require(throws: SolverError.self) { _ = try GLPKSolver.solve(formulation.problem, options: SolverOptions()) }
        #expect("\(raw)".contains("invalid scale factor"))
        // A solver failure that still happens names the row or column behind GLPK's index.
        let named = SolverFailureContext.annotate(raw, problem: formulation.problem)
        #expect("\(named)".contains("row 1 is 'capacity[s,bond,P1]'"))
        let e2 = try #require(throws: LineModelError.self) {
            try StochasticPlanner.plan(model, scenarioCount: 2, seed: 1, integerTools: false, threads: 1)
        }
        #expect(e2.diagnostics.map(\.keyPath) == [path])
        let plan = try CapacityPlanner.optimize(Self.valid, options: PlanOptions(integerTools: false))
        let e3 = try #require(throws: LineModelError.self) {
            try PlanEvaluation.evaluate(plan: plan, model: model, trials: 10, seed: 1)
        }
        #expect(e3.diagnostics.map(\.keyPath) == [path])
        #expect(throws: YieldInputBuildError(path: path, message: e3.diagnostics[0].message)) {
            _ = try YieldInput(model: model)
        }
        #expect(throws: LineModelError.self) { _ = try InfeasibilityExplainer.explain(model) }
    }

    /// Every field at its solver floor (availability and utilization 0.001, hours 0.01 h, a one-cent tool, a
    /// 0.001 yield, costs of 1e-6, a 0.01 capital budget): GLPK solves it. Below these floors it stopped with
    /// "invalid scale factor" (availability or tool price 1e-300, subnormal hours).
    @Test("a model at every solver floor solves (LP and MIP) without a solver error")
    func floorsAreSolverSafe() throws {
        let station = Station(id: "bond", installedTools: 1, availability: .fraction(0.001), utilizationCap: 0.001,
                              toolPrice: 0.01, maxTools: 1_000_000, operatingCostPerToolHour: 1e-6)
        let other = Station(id: "test", installedTools: 1_000, availability: .fraction(1), toolPrice: 1e10)
        let product = Product(
            id: "a", route: [RouteStep(station: "bond", rate: .unitsPerHour(3.6e7), yield: 0.001),
                             RouteStep(station: "test", rate: .secondsPerUnit(1e-4), yield: 1)],
            sites: ["s"], demand: ["P1": 0.001, "P2": 1e13], pricePerUnit: 1e-6, unmetPenaltyPerUnit: 1e-6,
            holdingCostPerUnitPeriod: 1e-6, materialCostPerUnit: 1e-6)
        let model = LineModel(name: "floors", periods: [Period(id: "P1", hoursPerTool: 0.01), Period(id: "P2", hoursPerTool: 87_600)],
                              sites: [Site(id: "s", stations: [station, other])], products: [product],
                              budget: Budget(capitalPerPeriod: ["P1": 0.01], capitalTotal: 1e14))
        #expect(LineModelValidator.problems(in: model).isEmpty)
        for integer in [false, true] {
            var options = PlanOptions(integerTools: integer)
            options.timeLimitSeconds = 10
            let report = try CapacityPlanner.optimize(model, options: options)
            #expect(report.status == .optimal || report.status == .feasible)
        }
    }

    /// Ids of 80 bytes (40 'é'), the most accepted: the longest names, `capacity[site,station,period]` and
    /// `ordered[site,station,period]`, are 3 × 80 + 12 = 252 bytes, within GLPK's 255.
    @Test("ids at the 80-byte limit give solver names GLPK accepts")
    func longestIds() throws {
        // 39 'é' (78 bytes) + two ASCII letters (2 bytes) = 80 bytes.
        let long = { (c: String) in String(repeating: "é", count: 39) + c + c }
        #expect(long("a").utf8.count == 80)
        var model = PlanFixtures.leadTime
        let site = long("s"), station = long("t"), product = long("p")
        let periods = ["1", "2", "3"].map(long)
        model.sites[0].id = site
        model.sites[0].stations[0].id = station
        model.sites[0].stations[0].maxTools = 5
        model.periods = periods.map { Period(id: $0, hoursPerTool: 1000) }
        model.products[0].id = product
        model.products[0].sites = [site]
        model.products[0].route[0].station = station
        model.products[0].demand = Dictionary(uniqueKeysWithValues: periods.map { ($0, 150_000) })
        model.budget = Budget(capitalPerPeriod: [periods[0]: 1e9])
        #expect(LineModelValidator.problems(in: model).isEmpty)
        let formulation = Formulation(model: model, objective: .maxProfit, integerTools: true)
        let longest = (formulation.problem.rows.map(\.name) + formulation.problem.columns.map(\.name)).map(\.utf8.count).max()
        #expect(longest == 252)
        let report = try CapacityPlanner.optimize(model)
        #expect(report.status == .optimal)
    }
}
