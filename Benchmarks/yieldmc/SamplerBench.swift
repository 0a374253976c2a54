import Foundation
import YieldMC

/// CPU seconds of the calling thread (robust against other processes sharing the cores).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}


/// Draws per CPU second of each sampler, filling a 16 Ki-value buffer repeatedly (stays in L2).
enum SamplerBench {
    static let bufferCount = 16_384
    /// When set (bench option `--only-sampler`), only the cases whose name contains it are measured.
    nonisolated(unsafe) static var filter: String? = nil

    /// Median M draws/s over `repeats` timings of about `seconds` each.
    @inline(never)
    static func measure(_ name: String, seconds: Double, repeats: Int, fill: (inout Xoshiro256x4, UnsafeMutablePointer<SIMD4<Double>>, Int) -> Void) -> Double {
        if let filter, !name.contains(filter) { return .nan }
        let buffer = UnsafeMutablePointer<SIMD4<Double>>.allocate(capacity: bufferCount / 4)
        defer { buffer.deallocate() }
        var rng = Xoshiro256x4(seed: 12345, block: 0)
        fill(&rng, buffer, bufferCount / 4) // warm-up
        var rates: [Double] = []
        var checksum = 0.0
        for _ in 0..<repeats {
            var fills = 0
            let start = threadCPUSeconds()
            var elapsed = 0.0
            repeat {
                fill(&rng, buffer, bufferCount / 4)
                fills += 1
                elapsed = threadCPUSeconds() - start
            } while elapsed < seconds
            rates.append(Double(fills * bufferCount) / elapsed / 1e6)
            checksum += buffer[0].sum()
        }
        if checksum.isNaN { print("  (checksum NaN in \(name))") }
        return rates.sorted()[rates.count / 2]
    }

