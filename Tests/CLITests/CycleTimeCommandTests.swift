import Foundation
import Testing

/// End-to-end: `fabplan optimize` reports cycle times and plans with `--cycle-time-target`
/// (Fixtures/planner/mm1-cycle-time.yaml, worked in the file's comments).
@Suite struct CycleTimeCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func firstProduct(_ o: [String: Any]) throws -> [String: Any] {
        let ct = try #require(o["cycleTime"] as? [String: Any])
        return try #require((ct["products"] as? [[String: Any]])?.first)
    }

    @Test func reportShowsCycleTimeAndWIP() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--lp", "--format", "json"])
        #expect(r.status == 0)
        let p = try firstProduct(try json(r.stdout))
        #expect(abs((p["cycleTimeHours"] as? Double ?? 0) - 10) < 1e-6)
        #expect(abs((p["wipUnits"] as? Double ?? 0) - 9) < 1e-6)
        let table = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--lp"])
        #expect(table.stdout.contains("Expected cycle time and WIP"))
    }

    @Test func targetCapsUtilizationAsTheQueueingModelSays() throws {
        let r = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--format", "json",
                                   "--cycle-time-target", "widget=5"])
        #expect(r.status == 0)
        let o = try json(r.stdout)
        #expect(abs((o["objective"] as? Double ?? 0) - 8000) < 1e-3)
        let p = try firstProduct(o)
        #expect(abs((p["cycleTimeHours"] as? Double ?? 0) - 5) < 1e-6)
        #expect(p["targetHours"] as? Double == 5)
    }

    @Test func badTargetsExit64WithTheReason() throws {
        let unknown = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--cycle-time-target", "gadget=5"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown product 'gadget'"))
        let malformed = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--cycle-time-target", "widget"])
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("PRODUCT=HOURS"))
        let tooShort = try CLIRunner.run(["optimize", "Fixtures/planner/mm1-cycle-time.yaml", "--cycle-time-target", "widget=0.5"])
        #expect(tooShort.status == 64)
        #expect(tooShort.stderr.contains("below the process time"))
    }
}
