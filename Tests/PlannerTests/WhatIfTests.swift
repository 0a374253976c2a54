import Foundation
import Testing
@testable import LineModel
@testable import Planner

/// What-if plans on Fixtures/scenarios/two-sites.yaml (LP mode): compare, sweeps, shards and merge.
///
/// Hand working for the base model: the tester runs 3600 / 10 s = 360 starts per tool-hour, yield 0.9.
/// Site a: 10 tools x 1000 h x A 0.9 = 9,000 tool-hours -> 3.24e6 starts -> 2.916e6 good units per period.
/// Site b: 5 x 1000 x 0.8 = 4,000 tool-hours -> 1.44e6 starts -> 1.296e6 good. Both: 4.212e6 good per period,
/// above the largest demand (4e6), so all 9e6 units of demand are met with no purchase; there are no costs,
/// so profit = revenue = 9e6 x 1.0 = 9e6.
@Suite struct WhatIfTests {
    static let base = WhatIfPaths.path("Fixtures/scenarios/two-sites.yaml")
    static var lp: PlanOptions { PlanOptions(objective: .maxProfit, integerTools: false) }

    @Test func compareFiguresEqualSeparateOptimizeRuns() throws {
        let files = [Self.base, WhatIfPaths.path("Fixtures/scenarios/remove-site.yaml"),
                     WhatIfPaths.path("Fixtures/scenarios/all-operations.yaml")]
        let report = try ScenarioComparison.compare(files: files, options: Self.lp)
        #expect(report.plans.count == 3)
        for (k, file) in files.enumerated() {
            let model = try ScenarioLoader.load(path: file).model
            let alone = try CapacityPlanner.optimize(model, options: Self.lp)
            let f = report.plans[k].figures
            // Same model, same cold solve: identical numbers (tolerance 1e-9 relative for safety).
            #expect(f.status == alone.status)
            #expect(abs((f.profit ?? .nan) - (alone.financials?.profit ?? .nan)) <= 1e-9 * max(1, abs(f.profit ?? 0)))
            #expect(f.goodUnits == alone.financials?.goodUnits)
            #expect(f.unmetUnits == alone.financials?.unmetUnits)
            #expect(f.capitalSpend == alone.financials?.capitalSpend)
            #expect(f.toolsBought == alone.purchases.reduce(0) { $0 + $1.tools })
        }
        let b = report.plans[0].figures
        #expect(abs((b.profit ?? 0) - 9e6) <= 1e-6 * 9e6)
        #expect(abs((b.goodUnits ?? 0) - 9e6) <= 1e-6 * 9e6)
        #expect(abs(b.unmetUnits ?? 1) <= 1)
        #expect(b.routeYields["chip"] == 0.9)
    }

    @Test func compareOnThreeThreadsEqualsOneThread() throws {
        let files = [Self.base, WhatIfPaths.path("Fixtures/scenarios/remove-site.yaml"),
                     WhatIfPaths.path("Fixtures/scenarios/chained.yaml")]
        let one = try ScenarioComparison.compare(files: files, options: Self.lp, threads: 1)
        let three = try ScenarioComparison.compare(files: files, options: Self.lp, threads: 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(one) == encoder.encode(three))
        // chained.yaml builds on all-operations.yaml, whose base is another model: its diff against two-sites is
        // the whole model, so only check that it is listed and solved.
        #expect(three.plans[2].name == "chained")
        #expect(three.plans[2].figures.status == .optimal)
    }

    /// Without site b, site a makes 2.916e6 good units per period: p2 (3e6) and p3 (4e6) need more testers.
    /// One tool adds 1000 h x 0.9 x 360 x 0.9 = 291,600 good units per period and costs 100,000, far less than
    /// the revenue plus avoided penalty (1.1 per unit), so the plan buys up to p3's need:
    /// (4e6 - 2.916e6) / 291,600 = 3.71742 tools, 371,742 of capital (within the 2e6 budget).
    @Test func removingASiteShowsInTheComparison() throws {
        let report = try ScenarioComparison.compare(
            files: [Self.base, WhatIfPaths.path("Fixtures/scenarios/remove-site.yaml")], options: Self.lp)
        let f = report.plans[1].figures
        #expect(abs((f.toolsBought ?? 0) - 1.084e6 / 291_600) <= 1e-6)
        #expect(abs((f.capitalSpend ?? 0) - 1.084e6 / 291_600 * 100_000) <= 1e-3)
        #expect(abs((f.goodUnits ?? 0) - 9e6) <= 1e-6 * 9e6)
        #expect(report.plans[1].differencesFromBase.map(\.path) == ["sites.site-b", "products.chip.sites[1]"])
        #expect(report.plans[1].overrides.map(\.description) == ["remove sites.site-b"])
    }

    static let grid = SweepGrid(axes: [
        try! SweepAxis.parse("products.chip.demand*=0.5:1.5:0.25"),
        try! SweepAxis.parse("sites.site-a.stations.tester.installed_tools=4,8,12"),
    ])

    @Test func axisRangesAndGridOrderAreExact() throws {
        let axis = try SweepAxis.parse("x*=0.8:1.2:0.1")
        #expect(axis.operation == .scale)
        #expect(axis.values == [0.8, 0.9, 1.0, 1.1, 1.2])                  // 12-digit rounding removes 0.9000000000000001
        #expect(Self.grid.pointCount == 15)                                 // 5 x 3
        #expect(Self.grid.values(ofPoint: 4) == [0.75, 8])                 // 4 = 1 x 3 + 1: last axis fastest
        #expect(throws: SweepSpecError.self) { try SweepAxis.parse("x=1:2:-1") }
        #expect(SweepShard(index: 2, count: 3).contains(4))                // 4 % 3 == 1
    }

