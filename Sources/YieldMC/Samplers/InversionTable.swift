/// A discrete distribution on whole numbers tabulated for inversion: its CDF plus a guide table.
public struct InversionTable: Sendable {
    /// The value of entry 0 (the table covers offset, offset + 1, …).
    public let offset: Double
    /// cdf[k] = P(X ≤ offset + k), followed by four padding entries equal to 1.
    @usableFromInline let cdf: [Double]
    /// guide[i] = smallest k with cdf[k] ≥ i / guide.count (one entry per CDF entry: a search starts at most a few
    /// entries before its answer, and the tables stay small enough for the caches).
    @usableFromInline let guide: [Int32]

    /// Number of tabulated values.
    public var count: Int { cdf.count - 4 }

    /// Tabulates `law`. Values whose cumulated mass from either end is at most 1e-17 are left out (below the
    /// 2^−52 resolution of the uniforms that invert the table: the lowest kept value takes the mass below it, and
    /// the last entry is set to 1). Nil if the table would have more than `maxEntries` entries.
    init?(law: DiscreteLaw, maxEntries: Int = 200_000) {
        let pmf = law.probabilities
        var first = 0
        var cumulative = 0.0
        while first < pmf.count - 1 && cumulative + pmf[first] <= 1e-17 { cumulative += pmf[first]; first += 1 }
        var table: [Double] = []
        for p in pmf[first...] {
            cumulative += p
            table.append(cumulative)
            if 1 - cumulative <= 1e-17 { break }
        }
        guard !table.isEmpty, table.count <= maxEntries else { return nil }
        table[table.count - 1] = 1
        let entries = table.count
        table += [1, 1, 1, 1]   // the lookup reads up to 3 entries past its start without bounds checks
        let m = Swift.max(entries, 64)
        var guide = [Int32](repeating: 0, count: m)
        var j = 0
        for g in 0..<m {
            let threshold = Double(g) / Double(m)
            while table[j] < threshold { j += 1 }
            guide[g] = Int32(j)
        }
        self.offset = Double(law.offset + first)
        self.cdf = table
        self.guide = guide
    }

    /// The value for a uniform `u` in [0, 1): offset + the smallest k with cdf[k] > u.
    @inlinable @inline(__always)
    public func value(uniform u: Double) -> Double {
        offset + cdf.withUnsafeBufferPointer { c in
            guide.withUnsafeBufferPointer { g in
                InversionTable.invert(u, c, g, Double(g.count))
            }
        }
    }

    /// Probability of value `offset + k` in the table (the table's own law, tails folded as described).
    public func probability(ofIndex k: Int) -> Double {
        guard k >= 0 && k < count else { return 0 }
        return k == 0 ? cdf[0] : cdf[k] - cdf[k - 1]
    }

    /// Guide start, then three branch-free steps: the CDF is monotone, so if cdf[start+3] > u the answer is
    /// start + (how many of the next three entries are ≤ u). All four loads depend only on `start`, so they
    /// issue together. Past start+3 (rare) a loop finishes the search. Returns the index (without the offset).
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
}
