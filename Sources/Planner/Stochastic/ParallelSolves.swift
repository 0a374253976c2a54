import Foundation

/// Runs independent jobs on up to `threads` worker threads and returns their results by job index.
///
/// Jobs start in index order (put the longest first); each runs entirely on one worker thread, so GLPK
/// problems made inside a job stay on the thread that made them (docs/solver.md).
enum ParallelSolves {
    static func run<T: Sendable>(count: Int, threads: Int, _ job: @Sendable @escaping (Int) -> T) -> [T] {
        let store = JobStore<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, count))) { _ in
            while let i = store.next() { store.put(i, job(i)) }
        }
        return store.results()
    }
}

/// Hands out job indices and collects results across worker threads.
private final class JobStore<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextJob = 0
    private var results_: [T?]

    init(count: Int) { results_ = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextJob < results_.count else { return nil }
        nextJob += 1
        return nextJob - 1
    }

    func put(_ i: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        results_[i] = value
    }

    /// Every job's result (all jobs have run when `concurrentPerform` returns).
    func results() -> [T] {
        lock.lock(); defer { lock.unlock() }
        return results_.compactMap { $0 }
    }
}
