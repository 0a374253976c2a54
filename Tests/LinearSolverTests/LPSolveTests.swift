import Testing
import LinearSolver

@Suite("LP solves against hand-worked optima")
struct LPSolveTests {
    /// Product mix (max 3x + 5y; r1: x ≤ 4, r2: 2y ≤ 12, r3: 3x + 2y ≤ 18).
    /// r2 and r3 bind: y = 6, x = (18 − 12)/3 = 2, z = 6 + 30 = 36; r1 has slack 2.
    /// Duals from the basic columns: x: 3 = u3·3 → u3 = 1; y: 5 = 2·u2 + 2·u3 → u2 = 3/2; u1 = 0.
    /// Check: 12·3/2 + 18·1 = 36 = z.
    @Test func productMixOptimumAndDuals() throws {
        let s = try GLPKSolver.solve(Examples.productMix())
        #expect(s.termination == .optimal)
        #expect(s.primalStatus == .optimal && s.dualStatus == .optimal)
        let z = try #require(s.objective)
        #expect(abs(z - 36) < 1e-9)
        #expect(abs(s.columnValues[0] - 2) < 1e-9 && abs(s.columnValues[1] - 6) < 1e-9)
        #expect(abs(s.rowActivities[0] - 2) < 1e-9 && abs(s.rowActivities[2] - 18) < 1e-9)
        #expect(abs(s.rowDuals[0] - 0) < 1e-9)
        #expect(abs(s.rowDuals[1] - 1.5) < 1e-9)
        #expect(abs(s.rowDuals[2] - 1) < 1e-9)
        #expect(abs(s.reducedCosts[0]) < 1e-9 && abs(s.reducedCosts[1]) < 1e-9)
        let basis = try #require(s.basis)
        #expect(basis.rows == [.basic, .atUpper, .atUpper])
        #expect(basis.columns == [.basic, .basic])
    }

    /// Ranges for the product mix, same basis {x, y, slack r1}:
    /// r2 (b2): y = b2/2, x = (18 − b2)/3; x ≥ 0 → b2 ≤ 18, x ≤ 4 (r1) → b2 ≥ 6: [6, 18].
    /// r3 (b3): y = 6, x = (b3 − 12)/3; x ≥ 0 → b3 ≥ 12, x ≤ 4 → b3 ≤ 24: [12, 24].
    /// r1 is slack (activity 2, upper bound only): its bound may go down to 2: [2, +∞).
    /// Cost of x: (c, 5) = a·(0, 2) + b·(3, 2) with a, b ≥ 0 → b = c/3, a = (5 − 2c/3)/2 → 0 ≤ c ≤ 7.5.
    /// Cost of y: (3, c) = a·(0, 2) + b·(3, 2) → b = 1, a = (c − 2)/2 ≥ 0 → c ≥ 2: [2, +∞).
    @Test func productMixSensitivityRanges() throws {
        var options = SolverOptions()
        options.computeSensitivity = true
        let s = try GLPKSolver.solve(Examples.productMix(), options: options)
        let sens = try #require(s.sensitivity)
        #expect(abs(sens.rowRHS[1].lower - 6) < 1e-9 && abs(sens.rowRHS[1].upper - 18) < 1e-9)
        #expect(abs(sens.rowRHS[2].lower - 12) < 1e-9 && abs(sens.rowRHS[2].upper - 24) < 1e-9)
        #expect(abs(sens.rowRHS[0].lower - 2) < 1e-9 && sens.rowRHS[0].upper == .infinity)
        #expect(abs(sens.columnCost[0].lower - 0) < 1e-9 && abs(sens.columnCost[0].upper - 7.5) < 1e-9)
        #expect(abs(sens.columnCost[1].lower - 2) < 1e-9 && sens.columnCost[1].upper == .infinity)
    }

    /// Diet (min 2x + 3y + 7; r1: x + y ≥ 4, r2: x + 3y ≥ 6). Both rows bind: y = 1, x = 3, z = 6 + 3 + 7 = 16.
    /// Duals: x: 2 = u1 + u2, y: 3 = u1 + 3·u2 → u2 = 1/2, u1 = 3/2 (raising a requirement raises the cost).
    /// Same answer from every LP method (interior point to 1e-6).
    @Test(arguments: [SolverOptions.LPMethod.primalSimplex, .dualSimplex, .dualThenPrimal, .interiorPoint])
    func dietOptimumWithEveryMethod(method: SolverOptions.LPMethod) throws {
        var options = SolverOptions()
        options.lpMethod = method
        let s = try GLPKSolver.solve(Examples.diet(constant: 7), options: options)
        let tol = method == .interiorPoint ? 1e-6 : 1e-9
        #expect(s.termination == .optimal)
        #expect(abs((s.objective ?? .nan) - 16) < tol)
        #expect(abs(s.columnValues[0] - 3) < tol && abs(s.columnValues[1] - 1) < tol)
        #expect(abs(s.rowDuals[0] - 1.5) < tol && abs(s.rowDuals[1] - 0.5) < tol)
        #expect((s.basis == nil) == (method == .interiorPoint))
    }

    /// max x + y, r: x + 2y ≤ 10, 0 ≤ x ≤ 4. Optimum x = 4 (at its upper bound), y = 3, z = 7.
    /// Dual of r: y basic → 1 = 2u → u = 1/2. Reduced cost of x: d = 1 − 1·(1/2) = 1/2 (one more unit of x's
    /// upper bound gains 1/2). x's cost may fall to c − d = 1/2 before y replaces it: range [0.5, +∞).
    @Test func columnAtUpperBoundHasReducedCost() throws {
        var options = SolverOptions()
        options.computeSensitivity = true
        let s = try GLPKSolver.solve(Examples.upperBounded(), options: options)
        #expect(abs((s.objective ?? .nan) - 7) < 1e-9)
        #expect(abs(s.rowDuals[0] - 0.5) < 1e-9)
        #expect(abs(s.reducedCosts[0] - 0.5) < 1e-9 && abs(s.reducedCosts[1]) < 1e-9)
        #expect(s.basis?.columns[0] == .atUpper)
        let range = try #require(s.sensitivity?.columnCost[0])
        #expect(abs(range.lower - 0.5) < 1e-9 && range.upper == .infinity)
    }

    /// An empty problem (no rows, no columns) is optimal with objective = constant.
    @Test func emptyProblemIsOptimal() throws {
        let s = try GLPKSolver.solve(LinearProblem(objectiveConstant: 4.5))
        #expect(s.termination == .optimal)
        #expect(s.objective == 4.5)
    }
}
