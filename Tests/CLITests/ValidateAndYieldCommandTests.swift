import Foundation
import Testing

/// End-to-end: `fabplan validate` and `fabplan yield` on real files.
@Suite struct ValidateAndYieldCommandTests {
    @Test func everyShippedModelValidates() throws {
        let models = try FileManager.default.contentsOfDirectory(atPath: packageRoot() + "/Models")
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Models/" + $0 }
        #expect(models.count >= 4)
        let r = try CLIRunner.run(["validate"] + models)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Models/vietnam-2030.yaml: ok"))
    }

    @Test func invalidModelExitsTwoWithFileLineColumnAndKeyPath() throws {
        let r = try CLIRunner.run(["validate", "Fixtures/invalid/unknown-station.yaml", "Fixtures/planner/lead-time.yaml"])
        #expect(r.status == 2)
        // Every problem is "file:line:col: error: keyPath: message".
        let line = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("Fixtures/invalid/unknown-station.yaml:") })
        let parts = line.split(separator: ":", maxSplits: 4)
        #expect(parts.count == 5)
        #expect(Int(parts[1]) != nil && Int(parts[2]) != nil)
        #expect(parts[3].trimmingCharacters(in: .whitespaces) == "error")
    }

    @Test func yieldEstimatesTheCapacityLimitedOutput() throws {
        // Fixtures/planner/one-station-one-product.yaml at capacity: starts = demand / yield = 222,222; the
        // station processes 180,000 of them (1,800 h at 100 UPH); good = 0.9 × 180,000 = 162,000 in expectation.
        // Demand 200,000 is never met. Tolerance: 5 standard errors of the estimate.
        let r = try CLIRunner.run(["yield", "Fixtures/planner/one-station-one-product.yaml", "--trials", "4096",
                                   "--seed", "7", "--format", "json"])
        #expect(r.status == 0)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let product = try #require((o["products"] as? [[String: Any]])?.first)
        let good = try #require(product["goodUnits"] as? [String: Any])
        let mean = try #require(good["mean"] as? Double)
        let se = try #require(good["standardError"] as? Double)
        #expect(se > 0)
        #expect(abs(mean - 162_000) < 5 * se)
        #expect(product["probabilityMeetDemand"] as? Double == 0)
        #expect(abs((product["deterministicGoodUnits"] as? Double ?? 0) - 162_000) < 1e-6)
        // The same seed gives the same bits with another thread count.
        let again = try CLIRunner.run(["yield", "Fixtures/planner/one-station-one-product.yaml", "--trials", "4096",
                                       "--seed", "7", "--threads", "1", "--format", "json"])
        #expect(again.stdout == r.stdout)
    }

    @Test("--sampling tables and two-stage: mean die yield of 100 wafers = the NB formula 1.1^−2 within 5 SE")
    func yieldSamplingModesAgreeWithTheClosedForm() throws {
        // Fixtures/yield/small-fab.yaml: A = 1 cm², D0 = 0.2, α = 2: (1 + 0.1)^−2 = 0.826446 (100 wafers per
        // period: below the aggregate threshold, so each mode draws every wafer's law).
        for mode in ["tables", "two-stage"] {
            let r = try CLIRunner.run(["yield", "Fixtures/yield/small-fab.yaml", "--trials", "2048", "--seed", "3",
                                       "--sampling", mode, "--format", "json"])
            #expect(r.status == 0, "\(mode): \(r.stderr)")
            let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let dies = try #require(o["dieYields"] as? [[String: Any]])
            #expect(dies.count == 2)
            for die in dies {
                #expect(abs((die["negativeBinomialYield"] as? Double ?? 0) - 0.826446) < 1e-6)
                let y = try #require(die["dieYield"] as? [String: Any])
                let mean = try #require(y["mean"] as? Double), se = try #require(y["standardError"] as? Double)
                #expect(se > 0 && abs(mean - 1 / 1.21) < 5 * se, "\(mode): \(mean) ± \(se)")
            }
        }
        let bad = try CLIRunner.run(["yield", "Fixtures/yield/small-fab.yaml", "--sampling", "fast"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("sampling"))
    }

    @Test func yieldRefusesBadOptions() throws {
        let r = try CLIRunner.run(["yield", "Fixtures/planner/one-station-one-product.yaml", "--trials", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--trials must be at least 1"))
        let half = try CLIRunner.run(["yield", "Fixtures/planner/one-station-one-product.yaml", "--lot-size", "100.5"])
        #expect(half.status == 64)
        #expect(half.stderr.contains("--lot-size must be a whole number of units in 1...1e12, got 100.5"))
        let missing = try CLIRunner.run(["yield", "Fixtures/planner/no-such-file.yaml"])
        #expect(missing.status == 2)
    }
}
