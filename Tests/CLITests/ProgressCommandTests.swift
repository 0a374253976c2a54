import Foundation
import Testing

/// The progress line end to end: silent in a pipe, shown on a (pseudo-)terminal, silenced by --quiet.
///
/// Each run is 40,960 Monte Carlo trials of the teaching test floor on one thread: 10 waves of 4,096 trials,
/// about 3 s in a debug build, so well past the 1 s before the line is first drawn.
@Suite struct ProgressCommandTests {
    static let yieldArgs = ["yield", "Models/teaching-test-floor.yaml", "--trials", "40960", "--threads", "1",
                            "--format", "json"]
    static let script = "/usr/bin/script"

    @Test func aPipedRunPrintsNoProgress() throws {
        // Standard error is a pipe here (CLIRunner): nothing at all may reach it on a successful run.
        let r = try CLIRunner.run(Self.yieldArgs)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.contains("\"trials\" : 40960"))
    }

    /// Runs `fabplan args` on a pseudo-terminal through util-linux `script` and returns what the terminal got.
    static func onTerminal(_ args: [String]) throws -> CLIResult {
        let quoted = ([CLIRunner.executable.path] + args).map { "'" + $0 + "'" }.joined(separator: " ")
        return try CLIRunner.run(URL(fileURLWithPath: script), ["-qec", quoted, "/dev/null"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script)))
    func aTerminalShowsTheLineAndQuietSilencesIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let shown = try Self.onTerminal(Self.yieldArgs + ["--output", dir.appendingPathComponent("a.json").path])
        #expect(shown.status == 0)
        // The last wave is drawn unthrottled only if 0.1 s passed since the one before; the first draw after
        // 1 s is certain: some "Monte Carlo trials k/40960" with k a multiple of 4096, each redraw after "\r".
        #expect(shown.stdout.contains("\rMonte Carlo trials "))
        #expect(shown.stdout.contains("/40960 ("))
        // Cleared at the end: the output ends with blanks over the line, then "\r".
        #expect(shown.stdout.hasSuffix(" \r"))
        let quiet = try Self.onTerminal(Self.yieldArgs + ["--quiet", "--output", dir.appendingPathComponent("b.json").path])
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "")
        // Progress changes no result: both files hold the same bytes.
        #expect(try Data(contentsOf: dir.appendingPathComponent("a.json")) == Data(contentsOf: dir.appendingPathComponent("b.json")))
    }
}
