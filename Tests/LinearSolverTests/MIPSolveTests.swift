import Testing
import LinearSolver

@Suite("MIP solves against hand-worked optima")
struct MIPSolveTests {
    /// max 5x + 4y, 6x + 4y ≤ 24, x + 2y ≤ 6, x, y integer ≥ 0. LP relaxation: x = 3, y = 1.5, z = 21.
    /// Enumerate y: y = 0 → x ≤ 4 → 20; y = 1 → x ≤ 3 → 19; y = 2 → x ≤ 2 → 18; y = 3 → x = 0 → 12.
    /// Integer optimum (4, 0), z = 20.
    @Test(arguments: [false, true])
    func integerMixOptimum(presolve: Bool) throws {
        var options = SolverOptions()
        options.mipGap = 0
        options.presolve = presolve
        let s = try GLPKSolver.solve(Examples.integerMix(), options: options)
        #expect(s.termination == .optimal)
        #expect(s.primalStatus == .optimal)
        #expect(abs((s.objective ?? .nan) - 20) < 1e-9)
        #expect(abs(s.columnValues[0] - 4) < 1e-9 && abs(s.columnValues[1]) < 1e-9)
        #expect(abs((s.mipBestBound ?? .nan) - 20) < 1e-9)
        #expect(s.mipGap == 0)
    }

    /// Facility: min 10·open + 2·ship, ship ≥ 5, ship ≤ 8·open. Open it (10) and ship 5 (10): z = 20;
    /// keeping it closed forces ship = 0 < 5. With open fixed at 1 the LP is min 2·ship, ship ≥ 5, ship ≤ 8:
    /// dual of demand = 2 (one more unit costs 2), cap is slack (dual 0); reduced cost of open (fixed) is
    /// 10 − (−8)·0 = 10.
    @Test func facilityOptimumAndFixedLPDuals() throws {
        var options = SolverOptions()
        options.mipGap = 0
        let s = try GLPKSolver.solve(Examples.facility(), options: options)
        #expect(s.termination == .optimal)
        #expect(abs((s.objective ?? .nan) - 20) < 1e-9)
        #expect(abs(s.columnValues[0] - 1) < 1e-9 && abs(s.columnValues[1] - 5) < 1e-9)
        #expect(s.dualStatus == .optimal)
        #expect(abs(s.rowDuals[0] - 2) < 1e-9 && abs(s.rowDuals[1]) < 1e-9)
        #expect(abs(s.reducedCosts[0] - 10) < 1e-9)
        #expect(s.basis != nil)
    }

    /// Without `computeMIPDuals` there are no duals.
    @Test func noDualsWhenNotRequested() throws {
        var options = SolverOptions()
        options.computeMIPDuals = false
        let s = try GLPKSolver.solve(Examples.facility(), options: options)
        #expect(abs((s.objective ?? .nan) - 20) < 1e-9)
        #expect(s.rowDuals.isEmpty && s.dualStatus == .none)
    }
}
