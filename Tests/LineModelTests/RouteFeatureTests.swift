import Foundation
import Testing
import LineModel

/// The fab route features of Fixtures/valid/fab-route.yaml, each against a number worked by hand.
@Suite("Fab route features: dispatch forms, setups, visits, delays, calendars")
struct RouteFeatureTests {
    static func model() throws -> LineModel {
        try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/fab-route.yaml"))
    }

    func near(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

    @Test("seconds per wafer of each dispatch form, setups and visits included")
    func stepSeconds() throws {
        let route = try Self.model().products[0].route
        #expect(route.count == 5)
        // Per wafer: (25 × 60 + 30 load + 30 unload) / 25 = 1560 / 25 = 62.4 s; setup 600 s × 0.5 / 25 = 12 s.
        #expect(near(route[0].rate.secondsPerUnit, 62.4))
        #expect(near(route[0].setupSecondsPerUnit, 12))
        #expect(near(route[0].toolSecondsPerEnteringUnit, 74.4))
        // Per lot, sampled: 300 / 25 = 12 s, one lot in ten visits: 1.2 s.
        #expect(near(route[1].toolSecondsPerEnteringUnit, 1.2))
        // Per batch of 6 lots (the default fill is the largest batch): (36000 + 600 + 600) / 150 = 248 s.
        #expect(near(route[2].rate.secondsPerUnit, 248))
        // Cascade of wafers: 120 + 24 × 30 = 840 s per lot = 33.6 s; rework 1.05 visits: 35.28 s.
        #expect(near(route[3].rate.secondsPerUnit, 33.6))
        #expect(near(route[3].toolSecondsPerEnteringUnit, 35.28))
        // Cascade of lots, 4 per run: 3240 + (4620 − 3240) / 4 = 3585 s per lot = 143.4 s.
        #expect(near(route[4].rate.secondsPerUnit, 143.4))
    }

    @Test("load per started wafer takes out upstream losses; a step with no station adds no load")
    func loadsPerStartedUnit() throws {
        let product = try Self.model().products[0]
        // Reaching: 1, 0.98, 0.98, 0.98 × 0.99 = 0.9702, 0.9702.
        let expected = [74.4, 0.98 * 1.2, 0.98 * 248, 0.9702 * 35.28, 0.9702 * 143.4]
        #expect(zip(product.loadSecondsPerStartedUnit, expected).allSatisfy { near($0, $1) })
        #expect(product.delays == [RouteDelay(name: "queue-time", hours: 2, position: 1)])
        // Raw process time: 1560 + 7200 (delay) + 0.1 × 300 + 37200 + 1.05 × 840 + 3585 = 50457 s.
        #expect(near(product.rawProcessHours, 50457.0 / 3600))
    }

    @Test("a calendar's availability: 1 / (1 + 5/100 + 10/500) / (1 + 5 / (1000 × 0.1))")
    func calendarAvailability() throws {
        let furnace = try #require(try Self.model().site("fab")?.station("furnace"))
        #expect(near(furnace.availability.fraction, 1 / 1.07 / 1.05))
        #expect(near(StationCalendar().availability, 1))
    }

    @Test("a stated batch fill between min and max replaces the full batch")
    func plannedFill() throws {
        let text = try String(contentsOfFile: TestPaths.path("Fixtures/valid/fab-route.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "min_lots: 2, max_lots: 6}", with: "min_lots: 2, max_lots: 6, planned_lots: 4}")
        let route = try LineModelLoader.load(yaml: text).products[0].route
        // (36000 + 1200) / (4 × 25) = 372 s per wafer.
        #expect(near(route[2].rate.secondsPerUnit, 372))
    }

    @Test("bad feature values are refused with their key path", arguments: [
        ("min_lots: 2, max_lots: 6}", "min_lots: 2, max_lots: 6, planned_lots: 7}",
         "products.wafer.route[3].dispatch.per_batch.planned_lots", "min ≤ planned ≤ max"),
        ("first_seconds: 120, interval_seconds: 30", "first_seconds: 20, interval_seconds: 30",
         "products.wafer.route[4].dispatch.cascade.interval_seconds", "interval ≤ first"),
        ("visit_fraction: 0.1", "visit_fraction: 0", "products.wafer.route[2].visit_fraction", "greater than 0"),
        ("changes_per_dispatch: 0.5", "changes_per_dispatch: 2", "products.wafer.route[0].setup.changes_per_dispatch",
         "at most 1"),
        ("per_lot_seconds: 300}", "per_lot_seconds: 300, per_unit_seconds: 2}",
         "products.wafer.route[2].dispatch.per_lot_seconds", "one processing form"),
        ("{every_hours: 500, hours: 10}", "{hours: 10}",
         "sites.fab.stations.furnace.availability.maintenance[0].every_hours", "every_hours or every_units"),
        ("{name: queue-time, delay_hours: 2}", "{name: queue-time, delay_hours: 2, yield: 1}",
         "products.wafer.route[1].yield", "unknown"),
    ])
    func refused(_ old: String, _ new: String, _ keyPath: String, _ message: String) throws {
        let text = try String(contentsOfFile: TestPaths.path("Fixtures/valid/fab-route.yaml"), encoding: .utf8)
        #expect(text.contains(old))
        let error = try #require(throws: LineModelError.self) {
            try LineModelLoader.load(yaml: text.replacingOccurrences(of: old, with: new), fileName: "fab-route.yaml")
        }
        let hit = error.diagnostics.first { $0.keyPath == keyPath }
        #expect(hit != nil, "got \(error.diagnostics.map(\.keyPath))")
        #expect(hit?.message.contains(message) == true, "got \(hit?.message ?? "-")")
        #expect((hit?.location.line ?? 0) > 0)
    }

