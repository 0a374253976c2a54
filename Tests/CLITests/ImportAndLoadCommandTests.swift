import Foundation
import Testing

@Suite struct ImportAndLoadCommandTests {
    @Test func importWritesAModelThatValidatesAndLoads() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLIRunner.run(["import", "smt2020", "Fixtures/smt2020/tiny", "--output", out,
                                   "--cascading", "isolated", "--setups", "min-run"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 stations, 1 products, 5 route steps"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("# SMT2020") && text.contains("setups: min-run"))
        #expect(try CLIRunner.run(["validate", out]).status == 0)
        // IMP at 4350 wafers: (64.8 + 1.1 × 52.8) s per wafer = 148.48 h over 168 h × A, A = 1 / (1 + 1/(1000 b)),
        // b = 122.88 / 2.1 s: utilization 93.8 %.
        let load = try CLIRunner.run(["load", out])
        #expect(load.status == 0)
        let imp = try #require(load.stdout.split(separator: "\n").first { $0.contains(" IMP ") })
        #expect(imp.contains("93.8%"), "\(imp)")
        // 1.2 × the starts: 112.6 %, an overload the LP could not show.
        let over = try CLIRunner.run(["load", out, "--scale", "1.2"])
        #expect(over.stdout.contains("1 station-period over 100 % of up-time"))
        #expect(over.stdout.contains("112.6%"))
    }

    @Test func badDatasetExitsTwoWithFileLineAndColumn() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString).yaml").path
        let r = try CLIRunner.run(["import", "smt2020", "Fixtures/valid", "--output", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("error: Fixtures/valid"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
