import Foundation
import Testing

/// End-to-end: `fabplan evaluate` and `fabplan optimize --risk-trials` on fixtures with closed-form risk.
@Suite struct RiskCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func tempFile(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "fabplan-risk-\(UUID().uuidString)-\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func optimizeRiskTrialsMatchesTheBinomialClosedForm() throws {
        // Fixtures/risk/binomial-step.yaml: plan starts 200, good ~ Binomial(200, 0.5), demand 100.
        // P(meet) = 0.5281742 (SE √(p(1−p)/n) = 0.00353 at n = 20,000); E[shortfall] = 2.81742
        // (sd 4.130, SE 0.0292). Tolerances 5 SE.
        let r = try CLIRunner.run(["optimize", "Fixtures/risk/binomial-step.yaml", "--format", "json",
                                   "--risk-trials", "20000", "--seed", "3"])
        #expect(r.status == 0)
        let risk = try #require(try json(r.stdout)["risk"] as? [String: Any])
        let row = try #require((risk["products"] as? [[String: Any]])?.first)
        #expect(abs((row["probabilityMeetDemand"] as? Double ?? -1) - 0.5281742) < 5 * 0.00353)
        #expect(abs((row["expectedShortfallUnits"] as? Double ?? -1) - 2.81742) < 5 * 0.0292)
        #expect(risk["trials"] as? Int == 20000)
    }

    @Test func evaluateDeterministicPlanGivesItsExactShortfall() throws {
        // Fixtures/planner/one-station-one-product.yaml: starts 180,000, step yield 0.9 without lot spread, so
        // good ~ Binomial(180,000, 0.9): mean 162,000, sd √(180,000·0.09) = 127.3, never near demand 200,000.
        // P(meet) = 0 and shortfall = 200,000 − good: E = 38,000, SE over 400 trials 127.3/20 = 6.36 (5 SE = 32).
        let plan = try CLIRunner.run(["optimize", "Fixtures/planner/one-station-one-product.yaml", "--format", "json"])
        let path = try tempFile("plan.json", plan.stdout)
        let r = try CLIRunner.run(["evaluate", "Fixtures/planner/one-station-one-product.yaml", path,
                                   "--trials", "400", "--format", "json"])
        #expect(r.status == 0)
        let row = try #require((try json(r.stdout)["products"] as? [[String: Any]])?.first)
        #expect(row["probabilityMeetDemand"] as? Double == 0)
        #expect(abs((row["expectedShortfallUnits"] as? Double ?? -1) - 38_000) < 5 * 6.36)
    }

    @Test func planThatDoesNotMatchTheModelIsALocatedErrorExitTwo() throws {
        let plan = try CLIRunner.run(["optimize", "Fixtures/planner/one-station-one-product.yaml", "--format", "json"])
        let bad = plan.stdout.replacingOccurrences(of: "\"product\" : \"a\"", with: "\"product\" : \"x\"")
        #expect(bad != plan.stdout)
        let path = try tempFile("bad.json", bad)
        let r = try CLIRunner.run(["evaluate", "Fixtures/planner/one-station-one-product.yaml", path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(path): products[0].product: unknown product \"x\""))
    }

    @Test func badQuantileAndScenarioCountAreUsageErrors() throws {
        // ArgumentParser validation failures exit 64 (EX_USAGE) with the message on stderr, like --gap.
        let q = try CLIRunner.run(["optimize", "Fixtures/risk/binomial-step.yaml", "--yield-quantile", "1"])
        #expect(q.status == 64)
        #expect(q.stderr.contains("--yield-quantile must be in (0, 1), got 1.0"))
        let k = try CLIRunner.run(["optimize", "Fixtures/risk/binomial-step.yaml", "--stochastic", "0"])
        #expect(k.status == 64)
        #expect(k.stderr.contains("--stochastic must be at least 1 scenario, got 0"))
        let t = try CLIRunner.run(["optimize", "Fixtures/risk/binomial-step.yaml", "--stochastic", "2", "--threads", "0"])
        #expect(t.status == 64)
        #expect(t.stderr.contains("--threads must be in 1...1024, got 0"))
    }

    @Test func stochasticMinCostOnAnInfeasibleNominalModelExitsThree() throws {
        // teaching-wirebond-qfn cannot meet all demand (its deterministic min-cost plan is infeasible too).
        let r = try CLIRunner.run(["optimize", "Models/teaching-wirebond-qfn.yaml", "--stochastic", "2", "--objective", "min-cost"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("the deterministic plan (EV) on the nominal model is infeasible"))
        let d = try CLIRunner.run(["optimize", "Models/teaching-wirebond-qfn.yaml", "--objective", "min-cost"])
        #expect(d.status == 3)
    }

    @Test func stochasticJSONCarriesTheValueMeasuresAndTheirBounds() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/risk/binomial-step.yaml", "--stochastic", "3", "--seed", "5",
                                   "--threads", "2", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["scenarios"] as? Int == 3)
        #expect(json["threads"] as? Int == 2)
        #expect(json["planSource"] as? String != nil)
        let rp = try #require(json["recourseProblem"] as? Double)
        let ws = try #require(json["waitAndSee"] as? Double)
        let eev = try #require(json["expectedResultOfEV"] as? Double)
        // EVPI = WS − RP and VSS = RP − EEV (max-profit), both ≥ 0 by construction.
        #expect(abs((json["expectedValueOfPerfectInformation"] as? Double ?? .nan) - (ws - rp)) <= 1e-6 * max(1, abs(rp)))
        #expect(abs((json["valueOfStochasticSolution"] as? Double ?? .nan) - (rp - eev)) <= 1e-6 * max(1, abs(rp)))
        #expect(ws >= rp - 1e-6 * max(1, abs(rp)) && rp >= eev)
    }
}
