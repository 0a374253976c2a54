/// A discrete distribution on 0, 1, 2, ... tabulated for inversion: its CDF plus a guide table.
public struct InversionTable: Sendable {
    /// cdf[k] = P(X ≤ k), followed by four padding entries equal to 1.
    @usableFromInline let cdf: [Double]
    /// guide[i] = smallest k with cdf[k] ≥ i / guide.count (4 entries per CDF entry).
    @usableFromInline let guide: [Int32]

    /// Tabulates `pmf`, cut where the remaining mass is below 1e-17 (the last entry is set to 1, so the
    /// search always ends). Nil if it would have more than 200,000 entries.
    init?(pmf: [Double]) {
        var table: [Double] = []
        var cumulative = 0.0
        for p in pmf {
            cumulative += p
            table.append(cumulative)
            if 1 - cumulative <= 1e-17 { break }
        }
        guard !table.isEmpty, table.count <= 200_000 else { return nil }
        table[table.count - 1] = 1
        let entries = table.count
        table += [1, 1, 1, 1]   // the lookup reads up to 3 entries past its start without bounds checks
        let m = Swift.max(4 * entries, 64)
        var guide = [Int32](repeating: 0, count: m)
        var j = 0
        for g in 0..<m {
            let threshold = Double(g) / Double(m)
            while table[j] < threshold { j += 1 }
            guide[g] = Int32(j)
        }
        self.cdf = table
        self.guide = guide
    }

    /// The value for a uniform `u` in [0, 1): the smallest k with cdf[k] > u.
    @inlinable @inline(__always)
    public func value(uniform u: Double) -> Double {
        cdf.withUnsafeBufferPointer { c in
            guide.withUnsafeBufferPointer { g in
                InversionTable.invert(u, c, g, Double(g.count))
            }
        }
    }

    /// Guide start, then three branch-free steps: the CDF is monotone, so if cdf[start+3] > u the answer is
    /// start + (how many of the next three entries are ≤ u). All four loads depend only on `start`, so they
    /// issue together. Past start+3 (rare) a loop finishes the search.
    @inlinable @inline(__always)
    static func invert(
        _ u: Double, _ c: UnsafeBufferPointer<Double>, _ g: UnsafeBufferPointer<Int32>, _ guideCount: Double
    ) -> Double {
        let start = Int(g[Int(u * guideCount)])
        if c[start &+ 3] <= u {
            var k = start &+ 3
            while c[k] <= u { k &+= 1 }
            return Double(k)
        }
        return Double(start &+ (c[start] <= u ? 1 : 0) &+ (c[start &+ 1] <= u ? 1 : 0) &+ (c[start &+ 2] <= u ? 1 : 0))
    }

    /// Sum over `count` draws per lane (whole numbers), one vector of uniforms per draw index. Lane sums are
    /// kept in scalars: writing one lane of a SIMD vector in memory and reading the vector back stalls store
    /// forwarding.
    @inlinable
    func sum(count: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        cdf.withUnsafeBufferPointer { c in
            guide.withUnsafeBufferPointer { g in
                let guideCount = Double(g.count)
                let f0 = count[0], f1 = count[1], f2 = count[2], f3 = count[3]
                let most = count.max()
                var l0 = 0.0, l1 = 0.0, l2 = 0.0, l3 = 0.0
                var j = 0.0
                let common = count.min()
                while j < common {   // every lane has a draw at this index
                    let u = rng.uniform()
                    l0 += InversionTable.invert(u[0], c, g, guideCount)
                    l1 += InversionTable.invert(u[1], c, g, guideCount)
                    l2 += InversionTable.invert(u[2], c, g, guideCount)
                    l3 += InversionTable.invert(u[3], c, g, guideCount)
                    j += 1
                }
                while j < most {
                    let u = rng.uniform()
                    if j < f0 { l0 += InversionTable.invert(u[0], c, g, guideCount) }
                    if j < f1 { l1 += InversionTable.invert(u[1], c, g, guideCount) }
                    if j < f2 { l2 += InversionTable.invert(u[2], c, g, guideCount) }
                    if j < f3 { l3 += InversionTable.invert(u[3], c, g, guideCount) }
                    j += 1
                }
                return SIMD4(l0, l1, l2, l3)
            }
        }
    }
}

