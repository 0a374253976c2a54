import Testing
import LinearSolver

@Suite("Warm starts from a previous basis")
struct WarmStartTests {
    /// Re-solving the 30 × 30 transportation LP after raising every demand by 5 %, from the old basis, with the
    /// dual simplex (the old basis stays dual feasible when only right-hand sides change), needs fewer pivots
    /// than solving it cold, and reaches the same optimum as the cold solve (1e-7 relative).
    @Test func warmStartNeedsFewerIterations() throws {
        var options = SolverOptions()
        options.lpMethod = .dualSimplex
        let first = try GLPKSolver.solve(Examples.transportation(), options: options)
        #expect(first.termination == .optimal)
        let basis = try #require(first.basis)
        let changed = Examples.transportation(demandScale: 1.05)
        let cold = try GLPKSolver.solve(changed, options: options)
        let warm = try GLPKSolver.solve(changed, options: options, warmStart: basis)
        #expect(warm.warmStartUsed && !cold.warmStartUsed)
        #expect(cold.termination == .optimal && warm.termination == .optimal)
        let zc = try #require(cold.objective), zw = try #require(warm.objective)
        #expect(abs(zc - zw) <= 1e-7 * abs(zc))
        #expect(warm.iterations < cold.iterations, "warm \(warm.iterations) vs cold \(cold.iterations)")
        // The optimal basis warm-starts its own problem with no pivot at all.
        let again = try GLPKSolver.solve(changed, options: options, warmStart: warm.basis)
        #expect(again.iterations == 0)
    }

    /// A basis with every row and column basic (m + n basic variables instead of m) is invalid: GLPK rejects
    /// it, the solve falls back to an advanced basis and still finds the product-mix optimum 36.
    @Test func invalidBasisFallsBackToColdStart() throws {
        let p = Examples.productMix()
        let bad = Basis(rows: Array(repeating: .basic, count: 3), columns: Array(repeating: .basic, count: 2))
        let s = try GLPKSolver.solve(p, warmStart: bad)
        #expect(!s.warmStartUsed)
        #expect(abs((s.objective ?? .nan) - 36) < 1e-9)
    }

    /// A basis of the wrong size (from another problem) is ignored.
    @Test func basisOfAnotherSizeIsIgnored() throws {
        let s = try GLPKSolver.solve(Examples.productMix(), warmStart: Basis(rows: [.basic], columns: [.atLower]))
        #expect(!s.warmStartUsed)
        #expect(abs((s.objective ?? .nan) - 36) < 1e-9)
    }
}
