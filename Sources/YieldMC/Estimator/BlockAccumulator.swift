/// Everything one block of trials contributes to the estimates: moments, fixed-bin histograms and event counts.
/// Its size depends on the model only, never on the number of trials.
struct BlockAccumulator: Sendable {
    /// Bins of every histogram.
    static let bins = 2048

    var trials = 0
    /// The block's (or, after merging, the run's) moments per metric.
    var moments: [RunningMoments]
    /// Per-lane moments of the block being run, folded into `moments` by `foldLanes()`.
    var laneMoments: [LaneMoments]
    var histogram: [Int]
    /// Upper end of each histogram's range (the lower end is 0).
    let histogramUpper: [Double]
    var counts: [Int]

    init(model: CompiledModel) {
        moments = Array(repeating: RunningMoments(), count: model.momentCount)
        laneMoments = Array(repeating: LaneMoments(), count: model.momentCount)
        histogram = Array(repeating: 0, count: model.histogramMetricCount * Self.bins)
        counts = Array(repeating: 0, count: model.countCount)
        var upper: [Double] = []
        for p in 0..<model.productCount {
            for t in 0..<model.periodCount { upper.append(model.maxGoodUnits(product: p, period: t)) }
        }
        upper += Array(repeating: 1, count: model.productPeriods + model.dieCount * model.periodCount)
        histogramUpper = upper
    }

    mutating func reset() {
        resetMoments()
        histogram.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        counts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Clears the trial count and the moments only. Histograms and counts are integer sums, whose total does not
    /// depend on the order of additions, so a block slot can keep adding to them over a whole run and be merged
    /// once at the end (`mergeCounts`), instead of clearing and merging 2,048 bins per histogram for every block.
    mutating func resetMoments() {
        trials = 0
        moments.withUnsafeMutableBufferPointer { $0.update(repeating: RunningMoments()) }
        laneMoments.withUnsafeMutableBufferPointer { $0.update(repeating: LaneMoments()) }
    }

    /// Runs `body` with a recorder that writes into this accumulator's lane moments, histograms and counts
    /// (raw pointers for the trial kernel: no reference counting or uniqueness checks per value). Call
    /// `foldLanes()` afterwards to turn the lane moments into `moments`.
    mutating func withRecorder<R>(_ body: (StatisticsRecorder) -> R) -> R {
        laneMoments.withUnsafeMutableBufferPointer { lanes in
            histogram.withUnsafeMutableBufferPointer { bins in
                counts.withUnsafeMutableBufferPointer { counts in
                    histogramUpper.withUnsafeBufferPointer { upper in
                        body(StatisticsRecorder(moments: lanes.baseAddress!, histogram: bins.baseAddress!,
                                                histogramUpper: upper.baseAddress!, counts: counts.baseAddress!))
                    }
                }
            }
        }
    }

    /// Merges each metric's lane moments (lane order) into `moments` and clears them.
    mutating func foldLanes() {
        for i in moments.indices {
            moments[i].merge(laneMoments[i].reduced())
            laneMoments[i] = LaneMoments()
        }
    }

    /// Adds `other` (a later block) to this one. Moments merge in call order; integer parts are order-free.
    mutating func merge(_ other: BlockAccumulator) {
        mergeMoments(other)
        mergeCounts(other)
    }

    /// Adds the trial count and moments of `other` (a later block), in call order.
    mutating func mergeMoments(_ other: BlockAccumulator) {
        trials += other.trials
        for i in moments.indices { moments[i].merge(other.moments[i]) }
    }

    /// Adds the histograms and event counts of `other` (integer sums: any order gives the same result).
    mutating func mergeCounts(_ other: BlockAccumulator) {
        histogram.withUnsafeMutableBufferPointer { mine in
            other.histogram.withUnsafeBufferPointer { theirs in
                for i in mine.indices { mine[i] &+= theirs[i] }
            }
        }
        counts.withUnsafeMutableBufferPointer { mine in
            other.counts.withUnsafeBufferPointer { theirs in
                for i in mine.indices { mine[i] &+= theirs[i] }
            }
        }
    }

    /// Quantile `q` of histogram `h` by linear interpolation inside the bin where the cumulative count crosses
    /// q·n, clamped to the exact [minimum, maximum] of the values. Error at most one bin width (upper / bins).
    func quantile(_ q: Double, histogramMetric h: Int, moments m: RunningMoments) -> Double {
        let n = m.count
        guard n > 0 else { return 0 }
        let target = q * n
        let width = histogramUpper[h] / Double(Self.bins)
        var cumulative = 0.0
        var value = m.maximum
        for b in 0..<Self.bins {
            let c = Double(histogram[h * Self.bins + b])
            if c > 0 && cumulative + c >= target {
                value = (Double(b) + (target - cumulative) / c) * width
                break
            }
            cumulative += c
        }
        return Swift.min(Swift.max(value, m.minimum), m.maximum)
    }
}

/// The trial kernel's write access to a `BlockAccumulator` (valid only inside `withRecorder`): four trial lanes
/// at a time, each value counted only in the lanes of its `valid` mask.
struct StatisticsRecorder {
    let moments: UnsafeMutablePointer<LaneMoments>
    let histogram: UnsafeMutablePointer<Int>
    let histogramUpper: UnsafePointer<Double>
    let counts: UnsafeMutablePointer<Int>

    /// Adds the valid lanes of `x` to moment `metric`.
    @inline(__always)
    func record(_ x: SIMD4<Double>, valid: SIMDMask<SIMD4<Int64>>, metric: Int) {
        moments[metric].add(x, where: valid)
    }

    /// Adds the valid lanes of `x` to moment `metric` and to histogram `h`: bin ⌊x / upper · bins⌋, values below
    /// 0 in the first bin, values ≥ upper and NaN in the last (the bin is computed for all lanes at once and
    /// truncated with the magic-number floor; an invalid lane adds 0 to its bin).
    @inline(__always)
    func record(_ x: SIMD4<Double>, valid: SIMDMask<SIMD4<Int64>>, metric: Int, histogram h: Int) {
        moments[metric].add(x, where: valid)
        let bins = Double(BlockAccumulator.bins)
        let scaled = x / histogramUpper[h] * bins
        var clamped = scaled.replacing(with: bins - 1, where: .!(scaled .< bins))
        clamped = clamped.replacing(with: 0, where: .!(clamped .>= 0))
        let index = unsafeBitCast(VectorMath.floor(clamped) + 0x1p52, to: SIMD4<UInt64>.self)
            & SIMD4(repeating: UInt64(BlockAccumulator.bins - 1))
        let increment = unsafeBitCast(valid, to: SIMD4<Int64>.self) & SIMD4(repeating: 1)
        let row = histogram + h &* BlockAccumulator.bins
        row[Int(truncatingIfNeeded: index[0])] &+= Int(increment[0])
        row[Int(truncatingIfNeeded: index[1])] &+= Int(increment[1])
        row[Int(truncatingIfNeeded: index[2])] &+= Int(increment[2])
        row[Int(truncatingIfNeeded: index[3])] &+= Int(increment[3])
    }

    /// Adds the number of lanes set in `events` to count `index`.
    @inline(__always)
    func count(_ events: SIMDMask<SIMD4<Int64>>, at index: Int) {
        counts[index] &-= Int(unsafeBitCast(events, to: SIMD4<Int64>.self).wrappedSum())
    }
}
