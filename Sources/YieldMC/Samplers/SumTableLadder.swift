/// Exact sums of many independent draws from one discrete law, by inversion of tabulated laws of the sum of
/// 1, 2, 4, …, 2^K draws (the law convolved with itself by repeated squaring).
///
/// A sum of m draws is ⌊m / 2^K⌋ draws from the top table plus one draw from table b for every binary digit b
/// of m mod 2^K: e.g. 104 lots with K = 6 are 64 + 32 + 8, three table draws instead of 104. The result has
/// exactly the law of the sum (up to the ~1e-15 rounding of the tabulated CDFs and the tails below 1e-17 that
/// no uniform (52 random bits) can reach).
///
/// The tables are packed into one block of memory read through raw pointers, so a draw costs no reference
/// counting (the sums run inside the trial kernel's innermost loops).
public struct SumTableLadder: Sendable {
    /// levels[b]: the law of the sum of 2^b draws.
    public let levels: [InversionTable]
    @usableFromInline let packed: PackedInversionTables

    /// Multiply-adds spent on the convolutions.
    public let buildWork: Double

    /// Draws per top-level table entry: 2^K.
    public var topCount: Int { 1 << (levels.count - 1) }

    /// Tables for sums of up to `maxCount` draws from `law`: squares while 2^(b+1) ≤ `maxCount`, each sum table
    /// has at most `maxEntries` values, and the convolutions together cost at most `maxWork` multiply-adds (about
    /// 30 ms). Nil when the single-draw table would have more than 200,000 entries.
    public init?(law: DiscreteLaw, maxCount: Int, maxEntries: Int = 32_768, maxWork: Double = 6e7) {
        guard let first = InversionTable(law: law) else { return nil }
        var tables = [first]
        var current = law.trimmed(tailMass: 1e-18)
        var work = 0.0
        while 2 << (tables.count - 1) <= maxCount {
            let n = Double(current.probabilities.count)
            guard work + n * n <= maxWork, 2 * current.probabilities.count - 1 <= 2 * maxEntries else { break }
            work += n * n
            let next = current.convolved(with: current)
            guard let table = InversionTable(law: next, maxEntries: maxEntries) else { break }
            tables.append(table)
            current = next
        }
        levels = tables
        packed = PackedInversionTables(tables)
        buildWork = work
    }

    /// Per lane, the sum of `count[lane]` draws (whole numbers ≥ 0); see `LadderView.sum(count:rng:)`.
    @inlinable
    public func sum(count: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        withExtendedLifetime(packed) { packed.view.sum(count: count, rng: &rng) }
    }

    /// The sum of `count` draws in every lane; see `LadderView.sum(count:rng:)`.
    @inlinable
    public func sum(count: Int, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        withExtendedLifetime(packed) { packed.view.sum(count: count, rng: &rng) }
    }

    /// A trivially copyable view of the packed tables for the trial kernel: reading it from an array costs no
    /// reference counting. Valid while this ladder (or a copy of it) is alive.
    var view: LadderView { packed.view }
}

/// Raw pointers to the packed tables of a `SumTableLadder` (no references: copying it is a plain load, where
/// copying the ladder retains its storage). The owner must keep the ladder alive while the view is used.
@usableFromInline
struct LadderView: @unchecked Sendable {
    /// Per level: offset (value of entry 0), CDF start, guide start, guide count (as Double).
    @usableFromInline let offsets: UnsafePointer<Double>
    @usableFromInline let cdfStarts: UnsafePointer<UnsafePointer<Double>>
    @usableFromInline let guideStarts: UnsafePointer<UnsafePointer<Int32>>
    @usableFromInline let guideCounts: UnsafePointer<Double>
    @usableFromInline let levelCount: Int

    @usableFromInline
    init(offsets: UnsafePointer<Double>, cdfStarts: UnsafePointer<UnsafePointer<Double>>,
         guideStarts: UnsafePointer<UnsafePointer<Int32>>, guideCounts: UnsafePointer<Double>, levelCount: Int) {
        self.offsets = offsets
        self.cdfStarts = cdfStarts
        self.guideStarts = guideStarts
        self.guideCounts = guideCounts
        self.levelCount = levelCount
    }

    /// The value of table `level` for the uniform `u` in [0, 1): `InversionTable.invert` on the packed copy, written
    /// out on raw pointers (calling `invert` through buffer pointers measured ~12 % slower in the ladder bench).
    @inlinable @inline(__always)
    func draw(level: Int, _ u: Double) -> Double {
        let c = cdfStarts[level]
        let start = Int(guideStarts[level][Int(u * guideCounts[level])])
        var k = start
        if c[start &+ 3] <= u {
            k = start &+ 3
            while c[k] <= u { k &+= 1 }
        } else {
            k = start &+ (c[start] <= u ? 1 : 0) &+ (c[start &+ 1] <= u ? 1 : 0) &+ (c[start &+ 2] <= u ? 1 : 0)
        }
        return offsets[level] + Double(k)
    }

