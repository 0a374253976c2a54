import Foundation
import LineModel
import LinearSolver
import Planner
import Testing

/// A bounded, seeded mutation fuzzer over every input fabplan reads: line models (YAML and JSON), scenario
/// files, plan JSON (`optimize --format json` reports and `yield --plan` starts) and sweep shard JSON.
///
/// Each case takes a valid seed file, applies 1-4 random byte-level mutations (deletions, duplications,
/// insertions of YAML/JSON punctuation, extreme numbers, deep brackets, aliases, non-UTF-8 bytes), and feeds
/// the result to the same entry points the CLI uses. The oracle, for every case:
/// - the reader returns a value or throws its located error type (`LineModelError`, `JSONInputError`), never
///   anything else and never a crash (a crash fails the whole test run);
/// - every diagnostic has a message and a location inside the text: line in 1...(lines + 1), column ≥ 1;
/// - each case ends within 5 s (the loader refuses hostile input in well under a second; the bound is wide for
///   a machine shared with builds), so no input hangs a reader;
/// - a model that loads is planned as an LP by real GLPK, and a plan that decodes is evaluated by the Monte
///   Carlo estimator: they return or throw, they do not crash or abort.
///
/// `swift test` runs 320 cases with seed 2026 in a few seconds. Before a release run many more, e.g.
/// `FABPLAN_FUZZ_CASES=100000 FABPLAN_FUZZ_SEED=$RANDOM swift test -c release --filter InputFuzzTests`
/// (README "Development"); a failure prints the seed and case, which replay it exactly.
@Suite struct InputFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let caseCount = environment["FABPLAN_FUZZ_CASES"].flatMap(Int.init) ?? 320
    static let seed = environment["FABPLAN_FUZZ_SEED"].flatMap(UInt64.init) ?? 2026
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    /// Checks one refusal against the oracle.
    static func checkLocated(_ diagnostics: [Diagnostic], in bytes: [UInt8], _ context: String) {
        #expect(!diagnostics.isEmpty, "\(context): an error without diagnostics")
        let lines = bytes.count { $0 == 0x0A } + 1
        for d in diagnostics {
            #expect(!d.message.isEmpty, "\(context)")
            #expect((1...(lines + 1)).contains(d.location.line) && d.location.column >= 1, "\(context): \(d)")
        }
    }

    static func timed(_ context: String, _ body: () throws -> Void) rethrows {
        let start = ContinuousClock.now
        try body()
        #expect(ContinuousClock.now - start < .seconds(5), "\(context) took \(ContinuousClock.now - start)")
    }

    @Test("mutated models and scenarios are loaded or refused with located errors; loaded ones plan")
    func modelsAndScenarios() throws {
        let seeds = try ["Models/teaching-test-floor.yaml", "Models/teaching-fab-ramp.yaml", "Fixtures/valid/fab-and-suppliers.yaml",
                         "Fixtures/valid/fab-and-suppliers.json", "Fixtures/valid/minimal.json"].map { ($0, try Self.text($0)) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-fuzz-\(getpid())-\(Self.seed)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Fixtures/scenarios/two-sites.yaml"),
                                         to: dir.appendingPathComponent("two-sites.yaml"))
        let scenario = [UInt8](("scenario: fuzz\nbase: two-sites.yaml\noverrides:\n  - scale: products.chip.demand\n    by: 1.3\n"
            + "  - set: sites.site-a.stations.tester.installed_tools\n    to: 12\n  - remove: sites.site-b\n").utf8)
        var rng = Mutator(seed: Self.seed)
        var refused = 0, planned = 0
        let modelCases = Self.caseCount * 3 / 8, scenarioCases = Self.caseCount / 8
        for k in 0..<modelCases {
            let (name, original) = seeds[k % seeds.count]
            let bytes = rng.mutate(original)
            let context = "model case \(k) (seed \(Self.seed), from \(name))"
            try Self.timed(context) {
                do {
                    let model = try LineModelLoader.load(data: Data(bytes), fileName: "fuzz.yaml")
                    var options = PlanOptions(objective: .maxProfit, integerTools: false)
                    options.timeLimitSeconds = 2
                    _ = try? CapacityPlanner.optimize(model, options: options)
                    planned += 1
                } catch let e as LineModelError {
                    refused += 1
                    Self.checkLocated(e.diagnostics, in: bytes, context)
                }
            }
        }
        let path = dir.appendingPathComponent("scenario.yaml").path
        for k in 0..<scenarioCases {
            let bytes = rng.mutate(scenario)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let context = "scenario case \(k) (seed \(Self.seed))"
            try Self.timed(context) {
                do { _ = try ScenarioLoader.load(path: path) } catch let e as LineModelError {
                    refused += 1
                    // Diagnostics point into the scenario file or into the base model it builds on.
                    let base = try Self.text("Fixtures/scenarios/two-sites.yaml")
                    Self.checkLocated(e.diagnostics, in: bytes.count > base.count ? bytes : base, context)
                }
            }
        }
        // The fuzzer is not vacuous: most mutations break the file, some leave a model that plans.
        #expect(refused > (modelCases + scenarioCases) / 4 && planned > 0, "refused \(refused), planned \(planned)")
    }

    @Test("mutated plan and shard JSON are decoded or refused at their line and column; decoded plans evaluate")
    func planAndShardJSON() throws {
        let model = try LineModelLoader.load(path: Self.root.appendingPathComponent("Models/teaching-test-floor.yaml").path)
        let report = try CapacityPlanner.optimize(model, options: PlanOptions(objective: .maxProfit, integerTools: false))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let plan = [UInt8](try encoder.encode(report))
        let starts = [UInt8](#"{"starts": [{"product": "mcu", "site": "test-floor", "period": "2026", "units": 1e8}], "tools": []}"#.utf8)
        let grid = SweepGrid(axes: [SweepAxis(path: "products.chip.demand", operation: .scale, values: [0.8, 1.2])])
        let sweep = try SweepRunner.run(file: Self.root.appendingPathComponent("Fixtures/scenarios/two-sites.yaml").path, grid: grid,
                                        options: SweepRunner.Options(plan: PlanOptions(objective: .maxProfit, integerTools: false), threads: 1))
        let shard = [UInt8](try sweep.0.json().utf8)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var rng = Mutator(seed: Self.seed &+ 1)
        var refused = 0, decoded = 0
        let cases = Self.caseCount / 2
        for k in 0..<cases {
            let kind = k % 3
            let bytes = rng.mutate([plan, starts, shard][kind])
            let context = "JSON case \(k) (seed \(Self.seed), \(["plan", "starts", "shard"][kind]))"
            try Self.timed(context) {
                do {
                    switch kind {
                    case 0:
                        let p = try JSONInput.decode(PlanReport.self, from: Data(bytes), fileName: "fuzz.json", decoder: decoder)
                        _ = try? PlanEvaluation.evaluate(plan: p, model: model, trials: 64, seed: 1, threads: 1)
                    case 1: _ = try JSONInput.decode(PlanStarts.self, from: Data(bytes), fileName: "fuzz.json")
                    default:
                        let s = try SweepResult.decode(json: Data(bytes), fileName: "fuzz.json")
                        _ = try? SweepResult.merge([s])
                    }
                    decoded += 1
                } catch let e as JSONInputError {
                    refused += 1
                    Self.checkLocated([e.diagnostic], in: bytes, context)
                }
            }
        }
        #expect(refused > cases / 4 && decoded > 0, "refused \(refused), decoded \(decoded)")
    }
}

