import Dispatch
import Synchronization

/// When a run stops.
public enum StoppingRule: Sendable, Hashable {
    /// Run exactly this many trials.
    case trials(Int)
    /// Run waves of trials until every product-period with output has a relative standard error of mean good
    /// output ≤ `relativeStandardError`, or `maxTrials` is reached. Checked after each wave of
    /// `YieldEstimator.trialsPerWave` trials, so the stopping point does not depend on the thread count.
    case precision(relativeStandardError: Double, maxTrials: Int)
}

/// The Monte Carlo yield and throughput estimator.
///
/// ```swift
/// let report = try YieldEstimator(input: input).run(.trials(100_000), seed: 42, threads: 2)
/// ```
/// Trials are split into blocks of `trialsPerBlock`; block b draws from a generator seeded from (seed, b) only,
/// and blocks are merged in index order, so the report is bit-identical for any `threads`. Memory is fixed by
/// the model (one accumulator per block of a wave), whatever the trial count.
public struct YieldEstimator: Sendable {
    /// Trials per block (a multiple of the 4 SIMD lanes). Part of the seed semantics: never derived from cores.
    public static let trialsPerBlock = 256
    /// Blocks per wave: the unit of parallel work between merges and precision checks.
    public static let blocksPerWave = 16
    /// Trials per wave.
    public static var trialsPerWave: Int { trialsPerBlock * blocksPerWave }

    /// The validated input.
    public let input: YieldInput
    let model: CompiledModel
    /// Histogram ranges from the pilot run (input-only: the same for every seed and thread count).
    let ranges: HistogramRanges
    /// Good units per (product, period) with every random quantity at its mean (computed once: every report
    /// carries it, and it does not depend on the seed or the trial count).
    let deterministic: [[Double]]

    /// Validates `input` (throws `YieldInputError` with the key path of the first problem).
    public init(input: YieldInput) throws(YieldInputError) {
        try input.validate()
        self.input = input
        self.model = CompiledModel(input)
        self.ranges = HistogramRanges.pilot(model: model)
        self.deterministic = Self.computeDeterministicGoodUnits(input)
    }

