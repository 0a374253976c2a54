import Foundation
import Testing
@testable import LineModel
@testable import Planner

/// Shards of a comparison (`compare --shard`) and the bookkeeping every merge shares (`ShardCoverage`).
@Suite struct ShardMergeTests {
    static let lp = PlanOptions(objective: .maxProfit, integerTools: false)
    /// A base and three what-ifs. remove-site's figures are worked by hand in WhatIfTests.
    static let files = ["two-sites", "remove-site", "chained", "all-operations"]
        .map { WhatIfPaths.path("Fixtures/scenarios/\($0).yaml") }

    static func json(_ r: ComparisonReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(r)
    }

    @Test func comparisonShardsMergeToTheWholeComparison() throws {
        let whole = try ScenarioComparison.compare(files: Self.files, options: Self.lp, threads: 2)
        let s1 = try ScenarioComparison.compare(files: Self.files, options: Self.lp, shard: SweepShard(index: 1, count: 2))
        let s2 = try ScenarioComparison.compare(files: Self.files, options: Self.lp, shard: SweepShard(index: 2, count: 2))
        // What-if w (0-based) goes to shard w % 2 + 1: w = 0, 2 (files 1 and 3) to shard 1, w = 1 (file 2) to shard 2.
        #expect(s1.shard?.whatIfPositions == [1, 3])
        #expect(s2.shard?.whatIfPositions == [2])
        #expect(s1.plans.map(\.file) == [Self.files[0], Self.files[1], Self.files[3]])
        let merged = try ComparisonReport.merge([s2, s1])
        #expect(try Self.json(merged) == Self.json(whole))
        // remove-site buys 1.084e6 / 291,600 = 3.71742 tester tools (WhatIfTests' hand working), also when merged.
        #expect(abs((merged.plans[1].figures.toolsBought ?? 0) - 1.084e6 / 291_600) <= 1e-6)
    }

    @Test func aMissingComparisonShardIsNamed() throws {
        let s1 = try ScenarioComparison.compare(files: Self.files, options: Self.lp, shard: SweepShard(index: 1, count: 2))
        do {
            _ = try ComparisonReport.merge([s1])
            Issue.record("merged without shard 2")
        } catch .missing(let m) {
            // Shard 2 of 2 holds what-if w = 1 only: 1 of the 3 what-ifs is missing.
            #expect(m.missingItems == 1 && m.totalItems == 3)
            #expect(m.shards == [SweepShard(index: 2, count: 2)])
        } catch { Issue.record("\(error)") }
    }

    @Test func shardsOfOtherInputsAreRefused() throws {
        let s1 = try ScenarioComparison.compare(files: Self.files, options: Self.lp, shard: SweepShard(index: 1, count: 2))
        var mip = Self.lp
        mip.integerTools = true
        let s2mip = try ScenarioComparison.compare(files: Self.files, options: mip, shard: SweepShard(index: 2, count: 2))
        #expect(throws: ShardMergeError.otherInputs(input: 2)) { try ComparisonReport.merge([s1, s2mip]) }
        var tampered = try ScenarioComparison.compare(files: Self.files, options: Self.lp, shard: SweepShard(index: 2, count: 2))
        tampered.shard?.inputFingerprint = "0000000000000000"   // as if a file had changed between the shards
        #expect(throws: ShardMergeError.otherInputs(input: 2)) { try ComparisonReport.merge([s1, tampered]) }
        let whole = try ScenarioComparison.compare(files: Self.files, options: Self.lp)
        #expect(throws: ShardMergeError.self) { try ComparisonReport.merge([whole]) }   // not a shard
    }

    /// 15 items in 4 shards: shard I holds k % 4 == I-1. Without shards 2 and 4 the missing items are
    /// k % 4 == 1 (1, 5, 9, 13) and k % 4 == 3 (3, 7, 11): 7 of 15.
    @Test func coverageNamesTheMissingShardsAndKeepsACommand() throws {
        let command = ShardCommand(directory: "/runs", arguments: ["fabplan", "sweep", "m.yaml", "--shard", "1/4"])
        func input(_ i: Int, command: ShardCommand? = nil) -> ShardCoverage.Input {
            ShardCoverage.Input(shard: SweepShard(index: i, count: 4), items: (0..<15).filter { $0 % 4 == i - 1 },
                                command: command)
        }
        do {
            try ShardCoverage.check([input(3), input(1, command: command)], total: 15)
            Issue.record("no missing shard found")
        } catch .missing(let m) {
            #expect(m.missingItems == 7 && m.totalItems == 15)
            #expect(m.shards == [SweepShard(index: 2, count: 4), SweepShard(index: 4, count: 4)])
            #expect(m.exampleShard == SweepShard(index: 1, count: 4) && m.exampleCommand == command)
        } catch { Issue.record("\(error)") }
        try ShardCoverage.check((1...4).map { input($0) }, total: 15)   // complete: no error
        #expect(throws: ShardMergeError.outsideRun(input: 1, item: 15, total: 15)) {
            try ShardCoverage.check([ShardCoverage.Input(shard: nil, items: [15], command: nil)], total: 15)
        }
    }
}
