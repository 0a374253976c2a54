import Foundation
import Testing
import LineModel
import LinearSolver
@testable import Planner

/// MIP plans proven by default, their proof, bound and gap in the report, and progress in model units.
@Suite("Proven MIP plans and their quality")
struct PlanQualityTests {
    static func flagship() throws -> LineModel {
        try LineModelLoader.load(path: WhatIfPaths.path("Models/vietnam-2030.yaml"))
    }

    /// The flagship's default optimize proves its plan (before: the 0.05 % gap stopped ~28 M USD from the bound,
    /// 7.3 M USD of profit short of the optimum 56,560,756,952.6 found with --gap 0), and gives the same plan on
    /// every run: GLPK's search is deterministic and the absolute target is checked at every node selection.
    @Test("the flagship's default MIP plan is proven within the cheapest tool's price, the same plan on 3 runs")
    func flagshipProven() throws {
        let model = try Self.flagship()
        var reports: [PlanReport] = []
        for _ in 0..<3 { reports.append(try CapacityPlanner.optimize(model)) }
        let q = try #require(reports[0].quality)
        #expect(q.proof == .provenOptimal || q.proof == .withinTarget)
        #expect(q.absoluteGapTarget == 150_000)  // the cheapest tool in the flagship costs 150,000 USD
        #expect(try #require(q.absoluteGap) <= 150_000)
        let objective = try #require(reports[0].objective)
        // Within 150,000 of the optimum worked out with --gap 0.
        #expect(abs(objective - 56_560_756_952.6) <= 150_000)
        // A finished search proves the plan within GLPK's pruning tolerance, 1e-7 × 56.56 B = 5,656 USD.
        if q.proof == .provenOptimal { #expect(abs(try #require(q.absoluteGap) - 1e-7 * objective) < 1e-3) }
        #expect(abs(try #require(q.bestBound) - objective - (q.absoluteGap ?? .nan)) < 1e-3)
        for r in reports.dropFirst() {
            #expect(r.objective == reports[0].objective)
            #expect(r.purchases == reports[0].purchases)
            #expect(r.products.map(\.unmet) == reports[0].products.map(\.unmet))
        }
    }

    /// A loose absolute target (1e12 USD, more than the whole profit) stops the search at its first plan whose
    /// gap to the bound is within it: the plan says `within-target`, with a gap at most the target, and the
    /// status stays optimal in GLPK's sense of a gap stop.
    @Test("an absolute target stops the search and the plan says so")
    func absoluteTargetStops() throws {
        var options = PlanOptions()
        options.absoluteGapTarget = .value(1e12)
        let report = try CapacityPlanner.optimize(try Self.flagship(), options: options)
        let q = try #require(report.quality)
        #expect(report.termination == .gapLimit && report.status == .optimal)
        #expect(q.proof == .withinTarget && q.absoluteGapTarget == 1e12)
        #expect(try #require(q.absoluteGap) <= 1e12)
    }

    /// budget-limited: a tool (100,000) makes 100,000 units worth 1.5 each, budget 250,000: two tools, profit
    /// 2 × (150,000 − 100,000) = 100,000 USD. The progress callback's incumbent is that figure in USD (it was
    /// 100: the LP's thousands).
    @Test("MIP progress reports incumbent and bound in currency, not the LP's thousands")
    func progressUnits() throws {
        final class Seen: @unchecked Sendable { let lock = NSLock(); var incumbents: [Double] = []; var bounds: [Double] = [] }
        let seen = Seen()
        var options = PlanOptions()
        options.progress = { p in
            seen.lock.withLock {
                if let i = p.incumbent { seen.incumbents.append(i) }
                if let b = p.bestBound { seen.bounds.append(b) }
            }
            return true
        }
        let report = try CapacityPlanner.optimize(PlanFixtures.budgetLimited, options: options)
        #expect(abs((report.objective ?? .nan) - 100_000) < 1e-6)
        let last = try #require(seen.lock.withLock { seen.incumbents.last })
        #expect(abs(last - 100_000) < 1e-6)
        // Any bound is at least the optimum (a maximization) and at most the budget-free profit 50,000 × 2.5 tools.
        #expect(seen.lock.withLock { seen.bounds }.allSatisfy { $0 >= 100_000 - 1e-6 && $0 <= 125_000 + 1e-6 })
    }

    /// An LP plan has no gap; a plan stopped before any incumbent has none either.
    @Test("LP plans report lp-optimal with a zero gap; sweep points and key figures carry the quality")
    func lpAndKeyFigures() throws {
        let report = try CapacityPlanner.optimize(PlanFixtures.budgetLimited, options: PlanOptions(integerTools: false))
        #expect(report.quality?.proof == .lpOptimal && report.quality?.absoluteGap == 0)
        let figures = PlanKeyFigures(report: report, model: PlanFixtures.budgetLimited)
        #expect(figures.quality == report.quality)
    }
}
