import Foundation
import Testing
import LinearSolver
@testable import LineModel
@testable import Planner

/// The sweep's warm path (one kept GLPK problem patched per point) against separate cold plans.
@Suite struct SweepResolveSessionTests {
    /// Five what-ifs of the flagship (Models/vietnam-2030.yaml, LP, max-profit: budget ×0.8 and ×1.2, fcbga-cpu
    /// demand ×0.8 and ×1.2, both ×1.2): each solved through one `GLPKResolveSession` from the base basis (the
    /// planner's sweep path) and, separately, by `CapacityPlanner.optimize` from scratch. The LP optimum's value is
    /// unique, so the objectives agree to 1e-9 relative whatever vertex each solve ends on; the session builds
    /// the GLPK problem once and patches it for the other points.
    @Test func patchedFlagshipWhatIfsEqualSeparatePlans() throws {
        let path = WhatIfPaths.path("Models/vietnam-2030.yaml")
        let tree = try ScenarioLoader.tree(path: path)
        var options = PlanOptions(objective: .maxProfit, integerTools: false)
        options.computeSensitivity = false
        let base = try CapacityPlanner.solveKeepingBasis(
            Formulation(model: try ScenarioLoader.validate(tree), objective: .maxProfit, integerTools: false), options: options)
        let basis = try #require(base.basis)
        let budget = try SweepAxis.parse("budget*=0.8,1.2")
        let demand = try SweepAxis.parse("products.fcbga-cpu.demand*=0.8,1.2")
        let variants: [[ScenarioOverride]] = [
            [budget.override(0.8)], [budget.override(1.2)], [demand.override(0.8)], [demand.override(1.2)],
            [budget.override(1.2), demand.override(1.2)],
        ]
        let session = GLPKResolveSession()
        var warmOptions = options
        warmOptions.warmStart = basis
        for overrides in variants {
            var variant = tree
            try ScenarioLoader.apply(overrides, to: &variant)
            let model = try ScenarioLoader.validate(variant)
            let formulation = Formulation(model: model, objective: .maxProfit, integerTools: false)
            let patched = try CapacityPlanner.solveKeepingBasis(formulation, options: warmOptions, session: session)
            let separate = try CapacityPlanner.optimize(model, options: options)
            #expect(patched.warmStartUsed)
            #expect(patched.report.status == separate.status)
            let z = try #require(separate.objective)
            #expect(abs((patched.report.objective ?? .nan) - z) <= 1e-9 * max(1, abs(z)), "\(overrides)")
        }
        #expect(session.builds == 1 && session.patchedSolves == variants.count - 1)
    }

    /// Anchor lines of a 5 × 3 grid (last axis fastest, point k = 3·i + j): middles are i = 2, j = 1. Axis 0's
    /// line (j = 1) is {1, 4, 7, 10, 13}; axis 1's line (i = 2) is {6, 7, 8}; union {1, 4, 6, 7, 8, 10, 13}.
    /// With a basis change only on axis 0's line, axis 0 is the anchor axis, and point 5 (i = 1, j = 2) starts
    /// from anchor point 4's basis (i = 1); with no change anywhere, every point starts from the base basis.
    @Test func anchorLinesAndStartBases() throws {
        let grid = SweepGrid(axes: [try SweepAxis.parse("budget*=0.8:1.2:0.1"), try SweepAxis.parse("products.x.demand*=0.9,1,1.1")])
        let anchors = try #require(SweepAnchors(grid: grid))
        #expect(anchors.points == [1, 4, 6, 7, 8, 10, 13])
        let base = Basis(rows: [.basic, .atUpper], columns: [.atLower])
        let moved = Basis(rows: [.atUpper, .basic], columns: [.atLower])
        var final: [Int: Basis] = [:]
        for k in anchors.points { final[k] = base }
        final[4] = moved
        let starts = anchors.startBases(final: final, base: base)
        #expect(starts.axis == 0)
        #expect(starts.basis(forPoint: 5) == moved)
        #expect(starts.basis(forPoint: 3) == moved)
        #expect(starts.basis(forPoint: 14) == base)
        final[4] = base
        let none = anchors.startBases(final: final, base: base)
        #expect(none.axis == nil && none.basis(forPoint: 5) == base)
        #expect(SweepAnchors(grid: SweepGrid(axes: [grid.axes[0]])) == nil)
    }

    /// Anchor plane of a 3 × 3 × 2 grid (strides 6, 2, 1; point k = 6·i + 2·j + l; middles i = 1, j = 1, l = 0).
    /// Lines: axis 0 {2, 8, 14}, axis 1 {6, 8, 10}, axis 2 {8, 9}. Bases moved at points 2 and 14 (axis 0 score 2)
    /// and 6 (axis 1 score 1): anchor axis 0, plane axis 1, so a point's partner is (i, j, 0): 11 = (1,2,1) → 10,
    /// 17 = (2,2,1) → 16, 3 = (0,1,1) → 2, and a plane point is its own partner (10 → 10). With only axis 0 moved
    /// there is no plane axis.
    @Test func anchorPlanePartners() throws {
        let grid = SweepGrid(axes: [try SweepAxis.parse("a=1,2,3"), try SweepAxis.parse("b=1,2,3"), try SweepAxis.parse("c=1,2")])
        let anchors = try #require(SweepAnchors(grid: grid))
        #expect(anchors.points == [2, 6, 8, 9, 10, 14])
        let base = Basis(rows: [.basic, .atUpper], columns: [.atLower])
        let moved = Basis(rows: [.atUpper, .basic], columns: [.atLower])
        var final: [Int: Basis] = [:]
        for k in anchors.points { final[k] = base }
        final[2] = moved; final[14] = moved; final[6] = moved
        let starts = anchors.startBases(final: final, base: base)
        #expect(starts.axis == 0 && starts.planeAxis == 1)
        #expect(starts.planePartner(ofPoint: 11) == 10)
        #expect(starts.planePartner(ofPoint: 17) == 16)
        #expect(starts.planePartner(ofPoint: 3) == 2)
        #expect(starts.planePartner(ofPoint: 10) == 10)
        final[6] = base
        let lineOnly = anchors.startBases(final: final, base: base)
        #expect(lineOnly.axis == 0 && lineOnly.planeAxis == nil && lineOnly.planePartner(ofPoint: 11) == nil)
    }
}
