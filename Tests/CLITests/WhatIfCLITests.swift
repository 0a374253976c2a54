import FabPlan
import Foundation
import Testing

/// End-to-end: `fabplan compare`, `fabplan sweep --shard` and `fabplan merge` on small fixtures (LP mode).
@Suite struct WhatIfCLITests {
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-whatif-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func compareJSONMatchesOptimizeOfEachFile() throws {
        let files = ["Fixtures/scenarios/two-sites.yaml", "Fixtures/scenarios/remove-site.yaml"]
        let r = try CLIRunner.run(["compare"] + files + ["--lp", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let report = try decoder.decode(ComparisonReport.self, from: Data(r.stdout.utf8))
        // The base against `optimize`; the scenario against the hand working (ScenarioAsModelCLITests runs
        // `optimize` on scenario files).
        let base = try CLIRunner.run(["optimize", files[0], "--lp", "--format", "json"])
        let plan = try decoder.decode(PlanReport.self, from: Data(base.stdout.utf8))
        #expect(report.plans[0].figures.profit == plan.financials?.profit)
        #expect(report.plans[0].figures.goodUnits == plan.financials?.goodUnits)
        // remove-site: 3.71742 tools bought (hand working in PlannerTests/WhatIfTests).
        #expect(abs((report.plans[1].figures.toolsBought ?? 0) - 1.084e6 / 291_600) <= 1e-6)
        let table = try CLIRunner.run(["compare"] + files + ["--lp", "--format", "markdown"])
        #expect(table.stdout.contains("| figure | two-sites | remove-site |"))
        #expect(table.stdout.contains("override: `remove sites.site-b`"))
    }

    @Test func shardedSweepMergesToTheUnshardedOutput() throws {
        let dir = try Self.tempDir()
        let args = ["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "products.chip.demand*=0.6:1.4:0.2",
                    "--vary", "sites.site-b.stations.tester.installed_tools=2:6:2"]
        let whole = try CLIRunner.run(args + ["--threads", "2"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stderr.contains("warm starts used 15/15"))
        var shardFiles: [String] = []
        for i in 1...3 {
            let out = dir.appendingPathComponent("shard\(i).json").path
            let r = try CLIRunner.run(args + ["--shard", "\(i)/3", "--threads", "1", "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            shardFiles.append(out)
        }
        let merged = try CLIRunner.run(["merge"] + shardFiles.reversed())
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        let incomplete = try CLIRunner.run(["merge", shardFiles[0], shardFiles[2]])
        #expect(incomplete.status == 2)
        #expect(incomplete.stderr.contains("missing shards: 2/3"))
    }

    @Test func badScenarioIsALocatedInputError() throws {
        let r = try CLIRunner.run(["compare", "Fixtures/valid/fab-and-suppliers.yaml", "Fixtures/scenarios/bad-unknown-path.yaml", "--lp"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Fixtures/scenarios/bad-unknown-path.yaml:4:5: error: products.modul.demand"))
        #expect(r.stderr.contains("did you mean 'module'?"))
        // A --vary path with a typo names nothing in the model: an input error before any point is solved
        // (issue 18 case 3; it used to exit 0 with every point in error).
        let s = try CLIRunner.run(["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "sites.site-a.stations.tester.installed=1:2:1"])
        #expect(s.status == 2)
        #expect(s.stdout.isEmpty)
        #expect(s.stderr.contains("sites.site-a.stations.tester.installed: unknown field 'installed' in station; did you mean 'installed_tools'?"))
        // A value the loader refuses is still a result of its point, not a failure of the sweep.
        let v = try CLIRunner.run(["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "sites.site-a.stations.tester.installed_tools=-1,2"])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stderr.contains("1 point(s) without a plan"))
        // A malformed --vary is a usage error (64), like every other malformed option.
        let bad = try CLIRunner.run(["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "x=1:2"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("FROM:TO:STEP"))
    }
}

/// `compare` never shows a delta between plans of unequal proof without saying so.
@Suite struct CompareQualityCLITests {
    /// The small base (fab-and-suppliers) is proven at once; the flagship's budget-cut needs ~30 s alone to
    /// prove --gap 0, so with an 8 s limit it stops unproven: its column says so, its deltas carry `*` and the
    /// footnote names it. (On a loaded machine it may stop before a first plan: `no-plan`, still flagged.)
    @Test func unequalProofIsFlagged() throws {
        let r = try CLIRunner.run(["compare", "Fixtures/valid/fab-and-suppliers.yaml", "Models/scenarios/budget-cut.yaml",
                                   "--gap", "0", "--time-limit", "8", "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let proofRow = String(try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("proof") }))
        let cells = proofRow.split(separator: " ")
        #expect(cells.count == 3 && (cells[1] == "proven-optimal" || cells[1] == "within-target"))
        let stopped = cells.last == "stopped-by-limit"
        #expect(stopped || cells.last == "no-plan")
        if stopped { #expect(r.stdout.contains("%) *")) }
        let footnote = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("* plans of unequal proof") })
        #expect(footnote.contains("budget-cut (") && !footnote.contains("fab-and-suppliers"))
    }
}
