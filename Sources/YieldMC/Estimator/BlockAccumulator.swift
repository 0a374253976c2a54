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
    /// Value range of each histogram (interior bins, underflow and overflow).
    let ranges: HistogramRanges
    var counts: [Int]

    init(model: CompiledModel, ranges: HistogramRanges) {
        moments = Array(repeating: RunningMoments(), count: model.momentCount)
        laneMoments = Array(repeating: LaneMoments(), count: model.momentCount)
        histogram = Array(repeating: 0, count: model.histogramMetricCount * Self.bins)
        counts = Array(repeating: 0, count: model.countCount)
        self.ranges = ranges
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
                    ranges.lower.withUnsafeBufferPointer { lower in
                        ranges.scale.withUnsafeBufferPointer { scale in
                            body(StatisticsRecorder(moments: lanes.baseAddress!, histogram: bins.baseAddress!,
                                                    histogramLower: lower.baseAddress!, histogramScale: scale.baseAddress!,
                                                    counts: counts.baseAddress!))
                        }
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

    /// Value range [low, high] of bin `b` of histogram `h`: interior bins from `ranges`, the underflow bin from the
    /// sample minimum up, the overflow bin up to the sample maximum; clamped to [minimum, maximum].
    func binEdges(_ b: Int, histogramMetric h: Int, moments m: RunningMoments) -> (low: Double, high: Double) {
        let lower = ranges.lower[h], width = 1 / ranges.scale[h]
        var low: Double, high: Double
        switch b {
        case 0: (low, high) = (m.minimum, lower)
        case Self.bins - 1: (low, high) = (ranges.upper(h), m.maximum)
        default: (low, high) = (lower + Double(b - 1) * width, lower + Double(b) * width)
        }
        low = Swift.min(Swift.max(low, m.minimum), m.maximum)
        high = Swift.min(Swift.max(high, low), m.maximum)
        return (low, high)
    }

    /// The bin of histogram `h` holding the value of (1-based) rank `rank` among the sorted samples.
    func bin(ofRank rank: Int, histogramMetric h: Int) -> Int {
        var cumulative = 0
        for b in 0..<Self.bins {
            cumulative += histogram[h * Self.bins + b]
            if cumulative >= rank { return b }
        }
        return Self.bins - 1
    }

    /// Quantile `q` of histogram `h` by linear interpolation inside the bin where the cumulative count crosses
    /// q·n, clamped to the exact [minimum, maximum] of the values (binning error at most that bin's width).
    func quantile(_ q: Double, histogramMetric h: Int, moments m: RunningMoments) -> Double {
        let n = m.count
        guard n > 0 else { return 0 }
        let target = q * n
        var cumulative = 0.0
        var value = m.maximum
        for b in 0..<Self.bins {
            let c = Double(histogram[h * Self.bins + b])
            if c > 0 && cumulative + c >= target {
                let edges = binEdges(b, histogramMetric: h, moments: m)
                value = edges.low + (target - cumulative) / c * (edges.high - edges.low)
                break
            }
            cumulative += c
        }
        return Swift.min(Swift.max(value, m.minimum), m.maximum)
    }

    /// A 95 % confidence interval for the true q-quantile that covers sampling error and binning: the
    /// order-statistic interval [X_(l), X_(u)] (`OrderStatistics`), widened to the outer edges of the bins that
    /// hold those two order statistics. Ranks beyond the sample (too few trials) give the sample extremes.
    func quantileInterval(_ q: Double, histogramMetric h: Int, moments m: RunningMoments) -> QuantileInterval {
        let n = Int(m.count)
        guard n > 0 else { return QuantileInterval(lower: 0, upper: 0) }
        let ranks = OrderStatistics.confidenceRanks(samples: n, quantile: q)
        let low = ranks.lower >= 1 ? binEdges(bin(ofRank: ranks.lower, histogramMetric: h), histogramMetric: h, moments: m).low
            : m.minimum
        let high = ranks.upper <= n ? binEdges(bin(ofRank: ranks.upper, histogramMetric: h), histogramMetric: h, moments: m).high
            : m.maximum
        return QuantileInterval(lower: low, upper: high)
    }
}

/// The trial kernel's write access to a `BlockAccumulator` (valid only inside `withRecorder`): four trial lanes
/// at a time, each value counted only in the lanes of its `valid` mask.
struct StatisticsRecorder {
    let moments: UnsafeMutablePointer<LaneMoments>
    let histogram: UnsafeMutablePointer<Int>
    let histogramLower: UnsafePointer<Double>
    let histogramScale: UnsafePointer<Double>
    let counts: UnsafeMutablePointer<Int>

    /// Adds the valid lanes of `x` to moment `metric`.
    @inline(__always)
    func record(_ x: SIMD4<Double>, valid: SIMDMask<SIMD4<Int64>>, metric: Int) {
        moments[metric].add(x, where: valid)
    }

    /// Adds the valid lanes of `x` to moment `metric` and to histogram `h`: interior bin
    /// 1 + ⌊(x − lower) · scale⌋, values below `lower` in bin 0 (underflow), values at or above the upper end and
    /// NaN in the last bin (overflow) (the bin is computed for all lanes at once and truncated with the
    /// magic-number floor; an invalid lane adds 0 to its bin).
    @inline(__always)
    func record(_ x: SIMD4<Double>, valid: SIMDMask<SIMD4<Int64>>, metric: Int, histogram h: Int) {
        moments[metric].add(x, where: valid)
        let last = Double(BlockAccumulator.bins - 1)
        let scaled = (x - histogramLower[h]) * histogramScale[h] + 1
        var clamped = scaled.replacing(with: last, where: .!(scaled .< last))
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
