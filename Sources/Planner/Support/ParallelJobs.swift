import Foundation

/// Runs independent jobs on up to `threads` worker threads and returns their results by job index.
///
/// Jobs start in index order (put the longest first); each runs entirely on one worker thread, so GLPK
/// problems made inside a job stay on the thread that made them (docs/solver.md). Used by stochastic plans,
/// `compare` and sweeps.
enum ParallelJobs {
    /// `makeWorker(w)` runs once on worker thread `w` and returns the job body used there (per-worker state, such
    /// as a parsed model tree or a kept GLPK problem, lives in that closure), or nil when the worker cannot work:
    /// it then takes no jobs, and a job that no worker ran has a nil result.
    /// `finished(n)` is called with 0 before the first job, then after each job with the number of jobs
    /// finished so far, one call at a time.
    static func run<T: Sendable>(count: Int, threads: Int, finished: (@Sendable (Int) -> Void)? = nil,
                                 makeWorker: @Sendable (Int) -> ((Int) -> T)?) -> [T?] {
        let store = JobStore<T>(count: count, finished: finished)
        finished?(0)
        DispatchQueue.concurrentPerform(iterations: min(max(1, threads), max(1, count))) { w in
            guard let job = makeWorker(w) else { return }
            while let i = store.next() { store.put(i, job(i)) }
        }
        return store.results()
    }

    /// The same with no per-worker state: every job runs.
    static func run<T: Sendable>(count: Int, threads: Int, finished: (@Sendable (Int) -> Void)? = nil,
                                 _ job: @Sendable @escaping (Int) -> T) -> [T] {
        run(count: count, threads: threads, finished: finished, makeWorker: { _ in job }).compactMap { $0 }
    }
}

/// Hands out job indices and collects results across worker threads.
private final class JobStore<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextJob = 0
    private var values: [T?]
    private var finishedCount = 0
    private let finished: (@Sendable (Int) -> Void)?

    init(count: Int, finished: (@Sendable (Int) -> Void)?) {
        values = Array(repeating: nil, count: count)
        self.finished = finished
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextJob < values.count else { return nil }
        nextJob += 1
        return nextJob - 1
    }

    func put(_ i: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        values[i] = value
        finishedCount += 1
        finished?(finishedCount)
    }

    func results() -> [T?] {
        lock.lock(); defer { lock.unlock() }
        return values
    }
}
