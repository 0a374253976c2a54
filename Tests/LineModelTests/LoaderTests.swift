import Foundation
import Testing
import LineModel

@Suite("Loading valid models")
struct LoaderTests {
    static let models = TestPaths.files(in: "Models", extensions: ["yaml"])

    @Test("every model in Models/ loads", arguments: models)
    func modelLoads(_ name: String) throws {
        let model = try LineModelLoader.load(path: TestPaths.path("Models/" + name))
        #expect(!model.products.isEmpty && !model.sites.isEmpty && !model.periods.isEmpty)
    }

    @Test("the flagship has the planned shape: 5 annual periods, 4 sites, 31 stations, 5 products, a fab")
    func flagshipShape() throws {
        let m = try LineModelLoader.load(path: TestPaths.path("Models/vietnam-2030.yaml"))
        #expect(m.periods.map(\.id) == ["2026", "2027", "2028", "2029", "2030"])
        #expect(m.sites.map(\.id) == ["hcmc-at", "bacninh-sip", "bacgiang-mem", "bacninh-test"])
        #expect(m.sites.reduce(0) { $0 + $1.stations.count } == 31)
        #expect(m.products.count == 5)
        let fab = try #require(m.fab)
        #expect(fab.waferStartsPerPeriod["2026"] == 0 && fab.waferStartsPerPeriod["2030"] == 42_000)
        // Good dies per wafer 2030: floor(DPW) 3131 × NB(α=2, AD = 0.2 cm² × 0.2) 0.961169 × sort 0.97 = 2919.14.
        let die = try #require(m.dieType("edge-ai-soc"))
        #expect(abs(fab.goodDiesPerWafer(for: die, periodIndex: 4, periods: m.periods) - 2919.14) < 0.01)
        // The stacked-memory wire bond: 160 wires / 12 per s + 0.5 s = 13.8333 s per unit (260.2 UPH, dd 6.3).
        let dram = try #require(m.products.first { $0.id == "stacked-dram" })
        let wb = try #require(dram.route.first { $0.station == "wire-bond" })
        #expect(abs(wb.rate.secondsPerUnit - (160.0 / 12 + 0.5)) < 1e-12)
        // Batch steps named apart from their shared station: uf-cure and lid-cure both use cure-oven.
        let cpu = try #require(m.products.first { $0.id == "fcbga-cpu" })
        #expect(cpu.route.filter { $0.station == "cure-oven" }.map(\.name) == ["uf-cure", "lid-cure"])
        // Mold press availability from MTBF 300 h, MTTR 2 h: 300/302.
        let mold = try #require(m.site("bacninh-sip")?.station("mold"))
        #expect(abs(mold.availability.fraction - 300.0 / 302) < 1e-15)
        #expect(m.budget.capitalTotal == 220e6)
    }

    @Test("JSON form loads and equals the YAML form", arguments: ["minimal", "fab-and-suppliers"])
    func jsonEqualsYaml(_ name: String) throws {
        let yaml = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/\(name).yaml"))
        let json = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/\(name).json"))
        #expect(yaml == json)
    }

    @Test("the minimal model reads with its defaults")
    func minimalDefaults() throws {
        let m = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"))
        let st = try #require(m.site("s1")?.station("bond"))
        #expect(st.installedTools == 2 && st.utilizationCap == 1 && st.leadTimePeriods == 0 && st.maxTools == nil)
        #expect(st.availability == .fraction(0.9) && st.operatingCostPerToolHour == 0 && st.toolPrice == 100_000)
        let p = m.products[0]
        #expect(p.route[0].name == "bond" && p.route[0].rate == .unitsPerHour(100) && p.route[0].yield == 0.99)
        #expect(p.demand == ["p1": 1000] && p.unmetPenaltyPerUnit == 0 && p.dies.isEmpty && p.holdingCostPerUnitPeriod == nil)
        #expect(m.currency == "USD" && m.fab == nil && m.dieSuppliers.isEmpty && m.budget == Budget())
    }

