import LineModel
import Planner
import Testing

/// Max output at a fixed product mix (formulation family C10), worked by hand.
@Suite struct FixedMixTests {
    /// One station of 1 tool × 1000 h, availability 1; product a takes 1 s, b 3 s; both yield 1.
    static func model(demandA: Double, demandB: Double) throws -> LineModel {
        try LineModelLoader.load(yaml: """
            name: mix
            periods: [{id: p1, hours_per_tool: 1000}]
            sites: [{id: s, stations: [{id: st, installed_tools: 1, max_tools: 1, availability: 1, tool_price: 0}]}]
            products:
              - {id: a, sites: [s], demand: {p1: \(demandA)}, price_per_unit: 1, route: [{station: st, seconds_per_unit: 1, yield: 1}]}
              - {id: b, sites: [s], demand: {p1: \(demandB)}, price_per_unit: 1, route: [{station: st, seconds_per_unit: 3, yield: 1}]}
            """)
    }

    func starts(_ r: PlanReport, _ p: String) -> Double { r.products.first { $0.product == p }?.starts ?? -1 }
    /// Equal within 2e-7 relative: max-output's cost tie-break may give up 1e-7 of the optimal output.
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 2e-7 * max(1, abs(b)) }

    @Test("shares 1:1: λ/2 × 1 s + λ/2 × 3 s = 3.6e6 s, so 900,000 of each, past the demand of 100")
    func equalShares() throws {
        var o = PlanOptions(objective: .maxOutput, integerTools: false)
        o.fixedMix = FixedMix(shares: ["a": 1, "b": 1])
        let r = try CapacityPlanner.optimize(try Self.model(demandA: 100, demandB: 100), options: o)
        #expect(r.status == .optimal)
        #expect(near(starts(r, "a"), 900_000) && near(starts(r, "b"), 900_000), "\(starts(r, "a")), \(starts(r, "b"))")
        #expect(near(r.objective ?? 0, 1_800_000))
        #expect(r.bottlenecks.first?.station == "st")
    }

    @Test("the nominal mix follows demand (3:1): 3λ/4 + 3λ/4 = 3.6e6, λ = 2.4e6; the free mix makes only a")
    func nominalAgainstFree() throws {
        let m = try Self.model(demandA: 3e7, demandB: 1e7)
        var o = PlanOptions(objective: .maxOutput, integerTools: false)
        o.fixedMix = .nominal(m)
        let fixed = try CapacityPlanner.optimize(m, options: o)
        #expect(near(starts(fixed, "a"), 1_800_000) && near(starts(fixed, "b"), 600_000), "\(starts(fixed, "a")), \(starts(fixed, "b"))")
        // Free mix: every tool-second on a (1 s each): 3.6e6 units of a, none of b.
        let free = try CapacityPlanner.optimize(m, options: PlanOptions(objective: .maxOutput, integerTools: false))
        #expect(near(starts(free, "a"), 3_600_000) && near(starts(free, "b"), 0), "\(starts(free, "a")), \(starts(free, "b"))")
    }
}
