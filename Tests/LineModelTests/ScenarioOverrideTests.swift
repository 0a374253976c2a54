import Foundation
import Testing
@testable import LineModel

/// Each override kind applies exactly as docs/scenarios.md says, checked on Fixtures/scenarios/all-operations.yaml
/// (base: Fixtures/valid/fab-and-suppliers.yaml).
@Suite struct ScenarioOverrideTests {
    static func load(_ name: String) throws -> ResolvedScenario {
        try ScenarioLoader.load(path: TestPaths.path("Fixtures/scenarios/\(name)"))
    }

    /// The loader's node budget is at least the model file's size in bytes (large models have many nodes). A
    /// scenario, and a plain model loaded through `ScenarioLoader` (as every CLI command loads one), gets the
    /// same budget as the model file alone: two-sites.yaml is 890 bytes and has more than 10 nodes, so with
    /// `maxNodesVisited: 10` both load (budget 890), where a budget of 10 alone would refuse them.
    @Test func aScenarioGetsTheNodeBudgetOfItsModelFile() throws {
        var limits = LoaderLimits()
        limits.maxNodesVisited = 10
        let model = TestPaths.path("Fixtures/scenarios/two-sites.yaml")
        #expect(throws: LineModelError.self) {
            try LineModelLoader.load(node: LineModelLoader.parseTree(path: model), fileName: model, limits: limits)
        }
        _ = try LineModelLoader.load(path: model, limits: limits)
        #expect(try ScenarioLoader.load(path: model, limits: limits).model.sites.count == 2)
        let scenario = TestPaths.path("Fixtures/scenarios/remove-site.yaml")
        #expect(try ScenarioLoader.load(path: scenario, limits: limits).model.sites.count == 1)
    }

    @Test func scaleMultipliesEveryNumberOfADemandMap() throws {
        let s = try Self.load("all-operations.yaml")
        let demand = try #require(s.model.products.first?.demand)
        // Base demand {2029: 50e6, 2030: 80e6} x 1.3 = {65e6, 104e6}; tolerance: one rounding of the product.
        #expect(abs(try #require(demand["2029"]) - 65e6) <= 65e6 * 1e-15)
        #expect(abs(try #require(demand["2030"]) - 104e6) <= 104e6 * 1e-15)
    }

    @Test func setReplacesAValueAndAddsAMissingOptionalField() throws {
        let s = try Self.load("all-operations.yaml")
        #expect(s.model.sites[0].stations[0].installedTools == 6)          // was 4
        #expect(s.model.products[0].route[0].yield == 0.95)                // was 0.99
        #expect(s.model.products[0].unmetPenaltyPerUnit == 0.25)           // absent in the base, added
    }

    @Test func shiftMovesPeriodMapsAndHoldsTheEnds() throws {
        let s = try Self.load("all-operations.yaml")
        let fab = try #require(s.model.fab)
        // wafer_starts {2029: 30000, 2030: 42000} one period later: 2030 gets 2029's 30000; 2029 has no earlier
        // period and keeps the first value, 30000.
        #expect(fab.waferStartsPerPeriod == ["2029": 30000, "2030": 30000])
        // D0 {2029: 0.5, 2030: 0.2} one period earlier: 2029 gets 2030's 0.2; 2030 holds the last value 0.2.
        #expect(fab.defectDensityPerCm2 == ["2029": 0.2, "2030": 0.2])
    }

    @Test func removeDeletesAnIdListEntry() throws {
        let s = try Self.load("all-operations.yaml")
        #expect(s.model.dieSuppliers.map(\.id) == ["memory-maker"])       // 'foundry' removed
        #expect(s.overrides.count == 7)
        #expect(s.overrides[4].description == "remove die_suppliers.foundry")
        #expect(s.overrides[4].location?.line == 15)   // the `remove:` line of the fixture
    }

    @Test func chainedScenariosApplyTheBaseScenarioFirst() throws {
        let s = try Self.load("chained.yaml")
        let demand = try #require(s.model.products.first?.demand)
        // 50e6 x 1.3 x 2 = 130e6, 80e6 x 1.3 x 2 = 208e6.
        #expect(abs(try #require(demand["2029"]) - 130e6) <= 130e6 * 1e-15)
        #expect(abs(try #require(demand["2030"]) - 208e6) <= 208e6 * 1e-15)
        // budget {capital_per_period: {10e6, 10e6}, capital_total: 15e6} x 0.5.
        #expect(s.model.budget.capitalPerPeriod == ["2029": 5e6, "2030": 5e6])
        #expect(s.model.budget.capitalTotal == 7.5e6)
        #expect(s.chain.count == 2)
        #expect(s.overrides.count == 9)
        #expect(s.model.sites[0].stations[0].installedTools == 6)          // from the base scenario
    }

    @Test func removingASiteRemovesItFromProductSiteLists() throws {
        let s = try Self.load("remove-site.yaml")
        #expect(s.model.sites.map(\.id) == ["site-a"])
        #expect(s.model.products[0].sites == ["site-a"])                   // was [site-a, site-b]
    }

    @Test func pathsAddressListEntriesByIdNameOrPosition() throws {
        var tree = try ScenarioLoader.tree(path: TestPaths.path("Fixtures/scenarios/two-sites.yaml"))
        try ScenarioLoader.apply([
            .set("products.chip.route.probe.seconds_per_unit", to: 12),    // route step by its name
            .set("sites[1].stations.tester.installed_tools", to: 7),       // list entry by position
            .scale("products.chip.demand.p2", by: 0.5),                    // one period of a map
        ], to: &tree)
        let model = try ScenarioLoader.validate(tree)
        #expect(model.products[0].route[0].rate == .secondsPerUnit(12))
        #expect(model.sites[1].stations[0].installedTools == 7)
        #expect(model.products[0].demand == ["p1": 2e6, "p2": 1.5e6, "p3": 4e6])
    }

    @Test func aPlainModelFileLoadsAsAScenarioWithoutOverrides() throws {
        let s = try ScenarioLoader.load(path: TestPaths.path("Fixtures/valid/fab-and-suppliers.yaml"))
        let direct = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/fab-and-suppliers.yaml"))
        #expect(s.model == direct)
        #expect(s.overrides.isEmpty)
        #expect(s.name == "fab-and-suppliers")
    }

    @Test func shiftOverThreePeriodsLaterAndEarlier() throws {
        // two-sites demand {p1: 2e6, p2: 3e6, p3: 4e6}.
        var later = try ScenarioLoader.tree(path: TestPaths.path("Fixtures/scenarios/two-sites.yaml"))
        try ScenarioLoader.apply([.shift("products.chip.demand", by: 1)], to: &later)
        // p1 takes the first value (nothing earlier), p2 <- p1, p3 <- p2.
        #expect(try ScenarioLoader.validate(later).products[0].demand == ["p1": 2e6, "p2": 2e6, "p3": 3e6])
        var earlier = try ScenarioLoader.tree(path: TestPaths.path("Fixtures/scenarios/two-sites.yaml"))
        try ScenarioLoader.apply([.shift("products.chip.demand", by: -2)], to: &earlier)
        // p1 <- p3; p2 and p3 are past the end and hold the last value.
        #expect(try ScenarioLoader.validate(earlier).products[0].demand == ["p1": 4e6, "p2": 4e6, "p3": 4e6])
        var scalar = try ScenarioLoader.tree(path: TestPaths.path("Fixtures/scenarios/two-sites.yaml"))
        #expect(throws: LineModelError.self) { try ScenarioLoader.apply([.shift("products.chip.demand.p2", by: 1)], to: &scalar) }
    }

    @Test func differencesCompareNumbersAsNumbersAndMatchIds() throws {
        let base = try ScenarioLoader.tree(path: TestPaths.path("Fixtures/scenarios/two-sites.yaml"))
        var other = base
        // 2e6 written as 2000000 is no difference; 1.5 is.
        try ScenarioLoader.apply([.set("products.chip.demand.p1", to: 2_000_000), .scale("products.chip.price_per_unit", by: 1.5)],
                                 to: &other)
        let changes = ScenarioLoader.differences(from: base, to: other)
        #expect(changes == [ValueChange(path: "products.chip.price_per_unit", before: "1.0", after: "1.5")])
    }
}
