import Foundation
import LineModel
import Planner
import Testing
import YieldMC

/// The line model's die supply in the Monte Carlo input: the fab's wafers and the capped suppliers' caps.
@Suite struct RiskDieSupplyTests {
    /// Fixtures/valid/fab-and-suppliers.yaml (floor(DPW) = 3131, Y(D0 = 0.2, α = 2) = 0.961169, sort 1) with 10,000
    /// wafer starts in 2030 instead of 42,000. At the means: fab dies 10,000 · 3131 · 0.9611688 = 30,094,194.5; the
    /// foundry's cap adds 2e7; the starts at demand need 80e6 / 0.99 = 80,808,081 soc dies, so the 50,094,194.5 dies
    /// available cut the starts to 50,094,194.5 and good output is 0.99 times that = 49,593,252.6. Fab share
    /// 30,094,194.5 / 80,808,080.8 = 0.3724157. The memory die (uncapped supplier only) never limits and is left out.
    @Test func fabDiesComeFirstThenTheCappedFoundry() throws {
        var m = try LineModelLoader.load(path: packageRoot() + "/Fixtures/valid/fab-and-suppliers.yaml")
        m.fab?.waferStartsPerPeriod["2030"] = 10_000
        let input = try YieldInput(model: m, variability: .none)
        let fab = try #require(input.fab)
        #expect(fab.dieTypes.map(\.name) == ["soc"])
        let soc = fab.dieTypes[0]
        #expect(soc.wafersPerPeriod[1] == 10_000)
        #expect(soc.cappedPurchasePerPeriod == [2e7, 2e7])
        #expect(!soc.unlimitedPurchase)
        let y = pow(1 + 0.2 * 0.2 / 2, -2.0)   // 0.961169
        let fabDies = 10_000 * 3131 * y
        let report = try YieldEstimator(input: input).run(.trials(4), seed: 1)
        let x = try #require(report.products.first { $0.period == "2030" })
        #expect(abs(x.deterministicGoodUnits - 0.99 * (fabDies + 2e7)) < 1e-3)
        #expect(abs(fabDies - 30_094_194.5) < 0.1)
        #expect(abs(x.deterministicGoodUnits - 49_593_252.6) < 0.1)
        let s = try #require(report.dieYields.first { $0.period == "2030" }).supply
        #expect(abs(s.fabShare - fabDies / (80e6 / 0.99)) < 1e-9)
        #expect(abs(s.fabShare - 0.3724157) < 1e-7)
        #expect(s.probabilityShort == 1)
    }

    /// The flagship: `fabplan yield Models/vietnam-2030.yaml` simulates the Hoa Lac fab's edge-AI dies (before,
    /// a die type also sold by a supplier was taken as unlimited and the fab never drawn). 2030: 42,000 wafers
    /// (cycle time 0), mean die yield within 5 SE of (1 + 0.2·0.2/2)^(−2) = 0.961169.
    @Test func flagshipDrawsTheFabsDies() throws {
        let m = try LineModelLoader.load(path: packageRoot() + "/Models/vietnam-2030.yaml")
        let input = try YieldInput(model: m)
        let die = try #require(input.fab?.dieTypes.first { $0.name == "edge-ai-soc" })
        #expect(die.wafersPerPeriod.last == 42_000)
        #expect(die.cappedPurchasePerPeriod?.last == 2e7)
        let report = try YieldEstimator(input: input).run(.trials(512), seed: 5)
        let d = try #require(report.dieYields.first { $0.dieType == "edge-ai-soc" && $0.period == "2030" })
        #expect(abs(d.dieYield.mean - 0.961169) < 5 * d.dieYield.standardError + 1e-6)
        #expect(d.dieYield.standardDeviation > 0)
        #expect(d.supply.meanDiesFromFab > 0 && d.supply.fabShare > 0.5)
    }

    private func packageRoot() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
