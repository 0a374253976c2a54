import Foundation
import Testing

/// End-to-end: real `fabplan optimize` command lines on fixture files with hand-worked optima.
@Suite struct OptimizeCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func optimizeWritesTheVersionedJSONSchema() throws {
        // Fixtures/planner/one-station-one-product.yaml: profit 1,440,000 (worked in the file's comments).
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/one-station-one-product.yaml", "--format", "json"])
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect(o["schemaVersion"] as? Int == 1)
        #expect(o["status"] as? String == "optimal")
        #expect(abs((o["objective"] as? Double ?? 0) - 1_440_000) < 1e-3)
        let bottlenecks = try #require(o["bottlenecks"] as? [[String: Any]])
        #expect(abs((bottlenecks.first?["shadowPricePerToolHour"] as? Double ?? 0) - 800) < 1e-6)
    }

    @Test func lpAndMipModesGiveTheirHandWorkedOptima() throws {
        // Fixtures/planner/lead-time.yaml: MIP 350,000; LP relaxation 375,000.
        let mip = try json(try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--format", "json"]).stdout)
        let lp = try json(try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--lp", "--format", "json"]).stdout)
        #expect(abs((mip["objective"] as? Double ?? 0) - 350_000) < 1e-3)
        #expect(abs((lp["objective"] as? Double ?? 0) - 375_000) < 1e-3)
        #expect(mip["mode"] as? String == "mip")
        #expect(lp["mode"] as? String == "lp")
    }

    @Test func infeasibleMinCostExitsThreeAndExplains() throws {
        // All 200,000 units cannot be made with 2 tools: at least 38,000 short.
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/one-station-one-product.yaml", "--objective", "min-cost"])
        #expect(r.status == 3)
        #expect(r.stdout.contains("INFEASIBLE"))
        #expect(r.stdout.contains("38000 units short"))
        #expect(r.stdout.contains("station s/bond is at its floor limit"))
    }

    @Test func invalidModelExitsTwoWithALocatedError() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/invalid/unknown-station.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Fixtures/invalid/unknown-station.yaml:"))
        #expect(r.stdout.isEmpty)
    }

    @Test func outputIsWrittenAtomicallyAndNothingOnFailure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("plan.json").path
        let ok = try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--format", "json", "--output", out,
                                    "--export-mps", dir.appendingPathComponent("plan.mps").path])
        #expect(ok.status == 0)
        let written = try json(String(contentsOfFile: out, encoding: .utf8))
        #expect(abs((written["objective"] as? Double ?? 0) - 350_000) < 1e-3)
        // No temporary files are left beside the outputs.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["plan.json", "plan.mps"])
        // A folder that does not exist: exit 6, nothing written.
        let bad = try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--output", dir.path + "/missing/plan.txt"])
        #expect(bad.status == 6)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/missing"))
    }

    @Test func writingToDevNullKeepsItADevice() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--output", "/dev/null", "--export-lp", "/dev/null"])
        #expect(r.status == 0)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0)
        #expect((st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func badOptionsAreRefused() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--gap", "2"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--gap must be in [0, 1)"))
        let nan = try CLIRunner.run(["optimize", "Fixtures/planner/lead-time.yaml", "--time-limit", "nan"])
        #expect(nan.status != 0)
    }
}