    /// A route of `steps` steps alternating two stations, as YAML.
    static func longRoute(steps: Int) -> String {
        var text = """
            name: long
            periods: [{id: p1, hours_per_tool: 1000}]
            sites: [{id: s1, stations: [{id: a, installed_tools: 1, availability: 1, tool_price: 0},
                                        {id: b, installed_tools: 1, availability: 1, tool_price: 0}]}]
            products:
              - id: w
                sites: [s1]
                demand: {p1: 1}
                price_per_unit: 1
                route:

            """
        for k in 0..<steps { text += "      - {station: \(k % 2 == 0 ? "a" : "b"), seconds_per_unit: 1, yield: 1}\n" }
        return text
    }

    @Test("a 2,500-step route loads; the step limit is a stated guard that refuses past it, located")
    func longRoutes() throws {
        let model = try LineModelLoader.load(yaml: Self.longRoute(steps: 2_500))
        // 1,250 visits of 1 s each to station a.
        #expect(model.products[0].route.count == 2_500)
        #expect(near(model.products[0].loadSecondsPerStartedUnit.reduce(0, +), 2_500))
        var limits = LoaderLimits()
        limits.maxRouteSteps = 2_000
        let error = try #require(throws: LineModelError.self) {
            try LineModelLoader.load(yaml: Self.longRoute(steps: 2_500), limits: limits)
        }
        #expect(error.diagnostics.first?.kind == .tooLarge)
        #expect(error.diagnostics.first?.keyPath == "products.w.route")
        #expect(error.diagnostics.first?.location.line == 11)  // the list starts at its first entry
    }

    @Test("models built in code get the same rules, route entries named by their index in the file's route list")
    func validatedInCode() throws {
        var m = try Self.model()
        #expect(try m.validated() == m)
        // The furnace is station step 2, entry 3 of the route (the delay is entry 1).
        m.products[0].route[2].rate = .dispatch(DispatchRate(
            processing: .perBatch(seconds: 36000, batch: BatchSize(minUnits: 50, maxUnits: 150, plannedUnits: 200)),
            unitsPerLot: 25))
        m.products[0].delays[0].hours = -1
        m.products[0].route[0].visitFraction = 0
        m.sites[0].stations[2].availability = .calendar(StationCalendar(breakdowns: [Breakdown(mtbfHours: 100, mttrHours: -5)]))
        let error = try #require(throws: LineModelError.self) { try m.validated(label: "code") }
        #expect(Set(error.diagnostics.map(\.keyPath)) == [
            "products.wafer.route[3].dispatch.per_batch.planned_units", "products.wafer.route[1].delay_hours",
            "products.wafer.route[0].visit_fraction", "sites.fab.stations.furnace.availability.breakdowns[0].mttr_hours",
        ])
    }
}
