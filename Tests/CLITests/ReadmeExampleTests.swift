import FabPlan
import Foundation
import Testing

// The README's library example, verbatim (between the markers): it must compile.
// readme-example:begin
import FabPlan

func planVietnam() throws {
    let model = try LineModelLoader.load(path: "Models/vietnam-2030.yaml")
    let plan = try CapacityPlanner.optimize(model, options: PlanOptions(objective: .maxProfit))
    print(plan.status, plan.financials?.profit ?? 0)
    for b in plan.bottlenecks.prefix(3) {
        print(b.site, b.station, b.period, b.shadowPricePerToolHour)
    }
}
// readme-example:end

@Suite struct ReadmeExampleTests {
    /// The code block in README.md equals the compiled copy above, line for line.
    @Test func readmeExampleMatchesCompiledCopy() throws {
        let root = packageRoot()
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let me = try String(contentsOfFile: root + "/Tests/CLITests/ReadmeExampleTests.swift", encoding: .utf8)
        let readmeBlock = try #require(between(readme, "<!-- readme-example:begin -->\n```swift\n", "```\n<!-- readme-example:end -->"))
        let compiled = try #require(between(me, "// readme-example:begin\n", "// readme-example:end"))
        #expect(readmeBlock == compiled)
        #expect(readmeBlock.contains("CapacityPlanner.optimize"))
    }

    func between(_ s: String, _ a: String, _ b: String) -> String? {
        guard let r1 = s.range(of: a), let r2 = s.range(of: b, range: r1.upperBound..<s.endIndex) else { return nil }
        return String(s[r1.upperBound..<r2.lowerBound])
    }
}

/// The package root (where Package.swift is), found from this source file's path.
func packageRoot(file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
}
