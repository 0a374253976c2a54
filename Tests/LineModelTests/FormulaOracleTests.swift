import Foundation
import Testing
@testable import LineModel

// Every derived formula against the oracles of shared/reference/domain-data.md section 7 (float64 values
// computed there from the closed forms; tolerances are a few units in the last printed digit).

private func fab(diameter: Double, edge: Double, scribe: Double) -> Fab {
    Fab(id: "f", waferDiameterMillimetres: diameter, edgeExclusionMillimetres: edge, scribeMillimetres: scribe,
        defectDensityPerCm2: [:], waferStartsPerPeriod: [:], waferCost: 0, dieTypes: [])
}

@Suite("Gross dies per wafer (domain-data 7.1)")
struct GrossDiesPerWaferTests {
    // DPW = π (d_eff/2)² / S − π d_eff / √(2S), d_eff = d − 2E, S = (w + s)(h + s).
    // Columns: d, w, h, E, s, DPW (real, 4 decimals), floor.
    static let cases: [(String, Double, Double, Double, Double, Double, Double, Double)] = [
        ("A", 300, 10, 10, 0, 0, 640.2151, 640),
        ("B", 200, 5, 5, 0, 0, 1167.7794, 1167),
        ("C", 300, 10, 10, 3, 0.1, 600.8267, 600),
        ("D", 300, 25, 24, 3, 0.1, 85.6717, 85),
        ("E", 200, 4, 5, 3, 0.08, 1331.5022, 1331),
        ("F", 300, 4, 5, 3, 0.08, 3131.9157, 3131),
        ("G", 200, 2, 2, 3, 0.08, 6625.1038, 6625),
    ]

    @Test("textbook DPW matches cases A-G", arguments: cases.indices)
    func dpwCase(_ i: Int) {
        let (name, d, w, h, e, s, exact, floor) = Self.cases[i]
        let f = fab(diameter: d, edge: e, scribe: s)
        let die = DieType(id: name, widthMillimetres: w, heightMillimetres: h)
        #expect(abs(f.grossDiesPerWaferExact(for: die) - exact) < 5e-5, "case \(name)")
        #expect(f.grossDiesPerWafer(for: die) == floor, "case \(name)")
    }

    @Test("a die larger than the wafer gives zero, never a negative count")
    func tooLargeDie() {
        // d = 100, S = 10000: π·50²/10⁴ − π·100/√(2·10⁴) = 0.785 − 2.221 < 0 → 0.
        let f = fab(diameter: 100, edge: 0, scribe: 0)
        #expect(f.grossDiesPerWafer(for: DieType(id: "x", widthMillimetres: 100, heightMillimetres: 100)) == 0)
    }
}

@Suite("Die yield models (domain-data 7.2)")
struct DieYieldTests {
    // Rows: A [cm²], D0 [/cm²], Poisson, Murphy, 1/(1+AD), exp(−√AD), NB α=0.5, 1, 2, 3, 5, 1e6.
    static let rows: [[Double]] = [
        [1.0, 0.1, 0.904837, 0.905592, 0.909091, 0.728893, 0.912871, 0.909091, 0.907029, 0.906314, 0.905731, 0.904837],
        [1.0, 0.5, 0.606531, 0.619272, 0.666667, 0.493069, 0.707107, 0.666667, 0.640000, 0.629738, 0.620921, 0.606531],
        [0.2, 0.1, 0.980199, 0.980231, 0.980392, 0.868123, 0.980581, 0.980392, 0.980296, 0.980264, 0.980238, 0.980199],
        [0.2, 0.3, 0.941765, 0.942047, 0.943396, 0.782744, 0.944911, 0.943396, 0.942596, 0.942322, 0.942101, 0.941765],
        [6.0, 0.1, 0.548812, 0.565475, 0.625000, 0.460890, 0.674200, 0.625000, 0.591716, 0.578704, 0.567427, 0.548812],
    ]
    static let alphas: [Double] = [0.5, 1, 2, 3, 5, 1e6]
    /// The table is printed to 6 decimals: half a unit in the last place.
    static let tolerance = 5e-7 + 1e-12

