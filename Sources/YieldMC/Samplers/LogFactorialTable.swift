/// ln k! for k = 0 ..< `LogFactorialTable.count`, built once per process: BTRD's exact acceptance test
/// log v ≤ log f(k)/f(m) = ln m! + ln(n−m)! − ln k! − ln(n−k)! + (k − m)·ln(p/q) becomes four table lookups
/// for n < count, instead of a recursive product or the Stirling series with four logarithms.
///
/// Built with the package's own `VectorMath.log` (no libm, so the table is bit-identical on every machine and
/// ISA) and a compensated (two-sum) running sum, so every entry is within a few ulps of ln k! (tested against
/// `lgamma`).
@usableFromInline
enum LogFactorialTable {
    /// Number of entries: n up to 16,383 units (lots and wafers are far smaller; larger n use the Stirling path).
    @usableFromInline static let count = 16_384

    /// The table (never deallocated; 128 KiB; written once during the lazy initialisation, read-only after).
    @usableFromInline nonisolated(unsafe) static let values: UnsafePointer<Double> = {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: count)
        var hi = 0.0, lo = 0.0
        table[0] = 0
        for k in 1..<count {
            // Two-sum of hi + log k, the rounding error carried in lo.
            let term = VectorMath.log(Double(k))
            let sum = hi + term
            let bp = sum - hi
            let err = (hi - (sum - bp)) + (term - bp)
            lo += err
            hi = sum
            table[k] = hi + lo
        }
        return UnsafePointer(table)
    }()

    /// ln x! for four whole numbers 0 ≤ x < `count` (lanes looked up one by one). The index is read from the
    /// mantissa of x + 2^52 (exact for whole x < 2^52), which avoids `Int(Double)` and its range checks.
    @inlinable @inline(__always)
    static func lookup(_ x: SIMD4<Double>, in table: UnsafePointer<Double>) -> SIMD4<Double> {
        let bits = unsafeBitCast(x + 0x1p52, to: SIMD4<UInt64>.self) & SIMD4(repeating: UInt64(count - 1))
        return SIMD4(table[Int(truncatingIfNeeded: bits[0])], table[Int(truncatingIfNeeded: bits[1])],
                     table[Int(truncatingIfNeeded: bits[2])], table[Int(truncatingIfNeeded: bits[3])])
    }
}
