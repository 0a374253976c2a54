import FabPlan
import Foundation
import Testing

/// End-to-end: a scenario file goes wherever a model file goes (`validate`, `optimize` with every format and
/// export, `yield`, `evaluate`) and is planned as the what-if model that `compare` plans.
///
/// Hand working for Fixtures/scenarios/remove-site.yaml (two-sites.yaml without site-b), LP: site a alone makes
/// 10 tools x 1000 h x A 0.9 x 360 starts/h x yield 0.9 = 2.916e6 good units per period; demand 2e6, 3e6, 4e6.
/// One more tool adds 291,600 good per period, so meeting p3 needs (4e6 - 2.916e6) / 291,600 = 1.084e6 / 291,600
/// = 3.71742 tools (they also cover p2's shortfall); capital 371,742 USD at 100,000 USD per tool; revenue 9e6 at
/// 1 USD, no other cost, so profit = 9e6 - 371,742.1 = 8,628,257.9 USD.
@Suite struct ScenarioAsModelCLITests {
    static let base = "Fixtures/scenarios/two-sites.yaml"
    static let scenario = "Fixtures/scenarios/remove-site.yaml"
    static let toolsBought = 1.084e6 / 291_600
    static let profit = 9e6 - toolsBought * 100_000

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("fabplan-scenario-model-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func optimizeOfAScenarioPlansTheHandWorkedWhatIf() throws {
        let r = try CLIRunner.run(["optimize", Self.scenario, "--lp", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try Self.decoder().decode(PlanReport.self, from: Data(r.stdout.utf8))
        #expect(plan.modelName == "remove-site (scenario on two test sites)")
        #expect(abs(plan.purchases.reduce(0) { $0 + $1.tools } - Self.toolsBought) <= 1e-6)
        #expect(abs((plan.financials?.capitalSpend ?? 0) - Self.toolsBought * 100_000) <= 1e-3)
        #expect(abs((plan.objective ?? 0) - Self.profit) <= 1e-3)
        #expect(Set(plan.stations.map(\.site)) == ["site-a"])
    }

    /// The flagship's demand +30 % (the command): optimize's objective is compare's for that column.
    @Test func optimizeOfTheFlagshipScenarioEqualsItsCompareColumn() throws {
        let file = "Models/scenarios/demand-plus-30.yaml"
        let compared = try CLIRunner.run(["compare", "Models/vietnam-2030.yaml", file, "--lp", "--format", "json"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let report = try Self.decoder().decode(ComparisonReport.self, from: Data(compared.stdout.utf8))
        let alone = try CLIRunner.run(["optimize", file, "--lp", "--format", "json"])
        #expect(alone.status == 0, "\(alone.stderr)")
        let plan = try Self.decoder().decode(PlanReport.self, from: Data(alone.stdout.utf8))
        // Same resolved model, same cold LP solve: the same objective (1e-9 relative, for safety).
        let column = try #require(report.plans[1].figures.objective)
        #expect(report.plans[1].name == "demand-plus-30")
        #expect(abs((plan.objective ?? .nan) - column) <= 1e-9 * abs(column))
        #expect(abs((plan.financials?.goodUnits ?? .nan) - (report.plans[1].figures.goodUnits ?? .nan)) <= 1e-6)
    }

    @Test func everyOutputFormatAndBothExportsAcceptAScenario() throws {
        let dir = try Self.tempDir()
        for format in ["table", "json", "csv", "html"] {
            let r = try CLIRunner.run(["optimize", Self.scenario, "--lp", "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(r.stdout.contains("remove-site"), "\(format) names the scenario")
        }
        let xlsx = dir.appendingPathComponent("plan.xlsx").path
        let x = try CLIRunner.run(["optimize", Self.scenario, "--lp", "--format", "xlsx", "--output", xlsx])
        #expect(x.status == 0, "\(x.stderr)")
        #expect(FileManager.default.fileExists(atPath: xlsx))
        // The exported LP/MPS is the what-if's: site a's rows only (the base model's also has site b's).
        let lp = dir.appendingPathComponent("w.lp").path, mps = dir.appendingPathComponent("w.mps").path
        let e = try CLIRunner.run(["optimize", Self.scenario, "--lp", "--export-lp", lp, "--export-mps", mps])
        #expect(e.status == 0, "\(e.stderr)")
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(lpText.contains("capacity(site~a,tester,p3)") && !lpText.contains("site~b"))
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(mpsText.contains("capacity[site-a,tester,p3]") && !mpsText.contains("site-b"))
        let baseLP = dir.appendingPathComponent("base.lp").path
        _ = try CLIRunner.run(["optimize", Self.base, "--lp", "--export-lp", baseLP])
        #expect(try String(contentsOfFile: baseLP, encoding: .utf8).contains("capacity(site~b,tester,p3)"))
    }

    @Test func validateAcceptsAScenarioAndSaysWhatItResolvedTo() throws {
        let r = try CLIRunner.run(["validate", Self.scenario, "Fixtures/scenarios/chained.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(Self.scenario): ok (scenario 'remove-site': 1 override on \(Self.base))"))
        // The what-if model: site b removed, one site left.
        #expect(r.stdout.contains("1 site, 1 station (10 tools installed), 1 product, 3 periods"))
        // chained.yaml: all-operations.yaml's 7 overrides, then its own 2.
        #expect(r.stdout.contains("(scenario 'chained': 9 overrides on Fixtures/valid/fab-and-suppliers.yaml)"))
    }

    @Test func aBadOverrideExitsTwoAtItsLineInEveryCommand() throws {
        for command in [["validate"], ["optimize", "--lp"], ["yield", "--trials", "16"]] {
            let r = try CLIRunner.run([command[0], "Fixtures/scenarios/bad-unknown-path.yaml"] + command.dropFirst())
            #expect(r.status == 2, "\(command)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("Fixtures/scenarios/bad-unknown-path.yaml:4:5: error: products.modul.demand"))
            #expect(r.stderr.contains("did you mean 'module'?"))
        }
        // A value the loader refuses is reported at the line of the override that wrote it.
        let t = try CLIRunner.run(["optimize", "Fixtures/scenarios/bad-wrong-type.yaml", "--lp"])
        #expect(t.status == 2)
        #expect(t.stderr.contains("Fixtures/scenarios/bad-wrong-type.yaml:5:5: error: sites.line.stations.assembly.installed_tools: expected a whole number"))
        #expect(t.stderr.contains("value written by the override"))
    }

    @Test func aBaseWithoutAScenarioNameIsAScenarioError() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("nameless.yaml")
        try "base: \(packageRoot())/\(Self.base)\noverrides:\n  - remove: sites.site-b\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("nameless.yaml:1:1: error: scenario: missing required field 'scenario'"))
        #expect(!r.stderr.contains("unknown field 'base'"), "\(r.stderr)")
    }

    /// On standard input a scenario's `base` is relative to the current folder, and its problems say `<stdin>`.
    @Test func aScenarioOnStandardInput() throws {
        let text = "scenario: s\nbase: \(Self.base)\noverrides:\n  - remove: sites.site-"
        let ok = try CLIRunner.run(["validate", "-"], stdin: Data((text + "b\n").utf8), timeoutSeconds: 60).result
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("-: ok (scenario 's': 1 override on \(Self.base))"))
        let bad = try CLIRunner.run(["optimize", "-", "--lp"], stdin: Data((text + "c\n").utf8), timeoutSeconds: 60).result
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("<stdin>:4:5: error: sites.site-c"), "\(bad.stderr)")
    }

    @Test func theBaseChainIsProtectedFromEveryOutput() throws {
        let dir = try Self.tempDir()
        for name in ["two-sites.yaml", "remove-site.yaml"] {
            try FileManager.default.copyItem(atPath: packageRoot() + "/Fixtures/scenarios/" + name,
                                             toPath: dir.appendingPathComponent(name).path)
        }
        let scenario = dir.appendingPathComponent("remove-site.yaml").path
        let model = dir.appendingPathComponent("two-sites.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: model))
        for flag in ["--output", "--export-lp", "--export-mps"] {
            let r = try CLIRunner.run(["optimize", scenario, "--lp", flag, model])
            #expect(r.status == 64, "\(flag): \(r.stderr)")
            #expect(r.stderr.contains("is an input of this command"))
        }
        let y = try CLIRunner.run(["yield", scenario, "--trials", "16", "--output", model])
        #expect(y.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
    }

    /// `yield` without a plan runs each period at capacity, min(demand / yield, capacity) starts: site a alone
    /// processes 2.222e6, then 3.24e6 and 3.24e6 starts (its capacity); good = 0.9 x that = 2e6 + 2 x 2.916e6.
    /// `evaluate` of the scenario's own plan (which meets all demand, see the suite's working): the planned good
    /// units per period are the demand, 2e6, 3e6 and 4e6.
    @Test func yieldAndEvaluateAcceptAScenario() throws {
        let r = try CLIRunner.run(["yield", Self.scenario, "--trials", "256", "--seed", "1", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let products = try #require(o["products"] as? [[String: Any]])
        let good = products.compactMap { $0["deterministicGoodUnits"] as? Double }
        #expect(good.count == 3)
        let expected: Double = 2e6 + 2 * 2.916e6
        let total: Double = good.reduce(0, +)
        #expect(abs(total - expected) <= 1e-3)

        let dir = try Self.tempDir()
        let planFile = dir.appendingPathComponent("plan.json").path
        let p = try CLIRunner.run(["optimize", Self.scenario, "--lp", "--format", "json", "--output", planFile])
        #expect(p.status == 0, "\(p.stderr)")
        let e = try CLIRunner.run(["evaluate", Self.scenario, planFile, "--trials", "256", "--seed", "1", "--format", "json"])
        #expect(e.status == 0, "\(e.stderr)")
        let risk = try #require(JSONSerialization.jsonObject(with: Data(e.stdout.utf8)) as? [String: Any])
        let rows = try #require(risk["products"] as? [[String: Any]])
        let planned = rows.compactMap { $0["plannedGoodUnits"] as? Double }
        #expect(planned.count == 3)
        let demand: [Double] = [2e6, 3e6, 4e6]
        for k in 0..<min(planned.count, demand.count) {
            let error: Double = abs(planned[k] - demand[k])
            #expect(error <= 1e-3, "period \(k + 1)")
        }
    }
}