    /// The sampler cases, in the order the numpy peer uses (same names).
    static func run(seconds: Double, repeats: Int) -> [(String, Double)] {
        var out: [(String, Double)] = []
        out.append(("uniform", measure("uniform", seconds: seconds, repeats: repeats) { rng, b, n in
            for i in 0..<n { b[i] = rng.uniform() }
        }))
        out.append(("normal", measure("normal", seconds: seconds, repeats: repeats) { rng, b, n in
            var i = 0
            while i + 1 < n { let (x, y) = rng.normalPair(); b[i] = x; b[i + 1] = y; i += 2 }
        }))
        out.append(("exponential", measure("exponential", seconds: seconds, repeats: repeats) { rng, b, n in
            for i in 0..<n { b[i] = rng.exponential() }
        }))
        for shape in [2.0, 2.5, 0.5] {  // 2.0: Erlang path; 2.5: Marsaglia–Tsang; 0.5: MT with boost
            let g = GammaShape(shape)
            out.append(("gamma(\(shape))", measure("gamma(\(shape))", seconds: seconds, repeats: repeats) { rng, b, n in
                for i in 0..<n { b[i] = rng.gamma(g) }
            }))
        }
        let beta = BetaShape(a: SIMD4(repeating: 20), b: SIMD4(repeating: 2))
        out.append(("beta(20,2)", measure("beta(20,2)", seconds: seconds, repeats: repeats) { rng, b, n in
            for i in 0..<n { b[i] = rng.beta(beta) }
        }))
        let lot = BetaShape(mean: 0.97, concentration: 300)
        out.append(("beta(291,9)", measure("beta(291,9)", seconds: seconds, repeats: repeats) { rng, b, n in
            for i in 0..<n { b[i] = rng.beta(lot) }
        }))
        out.append(("binomial(500,0.9)", measure("binomial(500,0.9)", seconds: seconds, repeats: repeats) { rng, b, n in
            let count = SIMD4<Double>(repeating: 500), p = SIMD4<Double>(repeating: 0.9)
            for i in 0..<n { b[i] = rng.binomial(count: count, probability: p) }
        }))
        out.append(("binomial(500,U(.8,.95))", measure("binomial(500,U(.8,.95))", seconds: seconds, repeats: repeats) { rng, b, n in
            let count = SIMD4<Double>(repeating: 500)
            for i in 0..<n { b[i] = rng.binomial(count: count, probability: 0.8 + 0.15 * rng.uniform()) }
        }))
        out.append(("binomial(609,U(.75,.9))", measure("binomial(609,U(.75,.9))", seconds: seconds, repeats: repeats) { rng, b, n in
            // The bench model's per-wafer draw: 609 gross dies, p = e^(−A·D) ≈ 0.83 varying per wafer.
            let count = SIMD4<Double>(repeating: 609)
            for i in 0..<n { b[i] = rng.binomial(count: count, probability: 0.75 + 0.15 * rng.uniform()) }
        }))
        let yields = UnsafeMutableBufferPointer<SIMD4<Double>>.allocate(capacity: 256)
        defer { yields.deallocate() }
        out.append(("binomial(609,U(.75,.9)) streaming", measure("binomial(609,U(.75,.9)) streaming", seconds: seconds, repeats: repeats) { rng, b, n in
            // The same draws through binomialSum (the wafer loop's path): 256 wafers per call, 4 lanes.
            var i = 0
            while i < n {
                for w in 0..<256 { yields[w] = 0.75 + 0.15 * rng.uniform() }
                b[i] = rng.binomialSum(count: 609, probabilities: UnsafeBufferPointer(yields))
                i += 256
            }
        }))
        out.append(("binomial(1000,0.997)", measure("binomial(1000,0.997)", seconds: seconds, repeats: repeats) { rng, b, n in
            let count = SIMD4<Double>(repeating: 1000), p = SIMD4<Double>(repeating: 0.997)
            for i in 0..<n { b[i] = rng.binomial(count: count, probability: p) }
        }))
        out.append(("binomial(20,0.9)", measure("binomial(20,0.9)", seconds: seconds, repeats: repeats) { rng, b, n in
            let count = SIMD4<Double>(repeating: 20), p = SIMD4<Double>(repeating: 0.9)
            for i in 0..<n { b[i] = rng.binomial(count: count, probability: p) }
        }))
        // Exact tables (the estimator's defaults). numpy gets the same tables and inverts them with searchsorted.
        if let wafer = WaferDieTable(grossDies: 609, areaTimesMeanDefects: 0.2, alpha: 2, maxWafers: 200) {
            out.append(("wafer good dies, table (1 wafer)", measure("wafer good dies, table (1 wafer)", seconds: seconds, repeats: repeats) { rng, b, n in
                for i in 0..<n { b[i] = wafer.goodDies(wafers: 1, rng: &rng) }
            }))
            out.append(("good dies of 200 wafers, ladder", measure("good dies of 200 wafers, ladder", seconds: seconds, repeats: repeats) { rng, b, n in
                for i in 0..<n { b[i] = wafer.goodDies(wafers: 200, rng: &rng) }
            }))
        }
        if let lots = BetaBinomialTable(lotSize: 1000, meanYield: 0.97, concentration: 300) {
            // numpy draws a partial lot its own way: beta then binomial.
            out.append(("partial lot of 500, BetaBinomial(500,9,291)", measure("partial lot of 500, BetaBinomial(500,9,291)", seconds: seconds, repeats: repeats) { rng, b, n in
                let units = SIMD4<Double>(repeating: 500)
                for i in 0..<n { b[i] = lots.partialLotLosses(units: units, rng: &rng) }
            }))
        }
        for lambda in [0.3, 2.0, 50.0] {
            out.append(("poisson(\(lambda))", measure("poisson(\(lambda))", seconds: seconds, repeats: repeats) { rng, b, n in
                let lam = SIMD4<Double>(repeating: lambda)
                for i in 0..<n { b[i] = rng.poisson(mean: lam) }
            }))
        }
        return out
    }
}
