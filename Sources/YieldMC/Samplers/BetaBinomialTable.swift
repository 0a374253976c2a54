/// Exact sampler of the units lost in one full lot: Losses ~ BetaBinomial(L, b, a), the marginal of
/// "lot yield Y ~ Beta(a, b), good | Y ~ Binomial(L, Y)" (losses = L − good), by inversion of a table.
///
/// a = mean·c and b = (1 − mean)·c are the same for every full lot of a step, so the pmf is computed once
/// (recursion P(k+1) = P(k)·(L−k)(b+k) / ((k+1)(a+L−k−1)) from P(0) = Π_{i<L} (a+i)/(a+b+i), with own
/// exp/log so the table is bit-identical on every machine) and each lot then costs one uniform and a short
/// table search started from a guide table (expected < 2 comparisons). The last CDF entry is set to 1, so the
/// search always ends; it is cut where the remaining mass is below 1e-17.
public struct BetaBinomialTable: Sendable {
    /// Lot size L.
    public let lotSize: Double
    /// cdf[k] = P(losses ≤ k), followed by four padding entries equal to 1.
    @usableFromInline let cdf: [Double]
    /// guide[i] = smallest k with cdf[k] ≥ i / guide.count (4 entries per CDF entry).
    @usableFromInline let guide: [Int32]

    /// A table for lots of `lotSize` units with mean step yield `meanYield` and beta concentration
    /// `concentration`, or nil if it would be impractical (P(0) underflows or more than 200,000 entries);
    /// the caller then draws beta and binomial per lot.
    public init?(lotSize: Double, meanYield: Double, concentration: Double) {
        let a = meanYield * concentration        // beta parameter of the good fraction
        let b = (1 - meanYield) * concentration  // beta parameter of the loss fraction
        let n = lotSize
        guard n >= 1, a > 0 else { return nil }
        if b <= 0 {  // no losses ever
            self.lotSize = n; cdf = [1]; guide = [0]
            return
        }
        var logP0 = 0.0
        var i = 0.0
        while i < n { logP0 += VectorMath.log((a + i) / (a + b + i)); i += 1 }
        guard logP0 > -700 else { return nil }
        var p = VectorMath.exp(logP0)
        var table: [Double] = [p]
        var cumulative = p
        var k = 0.0
        while k < n && 1 - cumulative > 1e-17 {
            p *= (n - k) * (b + k) / ((k + 1) * (a + n - k - 1))
            cumulative += p
            table.append(cumulative)
            k += 1
            if table.count > 200_000 { return nil }
        }
        table[table.count - 1] = 1
        let entries = table.count
        // Padding: the lookup reads up to 3 entries past its start without bounds checks.
        table += [1, 1, 1, 1]
        let m = Swift.max(4 * entries, 64)
        var guide = [Int32](repeating: 0, count: m)
        var j = 0
        for g in 0..<m {
            let threshold = Double(g) / Double(m)
            while table[j] < threshold { j += 1 }
            guide[g] = Int32(j)
        }
        self.lotSize = n
        self.cdf = table
        self.guide = guide
    }

    /// Units lost in a full lot, for a uniform `u` in [0, 1).
    @inlinable @inline(__always)
    public func losses(uniform u: Double) -> Double {
        cdf.withUnsafeBufferPointer { c in
            guide.withUnsafeBufferPointer { g in
                var k = Int(g[Int(u * Double(g.count))])
                while c[k] <= u { k &+= 1 }
                return Double(k)
            }
        }
    }

    /// Total units lost over `lots` full lots per lane (whole numbers), one vector of uniforms per lot index.
    /// Lane sums are kept in scalars: writing one lane of a SIMD vector in memory and reading the vector back
    /// stalls store forwarding.
    @inlinable
    public func totalLosses(lots: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        cdf.withUnsafeBufferPointer { c in
            guide.withUnsafeBufferPointer { g in
                let guideCount = Double(g.count)
                // Guide start, then three branch-free steps: the CDF is monotone, so if cdf[start+3] > u the
                // answer is start + (how many of the next three entries are ≤ u). All four loads depend only on
                // `start`, so they issue together. Past start+3 (rare) a loop finishes the search.
                @inline(__always) func invert(_ u: Double) -> Double {
                    let start = Int(g[Int(u * guideCount)])
                    if c[start &+ 3] <= u {
                        var k = start &+ 3
                        while c[k] <= u { k &+= 1 }
                        return Double(k)
                    }
                    return Double(start &+ (c[start] <= u ? 1 : 0) &+ (c[start &+ 1] <= u ? 1 : 0) &+ (c[start &+ 2] <= u ? 1 : 0))
                }
                let f0 = lots[0], f1 = lots[1], f2 = lots[2], f3 = lots[3]
                let most = lots.max()
                var l0 = 0.0, l1 = 0.0, l2 = 0.0, l3 = 0.0
                var j = 0.0
                let common = lots.min()
                while j < common {   // every lane has a lot at this index
                    let u = rng.uniform()
                    l0 += invert(u[0]); l1 += invert(u[1]); l2 += invert(u[2]); l3 += invert(u[3])
                    j += 1
                }
                while j < most {
                    let u = rng.uniform()
                    if j < f0 { l0 += invert(u[0]) }
                    if j < f1 { l1 += invert(u[1]) }
                    if j < f2 { l2 += invert(u[2]) }
                    if j < f3 { l3 += invert(u[3]) }
                    j += 1
                }
                return SIMD4(l0, l1, l2, l3)
            }
        }
    }
}
