import Foundation
import LineModel
import Planner
import Testing
import YieldMC

/// The formulation takes the fab route features through the load per started unit, unchanged.
@Suite struct RouteFeaturePlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("max output of Fixtures/valid/fab-route.yaml is set by the furnace's calendar and batch")
    func furnaceBound() throws {
        let model = try LineModelLoader.load(path: Self.root + "/Fixtures/valid/fab-route.yaml")
        let r = try CapacityPlanner.optimize(model, options: PlanOptions(objective: .maxOutput))
        #expect(r.status == .optimal)
        // Furnace: 3 tools × 168 h × A, A = 1 / 1.07 / 1.05; load per start 0.98 × 248 s.
        // Litho allows 2 × 168 × 3600 / 74.4 = 16,258 starts, planar 8,694: the furnace's 6,650 is the least.
        let furnaceHours = 3 * 168 / 1.07 / 1.05
        let starts = furnaceHours * 3600 / (0.98 * 248)
        let row = try #require(r.products.first)
        #expect(abs(row.starts - starts) < 1e-6 * starts)
        // Good output: starts × 0.98 × 0.99 (the delay and the sampled step lose nothing).
        #expect(abs(row.goodOutput - starts * 0.9702) < 1e-6 * starts)
        #expect(r.bottlenecks.first?.station == "furnace")
        let litho = try #require(r.stations.first { $0.station == "litho" })
        #expect(abs(litho.loadHours - starts * 74.4 / 3600) < 1e-6 * litho.loadHours)
    }
}

@Suite struct RouteFeatureYieldInputTests {
    @Test("the Monte Carlo input takes each step's tool seconds with its visits and setups")
    func stepSeconds() throws {
        let model = try LineModelLoader.load(path: RouteFeaturePlanTests.root + "/Fixtures/valid/fab-route.yaml")
        let input = try YieldInput(model: model)
        let steps = try #require(input.products.first?.routes.first?.steps)
        // Hand-worked in RouteFeatureTests: expose 62.4 + 12 setup, sampled metrology 0.1 × 12, rework 1.05 × 33.6.
        let seconds = steps.map(\.secondsPerUnit)
        #expect(seconds.count == 5)
        #expect(zip(seconds, [74.4, 1.2, 248, 35.28, 143.4]).allSatisfy { abs($0 - $1) < 1e-9 })
    }
}

@Suite struct StationLoadingTests {
    @Test("utilization at the nominal release, overload above 100 % included")
    func overload() throws {
        let model = try LineModelLoader.load(path: RouteFeaturePlanTests.root + "/Fixtures/valid/fab-route.yaml")
        let loading = StationLoading(model: model)
        // Demand 100,000 wafers, route yield 0.9702: starts 100,000 / 0.9702.
        let starts = 100_000 / 0.9702
        #expect(abs((loading.starts["wafer"]?["w1"] ?? 0) - starts) < 1e-6)
        // Furnace: load starts × 0.98 × 248 s; up 3 × 168 h / 1.07 / 1.05 → about 1,490 %.
        let furnace = try #require(loading.rows.first { $0.station == "furnace" })
        let load = starts * 0.98 * 248 / 3600, up = 3 * 168 / 1.07 / 1.05
        #expect(abs(furnace.loadHours - load) < 1e-9 * load)
        #expect(abs(furnace.utilization - load / up) < 1e-12 * load / up)
        #expect(loading.bottleneck?.station == "furnace")
        // Litho: starts × 74.4 s over 2 × 168 h; max scale = 1 / the furnace's utilization.
        let litho = try #require(loading.rows.first { $0.station == "litho" })
        #expect(abs(litho.utilization - starts * 74.4 / 3600 / 336) < 1e-12)
        #expect(abs((loading.maxScale(period: "w1") ?? 0) - up / load) < 1e-12)
        // Half the starts: half the load.
        let half = StationLoading(model: model, scale: 0.5)
        #expect(abs((half.rows.first { $0.station == "furnace" }?.loadHours ?? 0) - load / 2) < 1e-9 * load)
    }
}