/// Exact sampler of the units lost in full lots: per lot, Losses ~ BetaBinomial(L, b, a), the marginal of
/// "lot yield Y ~ Beta(a, b), good | Y ~ Binomial(L, Y)" (losses = L − good), by inversion of tables.
///
/// a = mean·c and b = (1 − mean)·c are the same for every full lot of a step, so the pmf is computed once
/// (recursion P(k+1) = P(k)·(L−k)(b+k) / ((k+1)(a+L−k−1)) from P(0) = Π_{i<L} (a+i)/(a+b+i), with own
/// exp/log so the table is bit-identical on every machine). The total losses of `lotsPerBlock` independent
/// lots are tabulated too (the pmf convolved with itself, by repeated squaring), so a step with F full lots
/// costs ⌊F/8⌋ + (F mod 8) uniforms and short table searches instead of F beta and F binomial draws.
/// Exact up to the floating-point rounding of the tabulated CDFs (~1e-15).
public struct BetaBinomialTable: Sendable {
    /// Lot size L.
    public let lotSize: Double
    /// Losses of one full lot.
    public let single: InversionTable
    /// Total losses of `lotsPerBlock` full lots (nil if impractical).
    public let block: InversionTable?
    /// Lots per block draw.
    public static let lotsPerBlock = 8

    /// A table for lots of `lotSize` units with mean step yield `meanYield` and beta concentration
    /// `concentration`, or nil if it would be impractical (P(0) underflows or more than 200,000 entries);
    /// the caller then draws beta and binomial per lot.
    public init?(lotSize: Double, meanYield: Double, concentration: Double) {
        let a = meanYield * concentration        // beta parameter of the good fraction
        let b = (1 - meanYield) * concentration  // beta parameter of the loss fraction
        let n = lotSize
        guard n >= 1, a > 0 else { return nil }
        var pmf: [Double]
        if b <= 0 {
            pmf = [1]   // no losses ever
        } else {
            var logP0 = 0.0
            var i = 0.0
            while i < n { logP0 += VectorMath.log((a + i) / (a + b + i)); i += 1 }
            guard logP0 > -700 else { return nil }
            var p = VectorMath.exp(logP0)
            pmf = [p]
            var cumulative = p
            var k = 0.0
            while k < n && 1 - cumulative > 1e-17 {
                p *= (n - k) * (b + k) / ((k + 1) * (a + n - k - 1))
                cumulative += p
                pmf.append(p)
                k += 1
                if pmf.count > 200_000 { return nil }
            }
        }
        guard let single = InversionTable(pmf: pmf) else { return nil }
        self.lotSize = n
        self.single = single
        var blockPMF = pmf
        var lots = 1
        while lots < Self.lotsPerBlock && blockPMF.count < 50_000 {
            blockPMF = Self.convolve(blockPMF, blockPMF)
            lots *= 2
        }
        block = lots == Self.lotsPerBlock ? InversionTable(pmf: blockPMF) : nil
    }

    /// pmf of the sum of two independent variables, with the negligible upper tail (< 1e-18) dropped.
    static func convolve(_ x: [Double], _ y: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: x.count + y.count - 1)
        for i in x.indices where x[i] != 0 {
            for j in y.indices { out[i + j] += x[i] * y[j] }
        }
        var total = out.reduce(0, +)
        while out.count > 1 && out[out.count - 1] < 1e-18 * total { total -= out.removeLast() }
        return out
    }

    /// Units lost in one full lot, for a uniform `u` in [0, 1).
    @inlinable @inline(__always)
    public func losses(uniform u: Double) -> Double { single.value(uniform: u) }

    /// Total units lost over `lots` full lots per lane (whole numbers): blocks of `lotsPerBlock` lots from
    /// the block table, the rest lot by lot.
    @inlinable
    public func totalLosses(lots: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        guard let block else { return single.sum(count: lots, rng: &rng) }
        let per = Double(Self.lotsPerBlock)
        let blocks = VectorMath.floor(lots * (1.0 / per))
        let rest = lots - blocks * per
        return block.sum(count: blocks, rng: &rng) + single.sum(count: rest, rng: &rng)
    }
}
