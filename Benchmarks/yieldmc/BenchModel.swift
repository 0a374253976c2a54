import YieldMC

/// The benchmark model: one month of a small fab-fed back-end line (the same numbers as
/// models/line-model.json after the LineModel → YieldInput mapping, simplified to one period).
/// Per trial: 200 wafers (gamma + binomial each), 104 + 617 lots through 4 + 3 dispersed steps
/// (beta + binomial each), 2 plain binomial steps, 5 stations with Poisson failures and gamma repairs,
/// 2 gamma demand draws.
/// The PMIC's 617 lots are above the aggregate threshold (256 lots), so its dispersed steps are one normal draw
/// each, in Swift and in the numpy peer alike. `input(pmicStarts: 240_000)` keeps every step below the threshold
/// (240 lots), so both sides sample every lot.
enum BenchModel {
    static let fullPMICStarts = 616_552.0
    /// PMIC starts for the configuration where nothing aggregates (240 lots of 1,000 < 256).
    static let perLotPMICStarts = 240_000.0

    /// The fab's mean defect density D0 (per cm²) in the benchmark model.
    static let defectDensityPerCm2 = 0.2

    static func input(pmicStarts: Double = fullPMICStarts, defectDensityPerCm2: Double = defectDensityPerCm2) -> YieldInput {
        let stations = [
            YieldStation(name: "hcm/dicing", toolsPerPeriod: [2], mtbfHours: 400, mttrHours: 3, utilizationCap: 0.85),
            YieldStation(name: "hcm/die-attach", toolsPerPeriod: [2], mtbfHours: 300, mttrHours: 1.5, utilizationCap: 0.85),
            YieldStation(name: "hcm/wire-bond", toolsPerPeriod: [1], mtbfHours: 250, mttrHours: 1, utilizationCap: 0.85),
            YieldStation(name: "hcm/mold", toolsPerPeriod: [1], mtbfHours: 300, mttrHours: 2, utilizationCap: 0.85),
            YieldStation(name: "hcm/final-test", toolsPerPeriod: [6], mtbfHours: 500, mttrHours: 4, utilizationCap: 0.85),
        ]
        let fab = YieldFab(clusteringAlpha: 2, sortYield: 0.97, dieTypes: [
            YieldDieType(name: "mcu-die", grossDiesPerWafer: 609, dieAreaSquareCentimetres: 1,
                         defectDensityPerCm2: [defectDensityPerCm2], wafersPerPeriod: [200]),
        ])
        let mcu = YieldProduct(name: "qfn-mcu", demandPerPeriod: [100_000], demandCV: 0.08, routes: [
            YieldRoute(site: "hcm", startsPerPeriod: [104_235], fabDieType: 0, fabDiesPerUnit: 1, steps: [
                YieldStep(name: "dicing", stationIndex: 0, secondsPerUnit: 2, nominalYield: 0.998, yieldConcentration: 2000),
                YieldStep(name: "die-attach", stationIndex: 1, secondsPerUnit: 2.4, nominalYield: 0.995, yieldConcentration: 1000),
                YieldStep(name: "wire-bond", stationIndex: 2, secondsPerUnit: 5.1, nominalYield: 0.997, yieldConcentration: 1500),
                YieldStep(name: "mold", stationIndex: 3, secondsPerUnit: 0.54, nominalYield: 0.999),
                YieldStep(name: "final-test", stationIndex: 4, secondsPerUnit: 0.625, nominalYield: 0.97, yieldConcentration: 300),
            ]),
        ])
        let pmic = YieldProduct(name: "qfn-pmic", demandPerPeriod: [600_000], demandCV: 0.1, routes: [
            YieldRoute(site: "hcm", startsPerPeriod: [pmicStarts], steps: [
                YieldStep(name: "die-attach", stationIndex: 1, secondsPerUnit: 1.8, nominalYield: 0.996, yieldConcentration: 1000),
                YieldStep(name: "wire-bond", stationIndex: 2, secondsPerUnit: 1.5333, nominalYield: 0.998, yieldConcentration: 2000),
                YieldStep(name: "mold", stationIndex: 3, secondsPerUnit: 0.27, nominalYield: 0.999),
                YieldStep(name: "final-test", stationIndex: 4, secondsPerUnit: 0.175, nominalYield: 0.98, yieldConcentration: 500),
            ]),
        ])
        return YieldInput(periods: [YieldPeriod(name: "2027-01", hoursPerTool: 720)], stations: stations, fab: fab,
                          products: [mcu, pmic], unitsPerLot: 1000)
    }
}