    /// Runs the estimator.
    /// - Parameters:
    ///   - stop: trial count or target precision.
    ///   - seed: the random seed.
    ///   - threads: worker threads (≥ 1); does not change the result.
    ///   - progress: called on the calling thread after each wave with (trials done, trial target).
    public func run(
        _ stop: StoppingRule, seed: UInt64, threads: Int = 1,
        progress: ((_ trialsDone: Int, _ trialTarget: Int) -> Void)? = nil
    ) -> YieldReport {
        let target: Int
        let precision: Double?
        switch stop {
        case .trials(let n): target = Swift.max(0, n); precision = nil
        case .precision(let e, let maxTrials): target = Swift.max(0, maxTrials); precision = e
        }
        let threadCount = Swift.max(1, threads)
        let totalBlocks = (target + Self.trialsPerBlock - 1) / Self.trialsPerBlock
        let slots = SlotArray(count: Self.blocksPerWave, model: model, ranges: ranges)
        defer { slots.deallocate() }
        var total = BlockAccumulator(model: model, ranges: ranges)
        var stoppedBy = precision == nil ? "trialCount" : "maxTrials"
        var nextBlock = 0
        while nextBlock < totalBlocks {
            let waveBlocks = Swift.min(Self.blocksPerWave, totalBlocks - nextBlock)
            let first = nextBlock
            let model = self.model
            let work: @Sendable (Int) -> Void = { i in
                let block = first + i
                let trials = Swift.min(Self.trialsPerBlock, target - block * Self.trialsPerBlock)
                slots.withSlot(i) { acc, scratch in
                    // Moments per block (merged in block order after the wave); histograms and counts keep
                    // accumulating in the slot and are added to the total once, after the last wave.
                    acc.resetMoments()
                    model.runBlock(block, trials: trials, seed: seed, into: &acc, scratch: &scratch)
                }
            }
            if threadCount == 1 || waveBlocks == 1 {
                for i in 0..<waveBlocks { work(i) }
            } else {
                // Workers take the wave's blocks from a shared counter (a descheduled worker does not hold
                // back blocks); each block writes only its own slot, and slots are merged in block order below.
                let workers = Swift.min(threadCount, waveBlocks)
                let counter = BlockCounter()
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let i = counter.next()
                        if i >= waveBlocks { break }
                        work(i)
                    }
                }
            }
            for i in 0..<waveBlocks { slots.withSlot(i) { acc, _ in total.mergeMoments(acc) } }
            nextBlock += waveBlocks
            progress?(total.trials, target)
            if let precision, worstRelativeStandardError(total) <= precision {
                stoppedBy = "precisionReached"
                break
            }
        }
        for i in 0..<Self.blocksPerWave { slots.withSlot(i) { acc, _ in total.mergeCounts(acc) } }
        return makeReport(total, seed: seed, stoppedBy: stoppedBy)
    }

    /// Largest SE/mean of good output over product-periods with positive mean (0 if none).
    func worstRelativeStandardError(_ acc: BlockAccumulator) -> Double {
        var worst = 0.0
        for i in 0..<model.productPeriods {
            let m = acc.moments[model.goodIndex + i]
            if m.count > 1 && m.mean > 0 { worst = Swift.max(worst, m.standardError / m.mean) }
        }
        return worst
    }

    /// Good units per (product, period) with every random quantity at its mean.
    public func deterministicGoodUnits() -> [[Double]] { deterministic }

    /// One pass of the kernel with variability `.none` (lanes carry means; no tables are built).
    static func computeDeterministicGoodUnits(_ input: YieldInput) -> [[Double]] {
        var none = input
        none.variability = .none
        let det = CompiledModel(none)
        var acc = BlockAccumulator(model: det, ranges: .physical(det))
        var scratch = KernelScratch(model: det)
        var rng = Xoshiro256x4(seed: 0, block: 0)
        acc.withRecorder { recorder in
            for t in 0..<det.periodCount {
                det.simulatePeriod(t, rng: &rng, validLanes: 1, recorder: recorder, scratch: &scratch)
            }
        }
        acc.foldLanes()
        return (0..<det.productCount).map { p in
            (0..<det.periodCount).map { t in acc.moments[det.goodIndex + p * det.periodCount + t].mean }
        }
    }

    func makeReport(_ acc: BlockAccumulator, seed: UInt64, stoppedBy: String) -> YieldReport {
        let P = model.periodCount
        func distribution(_ metric: Int, histogram: Int) -> Distribution {
            let m = acc.moments[metric]
            return Distribution(
                mean: m.count > 0 ? m.mean : 0, standardError: m.standardError, standardDeviation: m.variance.squareRoot(),
                p5: acc.quantile(0.05, histogramMetric: histogram, moments: m),
                p50: acc.quantile(0.50, histogramMetric: histogram, moments: m),
                p95: acc.quantile(0.95, histogramMetric: histogram, moments: m),
                minimum: m.count > 0 ? m.minimum : 0, maximum: m.count > 0 ? m.maximum : 0,
                p5Interval: acc.quantileInterval(0.05, histogramMetric: histogram, moments: m),
                p50Interval: acc.quantileInterval(0.50, histogramMetric: histogram, moments: m),
                p95Interval: acc.quantileInterval(0.95, histogramMetric: histogram, moments: m),
                histogramBinWidth: 1 / acc.ranges.scale[histogram], samples: Int(m.count))
        }
        let trials = Double(Swift.max(acc.trials, 1))
        var products: [ProductEstimate] = []
        for (p, product) in input.products.enumerated() {
            for t in 0..<P {
                let pt = p * P + t
                let nominal = product.routes.first.map { $0.steps.reduce(1.0) { $0 * $1.nominalYield } } ?? 1
                let shortfall = acc.moments[model.shortfallIndex + pt]
                products.append(ProductEstimate(
                    product: product.name, period: input.periods[t].name,
                    starts: product.routes.reduce(0) { $0 + $1.startsPerPeriod[t] },
                    demand: product.demandPerPeriod[t], deterministicGoodUnits: deterministic[p][t],
                    goodUnits: distribution(model.goodIndex + pt, histogram: pt),
                    routeYield: distribution(model.routeYieldIndex + pt, histogram: model.productPeriods + pt),
                    nominalRouteYield: nominal,
                    probabilityMeetDemand: Double(acc.counts[pt]) / trials,
                    expectedShortfallUnits: shortfall.count > 0 ? shortfall.mean : 0,
                    shortfallStandardError: shortfall.standardError))
            }
        }
        var dies: [DieYieldEstimate] = []
        for (d, die) in (input.fab?.dieTypes ?? []).enumerated() {
            for t in 0..<P {
                dies.append(DieYieldEstimate(
                    dieType: die.name, period: input.periods[t].name, wafers: die.wafersPerPeriod[t],
                    dieYield: distribution(model.dieYieldIndex + d * P + t, histogram: 2 * model.productPeriods + d * P + t),
                    negativeBinomialYield: model.negativeBinomialYield(die: d, period: t),
                    supply: dieSupply(acc, die: d, period: t, trials: trials)))
            }
        }
        var stations: [StationEstimate] = []
        for (s, station) in input.stations.enumerated() {
            for t in 0..<P {
                let st = s * P + t
                stations.append(StationEstimate(
                    station: station.name, period: input.periods[t].name,
                    bindingFraction: Double(acc.counts[model.bindingIndex + st]) / trials,
                    meanUtilization: acc.moments[model.utilizationIndex + st].mean,
                    meanUpHoursPerTool: acc.moments[model.upHoursIndex + st].mean))
            }
        }
        return YieldReport(
            trials: acc.trials, seed: seed, trialsPerBlock: Self.trialsPerBlock, stoppedBy: stoppedBy,
            worstRelativeStandardError: worstRelativeStandardError(acc), histogramBins: BlockAccumulator.bins,
            products: products, dieYields: dies, stations: stations)
    }
}