    /// Per lane, the sum of `count[lane]` draws (whole numbers ≥ 0). One vector of uniforms per top-level draw
    /// index (lanes without a draw there ignore theirs), then one per binary digit that any lane needs; so the
    /// stream used depends on the counts only.
    @inlinable
    func sum(count: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        let k = levelCount - 1
        let top = Double(1 << k)
        let q = VectorMath.floor(count * (1.0 / top))
        let rest = count - q * top
        var l0 = 0.0, l1 = 0.0, l2 = 0.0, l3 = 0.0
        // Top level: one vector of uniforms per draw index up to the largest lane count.
        let f0 = q[0], f1 = q[1], f2 = q[2], f3 = q[3]
        let most = q.max()
        var j = 0.0
        while j < most {
            let u = rng.uniform()
            if j < f0 { l0 += draw(level: k, u[0]) }
            if j < f1 { l1 += draw(level: k, u[1]) }
            if j < f2 { l2 += draw(level: k, u[2]) }
            if j < f3 { l3 += draw(level: k, u[3]) }
            j += 1
        }
        let r0 = Int(rest[0]), r1 = Int(rest[1]), r2 = Int(rest[2]), r3 = Int(rest[3])
        let needed = r0 | r1 | r2 | r3
        var b = k - 1
        while b >= 0 {
            if (needed >> b) & 1 != 0 {
                // Every lane looks up and keeps its draw only if its digit b is 1: the digits vary from trial
                // to trial, and branching on them mispredicts about half the time.
                let u = rng.uniform()
                l0 += draw(level: b, u[0]) * Double((r0 >> b) & 1)
                l1 += draw(level: b, u[1]) * Double((r1 >> b) & 1)
                l2 += draw(level: b, u[2]) * Double((r2 >> b) & 1)
                l3 += draw(level: b, u[3]) * Double((r3 >> b) & 1)
            }
            b -= 1
        }
        return SIMD4(l0, l1, l2, l3)
    }

    /// The sum of `count` draws in every lane (the same whole number for all four, e.g. a die type's wafers
    /// in a period).
    @inlinable
    func sum(count: Int, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        let k = levelCount - 1
        var l0 = 0.0, l1 = 0.0, l2 = 0.0, l3 = 0.0
        var j = count >> k
        while j > 0 {
            let u = rng.uniform()
            l0 += draw(level: k, u[0]); l1 += draw(level: k, u[1])
            l2 += draw(level: k, u[2]); l3 += draw(level: k, u[3])
            j -= 1
        }
        let rest = count & ((1 << k) - 1)
        var b = k - 1
        while b >= 0 {
            if (rest >> b) & 1 != 0 {
                let u = rng.uniform()
                l0 += draw(level: b, u[0]); l1 += draw(level: b, u[1])
                l2 += draw(level: b, u[2]); l3 += draw(level: b, u[3])
            }
            b -= 1
        }
        return SIMD4(l0, l1, l2, l3)
    }
}

/// The CDFs and guide tables of several `InversionTable`s in one immutable block of memory, read through raw
/// pointers (no reference counting per draw). Written once in `init`, never mutated, freed in `deinit`: safe to
/// share between threads.
@usableFromInline
final class PackedInversionTables: @unchecked Sendable {
    /// The tables as raw pointers (valid while this object lives): the only copy of the per-level pointers.
    @usableFromInline let view: LadderView
    private let cdfStorage: UnsafeMutablePointer<Double>
    private let guideStorage: UnsafeMutablePointer<Int32>

    init(_ tables: [InversionTable]) {
        let cdfTotal = tables.reduce(0) { $0 + $1.cdf.count }
        let guideTotal = tables.reduce(0) { $0 + $1.guide.count }
        cdfStorage = .allocate(capacity: cdfTotal)
        guideStorage = .allocate(capacity: guideTotal)
        let offsets = UnsafeMutablePointer<Double>.allocate(capacity: tables.count)
        let cdfStarts = UnsafeMutablePointer<UnsafePointer<Double>>.allocate(capacity: tables.count)
        let guideStarts = UnsafeMutablePointer<UnsafePointer<Int32>>.allocate(capacity: tables.count)
        let guideCounts = UnsafeMutablePointer<Double>.allocate(capacity: tables.count)
        var c = 0, g = 0
        for (i, table) in tables.enumerated() {
            (cdfStorage + c).initialize(from: table.cdf, count: table.cdf.count)
            (guideStorage + g).initialize(from: table.guide, count: table.guide.count)
            (offsets + i).initialize(to: table.offset)
            (cdfStarts + i).initialize(to: UnsafePointer(cdfStorage + c))
            (guideStarts + i).initialize(to: UnsafePointer(guideStorage + g))
            (guideCounts + i).initialize(to: Double(table.guide.count))
            c += table.cdf.count
            g += table.guide.count
        }
        view = LadderView(offsets: offsets, cdfStarts: cdfStarts, guideStarts: guideStarts, guideCounts: guideCounts,
                          levelCount: tables.count)
    }

    deinit {
        cdfStorage.deallocate()
        guideStorage.deallocate()
        UnsafeMutablePointer(mutating: view.offsets).deallocate()
        UnsafeMutablePointer(mutating: view.cdfStarts).deallocate()
        UnsafeMutablePointer(mutating: view.guideStarts).deallocate()
        UnsafeMutablePointer(mutating: view.guideCounts).deallocate()
    }
}
