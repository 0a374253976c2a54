/// Everything one block of trials contributes to the estimates: moments, fixed-bin histograms and event counts.
/// Its size depends on the model only, never on the number of trials.
struct BlockAccumulator: Sendable {
    /// Bins of every histogram.
    static let bins = 2048

    var trials = 0
    var moments: [RunningMoments]
    var histogram: [Int]
    /// Upper end of each histogram's range (the lower end is 0).
    let histogramUpper: [Double]
    var counts: [Int]

    init(model: CompiledModel) {
        moments = Array(repeating: RunningMoments(), count: model.momentCount)
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
        trials = 0
        for i in moments.indices { moments[i] = RunningMoments() }
        for i in histogram.indices { histogram[i] = 0 }
        for i in counts.indices { counts[i] = 0 }
    }

    /// Adds one value to moment `metric` and, if `histogramMetric` is not nil, to that histogram.
    @inline(__always)
    mutating func record(_ x: Double, metric: Int, histogramMetric: Int?) {
        moments[metric].add(x)
        if let h = histogramMetric {
            let upper = histogramUpper[h]
            // Truncation (not `rounded(.down)`, a libm call on SSE2); NaN and out-of-range go to the end bins.
            let scaled = x / upper * Double(Self.bins)
            let bin = scaled < Double(Self.bins) ? (scaled >= 0 ? Int(scaled) : 0) : Self.bins - 1
            histogram[h * Self.bins + bin] += 1
        }
    }

    /// Adds `other` (a later block) to this one. Moments merge in call order; integer parts are order-free.
    mutating func merge(_ other: BlockAccumulator) {
        trials += other.trials
        for i in moments.indices { moments[i].merge(other.moments[i]) }
        for i in histogram.indices { histogram[i] += other.histogram[i] }
        for i in counts.indices { counts[i] += other.counts[i] }
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
