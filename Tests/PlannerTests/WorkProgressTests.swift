import Foundation
import Synchronization
import Testing
@testable import Planner

/// Progress reports of the long runs: their counts, and that reporting changes no result.
@Suite struct WorkProgressTests {
    /// Collects reports from any thread.
    final class Recorder: Sendable {
        let reports = Mutex<[WorkProgress]>([])
        var handler: WorkProgressHandler { { p in self.reports.withLock { $0.append(p) } } }
        var all: [WorkProgress] { reports.withLock { $0 } }
    }

    @Test func compareReportsEachPlanOnceInOrder() throws {
        // Three files on two threads: 0 at the start, then one report per plan solved, done = 1, 2, 3 (reported
        // under the run's lock, so never out of order), total = 3.
        let files = ["Fixtures/scenarios/two-sites.yaml", "Fixtures/scenarios/remove-site.yaml",
                     "Fixtures/scenarios/all-operations.yaml"].map(WhatIfPaths.path)
        let recorder = Recorder()
        _ = try ScenarioComparison.compare(files: files, options: PlanOptions(integerTools: false), threads: 2,
                                           progress: recorder.handler)
        #expect(recorder.all == (0...3).map { WorkProgress(phase: .scenarioPlans, done: $0, total: 3) })
    }

    @Test func monteCarloReportsPerWaveAndKeepsTheBits() throws {
        // 10,000 trials in waves of 16 blocks x 256 = 4,096 trials: reports after 4,096, 8,192 and 10,000.
        let model = PlanFixtures.oneStationOneProduct
        let plan = try CapacityPlanner.optimize(model, options: PlanOptions(integerTools: false))
        let recorder = Recorder()
        let watched = try PlanEvaluation.evaluate(plan: plan, model: model, trials: 10_000, seed: 7, threads: 2,
                                                  progress: recorder.handler)
        let silent = try PlanEvaluation.evaluate(plan: plan, model: model, trials: 10_000, seed: 7, threads: 2)
        #expect(recorder.all.map(\.done) == [4096, 8192, 10_000])
        #expect(recorder.all.allSatisfy { $0.phase == .monteCarloTrials && $0.total == 10_000 })
        // The same seed with and without a handler: bit-identical reports.
        #expect(watched.yield == silent.yield)
        #expect(watched.risk == silent.risk)
    }

    @Test func stochasticReportsEverySolve() throws {
        // K = 2 scenarios: jobs RP, EV and two WS = 4 reports after 0 at the start, the last done = total = 4.
        let recorder = Recorder()
        _ = try StochasticPlanner.plan(PlanFixtures.oneStationOneProduct, scenarioCount: 2, seed: 1,
                                       integerTools: false, threads: 2, progress: recorder.handler)
        #expect(recorder.all.map(\.done) == [0, 1, 2, 3, 4])
        #expect(recorder.all.allSatisfy { $0.phase == .stochasticSolves && $0.total == 4 })
    }

    @Test func shardedSweepCountsOnlyItsOwnPoints() throws {
        // The 15-point grid of WhatIfTests, shard 2 of 3: points 1, 4, 7, 10, 13 (index % 3 == 1), so 0 at the
        // start and 5 reports, done 1...5 of 5, although the warm run also solves anchor points outside the shard.
        let recorder = Recorder()
        let options = SweepRunner.Options(plan: PlanOptions(integerTools: false), threads: 2,
                                          shard: SweepShard(index: 2, count: 3), progress: recorder.handler)
        _ = try SweepRunner.run(file: WhatIfPaths.path("Fixtures/scenarios/two-sites.yaml"), grid: WhatIfTests.grid,
                                options: options)
        #expect(recorder.all == (0...5).map { WorkProgress(phase: .sweepPoints, done: $0, total: 5) })
    }
}
