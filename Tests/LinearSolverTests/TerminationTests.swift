import Testing
import LinearSolver

@Suite("Why the solver stopped and what it found")
struct TerminationTests {
    /// x, y ≥ 0 and x + y ≤ −1: no point satisfies both.
    static func infeasibleLP() -> LinearProblem {
        var p = LinearProblem(name: "infeasible")
        let x = p.addColumn(.init(name: "x", objective: 1))
        let y = p.addColumn(.init(name: "y", objective: 1))
        let r = p.addRow(.init(name: "r", upper: -1))
        p.add(row: r, column: x, 1); p.add(row: r, column: y, 1)
        return p
    }

    /// max x + y with x − y ≤ 1, x, y ≥ 0: the ray (1, 1) is feasible and improves forever.
    static func unboundedLP() -> LinearProblem {
        var p = LinearProblem(name: "unbounded", sense: .maximize)
        let x = p.addColumn(.init(name: "x", objective: 1))
        let y = p.addColumn(.init(name: "y", objective: 1))
        let r = p.addRow(.init(name: "r", upper: 1))
        p.add(row: r, column: x, 1); p.add(row: r, column: y, -1)
        return p
    }

    @Test func infeasibleLPWithoutPresolve() throws {
        let s = try GLPKSolver.solve(Self.infeasibleLP())
        #expect(s.termination == .infeasible)
        #expect(!s.hasPrimal && s.objective == nil && s.columnValues.isEmpty)
    }

    @Test func infeasibleLPWithPresolve() throws {
        var options = SolverOptions()
        options.presolve = true
        let s = try GLPKSolver.solve(Self.infeasibleLP(), options: options)
        #expect(s.termination == .infeasible)
        #expect(s.primalStatus == .none)
    }

    @Test func unboundedLPWithoutPresolve() throws {
        var options = SolverOptions()
        options.lpMethod = .primalSimplex
        let s = try GLPKSolver.solve(Self.unboundedLP(), options: options)
        #expect(s.termination == .unbounded)
        #expect(s.dualStatus == .infeasible)
    }

    /// GLPK's presolver only proves "no dual feasible solution": infeasible or unbounded.
    @Test func unboundedLPWithPresolve() throws {
        var options = SolverOptions()
        options.presolve = true
        let s = try GLPKSolver.solve(Self.unboundedLP(), options: options)
        #expect(s.termination == .infeasibleOrUnbounded)
    }

    /// Integer x with 0.2 ≤ x ≤ 0.8 after rounding bounds is impossible: relaxation feasible, MIP not.
    /// Here: 2x = 1 with x integer.
    @Test(arguments: [false, true])
    func infeasibleMIP(presolve: Bool) throws {
        var p = LinearProblem(name: "odd")
        let x = p.addColumn(.init(name: "x", upper: 10, objective: 1, kind: .integer))
        let r = p.addRow(.init(name: "r", lower: 1, upper: 1))
        p.add(row: r, column: x, 2)
        var options = SolverOptions()
        options.presolve = presolve
        let s = try GLPKSolver.solve(p, options: options)
        #expect(s.termination == .infeasible)
        #expect(!s.hasPrimal)
    }

    /// An iteration limit of 0 on the product mix stops before the first pivot: the starting (advanced) basis
    /// is not optimal (the optimum needs r2 and r3 at their bounds), so GLPK reports the limit, and a basis.
    @Test func iterationLimit() throws {
        var options = SolverOptions()
        options.iterationLimit = 0
        options.scaling = false
        let s = try GLPKSolver.solve(Examples.productMix(), options: options)
        #expect(s.termination == .iterationLimit)
        #expect(s.basis != nil)
    }

    /// The hard knapsack cannot be proved optimal in 0.3 s, but an incumbent is found at once:
    /// timeLimit + feasible, objective = Σ w_i x_i of the returned point, within capacity and below the LP bound.
    @Test func timeLimitWithIncumbent() throws {
        let p = Examples.hardKnapsack()
        var options = SolverOptions()
        options.timeLimitSeconds = 0.3
        options.cuts = false
        options.heuristics = false
        options.mipGap = 0
        let s = try GLPKSolver.solve(p, options: options)
        #expect(s.termination == .timeLimit)
        #expect(s.primalStatus == .feasible)
        let z = try #require(s.objective)
        let weights = p.columns.map(\.objective)
        let load = zip(weights, s.columnValues).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(load - z) < 1e-6)
        #expect(load <= p.rows[0].upper + 1e-9)
        #expect(s.solveSeconds < 5)
        #expect((s.mipBestBound ?? 0) >= z)
    }

    /// The progress callback cancels as soon as an incumbent exists: cancelled + feasible, and the callback
    /// saw the incumbent it cancelled on.
    @Test func cancelFromProgressCallback() throws {
        let seen = Box()
        var options = SolverOptions()
        options.cuts = false
        options.heuristics = false
        options.mipGap = 0
        options.progressIntervalSeconds = 0
        options.progress = { progress in
            seen.calls += 1
            if let inc = progress.incumbent { seen.incumbent = inc; return false }
            return true
        }
        let s = try GLPKSolver.solve(Examples.hardKnapsack(), options: options)
        #expect(s.termination == .cancelled)
        #expect(s.primalStatus == .feasible)
        #expect(seen.calls >= 1)
        let inc = try #require(seen.incumbent)
        #expect(abs((s.objective ?? .nan) - inc) < 1e-9)
    }

    /// Progress reports are consistent: for the knapsack (max), the LP bound is the capacity W (the objective
    /// equals the constraint row), so every best bound lies in [incumbent, W]; the gap is GLPK's
    /// |incumbent − bound| / (|incumbent| + ε); active nodes never exceed the nodes created; time grows.
    @Test func progressReportsAreConsistent() throws {
        let p = Examples.hardKnapsack()
        let capacity = p.rows[0].upper
        let log = ProgressLog()
        var options = SolverOptions()
        options.timeLimitSeconds = 0.2
        options.cuts = false
        options.heuristics = false
        options.mipGap = 0
        options.progressIntervalSeconds = 0
        options.progress = { log.append($0); return true }
        let s = try GLPKSolver.solve(p, options: options)
        #expect(s.termination == .timeLimit)
        let reports = log.items
        #expect(reports.count >= 2)
        var lastElapsed = 0.0
        for r in reports {
            if let b = r.bestBound { #expect(b <= capacity + 1e-6) }
            if let b = r.bestBound, let inc = r.incumbent {
                #expect(inc <= b + 1e-6)
                let gap = try #require(r.gap)
                #expect(abs(gap - abs(inc - b) / (abs(inc) + Double.ulpOfOne)) <= 1e-9)
            }
            #expect(r.activeNodes <= r.totalNodes)
            #expect(r.elapsedSeconds >= lastElapsed)
            lastElapsed = r.elapsedSeconds
        }
        #expect(reports.contains { $0.incumbent != nil })
    }

    final class ProgressLog: @unchecked Sendable {
        private(set) var items: [MIPProgress] = []
        func append(_ p: MIPProgress) { items.append(p) }
    }

    final class Box: @unchecked Sendable {
        var calls = 0
        var incumbent: Double?
    }

    /// GLPK's progress lines end in the optimum 36, printed as "obj =   3.600000000e+01".
    @Test func logIsCaptured() throws {
        let s = try GLPKSolver.solve(Examples.productMix())
        #expect(s.log.contains("3.600000000e+01"))
    }
}
