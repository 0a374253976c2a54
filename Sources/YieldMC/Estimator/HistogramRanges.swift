/// The value range of every histogram: `BlockAccumulator.bins − 2` equal interior bins over [lower, upper], plus
/// an underflow bin (values below `lower`, reaching down to the sample minimum) and an overflow bin (values at or
/// above `upper`, up to the sample maximum), so no value is ever lost and every bin has known edges.
///
/// The ranges come from a pilot run (`pilot(model:)`): one block of trials with a fixed seed of its own, whose
/// sample range per metric, widened by a quarter on each side, becomes the histogram's interior. Bins are then a
/// few thousandths of the quantity's spread, whatever its size (a range fixed at [0, starts] made bins of 1.5 M
/// units against spreads of 300 units). The pilot depends on the input only, never on the run's seed or thread
/// count, so results stay bit-identical.
struct HistogramRanges: Sendable {
    /// Lower end of each histogram's interior bins.
    let lower: [Double]
    /// Interior bins per unit of the metric: (bins − 2) / (upper − lower).
    let scale: [Double]

    /// Interior bins.
    static var interiorBins: Int { BlockAccumulator.bins - 2 }
    /// Trials of the pilot run (one block).
    static let pilotTrials = 256
    /// Seed of the pilot run (fixed: part of the estimator's definition, like the block size).
    static let pilotSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(lower: [Double], upper: [Double]) {
        self.lower = lower
        scale = zip(lower, upper).map { l, u in Double(Self.interiorBins) / (u - l) }
    }

    /// Upper end of histogram `h`'s interior bins.
    func upper(_ h: Int) -> Double { lower[h] + Double(Self.interiorBins) / scale[h] }

    /// The physical ranges: [0, all starts] for good units, [0, 1] for yields (pilot fallback).
    static func physical(_ model: CompiledModel) -> HistogramRanges {
        var upper: [Double] = []
        for p in 0..<model.productCount {
            for t in 0..<model.periodCount { upper.append(model.maxGoodUnits(product: p, period: t)) }
        }
        upper += Array(repeating: 1, count: model.productPeriods + model.dieCount * model.periodCount)
        return HistogramRanges(lower: Array(repeating: 0, count: upper.count), upper: upper)
    }

    /// Ranges from a pilot block of `pilotTrials` trials: the sample [min, max] of each histogram's metric,
    /// widened by 25 % of its width on each side (by 1e-9 of its size, at least 1e-12, when all values were
    /// equal). A metric with no values in the pilot keeps its physical range.
    static func pilot(model: CompiledModel) -> HistogramRanges {
        let physical = physical(model)
        var acc = BlockAccumulator(model: model, ranges: physical)
        var scratch = KernelScratch(model: model)
        model.runBlock(0, trials: pilotTrials, seed: pilotSeed, into: &acc, scratch: &scratch)
        var lower: [Double] = [], upper: [Double] = []
        for h in 0..<model.histogramMetricCount {
            let m = acc.moments[model.momentIndex(ofHistogram: h)]
            guard m.count > 0, m.minimum.isFinite, m.maximum.isFinite else {
                lower.append(physical.lower[h]); upper.append(physical.upper(h)); continue
            }
            let margin = Swift.max(0.25 * (m.maximum - m.minimum), 1e-9 * Swift.abs(m.maximum), 1e-12)
            lower.append(m.minimum - margin)
            upper.append(m.maximum + margin)
        }
        return HistogramRanges(lower: lower, upper: upper)
    }
}

extension CompiledModel {
    /// The moment metric whose values histogram `h` counts (good units, route yield, die yield).
    func momentIndex(ofHistogram h: Int) -> Int {
        if h < productPeriods { return goodIndex + h }
        if h < 2 * productPeriods { return routeYieldIndex + h - productPeriods }
        return dieYieldIndex + h - 2 * productPeriods
    }
}
