import Foundation

/// The one number formatter of every report: thousands separators and fixed decimals for tables and HTML,
/// short forms (k, M, G) for chart axes, and plain round-trip numbers for CSV.
enum Fmt {
    /// `v` with thousands separators and `decimals` fixed decimals ("1,234.50"); "inf", "-inf" or "nan" when not finite.
    static func n(_ v: Double, _ decimals: Int = 0) -> String {
        guard v.isFinite else { return v > 0 ? "inf" : (v < 0 ? "-inf" : "nan") }
        // Past what Int64 can hold (and far past any planning figure), fall back to scientific notation.
        guard abs(v) < 1e15 else { return String(format: "%.3e", v) }
        let neg = v < 0
        let scale = pow10(decimals)
        let r = (abs(v) * scale).rounded() / scale
        let intPart = r.rounded(.down)
        var digits = String(Int64(intPart))
        var grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits = String(digits.dropLast(3)) }
        grouped = digits + grouped
        var s = (neg && r != 0 ? "-" : "") + grouped
        if decimals > 0 {
            let frac = Int64(((r - intPart) * scale).rounded())
            let fs = String(frac)
            s += "." + String(repeating: "0", count: max(0, decimals - fs.count)) + fs
        }
        return s
    }

    /// A share (0.853) as a percentage with one decimal ("85.3%").
    static func pct(_ v: Double) -> String { n(v * 100, 1) + "%" }

    /// Fixed decimals without grouping ("0.98765"), as the Monte Carlo tables print estimates.
    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }

    /// Tools as the plan holds them: whole numbers in a MIP plan, two decimals in an LP plan.
    static func tools(_ v: Double, mode: String) -> String { n(v, mode == "mip" ? 0 : 2) }

    /// Short form for chart axes: three significant digits and k / M / G / T ("1.25 G", "350 k", "-12").
    static func short(_ v: Double) -> String {
        guard v.isFinite else { return n(v) }
        let a = abs(v)
        let (scale, suffix): (Double, String) = a >= 1e12 ? (1e12, " T") : a >= 1e9 ? (1e9, " G") : a >= 1e6 ? (1e6, " M")
            : a >= 1e3 ? (1e3, " k") : (1, "")
        let x = v / scale
        let decimals = abs(x) >= 100 || x == x.rounded() ? 0 : abs(x) >= 10 ? 1 : 2
        return String(format: "%.\(decimals)f", x) + suffix
    }

    /// Plain number for CSV (no grouping, round-trips exactly).
    static func raw(_ v: Double) -> String { v.isFinite ? String(v) : (v > 0 ? "inf" : (v < 0 ? "-inf" : "nan")) }
    private static func pow10(_ d: Int) -> Double { var x = 1.0; for _ in 0..<d { x *= 10 }; return x }
}
