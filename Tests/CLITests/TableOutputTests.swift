import Foundation
import Testing

/// Terminal tables fitted to the width (`COLUMNS`): golden files at 80 and 120 columns, and the flagship at 120
/// columns with every value still there.
@Suite struct TableOutputTests {
    /// The solve time is the only run-dependent text of a plan table.
    static func masked(_ text: String) -> String {
        // The status line may wrap between "solved in" and the seconds.
        text.replacingOccurrences(of: #"solved in(\s+)[0-9.,]+ s"#, with: "solved in$1<t> s", options: .regularExpression)
    }

    /// Compares `text` with Tests/CLITests/Golden/`name`; FABPLAN_UPDATE_GOLDEN=1 rewrites the file instead.
    static func expectGolden(_ text: String, _ name: String) throws {
        let path = packageRoot() + "/Tests/CLITests/Golden/" + name
        if ProcessInfo.processInfo.environment["FABPLAN_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "table output differs from \(name) (FABPLAN_UPDATE_GOLDEN=1 swift test rewrites it)")
    }

    static func longestLine(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }

    @Test(arguments: [80, 120]) func teachingFabRampMatchesItsGoldenTable(columns: Int) throws {
        let r = try CLIRunner.run(["optimize", "Models/teaching-fab-ramp.yaml"], environment: ["COLUMNS": String(columns)])
        #expect(r.status == 0)
        #expect(Self.longestLine(r.stdout) <= columns)
        // MIP plan: 8 + 9 final-test tools (whole numbers), inventory shown.
        #expect(r.stdout.contains("inventory"))
        try Self.expectGolden(Self.masked(r.stdout), "teaching-fab-ramp-\(columns).txt")
    }

    @Test func flagshipFitsOneHundredTwentyColumnsWithNothingLost() throws {
        let r = try CLIRunner.run(["optimize", "Models/vietnam-2030.yaml"], environment: ["COLUMNS": "120"])
        let j = try CLIRunner.run(["optimize", "Models/vietnam-2030.yaml", "--format", "json"])
        #expect(r.status == 0 && j.status == 0)
        #expect(Self.longestLine(r.stdout) <= 120)
        let plan = try #require(JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let products = try #require(plan["products"] as? [[String: Any]])
        // A wrapped cell's continuation lines hold only that cell, so with all white space removed each "limited by"
        // list reads as one string again; every unmet and inventory figure is printed with grouping.
        let squeezed = r.stdout.filter { !$0.isWhitespace }
        for p in products {
            let limits = (p["limitedBy"] as? [String] ?? []).joined(separator: "; ").filter { !$0.isWhitespace }
            #expect(squeezed.contains(limits), "limited-by of \(p["product"] ?? "") \(p["period"] ?? "") is cut")
            for key in ["unmet", "inventory"] {
                let v = (p[key] as? Double ?? -1).rounded()
                #expect(r.stdout.contains(Self.grouped(v)), "\(key) \(v) missing")
            }
        }
        // Tool counts of a MIP plan are whole numbers: no "1.00" style cells in the purchases table.
        let purchases = r.stdout.components(separatedBy: "Tool purchases")[1].components(separatedBy: "Bottlenecks")[0]
        #expect(!purchases.contains(".00 "))
    }

    /// 1234567 -> "1,234,567" (an independent re-implementation of the grouping, for the check above).
    static func grouped(_ v: Double) -> String {
        let digits = String(Int64(abs(v)))
        var out = ""
        for (i, c) in digits.reversed().enumerated() { if i > 0 && i % 3 == 0 { out.append(",") }; out.append(c) }
        return (v < 0 ? "-" : "") + String(out.reversed())
    }

    @Test func csvToAFileWritesThatOneFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plan.csv").path
        let r = try CLIRunner.run(["optimize", "Models/teaching-fab-ramp.yaml", "--format", "csv", "--output", file])
        #expect(r.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.csv"])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Two purchases (final-test 2029: 8 tools, 2030: 9 tools) under the purchases section's header.
        #expect(text.contains("# purchases\nsite,station,ordered,arrives,tools_tools,capital_spend_USD\n"))
        #expect(text.contains("module-line,final-test,2029,2029,8.0,12000000.0\n"))
        // A folder gets one file per table.
        let folder = dir.appendingPathComponent("tables").path + "/"
        #expect(try CLIRunner.run(["optimize", "Models/teaching-fab-ramp.yaml", "--format", "csv", "--output", folder]).status == 0)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(files == ["summary.csv", "financials.csv", "products.csv", "purchases.csv", "utilization.csv", "bottlenecks.csv",
                          "dies.csv", "fab.csv"])
    }
}