extension YieldEstimator {
    /// Where the dies of die type `d` in period `t` came from, from the accumulated moments and counts.
    func dieSupply(_ acc: BlockAccumulator, die d: Int, period t: Int, trials: Double) -> DieSupplyEstimate {
        let dt = d * model.periodCount + t
        func mean(_ k: Int) -> Double {
            let m = acc.moments[model.dieSupplyIndex + 4 * dt + k]
            return m.count > 0 ? m.mean : 0
        }
        return DieSupplyEstimate(
            meanDiesNeeded: mean(0), meanDiesFromFab: mean(1), meanDiesFromCappedSuppliers: mean(2),
            meanDiesFromUncappedSuppliers: mean(3), cappedSupplyLimit: model.cappedPurchase[dt],
            uncappedSupplier: model.unlimitedPurchase[d],
            probabilityShort: Double(acc.counts[model.diesShortIndex + dt]) / trials)
    }
}

/// One accumulator and scratch per block slot of a wave. Each worker touches only the slots of its own blocks,
/// so sharing the storage across threads is sound.
final class SlotArray: @unchecked Sendable {
    private let accumulators: UnsafeMutablePointer<BlockAccumulator>
    private let scratches: UnsafeMutablePointer<KernelScratch>
    private let count: Int

    init(count: Int, model: CompiledModel, ranges: HistogramRanges) {
        self.count = count
        accumulators = .allocate(capacity: count)
        accumulators.initialize(repeating: BlockAccumulator(model: model, ranges: ranges), count: count)
        scratches = .allocate(capacity: count)
        scratches.initialize(repeating: KernelScratch(model: model), count: count)
    }

    func withSlot(_ i: Int, _ body: (inout BlockAccumulator, inout KernelScratch) -> Void) {
        body(&accumulators[i], &scratches[i])
    }

    func deallocate() {
        accumulators.deinitialize(count: count)
        accumulators.deallocate()
        scratches.deinitialize(count: count)
        scratches.deallocate()
    }
}

/// Hands out block indices 0, 1, 2, ... to the workers of one wave.
final class BlockCounter: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
