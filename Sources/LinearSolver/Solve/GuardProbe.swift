import CGLPKGuard

/// Test support: provokes a GLPK fatal error on purpose (an out-of-range `glp_set_col_bnds`) inside the C guard.
/// Returns the trapped message; the process must survive it. Internal: reachable only via `@testable import`.
enum GuardProbe {
    static func provokeFatalError() throws {
        let (rc, message) = withMessageBuffer { cglpk_test_provoke_fatal($0, $1) }
        if rc == CGLPK_FATAL { throw SolverError.glpkFatal(message) }
        if rc == CGLPK_REENTRANT { throw SolverError.invalidOption("re-entrant GLPK call") }
    }
}

extension GuardProbe {
    /// This thread's guard generation: bumped by every trapped GLPK fatal error on the thread.
    static var threadGeneration: UInt { UInt(cglpk_thread_generation()) }
    /// Kept GLPK problems (`GLPKResolveSession`s holding one) alive on this thread.
    static var keptProblemsOnThread: Int { Int(cglpk_thread_kept_count()) }
}
