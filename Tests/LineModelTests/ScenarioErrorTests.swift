import Foundation
import Testing
@testable import LineModel

/// Bad overrides are reported at the override's line in the scenario file, with the path and a hint.
@Suite struct ScenarioErrorTests {
    static func error(_ name: String) throws -> LineModelError {
        do {
            _ = try ScenarioLoader.load(path: name.hasPrefix("/") ? name : TestPaths.path("Fixtures/scenarios/\(name)"))
        } catch let e as LineModelError {
            return e
        }
        Issue.record("\(name) loaded without error")
        return LineModelError(diagnostics: [])
    }

    @Test func unknownPathSuggestsTheClosestId() throws {
        let e = try Self.error("bad-unknown-path.yaml")
        let d = try #require(e.diagnostics.first)
        #expect(e.diagnostics.count == 1)
        #expect(d.location.file.hasSuffix("bad-unknown-path.yaml"))
        #expect((d.location.line, d.location.column) == (4, 5))
        #expect(d.keyPath == "products.modul.demand")
        #expect(d.message.contains("did you mean 'module'?"))
        #expect(d.kind == .unknownReference)
    }

    @Test func scaleOfTextIsAWrongTypeAtTheOverride() throws {
        let e = try Self.error("bad-scale-text.yaml")
        let d = try #require(e.diagnostics.first)
        #expect(d.location.line == 6)
        #expect(d.kind == .wrongType)
        #expect(d.message.contains("can only scale numbers, but sites.line.stations.assembly.id holds 'assembly'"))
    }

    @Test func shiftOfAListIsAWrongType() throws {
        let d = try #require(try Self.error("bad-shift.yaml").diagnostics.first)
        #expect(d.location.line == 4)
        #expect(d.kind == .wrongType)
        #expect(d.message.contains("can only shift a map keyed by period"))
    }

    @Test func loaderErrorsOnAnOverriddenValueMoveToTheOverride() throws {
        let e = try Self.error("bad-wrong-type.yaml")
        let d = try #require(e.diagnostics.first)
        #expect(e.diagnostics.count == 1)
        #expect(d.location.file.hasSuffix("bad-wrong-type.yaml"))
        #expect(d.location.line == 5)
        #expect(d.keyPath == "sites.line.stations.assembly.installed_tools")
        #expect(d.kind == .wrongType)
        #expect(d.message.contains("expected a whole number"))
    }

    @Test func removeOfAFieldIsRefused() throws {
        let d = try #require(try Self.error("bad-remove-field.yaml").diagnostics.first)
        #expect(d.location.line == 4)
        #expect(d.message.contains("only an entry of a list can be removed"))
    }

    @Test func danglingReferenceAfterRemoveIsReportedInTheModel() throws {
        let e = try Self.error("bad-dangling.yaml")
        let d = try #require(e.diagnostics.first)
        // The memory die keeps its place in the model file; the message says the scenario changed the model.
        #expect(d.location.file.hasSuffix("fab-and-suppliers.yaml"))
        #expect(d.kind == .inconsistent)
        #expect(d.message.contains("memory"))
        #expect(d.message.contains("as changed by scenario 'bad-dangling'"))
    }

    @Test func cyclesAreReportedAtTheBaseLine() throws {
        let d = try #require(try Self.error("cycle-a.yaml").diagnostics.first)
        #expect(d.location.line == 2)
        #expect(d.keyPath == "base")
        #expect(d.message.contains("cycle"))
    }

    @Test func overrideWithTwoOperationsIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-scenario-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("two-ops.yaml")
        try """
        scenario: two-ops
        base: \(TestPaths.path("Fixtures/valid/minimal.yaml"))
        overrides:
          - set: name
            scale: name
            value: x
        """.write(to: file, atomically: true, encoding: .utf8)
        let d = try #require(try Self.error(file.path).diagnostics.first)
        #expect(d.location.line == 4)
        #expect(d.message.contains("an override does one thing"))
    }
}
