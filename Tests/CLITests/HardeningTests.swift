import Foundation
import Testing

/// End-to-end, the hostile-user cases of issue 18: work limits and the whole-run time limit (case 1), exit
/// codes (3), output safety (4), located JSON errors (5), special files (6) and temporary files (7).
@Suite struct HardeningTests {
    static let teaching = "Models/teaching-test-floor.yaml"

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("fabplan-harden-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The numbers of a work-limit refusal: (units, count, per item, limit, most allowed).
    static func workNumbers(_ stderr: String) throws -> [Double] {
        let pattern = try NSRegularExpression(pattern:
            #"estimated work is (\d+) units \((\d+) \w+ × (\d+) [^)]*\), past the limit of (\d+); .* at most (\d+)"#)
        let range = NSRange(stderr.startIndex..., in: stderr)
        let m = try #require(pattern.firstMatch(in: stderr, range: range), "\(stderr)")
        return (1...5).map { Double(stderr[Range(m.range(at: $0), in: stderr)!])! }
    }

    // MARK: case 1

    @Test("--stochastic, --trials, --risk-trials and sweep grids past the work limit are refused at once with the range")
    func workPastTheLimitIsRefused() throws {
        // --stochastic 100000 ran for minutes with 2.8 GB before; now refused before sampling (64). The estimate
        // is K × the nonzeros of the model's LP, and "at most" is floor(500,000 / nonzeros), the default limit.
        let (k, t) = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--stochastic", "100000", "--time-limit", "10"],
                                       timeoutSeconds: 20)
        #expect(k.status == 64, "\(k.stderr)")
        #expect(t < 10)
        let n = try Self.workNumbers(k.stderr)
        #expect(n[1] == 100_000 && n[0] == n[1] * n[2] && n[3] == 500_000 && n[4] == (500_000 / n[2]).rounded(.down))
        // Monte Carlo: trials × periods × (route steps + stations + die types) = 3 × (5 + 3 + 0) = 24 per trial
        // for the teaching model (3 periods; routes of 2 and 3 steps; 3 stations; no dies).
        let y = try CLIRunner.run(["yield", Self.teaching, "--trials", "100000000000"], timeoutSeconds: 20).result
        #expect(y.status == 64)
        #expect(try Self.workNumbers(y.stderr) == [2.4e12, 1e11, 24, 1e9, 41_666_666])
        let r = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--risk-trials", "100000000"], timeoutSeconds: 20).result
        #expect(r.status == 64)
        #expect(try Self.workNumbers(r.stderr) == [2.4e9, 1e8, 24, 1e9, 41_666_666])
        // A sweep of 1001 × 161 = 161,161 points of the flagship: points × its LP nonzeros, past 1e7.
        let s = try CLIRunner.run(["sweep", "Models/vietnam-2030.yaml", "--vary", "products.fcbga-cpu.demand*=0.5:1.5:0.001",
                                   "--vary", "products.fcbga-cpu.price_per_unit*=1:161:1"], timeoutSeconds: 30).result
        #expect(s.status == 64, "\(s.stderr)")
        let sn = try Self.workNumbers(s.stderr)
        #expect(sn[1] == 161_161 && sn[0] == sn[1] * sn[2] && sn[3] == 1e7)
    }

    @Test("--max-work sets the limit: 100 trials × 24 = 2400 units pass at --max-work 2400, not at 2399")
    func maxWorkSetsTheLimit() throws {
        let below = try CLIRunner.run(["yield", Self.teaching, "--trials", "100", "--max-work", "2399"], timeoutSeconds: 30).result
        #expect(below.status == 64)
        #expect(try Self.workNumbers(below.stderr) == [2400, 100, 24, 2399, 99])
        let at = try CLIRunner.run(["yield", Self.teaching, "--trials", "100", "--max-work", "2400"], timeoutSeconds: 30).result
        #expect(at.status == 0, "\(at.stderr)")
    }

    @Test("--time-limit covers the whole stochastic run: K = 4000 with a 3 s limit ends within 3 s + the margin")
    func stochasticRunEndsWithinTheTimeLimit() throws {
        // Before: sampling ran before the clock started, building and merging the 4000 scenario problems and
        // handing the merged LP to GLPK were not counted, and EEV's 4000 LPs ran after the budget: the run ended
        // 2 s late on an idle machine, far more on a loaded one. The stated bound is the limit plus 1 s (the
        // deterministic plan's 0.5 s minimum, the report); this test allows one more second for the process's
        // start-up and model load on a machine shared with other builds. Exit 4 (no plan in time) is allowed:
        // on a loaded machine the 4000 problems may not all be built within 3 s.
        let (r, seconds) = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--stochastic", "4000", "--time-limit", "3",
                                              "--format", "json"], timeoutSeconds: 60)
        #expect(r.status == 0 || r.status == 4, "\(r.stderr)")
        #expect(seconds < 5.0, "took \(seconds) s")
        if r.status == 0 {
            let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            #expect((o["solveSeconds"] as? Double ?? 99) <= 4.0)
            #expect(o["scenarios"] as? Int == 4000)
        }
    }

    // MARK: case 3

    @Test("exit codes follow the README: unreadable inputs 2, malformed --vary and --shard 64, a --vary typo 2")
    func exitCodesAsDocumented() throws {
        let dir = try Self.tempDir()
        let plan = dir.appendingPathComponent("plan.json").path
        let opt = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--format", "json", "--output", plan])
        #expect(opt.status == 0)
        // yield --plan takes {"starts": [...]}; an optimize report is an invalid input (2), not a crash (1).
        let wrongPlan = try CLIRunner.run(["yield", Self.teaching, "--plan", plan, "--trials", "10"])
        #expect(wrongPlan.status == 2)
        #expect(wrongPlan.stderr.contains("\(plan):1:1: error: missing key 'starts'"))
        #expect(wrongPlan.stderr.contains("fabplan evaluate"))
        let missing = dir.appendingPathComponent("no-such.json").path
        for args in [["yield", Self.teaching, "--plan", missing], ["evaluate", Self.teaching, missing], ["merge", missing]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("\(missing):1:1: error: no such file"), "\(args): \(r.stderr)")
        }
        let sweep = ["sweep", "Fixtures/scenarios/two-sites.yaml"]
        for bad in [["--vary", "x=1:2"], ["--vary", "products.chip.demand*=1:2:1", "--shard", "0/0"],
                    ["--vary", "products.chip.demand*=1:2:1", "--shard", "-1/2"], ["--vary", "products.chip.demand*=1:2:1", "--shard", "3/2"]] {
            let r = try CLIRunner.run(sweep + bad)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
        let typo = try CLIRunner.run(sweep + ["--vary", "products.chip.demnad*=1:2:1"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'demand'?"), "\(typo.stderr)")
    }

    // MARK: case 4

    @Test("an output that is an input (by name, symbolic link or hard link) is refused and the input kept")
    func outputThatIsAnInputIsRefused() throws {
        let dir = try Self.tempDir()
        let model = dir.appendingPathComponent("model.yaml").path
        try FileManager.default.copyItem(atPath: packageRoot() + "/" + Self.teaching, toPath: model)
        let original = try Data(contentsOf: URL(fileURLWithPath: model))
        let link = dir.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: model)
        let hard = dir.appendingPathComponent("hard.yaml").path
        try FileManager.default.linkItem(atPath: model, toPath: hard)
        for out in [model, link, hard, dir.path + "/./model.yaml"] {
            let r = try CLIRunner.run(["optimize", model, "--lp", "--output", out])
            #expect(r.status == 64, "\(out): \(r.stderr)")
            #expect(r.stderr.contains("the output \(out) is an input of this command"))
        }
        let e = try CLIRunner.run(["optimize", model, "--lp", "--export-lp", link])
        #expect(e.status == 64)
        // A scenario's base model is an input too.
        let compare = try CLIRunner.run(["compare", "Fixtures/scenarios/two-sites.yaml", "Fixtures/scenarios/remove-site.yaml",
                                         "--lp", "--output", "Fixtures/scenarios/two-sites.yaml"])
        #expect(compare.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == original)
    }

    @Test("every command checks its writes: standard output or --output on /dev/full is exit 6 with a message")
    func fullDeviceIsExitSix() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try Self.tempDir()
        let plan = dir.appendingPathComponent("plan.json").path
        let shard = dir.appendingPathComponent("shard.json").path
        #expect(try CLIRunner.run(["optimize", Self.teaching, "--lp", "--format", "json", "--output", plan]).status == 0)
        let sweep = ["sweep", "Fixtures/scenarios/two-sites.yaml", "--vary", "products.chip.demand*=1,2"]
        #expect(try CLIRunner.run(sweep + ["--output", shard]).status == 0)
        let commands: [[String]] = [
            ["validate", Self.teaching], ["optimize", Self.teaching, "--lp"], ["optimize", Self.teaching, "--lp", "--format", "csv"],
            ["yield", Self.teaching, "--trials", "10"], ["evaluate", Self.teaching, plan, "--trials", "10"],
            ["compare", "Fixtures/scenarios/two-sites.yaml", "Fixtures/scenarios/remove-site.yaml", "--lp"], sweep, ["merge", shard],
        ]
        for args in commands {
            let r = try CLIRunner.run(args, stdoutPath: "/dev/full", timeoutSeconds: 60).result
            #expect(r.status == 6, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("cannot write to standard output: No space left on device"), "\(args): \(r.stderr)")
        }
        let file = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--output", "/dev/full"])
        #expect(file.status == 6)
        #expect(file.stderr.contains("cannot write to /dev/full"), "\(file.stderr)")
    }

    // MARK: case 5

    @Test("malformed, too deep and mistyped plan and shard JSON are reported at their line and column")
    func jsonErrorsAreLocated() throws {
        let dir = try Self.tempDir()
        func file(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        // Line 3 is `  "starts": [1 2]`: the '2' at column 16 is where a ',' or ']' belongs.
        let broken = try file("broken.json", "{\n  \"status\": \"optimal\",\n  \"starts\": [1 2]\n}\n")
        let b = try CLIRunner.run(["evaluate", Self.teaching, broken])
        #expect(b.status == 2)
        #expect(b.stderr.contains("\(broken):3:16: error: not valid JSON: expected ',' or ']' in a list, found '2'"), "\(b.stderr)")
        // 100 nested lists: the 65th '[' (column 65 of line 1) is one past the 64-level limit of the YAML loader.
        let deep = try file("deep.json", String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        for args in [["evaluate", Self.teaching, deep], ["yield", Self.teaching, "--plan", deep], ["merge", deep]] {
            let r = try CLIRunner.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("\(deep):1:65: error: nesting deeper than 64 levels"), "\(args): \(r.stderr)")
        }
        // A string where the number of units belongs: line 2, column 71 is where the value "many" starts.
        let typed = try file("typed.json", "{\"starts\": [\n  {\"product\": \"mcu\", \"site\": \"test-floor\", \"period\": \"2026\", \"units\": \"many\"}\n]}\n")
        let t = try CLIRunner.run(["yield", Self.teaching, "--plan", typed, "--trials", "10"])
        #expect(t.status == 2)
        #expect(t.stderr.contains("\(typed):2:71: error: starts[0].units: expected a number"), "\(t.stderr)")
        let shard = try file("shard.json", "{\"model\": \"m.yaml\",\n \"grid\": {\"axes\": [}\n")
        let m = try CLIRunner.run(["merge", shard])
        #expect(m.status == 2)
        #expect(m.stderr.contains("\(shard):2:20: error: not valid JSON: unexpected '}' where a value is expected"), "\(m.stderr)")
    }

    // MARK: case 6

    @Test("FIFOs and devices are refused at once; /proc files are read; - reads standard input")
    func onlyRegularFilesAreRead() throws {
        let dir = try Self.tempDir()
        let fifo = dir.appendingPathComponent("model.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases: [[String]] = [["validate", fifo], ["optimize", fifo], ["compare", fifo, Self.teaching],
                                 ["evaluate", Self.teaching, fifo], ["yield", Self.teaching, "--plan", fifo], ["merge", fifo],
                                 ["validate", "/dev/zero"]]
        for args in cases {
            // Before, opening a FIFO with no writer blocked forever (the runner kills it after 10 s).
            let (r, seconds) = try CLIRunner.run(args, timeoutSeconds: 10)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(seconds < 5)
            #expect(r.stderr.contains("not a regular file; give a regular file, or - for standard input"), "\(args): \(r.stderr)")
        }
        if FileManager.default.fileExists(atPath: "/proc/version") {
            // /proc files report size 0 but have text: read to the end and judged by their content.
            let p = try CLIRunner.run(["yield", Self.teaching, "--plan", "/proc/version"])
            #expect(p.status == 2)
            #expect(p.stderr.contains("/proc/version:1:1: error: not valid JSON: unexpected 'L' where a value is expected"), "\(p.stderr)")
            let v = try CLIRunner.run(["validate", "/proc/version"])
            #expect(v.stderr.contains("/proc/version:1:1: error: expected a map of the model"))
        }
        let model = try Data(contentsOf: URL(fileURLWithPath: packageRoot() + "/" + Self.teaching))
        let stdin = try CLIRunner.run(["validate", "-"], stdin: model, timeoutSeconds: 30).result
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(stdin.stdout.contains("Teaching - shared test floor"))
    }

    // MARK: case 7

    @Test("a temporary file left by a killed run is removed by the next write into its folder; a live run's is kept")
    func staleTemporaryFilesAreCleaned() throws {
        let dir = try Self.tempDir()
        // A process that has exited: its id names no process any more (it is not reused within this test).
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = dir.appendingPathComponent(".plan.json.fabplan-tmp-\(gone.processIdentifier)-1a2b3c").path
        let live = dir.appendingPathComponent(".plan.json.fabplan-tmp-\(getpid())-4d5e6f").path
        let unrelated = dir.appendingPathComponent(".plan.json.tmp-notours").path
        for path in [stale, live, unrelated] { #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8))) }
        let r = try CLIRunner.run(["optimize", Self.teaching, "--lp", "--format", "json",
                                   "--output", dir.appendingPathComponent("plan.json").path])
        #expect(r.status == 0)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == [".plan.json.fabplan-tmp-\(getpid())-4d5e6f", ".plan.json.tmp-notours", "plan.json"])
    }
}