    @Test("every model matches the table", arguments: rows.indices)
    func table(_ r: Int) {
        let row = Self.rows[r]
        let ad = row[0] * row[1]
        #expect(abs(YieldModel.poisson.dieYield(areaTimesDefectDensity: ad, alpha: 2) - row[2]) <= Self.tolerance)
        #expect(abs(YieldModel.murphy.dieYield(areaTimesDefectDensity: ad, alpha: 2) - row[3]) <= Self.tolerance)
        #expect(abs(YieldModel.seedsExponential.dieYield(areaTimesDefectDensity: ad, alpha: 2) - row[4]) <= Self.tolerance)
        #expect(abs(YieldModel.expSqrt.dieYield(areaTimesDefectDensity: ad, alpha: 2) - row[5]) <= Self.tolerance)
        for (k, alpha) in Self.alphas.enumerated() {
            let y = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: alpha)
            #expect(abs(y - row[6 + k]) <= Self.tolerance, "alpha \(alpha)")
        }
    }

    @Test("NB with alpha 1 equals 1/(1+AD); alpha 1e6 equals Poisson within 1e-6")
    func negativeBinomialLimits() {
        for ad in [0.0, 0.02, 0.1, 0.5, 0.6, 3.0] {
            let nb1 = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: 1)
            #expect(abs(nb1 - 1 / (1 + ad)) < 1e-15)
            let nbBig = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: 1e6)
            // (1 + x/α)^(−α) − e^(−x) ≈ e^(−x)·x²/(2α) ≤ 4.5e-6 at x = 3; ≤ 1.8e-7 for x ≤ 0.6.
            #expect(abs(nbBig - exp(-ad)) < (ad <= 0.6 ? 1e-6 : 5e-6))
        }
    }

    @Test("ordering Poisson < Murphy < NB(2) < NB(1) < NB(0.5) for AD > 0")
    func ordering() {
        for ad in [0.001, 0.02, 0.1, 0.5, 0.6, 2.0] {
            let p = YieldModel.poisson.dieYield(areaTimesDefectDensity: ad, alpha: 1)
            let m = YieldModel.murphy.dieYield(areaTimesDefectDensity: ad, alpha: 1)
            let nb2 = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: 2)
            let nb1 = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: 1)
            let nbHalf = YieldModel.negativeBinomial.dieYield(areaTimesDefectDensity: ad, alpha: 0.5)
            #expect(p < m && m < nb2 && nb2 < nb1 && nb1 < nbHalf, "AD = \(ad)")
        }
    }

    @Test("every model gives 1 at AD = 0 (Murphy's 0/0 limit included) and is continuous near it")
    func zeroDefects() {
        let models: [YieldModel] = [.poisson, .murphy, .seedsExponential, .expSqrt, .negativeBinomial]
        for m in models {
            #expect(m.dieYield(areaTimesDefectDensity: 0, alpha: 2) == 1)
        }
        // Murphy near 0: ((1 − e^−x)/x)² = 1 − x + 7x²/12 − ...; at x = 1e-9 the value is 1 − 1e-9 to 1e-17.
        let murphyTiny = YieldModel.murphy.dieYield(areaTimesDefectDensity: 1e-9, alpha: 2)
        #expect(abs(murphyTiny - (1 - 1e-9)) < 1e-15)
        let murphySmall = YieldModel.murphy.dieYield(areaTimesDefectDensity: 1e-6, alpha: 2)
        #expect(abs(murphySmall - (1 - 1e-6 + 7.0 / 12 * 1e-12)) < 1e-15)
    }

    @Test("yield depends only on A·D0: (1.0, 0.5), (0.5, 1.0), (2.0, 0.25) give the same row")
    func onlyProductMatters() {
        let dies = [(1.0, 0.5), (0.5, 1.0), (2.0, 0.25)]
        let models: [YieldModel] = [.poisson, .murphy, .seedsExponential, .expSqrt, .negativeBinomial]
        for m in models {
            let values = dies.map { m.dieYield(areaTimesDefectDensity: $0.0 * $0.1, alpha: 2) }
            #expect(values.allSatisfy { abs($0 - values[0]) < 1e-15 })
        }
        // Through a Fab: 10 x 10 mm die (1 cm²) at D0 0.5 vs 5 x 20 mm (1 cm²) — same NB(2) yield 0.64.
        var f = fab(diameter: 300, edge: 0, scribe: 0)
        f.defectDensityPerCm2 = ["p": 0.5]
        let periods = [Period(id: "p", hoursPerTool: 1)]
        let y1 = f.dieYield(for: DieType(id: "a", widthMillimetres: 10, heightMillimetres: 10), periodIndex: 0, periods: periods)
        let y2 = f.dieYield(for: DieType(id: "b", widthMillimetres: 5, heightMillimetres: 20), periodIndex: 0, periods: periods)
        #expect(abs(y1 - 0.64) < 1e-12 && abs(y2 - 0.64) < 1e-12)
    }
}