    @Test("fab, suppliers and budget read as written")
    func fabAndSuppliers() throws {
        let m = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/fab-and-suppliers.yaml"))
        let fab = try #require(m.fab)
        #expect(fab.yieldModel == .negativeBinomial && fab.clusteringAlpha == 2 && fab.cycleTimePeriods == 0)
        #expect(fab.defectDensityPerCm2 == ["2029": 0.5, "2030": 0.2] && fab.dieTypes == ["soc"])
        #expect(m.dieSuppliers.map(\.id) == ["memory-maker", "foundry"])
        #expect(m.dieSuppliers[0].capPerPeriod == nil && m.dieSuppliers[1].capPerPeriod == ["2029": 2e7, "2030": 2e7])
        #expect(m.budget.capitalPerPeriod == ["2029": 10e6, "2030": 10e6] && m.budget.capitalTotal == 15e6)
        #expect(m.products[0].dies == [DieUse(dieType: "soc", perUnit: 1), DieUse(dieType: "memory", perUnit: 2)])
        // Summary: good dies per wafer 2029 (D0 0.5): 3131 × 0.907029 = 2839.91; 2030 (D0 0.2): 3009.42.
        let s = m.summary
        #expect(s.fabDies.count == 1)
        #expect(abs(s.fabDies[0].goodDiesPerWaferFirst - 2839.91) < 0.005)
        #expect(abs(s.fabDies[0].goodDiesPerWaferLast - 3009.42) < 0.005)
        #expect(s.fabDies[0].grossDiesPerWafer == 3131)
    }

    @Test("every rate form, numbers with separators, merge keys and numeric ids")
    func formsAndConveniences() throws {
        let yaml = """
        name: forms
        periods:
          - {id: 2026, hours_per_tool: 8_400}
        x-defaults: &tool {availability: {mtbf_hours: 300, mttr_hours: 2}, utilization_cap: 0.85, tool_price: 250000}
        sites:
          - id: s
            stations:
              - {<<: *tool, id: a, installed_tools: 1}
              - {<<: *tool, id: b, installed_tools: 2, tool_price: 1}
        products:
          - id: p
            sites: [s]
            demand: {2026: 1.5e6}
            price_per_unit: 1
            route:
              - {station: a, units_per_hour: 7200, yield: 1}
              - {station: a, seconds_per_unit: 0.5, yield: 1}
              - {station: b, wire_bond: {wires_per_unit: 48, wires_per_second: 10, index_seconds: 0.3}, yield: 1}
              - {station: b, test: {test_seconds: 2, sites: 8, index_seconds: 0.5}, yield: 1}
              - {station: b, batch: {units_per_batch: 1152, batch_hours: 12, load_hours: 1}, yield: 1}
              - {station: b, test: {test_seconds: 3}, yield: 1}
        """
        // The top-level key "x-defaults" is not part of the format; anchors must live inside known fields.
        #expect(throws: LineModelError.self) { try LineModelLoader.load(yaml: yaml) }
        let fixed = yaml.replacingOccurrences(of: "x-defaults: &tool {", with: "description: &tool {")
        #expect(throws: LineModelError.self) { try LineModelLoader.load(yaml: fixed) } // description must be text
        // Put the anchor on the first station and merge it into the second.
        let good = """
        name: forms
        periods:
          - {id: 2026, hours_per_tool: 8_400}
        sites:
          - id: s
            stations:
              - &tool {id: a, installed_tools: 1, availability: {mtbf_hours: 300, mttr_hours: 2},
                       utilization_cap: 0.85, tool_price: 250000}
              - {<<: *tool, id: b, installed_tools: 2, tool_price: 1}
        products:
          - id: p
            sites: [s]
            demand: {2026: 1.5e6}
            price_per_unit: 1
            route:
              - {station: a, units_per_hour: 7200, yield: 1}
              - {station: a, seconds_per_unit: 0.5, yield: 1}
              - {station: b, wire_bond: {wires_per_unit: 48, wires_per_second: 10, index_seconds: 0.3}, yield: 1}
              - {station: b, test: {test_seconds: 2, sites: 8, index_seconds: 0.5}, yield: 1}
              - {station: b, batch: {units_per_batch: 1152, batch_hours: 12, load_hours: 1}, yield: 1}
              - {station: b, test: {test_seconds: 3}, yield: 1}
        """
        let m = try LineModelLoader.load(yaml: good)
        #expect(m.periods == [Period(id: "2026", hoursPerTool: 8400)])
        let b = try #require(m.site("s")?.station("b"))
        #expect(b.installedTools == 2 && b.toolPrice == 1 && b.utilizationCap == 0.85)
        #expect(b.availability == .reliability(mtbfHours: 300, mttrHours: 2))
        let r = m.products[0].route.map(\.rate)
        #expect(r[0] == .unitsPerHour(7200) && r[1] == .secondsPerUnit(0.5))
        #expect(r[2] == .wireBond(wiresPerUnit: 48, wiresPerSecond: 10, indexSeconds: 0.3))
        #expect(r[3] == .multiSiteTest(testSeconds: 2, sites: 8, indexSeconds: 0.5))
        #expect(r[4] == .batch(unitsPerBatch: 1152, batchHours: 12, loadHours: 1))
        #expect(r[5] == .multiSiteTest(testSeconds: 3, sites: 1, indexSeconds: 0)) // defaults: 1 site, no index
        #expect(m.products[0].demand == ["2026": 1_500_000])
        // All six forms give 0.5 s, 0.5 s, 5.1 s, 0.3125 s, 40.625 s, 3 s per unit.
        let seconds = r.map(\.secondsPerUnit)
        let expected = [0.5, 0.5, 5.1, 0.3125, 13 * 3600 / 1152.0, 3]
        for (a, e) in zip(seconds, expected) { #expect(abs(a - e) < 1e-12) }
    }
}

@Suite("Loader limits and hostile input")
struct LoaderLimitTests {
    @Test("a file above the size cap is refused before it is read")
    func fileSizeCap() throws {
        var limits = LoaderLimits()
        limits.maxFileBytes = 100
        let path = TestPaths.path("Fixtures/valid/minimal.yaml")
        let error = try #require(throws: LineModelError.self) { try LineModelLoader.load(path: path, limits: limits) }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics[0].kind == .tooLarge && error.diagnostics[0].message.contains("at most 100"))
    }

