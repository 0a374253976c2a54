import Foundation
import Testing
@testable import YieldMC

@Suite("per-lane moments of a block")
struct LaneMomentsTests {
    @Test("lane-wise Welford then lane merge: count, min, max exact; mean and variance match two-pass sums")
    func laneMomentsMatchTwoPass() {
        // 1,001 vectors of values around 1e6 (a large offset makes naive Σx² lose digits, Welford must not);
        // lane 2 skips every third vector and lane 3 gets a NaN where masked off, which must be ignored.
        var lanes = LaneMoments()
        var values: [Double] = []
        var g = Xoshiro256x4(seed: 41, block: 0)
        for i in 0..<1_001 {
            var x = 1e6 + 100 * g.uniform()
            let valid = SIMDMask<SIMD4<Int64>>(arrayLiteral: true, true, i % 3 != 0, i % 2 == 0)
            if !valid[3] { x[3] = .nan }
            lanes.add(x, where: valid)
            for lane in 0..<4 where valid[lane] { values.append(x[lane]) }
        }
        let m = lanes.reduced()
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        #expect(m.count == n)
        #expect(m.minimum == values.min() && m.maximum == values.max())
        // Means: both are sums of ~3,000 terms of 1e6, relative error ≤ n·ε ≈ 3.3e-13. Variance (≈ 833 = 100²/12):
        // Welford's relative error is bounded by about n·ε·(mean/sd) = 3,000 · 1.1e-16 · 3.5e4 ≈ 1.2e-8 (the
        // two-pass reference is far tighter), so 2e-8 relative; a naive Σx² − n·mean² would be off by ~1e-3 here.
        #expect(Swift.abs(m.mean - mean) <= 4e-13 * mean)
        #expect(Swift.abs(m.variance - variance) <= 2e-8 * variance, "\(m.variance) vs \(variance)")
    }

    @Test("histogram bins: 1 + ⌊(x − lower)·scale⌋ inside, below lower to bin 0, at or above upper and NaN to bin 2047; masked lanes add nothing")
    func histogramBins() {
        var lanes = [LaneMoments](repeating: LaneMoments(), count: 1)
        var bins = [Int](repeating: 0, count: BlockAccumulator.bins)
        var counts = [0]
        // Interior [10, 10 + 2046·2 = 4102]: 2 units per bin, scale 0.5.
        let ranges = HistogramRanges(lower: [10], upper: [4102])
        #expect(ranges.scale[0] == 0.5 && ranges.upper(0) == 4102)
        lanes.withUnsafeMutableBufferPointer { l in
            bins.withUnsafeMutableBufferPointer { b in
                counts.withUnsafeMutableBufferPointer { c in
                    ranges.lower.withUnsafeBufferPointer { lo in
                        ranges.scale.withUnsafeBufferPointer { sc in
                            let r = StatisticsRecorder(moments: l.baseAddress!, histogram: b.baseAddress!,
                                                       histogramLower: lo.baseAddress!, histogramScale: sc.baseAddress!,
                                                       counts: c.baseAddress!)
                            // 13 → 1 + ⌊1.5⌋ = 2, 12 → 2 (edge), 11.999 → 1, 10 → 1.
                            r.record(SIMD4(13, 12, 11.999, 10), valid: SIMDMask(repeating: true), metric: 0, histogram: 0)
                            // 9.999 and −5 → underflow 0; 4101.9 → 1 + ⌊2045.95⌋ = 2046 (last interior); 4102 → 2047.
                            r.record(SIMD4(9.999, -5, 4101.9, 4102), valid: SIMDMask(repeating: true), metric: 0, histogram: 0)
                            // 1e9 and NaN → overflow; the masked lane (4000) is not counted.
                            r.record(SIMD4(1e9, .nan, 4000, 1e9), valid: SIMDMask(arrayLiteral: true, true, false, false),
                                     metric: 0, histogram: 0)
                            r.count(SIMDMask(arrayLiteral: true, false, true, true), at: 0)
                        }
                    }
                }
            }
        }
        #expect(bins[0] == 2 && bins[1] == 2 && bins[2] == 2 && bins[2046] == 1 && bins[2047] == 3 && bins[2000] == 0)
        #expect(bins.reduce(0, +) == 10)
        #expect(counts[0] == 3)
    }
}