@Suite("Good dies per wafer (domain-data 7.5)")
struct GoodDiesPerWaferTests {
    // Die 4 x 5 mm, scribe 0.08, edge 3, NB α = 2; good/wafer = floor(DPW) × Y (sort yield 1).
    // Columns: wafer, D0, floor(DPW), Y, good/wafer.
    static let cases: [(Double, Double, Double, Double, Double)] = [
        (200, 0.2, 1331, 0.961169, 1279.32),
        (300, 0.2, 3131, 0.961169, 3009.42),
        (200, 0.5, 1331, 0.907029, 1207.26),
        (300, 0.5, 3131, 0.907029, 2839.91),
    ]

    @Test("floor(DPW) × NB yield matches the fab cross-check table", arguments: cases.indices)
    func goodDies(_ i: Int) {
        let (d, d0, gross, y, good) = Self.cases[i]
        var f = fab(diameter: d, edge: 3, scribe: 0.08)
        f.defectDensityPerCm2 = ["2030": d0]
        f.clusteringAlpha = 2
        let die = DieType(id: "soc", widthMillimetres: 4, heightMillimetres: 5)
        let periods = [Period(id: "2030", hoursPerTool: 8400)]
        #expect(f.grossDiesPerWafer(for: die) == gross)
        #expect(abs(f.dieYield(for: die, periodIndex: 0, periods: periods) - y) < 5e-7)
        // good/wafer printed to 2 decimals.
        #expect(abs(f.goodDiesPerWafer(for: die, periodIndex: 0, periods: periods) - good) < 5e-3)
        // M good die per year at 3,500 wspm: 300 mm D0 0.2 → 126.40 M (table).
        if d == 300, d0 == 0.2 {
            let perYear = f.goodDiesPerWafer(for: die, periodIndex: 0, periods: periods) * 12 * 3500 / 1e6
            #expect(abs(perYear - 126.40) < 5e-3)
        }
    }

    @Test("sort yield multiplies the good dies; D0 follows the learning curve with carry-forward")
    func sortYieldAndLearningCurve() {
        var f = fab(diameter: 300, edge: 3, scribe: 0.08)
        f.defectDensityPerCm2 = ["2028": 0.5, "2030": 0.2]
        f.sortYield = 0.97
        let periods = ["2027", "2028", "2029", "2030"].map { Period(id: $0, hoursPerTool: 8400) }
        let die = DieType(id: "soc", widthMillimetres: 4, heightMillimetres: 5)
        // 2027 precedes every listed value → the first listed (0.5); 2029 carries 2028's 0.5 forward.
        #expect(f.defectDensity(periodIndex: 0, periods: periods) == 0.5)
        #expect(f.defectDensity(periodIndex: 2, periods: periods) == 0.5)
        #expect(f.defectDensity(periodIndex: 3, periods: periods) == 0.2)
        // 3131 × 0.961169 × 0.97 = 2919.14 (3009.42 × 0.97).
        #expect(abs(f.goodDiesPerWafer(for: die, periodIndex: 3, periods: periods) - 2919.14) < 0.01)
    }
}

@Suite("Rates, availability and route yield (domain-data 7.3)")
struct ThroughputOracleTests {
    @Test("multi-site test UPH = 3600·sites/(t_test + t_index)")
    func testCell() {
        let cases: [(Double, Double, Double, Double)] = [
            (2, 0.5, 8, 11_520.00), (30, 1.0, 4, 464.5161), (1, 0.3, 16, 44_307.69), (60, 2, 2, 116.1290),
        ]
        for (t, i, s, uph) in cases {
            let r = Rate.multiSiteTest(testSeconds: t, sites: s, indexSeconds: i)
            #expect(abs(r.unitsPerHour - uph) < 0.01, "t=\(t) s=\(s)")
            #expect(abs(r.secondsPerUnit - (t + i) / s) < 1e-12)
        }
    }