    @Test("an endless device is refused before any read; folders and missing files are named as such")
    func specialPaths() throws {
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            let error = try #require(throws: LineModelError.self) { try LineModelLoader.load(path: "/dev/zero") }
            #expect(error.diagnostics.map(\.kind) == [.malformedFile])
            #expect(error.diagnostics[0].message.hasPrefix("is a character device, not a regular file"))
        }
        let folder = try #require(throws: LineModelError.self) { try LineModelLoader.load(path: TestPaths.path("Models")) }
        #expect(folder.diagnostics[0].message.contains("is a folder"))
        let missing = try #require(throws: LineModelError.self) {
            try LineModelLoader.load(path: TestPaths.path("Models/no-such-model.yaml"))
        }
        #expect(missing.diagnostics[0].message == "no such file")
    }

    @Test("counts above the limits are refused with their location")
    func countLimits() throws {
        var limits = LoaderLimits()
        limits.maxPeriods = 0
        let error = try #require(throws: LineModelError.self) {
            try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"), limits: limits)
        }
        // periods list starts at line 4, column 3 ("- {id: p1 ...}").
        #expect(error.diagnostics.contains {
            $0.kind == .tooLarge && $0.keyPath == "periods" && $0.location.line == 4 && $0.location.column == 3
        })
    }

    @Test("an alias bomb fails fast, under the node budget")
    func aliasBombIsFast() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: LineModelError.self) {
            try LineModelLoader.load(path: TestPaths.path("Fixtures/invalid/alias-bomb.yaml"))
        }
        let elapsed = clock.now - start
        #expect(error.diagnostics.map(\.kind) == [.hostileInput])
        // The budget is 1,000,000 values; even a debug build visits them in well under 2 s.
        #expect(elapsed < .seconds(2))
    }

    @Test("100,000 nested brackets are refused by the pre-scan, not by a stack overflow")
    func extremeNesting() throws {
        let text = "name: x\nperiods: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(throws: LineModelError.self) { try LineModelLoader.load(yaml: text) }
        #expect(error.diagnostics.map(\.kind) == [.hostileInput])
        #expect(error.diagnostics[0].location.line == 2)
    }

    @Test("a quote inside a plain scalar does not hide deep nesting from the pre-scan")
    func quoteInsidePlainScalar() throws {
        // `a:"` and `12 " x` are plain scalars in YAML: the quote opens no string, so the brackets that follow
        // are real nesting and must be refused by the text scan (5000 deep) like any other.
        for prefix in ["name: a:\"\n", "name: 12 \" x\n"] {
            let text = prefix + "periods: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
            let error = try #require(throws: LineModelError.self) { try LineModelLoader.load(yaml: text) }
            #expect(error.diagnostics.map(\.kind) == [.hostileInput])
            #expect(error.diagnostics[0].location.line == 2)
        }
    }

    @Test("block scalars and quoted text are not mistaken for nesting or aliases")
    func prescanSkipsText() throws {
        let deepText = String(repeating: "  ", count: 100) + "[[[[ *a: ? b"
        let yaml = """
        name: "quoted [[[[[[ *x: ? y"
        description: |
          intro
        \(deepText)
        periods:
          - {id: p1, hours_per_tool: 1000}
        sites:
          - id: s1
            stations:
              - {id: bond, installed_tools: 2, availability: 0.9, tool_price: 100000}
        products:
          - id: widget
            sites: [s1]
            demand: {p1: 1000}
            price_per_unit: 1
            route:
              - {station: bond, units_per_hour: 100, yield: 0.99}
        """
        let m = try LineModelLoader.load(yaml: yaml)
        #expect(m.name == "quoted [[[[[[ *x: ? y")
        #expect(m.description == "intro\n" + String(repeating: " ", count: 198) + "[[[[ *a: ? b\n")
    }
}
