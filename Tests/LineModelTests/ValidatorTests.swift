import Foundation
import Testing
import LineModel

/// The typed validator (`LineModelValidator`) and the loader give the same key paths and messages, and the
/// solver floors and id byte limits refuse what GLPK could not take.
@Suite("One validator for files and models built in code")
struct ValidatorTests {
    static let minimal = """
        name: minimal
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

    static func load(_ yaml: String) throws -> LineModel { try LineModelLoader.load(yaml: yaml, fileName: "m.yaml") }

    /// The loader's problems on `yaml` (key path and message).
    static func loaderProblems(_ yaml: String) -> [String] {
        do {
            _ = try load(yaml)
            return []
        } catch let e as LineModelError {
            return e.diagnostics.map { "\($0.keyPath): \($0.message)" }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    static func validatorProblems(_ model: LineModel) -> [String] {
        LineModelValidator.problems(in: model).map { "\($0.keyPath): \($0.message)" }
    }

    /// One edit written both ways: in the file text and on the typed model.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var from: String, to: String
        var edit: @Sendable (inout LineModel) -> Void
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "negative tool price", from: "tool_price: 100000", to: "tool_price: -5") {
            $0.sites[0].stations[0].toolPrice = -5
        },
        Case(name: "availability 1e-300 (GLPK: invalid scale factor)", from: "availability: 0.9", to: "availability: 1e-300") {
            $0.sites[0].stations[0].availability = .fraction(1e-300)
        },
        Case(name: "tool price 1e-300", from: "tool_price: 100000", to: "tool_price: 1e-300") {
            $0.sites[0].stations[0].toolPrice = 1e-300
        },
        Case(name: "subnormal hours per tool", from: "hours_per_tool: 1000", to: "hours_per_tool: 5e-324") {
            $0.periods[0].hoursPerTool = 5e-324
        },
        Case(name: "yield above 1", from: "yield: 0.99", to: "yield: 1.5") { $0.products[0].route[0].yield = 1.5 },
        Case(name: "unknown station", from: "station: bond", to: "station: bnod") { $0.products[0].route[0].station = "bnod" },
        Case(name: "demand in an unknown period", from: "demand: {p1: 1000}", to: "demand: {p1: 1000, p9: 5}") {
            $0.products[0].demand["p9"] = 5
        },
        Case(name: "negative rate", from: "units_per_hour: 100", to: "units_per_hour: -100") {
            $0.products[0].route[0].rate = .unitsPerHour(-100)
        },
        Case(name: "max tools below installed", from: "tool_price: 100000}", to: "tool_price: 100000, max_tools: 1}") {
            $0.sites[0].stations[0].maxTools = 1
        },
        Case(name: "reliability giving availability below 0.001",
             from: "availability: 0.9", to: "availability: {mtbf_hours: 0.01, mttr_hours: 100}") {
            $0.sites[0].stations[0].availability = .reliability(mtbfHours: 0.01, mttrHours: 100)
        },
        Case(name: "id of 41 'é' (82 bytes in UTF-8)", from: "id: widget", to: "id: \(String(repeating: "é", count: 41))") {
            $0.products[0].id = String(repeating: "é", count: 41)
        },
    ]

    @Test("the loader and the typed validator give the same key path and message", arguments: cases)
    func sameRules(_ c: Case) throws {
        #expect(Self.minimal.contains(c.from))
        let fromFile = Self.loaderProblems(Self.minimal.replacingOccurrences(of: c.from, with: c.to))
        var model = try Self.load(Self.minimal)
        c.edit(&model)
        let fromCode = Self.validatorProblems(model)
        #expect(fromFile.count == 1, "\(fromFile)")
        #expect(fromFile == fromCode)
    }

    @Test("an unknown station, a negative rate and an empty route built in code are each named by key path")
    func builtInCode() throws {
        var model = try Self.load(Self.minimal)
        #expect(Self.validatorProblems(model).isEmpty)
        model.products[0].route[0].station = "dicing"
        model.products.append(Product(id: "gadget", route: [], sites: ["s1"], demand: [:], pricePerUnit: 1))
        model.products.append(Product(id: "gizmo", route: [RouteStep(station: "bond", rate: .secondsPerUnit(-3), yield: 1)],
                                      sites: ["s1"], demand: [:], pricePerUnit: 1))
        let error = try #require(throws: LineModelError.self) { try model.validate() }
        #expect(error.diagnostics.map(\.keyPath) == [
            "products.widget.route[0].station", "products.gadget.route", "products.gizmo.route[0].seconds_per_unit",
        ])
        #expect(error.diagnostics[0].message.hasPrefix("station 'dicing' is not at site 's1'"))
        #expect(error.diagnostics[1].message == "the route of 'gadget' has no steps")
        #expect(error.diagnostics[2].message == "must be greater than 0, got -3")
        #expect(error.description.hasPrefix("<in-memory model>: error: products.widget.route[0].station: "))
    }

    @Test("solver floors refuse tiny values with the file position; zero and the floor itself are accepted")
    func solverFloorsInFiles() throws {
        let tiny = Self.minimal.replacingOccurrences(of: "availability: 0.9", with: "availability: 1e-300")
        let error = try #require(throws: LineModelError.self) { try Self.load(tiny) }
        let d = try #require(error.diagnostics.first)
        // `availability:` is the 5th key of the flow map on line 7 (8 spaces, "- {", ...): column of its value.
        #expect(d.location.line == 7 && d.keyPath == "sites.s1.stations.bond.availability")
        #expect(d.message.contains("at least 0.001"))
        // At the floors: availability 0.001, tool price 0.01 (one cent) and 0 are fine.
        _ = try Self.load(Self.minimal.replacingOccurrences(of: "availability: 0.9", with: "availability: 0.001"))
        _ = try Self.load(Self.minimal.replacingOccurrences(of: "tool_price: 100000", with: "tool_price: 0.01"))
        _ = try Self.load(Self.minimal.replacingOccurrences(of: "tool_price: 100000", with: "tool_price: 0"))
    }

    @Test("ids are limited to 80 UTF-8 bytes (3 ids + 12 bytes of decoration fit GLPK's 255), located in files")
    func idBytes() throws {
        // 40 'é' = 80 bytes: accepted; 41 = 82 bytes: refused (its 41 characters are within the 200 allowed).
        let ok = String(repeating: "é", count: 40), long = String(repeating: "é", count: 41)
        _ = try Self.load(Self.minimal.replacingOccurrences(of: "id: widget", with: "id: \(ok)"))
        let error = try #require(throws: LineModelError.self) {
            try Self.load(Self.minimal.replacingOccurrences(of: "id: widget", with: "id: \(long)"))
        }
        let d = try #require(error.diagnostics.first)
        #expect(d.keyPath == "products.\(long).id" && d.location.line == 9 && d.kind == .tooLarge)
        #expect(d.message.contains("82 bytes"))
    }

    @Test("a route whose yields multiply below 1e-6 is refused (each step yield is above its 0.001 floor)")
    func routeYieldFloor() throws {
        var model = try Self.load(Self.minimal)
        // 0.01^3 = 1e-6 passes; 0.01^4 = 1e-8 does not.
        let step = RouteStep(station: "bond", rate: .unitsPerHour(100), yield: 0.01)
        model.products[0].route = Array(repeating: step, count: 3)
        #expect(Self.validatorProblems(model).isEmpty)
        model.products[0].route.append(step)
        #expect(LineModelValidator.problems(in: model).map(\.keyPath) == ["products.widget.route"])
    }

    @Test("every model in Models/ passes the typed validator", arguments: LoaderTests.models)
    func shippedModels(_ name: String) throws {
        let model = try LineModelLoader.load(path: TestPaths.path("Models/" + name))
        #expect(LineModelValidator.problems(in: model).isEmpty)
    }
}
