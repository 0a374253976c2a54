import FabPlan
import Foundation
import Testing

/// What a cluster user meets when a shard fails: `fabplan merge` names the missing shard with the exact command
/// that re-runs it, re-running a shard rewrites the same bytes, and shards of different inputs are refused.
@Suite struct ShardFailureCLITests {
    static let sweep = ["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "products.chip.demand*=0.6:1.4:0.2",
                        "--vary", "sites.site-b.stations.tester.installed_tools=2:6:2"]

    static func runShell(_ command: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test func aMissingShardIsNamedWithTheCommandThatReRunsIt() throws {
        let dir = try WhatIfCLITests.tempDir()
        let whole = try CLIRunner.run(Self.sweep)
        #expect(whole.status == 0, "\(whole.stderr)")
        func shardFile(_ i: Int) -> String { dir.appendingPathComponent("shard-\(i).json").path }
        // Shard 3 of 4 "failed": its task left no file.
        for i in [1, 2, 4] {
            let r = try CLIRunner.run(Self.sweep + ["--shard", "\(i)/4", "--output", shardFile(i)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let failed = try CLIRunner.run(["merge", shardFile(1), shardFile(2), shardFile(4)])
        #expect(failed.status == 2)
        // 15 points; shard 3 holds k % 4 == 2: 2, 6, 10, 14, so 4 of 15 are missing.
        #expect(failed.stderr.contains("4 of 15 points are missing; missing shards: 3/4"), "\(failed.stderr)")
        let line = try #require(failed.stderr.split(separator: "\n").first { $0.contains("re-run shard 3/4: ") })
        let command = String(line.split(separator: ": ", maxSplits: 1)[1])
        #expect(command.contains("--shard 3/4") && command.contains(shardFile(3)))
        #expect(!FileManager.default.fileExists(atPath: shardFile(3)))
        // The printed command, run as printed, produces the missing shard; the merge then equals the whole sweep.
        #expect(try Self.runShell(command) == 0)
        let merged = try CLIRunner.run(["merge"] + [1, 2, 3, 4].map(shardFile))
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == whole.stdout)
        // Re-running a shard that succeeded is idempotent: the same bytes again.
        let before = try Data(contentsOf: URL(fileURLWithPath: shardFile(3)))
        #expect(try Self.runShell(command) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: shardFile(3))) == before)
    }

    @Test func aCorruptShardIsNamedAlongsideTheMissingOnes() throws {
        let dir = try WhatIfCLITests.tempDir()
        let one = dir.appendingPathComponent("shard-1.json").path
        let two = dir.appendingPathComponent("shard-2.json").path
        #expect(try CLIRunner.run(Self.sweep + ["--shard", "1/2", "--output", one]).status == 0)
        try Data("{\"schemaVersion\": 1, \"points\": [".utf8).write(to: URL(fileURLWithPath: two))   // cut short
        let r = try CLIRunner.run(["merge", one, two])
        #expect(r.status == 2)
        // Shard 2 of 2 holds the odd points of 0..<15: 7 of 15.
        #expect(r.stderr.contains("7 of 15 points are missing; missing shards: 2/2"), "\(r.stderr)")
        #expect(r.stderr.contains("re-run shard 2/2: "))
        // Located where the text stops: line 1, column 33 (after the 32 characters written).
        #expect(r.stderr.contains("unreadable: \(two):1:33: error: not valid JSON"), "\(r.stderr)")
    }

    @Test func shardsOfDifferentModelBytesAreRefused() throws {
        let dir = try WhatIfCLITests.tempDir()
        let model = dir.appendingPathComponent("two-sites.yaml")
        let text = try String(contentsOfFile: "\(packageRoot())/Fixtures/scenarios/two-sites.yaml", encoding: .utf8)
        try text.write(to: model, atomically: true, encoding: .utf8)
        var args = Self.sweep
        args[1] = model.path
        let one = dir.appendingPathComponent("shard-1.json").path
        let two = dir.appendingPathComponent("shard-2.json").path
        #expect(try CLIRunner.run(args + ["--shard", "1/2", "--output", one]).status == 0)
        // The model changes between the shards (a comment only: same plan, other bytes).
        try (text + "\n# edited\n").write(to: model, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(args + ["--shard", "2/2", "--output", two]).status == 0)
        let r = try CLIRunner.run(["merge", one, two])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(two) was run on other inputs than \(one)"), "\(r.stderr)")
    }

    @Test func comparisonShardsMergeToEveryFormatOfTheWholeComparison() throws {
        let dir = try WhatIfCLITests.tempDir()
        let files = ["Fixtures/scenarios/two-sites.yaml", "Fixtures/scenarios/remove-site.yaml",
                     "Fixtures/scenarios/chained.yaml", "Fixtures/scenarios/all-operations.yaml"]
        var shardFiles: [String] = []
        for i in 1...2 {
            let out = dir.appendingPathComponent("compare-\(i).json").path
            let r = try CLIRunner.run(["compare"] + files + ["--lp", "--format", "json", "--shard", "\(i)/2", "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            shardFiles.append(out)
        }
        for format in ["json", "csv", "table", "markdown"] {
            let whole = try CLIRunner.run(["compare"] + files + ["--lp", "--format", format])
            let merged = try CLIRunner.run(["merge", "--format", format] + shardFiles)
            #expect(merged.status == 0, "\(merged.stderr)")
            #expect(merged.stdout == whole.stdout, "\(format)")
        }
        let missing = try CLIRunner.run(["merge", shardFiles[1]])
        #expect(missing.status == 2)
        // Shard 1 of 2 holds what-ifs 0 and 2 of the 3: 2 of 3 missing.
        #expect(missing.stderr.contains("2 of 3 what-ifs are missing; missing shards: 1/2"), "\(missing.stderr)")
        #expect(missing.stderr.contains("--shard 1/2 --output \(shardFiles[0])"), "\(missing.stderr)")
        let text = try CLIRunner.run(["compare"] + files + ["--lp", "--shard", "1/2"])
        #expect(text.status == 64)   // a shard must be JSON to be merged
    }
}