    @Test("wire-bond UPH = 3600/(N/r + t_index)")
    func wireBond() {
        let cases: [(Double, Double, Double, Double)] = [
            (48, 10, 0.3, 705.8824), (48, 15, 0.3, 1_028.571), (200, 12, 0.5, 209.7087), (16, 12, 0.2, 2_347.826),
            (160, 12, 0.5, 260.2), // domain-data 6.3: 4 tiers x 40 wires
        ]
        for (n, r, t, uph) in cases {
            let rate = Rate.wireBond(wiresPerUnit: n, wiresPerSecond: r, indexSeconds: t)
            #expect(abs(rate.unitsPerHour - uph) < 0.05, "N=\(n)")
        }
    }

    @Test("mold and burn-in as batch tools: units / (batch + load hours)")
    func batchTools() {
        // Mold: 100 units/strip × 2 strips per 60 s shot = 200 units per 1/60 h → 12,000 UPH.
        let mold = Rate.batch(unitsPerBatch: 200, batchHours: 60.0 / 3600, loadHours: 0)
        #expect(abs(mold.unitsPerHour - 12_000) < 1e-6)
        // Burn-in: 72 boards × 16 DUT / (12 + 1) h = 88.6154; 48 × 32 / (24 + 1.5) = 60.2353.
        let bi1 = Rate.batch(unitsPerBatch: 72 * 16, batchHours: 12, loadHours: 1)
        let bi2 = Rate.batch(unitsPerBatch: 48 * 32, batchHours: 24, loadHours: 1.5)
        #expect(abs(bi1.unitsPerHour - 88.6154) < 5e-5)
        #expect(abs(bi2.unitsPerHour - 60.2353) < 5e-5)
        #expect(abs(Rate.unitsPerHour(6000).secondsPerUnit - 0.6) < 1e-15)
        #expect(Rate.secondsPerUnit(3.2).unitsPerHour == 1125)
    }

    @Test("OEE = A·P·Q with A from up-time: (410/480) × 0.95 × 0.98 = 0.795229")
    func oee() {
        // 410 min up in 480: as MTBF 410, MTTR 70 → A = 410/480 = 0.854167.
        let a = Availability.reliability(mtbfHours: 410, mttrHours: 70).fraction
        #expect(abs(a - 0.854167) < 5e-7)
        #expect(abs(a * 0.95 * 0.98 - 0.795229) < 5e-7)
        #expect(Availability.fraction(0.9).fraction == 0.9)
        // Effective hours: 8400 × 0.854167 × 0.85 = 6098.75.
        let st = Station(id: "s", installedTools: 1, availability: .reliability(mtbfHours: 410, mttrHours: 70),
                         utilizationCap: 0.85)
        #expect(abs(st.effectiveHours(hoursPerTool: 8400) - 8400 * 410 / 480 * 0.85) < 1e-9)
        #expect(abs(st.effectiveHours(hoursPerTool: 8400) - 6098.75) < 1e-9)
    }

    static func product(_ yields: [Double], _ seconds: [Double]) -> Product {
        Product(id: "p", route: zip(yields, seconds).map {
            RouteStep(station: "s", rate: .secondsPerUnit($0.1), yield: $0.0)
        }, sites: ["x"], demand: [:], pricePerUnit: 1)
    }

    @Test("serial line yield of the 7-step chain = 0.992523")
    func serialYield() {
        let p = Self.product([0.9995, 0.999, 0.9985, 0.999, 0.998, 0.9995, 0.999], Array(repeating: 1, count: 7))
        #expect(abs(p.routeYield - 0.992523) < 5e-7)
    }

    @Test("load per started unit takes out upstream losses")
    func loadPerStartedUnit() {
        // Steps: 10 s @ 0.9, 20 s @ 0.5, 40 s @ 1. A started unit reaches step 2 with probability 0.9 and step 3
        // with 0.45, so loads are 10, 0.9 × 20 = 18, 0.45 × 40 = 18 seconds.
        let p = Self.product([0.9, 0.5, 1.0], [10, 20, 40])
        let loads = p.loadSecondsPerStartedUnit
        #expect(loads.count == 3)
        #expect(abs(loads[0] - 10) < 1e-12 && abs(loads[1] - 18) < 1e-12 && abs(loads[2] - 18) < 1e-12)
        #expect(abs(p.fractionReaching(step: 2) - 0.45) < 1e-15)
        #expect(abs(p.routeYield - 0.45) < 1e-15)
    }
}
