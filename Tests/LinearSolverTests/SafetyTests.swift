import Foundation
import Testing
@testable import LinearSolver

@Suite("GLPK never takes the process down")
struct SafetyTests {
    /// GLPK reports `glp_set_col_bnds: j = 99; column number out of range` and would abort; the guard traps it,
    /// the message reaches Swift, and a solve on the same thread right after still gets the product-mix
    /// optimum 36.
    @Test func provokedFatalErrorIsTrappedAndNextSolveWorks() throws {
        var message = ""
        do {
            try GuardProbe.provokeFatalError()
            Issue.record("expected a trapped fatal error")
        } catch SolverError.glpkFatal(let m) {
            message = m
        }
        #expect(message.contains("glp_set_col_bnds"))
        #expect(message.contains("out of range"))
        let s = try GLPKSolver.solve(Examples.productMix())
        #expect(abs((s.objective ?? .nan) - 36) < 1e-9)
        // And again after the second error, on the same thread.
        #expect(throws: SolverError.self) { try GuardProbe.provokeFatalError() }
        let t = try GLPKSolver.solve(Examples.integerMix())
        #expect(abs((t.objective ?? .nan) - 20) < 1e-9)
    }

    /// A fatal error in the middle of a real solve: a 1 MiB cap on GLPK's heap cannot hold the 60 × 60
    /// transportation LP (3,600 columns, 7,200 nonzeros; GLPK needs several MiB to build and factorize it).
    /// GLPK raises its memory-limit fatal error inside the pipeline; it is trapped and thrown, and the same
    /// problem solves on the same thread right after without the cap (optimal).
    @Test func memoryLimitFatalErrorInsideSolveIsTrapped() throws {
        let p = Examples.transportation(sources: 60, sinks: 60)
        var capped = SolverOptions()
        capped.memoryLimitMegabytes = 1
        do {
            _ = try GLPKSolver.solve(p, options: capped)
            Issue.record("expected a trapped fatal error")
        } catch SolverError.glpkFatal(let message) {
            #expect(message.lowercased().contains("memory"), "\(message)")
        }
        let s = try GLPKSolver.solve(p)
        #expect(s.termination == .optimal)
    }

    /// Calling the solver from its own progress callback would nest two GLPK calls on one thread: refused.
    @Test func reentrantSolveFromCallbackIsRefused() throws {
        let record = Record()
        var options = SolverOptions()
        options.cuts = false
        options.heuristics = false
        options.progressIntervalSeconds = 0
        options.progress = { _ in
            do { _ = try GLPKSolver.solve(Examples.productMix()) } catch { record.error = error }
            return false
        }
        let s = try GLPKSolver.solve(Examples.hardKnapsack(), options: options)
        #expect(s.termination == .cancelled)
        guard case .invalidOption(let m)? = record.error as? SolverError else {
            Issue.record("expected invalidOption, got \(String(describing: record.error))"); return
        }
        #expect(m.contains("progress callback"))
    }

    final class Record: @unchecked Sendable { var error: Error? }

    /// 8 threads, each solving 40 problems of its own scale k at the same time as the others:
    /// the diet LP scaled by k has optimum 9k (rows 4k and 6k, x = 3k, y = k, z = 6k + 3k), and the facility MIP
    /// with demand 5k (k ≤ 1.6, one facility of 8) costs 10 + 2·5k.
    @Test func eightThreadsSolveConcurrently() throws {
        let results = Results()
        let group = DispatchGroup()
        for t in 0..<8 {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                for i in 0..<40 {
                    let k = 1 + Double(t) * 0.02 + Double(i) * 0.01  // 1 ... 1.53
                    do {
                        let lp = try GLPKSolver.solve(Examples.diet(scale: k))
                        let mip = try GLPKSolver.solve(Examples.facility(demand: k))
                        let okLP = abs((lp.objective ?? .nan) - 9 * k) < 1e-9 * k
                        let okMIP = abs((mip.objective ?? .nan) - (10 + 10 * k)) < 1e-9 * k
                        results.record(okLP && okMIP)
                    } catch {
                        results.record(false)
                    }
                }
            }
            thread.start()
        }
        group.wait()
        #expect(results.total == 320)
        #expect(results.correct == 320)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var total = 0
        private(set) var correct = 0
        func record(_ ok: Bool) { lock.lock(); total += 1; if ok { correct += 1 }; lock.unlock() }
    }
}
