import FabPlanCLI
import Testing

/// End-to-end: `fabplan --version` prints the one version constant and exits 0.
@Suite struct VersionCommandTests {
    @Test func versionFlagPrintsTheVersion() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == FabPlanVersion.current + "\n")
        // Semantic version: three whole numbers separated by dots.
        let parts = FabPlanVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { UInt($0) != nil })
    }
}