/// Seeded byte-level mutations of a text (SplitMix64 random numbers: the same seed gives the same cases).
struct Mutator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// Fragments that stress YAML and JSON readers: punctuation, extreme and non-finite numbers, aliases and
    /// anchors, deep brackets, control and non-UTF-8 bytes, long ids.
    static let fragments: [[UInt8]] = [
        "[", "]", "{", "}", ":", ",", "-", "\"", "'", "#", "&a ", "*a", "<<: *a", "!!str", "\n", "\t", "\u{0}",
        "1e308", "-1e308", "1e-320", "-0", "nan", ".inf", "NaN", "Infinity", "99999999999999999999", "-1", "0",
        "null", "~", "true", "é", String(repeating: "é", count: 150), String(repeating: "[", count: 200),
        String(repeating: "{\"a\":", count: 80), "\u{FEFF}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80]]

    /// `bytes` with 1 to 4 mutations.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        for _ in 0...below(4) {
            let i = below(b.count + 1)
            switch below(6) {
            case 0 where !b.isEmpty: b.removeSubrange(i..<min(b.count, i + 1 + below(16)))           // delete
            case 1: b.insert(contentsOf: Self.fragments[below(Self.fragments.count)], at: i)          // insert a fragment
            case 2 where !b.isEmpty:                                                                   // duplicate
                let j = min(b.count, i + 1 + below(64))
                if i < j { b.insert(contentsOf: b[i..<j], at: j) }
            case 3 where i < b.count: b[i] = UInt8(truncatingIfNeeded: next())                        // replace a byte
            case 4: b = Array(b[..<min(b.count, i)])                                                   // truncate
            default:                                                                                   // a digit run
                if let d = b[min(i, b.count)...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                    b.insert(contentsOf: Array(String(repeating: "9", count: 1 + below(40)).utf8), at: d)
                }
            }
        }
        return b
    }
}
