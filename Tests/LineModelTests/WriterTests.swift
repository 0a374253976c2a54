import Foundation
import Testing
import LineModel

@Suite("Writing models back in the file format")
struct WriterTests {
    static let files = TestPaths.files(in: "Models", extensions: ["yaml"]).map { "Models/" + $0 }
        + ["Fixtures/valid/minimal.yaml", "Fixtures/valid/fab-and-suppliers.yaml", "Fixtures/valid/queueing.yaml",
           "Fixtures/valid/fab-route.yaml"]

    @Test("load → write JSON → load gives the same model", arguments: files)
    func roundTrip(_ file: String) throws {
        let model = try LineModelLoader.load(path: TestPaths.path(file))
        let text = LineModelWriter.json(model)
        let again = try LineModelLoader.load(yaml: text, fileName: file + ".json")
        #expect(again == model)
        // Writing is stable: the second write is the same text.
        #expect(LineModelWriter.json(again) == text)
    }

    @Test("load → write commented YAML → load gives the same model", arguments: files)
    func yamlRoundTrip(_ file: String) throws {
        let model = try LineModelLoader.load(path: TestPaths.path(file))
        let text = LineModelWriter.yaml(model, header: ["a header", "of two lines"],
                                        comments: ["products[0]": "the first product", "products[0].route[0]": "a step"])
        #expect(text.hasPrefix("# a header\n# of two lines\n"))
        #expect(text.contains("  # the first product\n  - id: "))
        #expect(try LineModelLoader.load(yaml: text, fileName: file + ".commented.yaml") == model)
    }

    @Test("text with quotes, backslashes, control characters and non-ASCII survives the round trip")
    func escaping() throws {
        var model = try LineModelLoader.load(path: TestPaths.path("Fixtures/valid/minimal.yaml"))
        model.name = "Nhà máy \"Hòa Lạc\" \\ line\ttab\u{1}\nnext"
        model.description = "µm, ², –, 日本"
        let again = try LineModelLoader.load(yaml: LineModelWriter.json(model))
        #expect(again == model)
    }
}

@Suite("Validating models changed in code")
struct ValidatedTests {
    @Test("an unchanged model validates to itself; broken overrides are reported by key path")
    func overrides() throws {
        let base = try LineModelLoader.load(path: TestPaths.path("Models/vietnam-2030.yaml"))
        #expect(try base.validated() == base)

        var changed = base
        changed.products[0].route[4].yield = 1.5                       // fcbga-cpu, 5th step
        changed.sites[0].stations[0].maxTools = 1                     // hcmc-at dicing has 11 installed
        changed.products[1].demand["2031"] = 5                        // a period that does not exist
        changed.fab?.sortYield = .nan
        let error = try #require(throws: LineModelError.self) { try changed.validated(label: "scenario") }
        let paths = Set(error.diagnostics.map(\.keyPath))
        #expect(paths == [
            "products.fcbga-cpu.route[4].yield", "sites.hcmc-at.stations.dicing.max_tools",
            "products.rf-sip.demand.2031", "fab.sort_yield",
        ])
        #expect(error.diagnostics.allSatisfy { $0.location.file == "scenario" })
    }
}
