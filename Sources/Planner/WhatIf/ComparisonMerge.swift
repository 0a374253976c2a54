extension ComparisonReport {
    /// Combines the outputs of a comparison's shards into exactly the whole comparison: same files, file bytes,
    /// mode, objective and base plan required, every what-if exactly once; `shard` cleared.
    public static func merge(_ shards: [ComparisonReport]) throws(ShardMergeError) -> ComparisonReport {
        guard let first = shards.first else { throw .nothingToMerge }
        guard let info = first.shard, let base = first.plans.first else {
            throw .inconsistent(input: 1, reason: "is not a shard of a comparison (no `shard`, or no base plan)")
        }
        for (n, s) in shards.enumerated() {
            guard let i = s.shard, s.plans.count == i.whatIfPositions.count + 1 else {
                throw .inconsistent(input: n + 1, reason: "is not a whole shard of a comparison (its plans do not "
                                        + "match its shard's what-ifs)")
            }
            guard n == 0 || s.sameRun(as: first) else { throw .otherInputs(input: n + 1) }
        }
        let whatIfs = info.files.count - 1
        try ShardCoverage.check(shards.map {
            ShardCoverage.Input(shard: $0.shard?.shard, items: ($0.shard?.whatIfPositions ?? []).map { $0 - 1 },
                                command: $0.shard?.command)
        }, total: whatIfs)
        var byPosition = [ComparedPlan?](repeating: nil, count: info.files.count)
        byPosition[0] = base
        for s in shards {
            for (slot, position) in (s.shard?.whatIfPositions ?? []).enumerated() { byPosition[position] = s.plans[slot + 1] }
        }
        var merged = first
        merged.plans = byPosition.compactMap { $0 }
        merged.shard = nil
        return merged
    }

    /// True when `other` compares the same files and bytes, with the same mode, objective and base plan.
    func sameRun(as other: ComparisonReport) -> Bool {
        schemaVersion == other.schemaVersion && objective == other.objective && mode == other.mode
            && currency == other.currency && shard?.files == other.shard?.files
            && shard?.inputFingerprint == other.shard?.inputFingerprint && plans.first == other.plans.first
    }
}
