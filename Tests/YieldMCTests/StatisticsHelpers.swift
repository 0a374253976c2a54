import Foundation

/// Pearson χ² of observed counts of whole values against an exact pmf. Values are grouped into cells with an
/// expected count of at least 10 (tails pooled); returns (χ², degrees of freedom).
func chiSquare(counts: [Int: Int], total: Int, pmf: (Int) -> Double, support: ClosedRange<Int>) -> (chi2: Double, dof: Int) {
    var cells: [(expected: Double, observed: Double)] = []
    var accE = 0.0, accO = 0.0
    for k in support {
        accE += pmf(k) * Double(total)
        accO += Double(counts[k] ?? 0)
        if accE >= 10 {
            cells.append((accE, accO)); accE = 0; accO = 0
        }
    }
    // Pool whatever is left (upper tail, including mass outside `support`) into the last cell.
    let outside = counts.filter { !support.contains($0.key) }.reduce(0) { $0 + $1.value }
    accO += Double(outside)
    if var last = cells.popLast() {
        last.expected += accE; last.observed += accO
        cells.append(last)
    }
    let chi2 = cells.reduce(0.0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
    return (chi2, cells.count - 1)
}

/// Upper acceptance bound for χ² with `dof` degrees of freedom: mean + 5 standard deviations (dof + 5√(2 dof)).
func chiSquareBound(dof: Int) -> Double { Double(dof) + 5 * (2 * Double(dof)).squareRoot() }

func binomialPMF(n: Int, p: Double) -> (Int) -> Double {
    { k in
        guard k >= 0 && k <= n else { return 0 }
        let logC = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
        return Foundation.exp(logC + Double(k) * Foundation.log(p) + Double(n - k) * Foundation.log1p(-p))
    }
}

func poissonPMF(lambda: Double) -> (Int) -> Double {
    { k in k < 0 ? 0 : Foundation.exp(Double(k) * Foundation.log(lambda) - lambda - lgamma(Double(k + 1))) }
}

/// Running mean and variance of a sample.
struct SampleMoments {
    var n = 0.0, sum = 0.0, sumSq = 0.0
    mutating func add(_ x: Double) { n += 1; sum += x; sumSq += x * x }
    var mean: Double { sum / n }
    var variance: Double { (sumSq - sum * sum / n) / (n - 1) }
}

/// The pmf of a law tabulated as `probabilities` on offset, offset + 1, …; 0 elsewhere.
func tabulatedPMF(_ probabilities: [Double], offset: Int = 0) -> (Int) -> Double {
    { k in k - offset >= 0 && k - offset < probabilities.count ? probabilities[k - offset] : 0 }
}

/// Per SIMD lane, how often each whole value came out of `rounds` calls of `draw`.
func laneCounts(rounds: Int, _ draw: () -> SIMD4<Double>) -> [[Int: Int]] {
    var counts: [[Int: Int]] = Array(repeating: [:], count: 4)
    for _ in 0..<rounds {
        let x = draw()
        for lane in 0..<4 { counts[lane][Int(x[lane]), default: 0] += 1 }
    }
    return counts
}

/// The counts of all lanes together (for draws that have the same law in every lane).
func pooled(_ counts: [[Int: Int]]) -> [Int: Int] {
    counts.reduce(into: [:]) { total, lane in total.merge(lane, uniquingKeysWith: +) }
}
