import Foundation
import Testing
@testable import LinearSolver

/// Moves a non-Sendable value to another thread on purpose (to test the session's thread check).
private final class UncheckedBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

@Suite("Kept-problem re-solves (GLPKResolveSession)")
struct ResolveSessionTests {
    /// Product mix, max 3x + 5y s.t. r1: x ≤ 4, r2: 2y ≤ 12, r3: 3x + 2y ≤ 18.
    /// Base: vertex r2 ∩ r3: y = 6, x = (18 − 12)/3 = 2, z = 6 + 30 = 36; duals from (3, 5) = u2·(0, 2) + u3·(3, 2):
    /// u3 = 1, u2 = (5 − 2)/2 = 1.5, u1 = 0.
    /// Patched (r3 ≤ 21 and cost of x 3 → 4): same active rows, y = 6, x = (21 − 12)/3 = 3 ≤ 4, z = 12 + 30 = 42;
    /// (4, 5) = u2·(0, 2) + u3·(3, 2): u3 = 4/3, u2 = (5 − 8/3)/2 = 7/6 (both > 0, so optimal), u1 = 0.
    @Test func patchedResolveEqualsFreshSolveAndHandWorkedOptimum() throws {
        let session = GLPKResolveSession()
        var options = SolverOptions()
        options.lpMethod = .dualSimplex
        let base = try session.solve(Examples.productMix(), options: options)
        #expect(abs((base.objective ?? .nan) - 36) < 1e-9)
        #expect(zip(base.rowDuals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(base.rowDuals)")

        var changed = Examples.productMix()
        changed.rows[2].upper = 21
        changed.columns[0].objective = 4
        let patched = try session.solve(changed, options: options, warmStart: base.basis)
        let fresh = try GLPKSolver.solve(changed, options: options)
        #expect(session.builds == 1 && session.patchedSolves == 1)
        #expect(patched.warmStartUsed)
        #expect(patched.termination == .optimal)
        #expect(abs((patched.objective ?? .nan) - 42) < 1e-9)
        #expect(abs((patched.objective ?? .nan) - (fresh.objective ?? .nan)) <= 1e-9 * 42)
        #expect(zip(patched.columnValues, [3, 6]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(patched.columnValues)")
        #expect(zip(patched.rowDuals, [0, 7.0 / 6, 4.0 / 3]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(patched.rowDuals)")
        #expect(zip(patched.rowDuals, fresh.rowDuals).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(zip(patched.reducedCosts, fresh.reducedCosts).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    /// A matrix coefficient changes: r3 becomes 2x + 2y ≤ 18. Active r2, r3: y = 6, x = (18 − 12)/2 = 3 ≤ 4,
    /// z = 9 + 30 = 39; (3, 5) = u2·(0, 2) + u3·(2, 2): u3 = 1.5, u2 = (5 − 3)/2 = 1. Then back to the original
    /// (coefficient 3): the optimum 36 again, still from the kept problem.
    @Test func matrixCoefficientPatch() throws {
        let session = GLPKResolveSession()
        let base = try session.solve(Examples.productMix())
        var changed = Examples.productMix()
        let k = try #require(changed.entries.firstIndex { $0.row == 2 && $0.column == 0 })
        changed.entries[k].value = 2
        let s = try session.solve(changed, warmStart: base.basis)
        #expect(abs((s.objective ?? .nan) - 39) < 1e-9)
        #expect(zip(s.rowDuals, [0, 1, 1.5]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(s.rowDuals)")
        // The original again, its triplets appended in reverse order (the planner's order varies between
        // builds): same matrix, so it is patched (coefficient back to 3), not rebuilt; optimum 36.
        var original = Examples.productMix()
        original.entries.reverse()
        let back = try session.solve(original, warmStart: s.basis)
        #expect(abs((back.objective ?? .nan) - 36) < 1e-9)
        #expect(session.builds == 1 && session.patchedSolves == 2)
        // A duplicate (row, column) entry in a changed column is refused by validation, naming the entry.
        var duplicate = Examples.productMix()
        duplicate.add(row: 2, column: 0, 1)
        do {
            _ = try session.solve(duplicate)
            Issue.record("expected invalidProblem")
        } catch SolverError.invalidProblem(let issues) {
            #expect(issues.contains { $0.contains("duplicate") }, "\(issues)")
        }
    }

    /// 20 what-ifs of the 30 × 30 transportation LP (demand ×0.90 … ×1.09), each from the base basis: every
    /// patched re-solve equals a fresh cold solve of the same problem to 1e-9 relative (an LP optimum's value is
    /// unique), and the kept problem was built once.
    @Test func sweepOfPatchedResolvesEqualsFreshSolves() throws {
        let session = GLPKResolveSession()
        var warm = SolverOptions()
        warm.lpMethod = .dualSimplex
        let base = try session.solve(Examples.transportation(), options: warm)
        for step in 0..<20 {
            let p = Examples.transportation(demandScale: 0.9 + 0.01 * Double(step))
            let s = try session.solve(p, options: warm, warmStart: base.basis)
            let fresh = try GLPKSolver.solve(p)
            let z = try #require(fresh.objective)
            #expect(s.warmStartUsed && s.termination == .optimal)
            #expect(abs((s.objective ?? .nan) - z) <= 1e-9 * abs(z), "step \(step)")
        }
        #expect(session.builds == 1 && session.patchedSolves == 20)
        // Iterations are this solve's own (GLPK counts per problem object): the last optimal basis restarts its
        // own problem with no pivot at all.
        let last = Examples.transportation(demandScale: 0.9 + 0.01 * 19)
        let first = try session.solve(last, options: warm, warmStart: base.basis)
        let again = try session.solve(last, options: warm, warmStart: first.basis)
        #expect(first.iterations > 0 && again.iterations == 0, "\(first.iterations), \(again.iterations)")
    }

    /// History leaves no trace: two sessions prepared from the same base problem solve the same what-if from the
    /// same basis bit for bit identically, although one of them first solved two other what-ifs (one changing
    /// a matrix coefficient, so that column was patched and patched back) and the base's triplets came in
    /// another order. Exact equality of values, duals and iteration counts is the claim (no tolerance).
    @Test func resultDoesNotDependOnPatchHistory() throws {
        var warm = SolverOptions()
        warm.lpMethod = .dualSimplex
        let base = Examples.transportation()
        let basis = try #require(try GLPKSolver.solve(base, options: warm).basis)
        let target = Examples.transportation(demandScale: 1.07)
        let fresh = GLPKResolveSession()
        try fresh.prepare(base)
        let a = try fresh.solve(target, options: warm, warmStart: basis)

        let used = GLPKResolveSession()
        var shuffled = base
        shuffled.entries.reverse()
        try used.prepare(shuffled)
        _ = try used.solve(Examples.transportation(demandScale: 0.93), options: warm, warmStart: basis)
        var coefficient = Examples.transportation(demandScale: 1.02)
        coefficient.entries[5].value = 1.5
        _ = try used.solve(coefficient, options: warm, warmStart: basis)
        let b = try used.solve(target, options: warm, warmStart: basis)
        #expect(used.builds == 1 && used.patchedSolves == 3)
        #expect(a.objective == b.objective)
        #expect(a.columnValues == b.columnValues)
        #expect(a.rowDuals == b.rowDuals)
        #expect(a.iterations == b.iterations)
        #expect(a.basis == b.basis)
    }

    /// `captureLog = false` keeps GLPK's progress lines out of the log (GLP_MSG_ERR) without changing the answer:
    /// the product-mix optimum 36 both ways; only the default log has GLPK's iteration lines ("3: obj = 3.6e+01").
    @Test func quietSolveHasNoProgressLines() throws {
        let session = GLPKResolveSession()
        var quiet = SolverOptions()
        quiet.captureLog = false
        let loud = try session.solve(Examples.productMix())
        let silent = try session.solve(Examples.productMix(), options: quiet)
        #expect(loud.log.contains("obj ="))
        #expect(!silent.log.contains("obj ="), "\(silent.log)")
        #expect(abs((silent.objective ?? .nan) - 36) < 1e-9 && abs((loud.objective ?? .nan) - 36) < 1e-9)
    }

    /// After a trapped GLPK fatal error on the same thread (the test hook), the thread's environment and the kept
    /// problem are freed: the generation moves on, no kept problem is counted, and the session's next solve
    /// rebuilds (builds 1 → 2) instead of touching freed memory, and finds the diet optimum.
    /// Diet: min 2x + 3y, x + y ≥ 4, x + 3y ≥ 6 → vertex x = 3, y = 1, z = 6 + 3 = 9.
    @Test func trappedFatalErrorInvalidatesTheKeptProblem() throws {
        let session = GLPKResolveSession()
        let before = GuardProbe.keptProblemsOnThread
        _ = try session.solve(Examples.diet())
        #expect(GuardProbe.keptProblemsOnThread == before + 1)
        let generation = GuardProbe.threadGeneration
        #expect(throws: SolverError.self) { try GuardProbe.provokeFatalError() }
        #expect(GuardProbe.threadGeneration == generation + 1)
        #expect(GuardProbe.keptProblemsOnThread == 0) // every kept problem of the thread is gone
        let s = try session.solve(Examples.diet())
        #expect(session.builds == 2 && session.patchedSolves == 0)
        #expect(abs((s.objective ?? .nan) - 9) < 1e-9)
        #expect(GuardProbe.keptProblemsOnThread == 1)
    }

    /// A fatal error inside a kept re-solve itself: a 1 MiB cap on GLPK's heap while the kept 60 × 60
    /// transportation LP (3,600 columns) already holds more than that. The solve throws `glpkFatal`, and the
    /// next solve without the cap rebuilds the problem and ends optimal.
    @Test func fatalErrorInsideKeptSolveIsTrappedAndRebuilt() throws {
        let session = GLPKResolveSession()
        let p = Examples.transportation(sources: 60, sinks: 60)
        _ = try session.solve(p)
        var capped = SolverOptions()
        capped.memoryLimitMegabytes = 1
        var changed = p
        changed.rows[0].upper *= 1.01
        do {
            _ = try session.solve(changed, options: capped)
            Issue.record("expected a trapped fatal error")
        } catch SolverError.glpkFatal(let message) {
            #expect(message.lowercased().contains("memory"), "\(message)")
        }
        let s = try session.solve(changed)
        #expect(s.termination == .optimal)
        #expect(session.builds == 2)
    }

    /// One-shot solves on the same thread between two session solves leave the kept problem alone (its
    /// environment is kept while it lives), and the environment is released when the session goes away.
    @Test func oneShotSolvesBetweenSessionSolvesKeepTheProblem() throws {
        let before = GuardProbe.keptProblemsOnThread
        do {
            let session = GLPKResolveSession()
            let base = try session.solve(Examples.productMix())
            let other = try GLPKSolver.solve(Examples.diet())
            #expect(abs((other.objective ?? .nan) - 9) < 1e-9)
            var changed = Examples.productMix()
            changed.rows[2].upper = 21
            let s = try session.solve(changed, warmStart: base.basis)
            #expect(abs((s.objective ?? .nan) - 39) < 1e-9) // x = 3, y = 6: 9 + 30
            #expect(session.builds == 1 && session.patchedSolves == 1)
            #expect(GuardProbe.keptProblemsOnThread == before + 1)
        }
        #expect(GuardProbe.keptProblemsOnThread == before)
    }

    /// A problem of another structure is built anew; an invalid patched value is refused with the row's name
    /// (validation, GLPK untouched) and the session keeps working.
    @Test func structureChangeRebuildsAndInvalidValueIsRefused() throws {
        let session = GLPKResolveSession()
        _ = try session.solve(Examples.productMix())
        let d = try session.solve(Examples.diet())
        #expect(abs((d.objective ?? .nan) - 9) < 1e-9)
        #expect(session.builds == 2)
        var bad = Examples.diet()
        bad.rows[1].lower = .nan
        do {
            _ = try session.solve(bad)
            Issue.record("expected invalidProblem")
        } catch SolverError.invalidProblem(let issues) {
            #expect(issues.contains { $0.contains("'r2'") && $0.contains("NaN") }, "\(issues)")
        }
        let again = try session.solve(Examples.diet(scale: 2)) // x + y ≥ 8, x + 3y ≥ 12: x = 6, y = 2, z = 18
        #expect(abs((again.objective ?? .nan) - 18) < 1e-9)
    }

    /// Used on another thread than the one that built its problem, the session throws `invalidOption` without
    /// calling GLPK, and still works on its own thread afterwards.
    @Test func useOnAnotherThreadIsRefused() throws {
        let box = UncheckedBox<GLPKResolveSession?>(GLPKResolveSession())
        let session = try #require(box.value)
        _ = try session.solve(Examples.productMix())
        let outcome = UncheckedBox<Error?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try box.value?.solve(Examples.productMix()) } catch { outcome.value = error }
            done.signal()
        }
        thread.start()
        done.wait()
        guard case .invalidOption(let m)? = outcome.value as? SolverError else {
            Issue.record("expected invalidOption, got \(String(describing: outcome.value))"); return
        }
        #expect(m.contains("thread"))
        let s = try session.solve(Examples.productMix())
        #expect(abs((s.objective ?? .nan) - 36) < 1e-9)
        // The thread's closure may release the box last, on its own thread: drop the session here, on ours.
        box.value = nil
    }
}