    /// Three axes (27 points): the warm sweep goes through anchor lines, the anchor plane and the rest; its shards
    /// must still merge to the unsharded result byte for byte, and every objective must equal the cold sweep's.
    @Test func threeAxisSweepShardsAndColdAgree() throws {
        let grid = SweepGrid(axes: [
            try SweepAxis.parse("products.chip.demand*=0.5:1.5:0.5"),
            try SweepAxis.parse("sites.site-a.stations.tester.installed_tools=4,8,12"),
            try SweepAxis.parse("budget.capital_total*=0.5,1,1.5"),
        ])
        let whole = try SweepRunner.run(file: Self.base, grid: grid, options: .init(plan: Self.lp, threads: 2)).0
        let cold = try SweepRunner.run(file: Self.base, grid: grid, options: .init(plan: Self.lp, threads: 1, warmStart: false)).0
        #expect(whole.points.count == 27)
        for (w, c) in zip(whole.points, cold.points) {
            let zw = try #require(w.objective), zc = try #require(c.objective)
            #expect(abs(zw - zc) <= 1e-9 * max(1, abs(zc)), "point \(w.index)")
        }
        var shards: [SweepResult] = []
        for i in 1...3 {
            let s = try SweepRunner.run(file: Self.base, grid: grid,
                                        options: .init(plan: Self.lp, threads: 1, shard: SweepShard(index: i, count: 3))).0
            shards.append(try SweepResult.decode(json: Data(try s.json().utf8)))
        }
        #expect(try SweepResult.merge(shards).json() == whole.json())
    }

    @Test func threeShardsMergedEqualTheUnshardedSweepByteForByte() throws {
        let whole = try SweepRunner.run(file: Self.base, grid: Self.grid, options: .init(plan: Self.lp, threads: 2)).0
        var shards: [SweepResult] = []
        for i in [3, 1, 2] {
            let s = try SweepRunner.run(file: Self.base, grid: Self.grid,
                                        options: .init(plan: Self.lp, threads: 1, shard: SweepShard(index: i, count: 3))).0
            // Through JSON, as `fabplan merge` reads them.
            shards.append(try SweepResult.decode(json: Data(try s.json().utf8)))
        }
        #expect(shards[0].points.map(\.index) == [2, 5, 8, 11, 14])
        let merged = try SweepResult.merge(shards)
        #expect(try merged.json() == whole.json())
        // Shard 2 missing: its points are k % 3 == 1 of 0..<15, i.e. 1, 4, 7, 10, 13 (5 points).
        do {
            _ = try SweepResult.merge(Array(shards.prefix(2)))
            Issue.record("merged without shard 2")
        } catch .missing(let m) {
            #expect(m.missingItems == 5 && m.totalItems == 15)
            #expect(m.shards == [SweepShard(index: 2, count: 3)])
        } catch { Issue.record("\(error)") }
        // Shard 3 given twice: input 4 repeats its first point, 2.
        #expect(throws: ShardMergeError.repeated(input: 4, item: 2)) { try SweepResult.merge(shards + [shards[0]]) }
    }

    @Test func parallelSweepEqualsSerialAndWarmEqualsCold() throws {
        let serial = try SweepRunner.run(file: Self.base, grid: Self.grid, options: .init(plan: Self.lp, threads: 1)).0
        let (parallel, timings) = try SweepRunner.run(file: Self.base, grid: Self.grid, options: .init(plan: Self.lp, threads: 3))
        #expect(try parallel.json() == serial.json())
        #expect(timings.threads == 3)
        #expect(serial.points.allSatisfy { $0.warmStart == .used })
        let cold = try SweepRunner.run(file: Self.base, grid: Self.grid,
                                       options: .init(plan: Self.lp, threads: 1, warmStart: false)).0
        for (w, c) in zip(serial.points, cold.points) {
            #expect(c.warmStart == .off)
            // Same LP optimum from either start (objective unique even if the plan is not): 1e-9 relative.
            #expect(abs((w.objective ?? .nan) - (c.objective ?? .nan)) <= 1e-9 * max(1, abs(c.objective ?? 0)))
        }
        // Point 7 (demand x1.0, 8 testers at site a): site a 8 x 900 h x 360 x 0.9 = 2.3328e6 good + site b 1.296e6
        // = 3.6288e6 per period < 4e6 in p3, so the plan buys (4e6 - 3.6288e6) / 291,600 = 1.27298 tools.
        #expect(serial.points[7].values == [1.0, 8])
        #expect(abs((serial.points[7].toolsBought ?? 0) - 371_200 / 291_600.0) <= 1e-6)
    }

    @Test func anInvalidPointIsReportedNotThrown() throws {
        let grid = SweepGrid(axes: [try SweepAxis.parse("products.chip.route[0].yield=0.5,1.5")])
        let r = try SweepRunner.run(file: Self.base, grid: grid, options: .init(plan: Self.lp, threads: 1)).0
        #expect(r.points[0].status == .optimal)
        #expect(r.points[1].status == nil)
        #expect(r.points[1].error?.contains("must be a fraction in (0, 1]") == true)
        #expect(r.points[1].error?.contains("products.chip.route[0].yield") == true)
    }
}

enum WhatIfPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
