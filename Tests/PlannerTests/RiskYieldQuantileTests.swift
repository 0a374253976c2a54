import Foundation
import LineModel
import Planner
import Testing

/// `LineModel.withYieldQuantile`: quantile yields worked out in closed form.
@Suite struct RiskYieldQuantileTests {
    /// One step, mean yield 0.8, concentration 5: lot yield ~ Beta(4, 1), CDF x⁴, so the Q = 0.1 quantile is
    /// 0.1^(1/4) = 0.562341. Sample-quantile SE with n = 20,000: √(Q(1−Q)/n)/f(x) = 0.002121/(4·0.562341³) = 0.00298;
    /// tolerance 5 SE = 0.015.
    @Test func routeYieldQuantileOfABetaFourOneStep() throws {
        let m = PlanFixtures.model(
            stations: [Station(id: "bond", installedTools: 1, availability: .fraction(1), maxTools: 1)],
            products: [PlanFixtures.product("a", steps: [RouteStep(station: "bond", rate: .unitsPerHour(100), yield: 0.8,
                                                                      yieldConcentration: 5)],
                                            demand: ["P1": 100], price: 10)])
        let q = try m.withYieldQuantile(0.1, seed: 4)
        #expect(abs(q.products[0].route[0].yield - 0.562341) < 0.015)
    }

    /// Fixtures/valid/fab-and-suppliers.yaml with α set to 1: D ~ Exponential(mean D0). For Q = 0.1 the per-wafer
    /// yield quantile is e^(−A·D_0.9), D_0.9 = D0·ln 10. soc die 4 × 5 mm, A = 0.2 cm²; D0 = 0.5 (2029):
    /// D_0.9 = 1.151293, D0' = (e^(0.2·1.151293) − 1)/0.2 = (1.258925 − 1)/0.2 = 1.294627.
    /// SE of the sample quantile: √(0.09/20,000)/f(D_0.9), f = (1/D0)e^(−D/D0) = 0.2 → 0.0106 in D, ×e^(A·D) = 1.26
    /// in D0' → 0.0134; tolerance 5 SE = 0.067. D0 = 0.2 (2030): D0' = (e^(0.2·0.460517) − 1)/0.2 = 0.482222, SE 0.0054.
    @Test func dieYieldQuantileMapsBackToAnEquivalentDefectDensity() throws {
        var m = try LineModelLoader.load(path: packageRoot() + "/Fixtures/valid/fab-and-suppliers.yaml")
        m.fab?.clusteringAlpha = 1
        let q = try m.withYieldQuantile(0.1, seed: 9)
        let d0 = try #require(q.fab?.defectDensityPerCm2)
        #expect(abs((d0["2029"] ?? 0) - 1.294627) < 0.067)
        #expect(abs((d0["2030"] ?? 0) - 0.482222) < 5 * 0.0054)
    }

    @Test(arguments: [0.0, 1.0, -0.5, 2.0, Double.nan])
    func quantileOutsideTheOpenUnitIntervalIsAnError(_ bad: Double) {
        #expect(throws: YieldQuantileError.self) { try PlanFixtures.oneStationOneProduct.withYieldQuantile(bad) }
    }

    private func packageRoot() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
