import Foundation
import Testing
import LineModel

/// One expected problem of an invalid fixture: `line:column keyPath | message substring`
/// (keyPath `-` for file-level problems).
private struct ExpectedProblem: CustomStringConvertible {
    var line: Int
    var column: Int
    var keyPath: String
    var messagePart: String
    var description: String { "\(line):\(column) \(keyPath) | \(messagePart)" }

    static func parse(_ text: String) -> [ExpectedProblem] {
        text.split(separator: "\n").compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let bar = line.range(of: " | ") else { return nil }
            let head = line[..<bar.lowerBound].split(separator: " ", maxSplits: 1)
            let place = head[0].split(separator: ":")
            guard place.count == 2, let l = Int(place[0]), let c = Int(place[1]) else { return nil }
            let path = head.count > 1 ? String(head[1]) : "-"
            return ExpectedProblem(line: l, column: c, keyPath: path == "-" ? "" : path,
                                   messagePart: String(line[bar.upperBound...]))
        }
    }
}

@Suite("Invalid fixtures: every kind of error, located")
struct InvalidFixtureTests {
    static let fixtures = TestPaths.files(in: "Fixtures/invalid", extensions: ["yaml", "json"])

    @Test("there is a fixture for every kind of error")
    func coverage() throws {
        #expect(Self.fixtures.count >= 30)
        var kinds = Set<Diagnostic.Kind>()
        for name in Self.fixtures {
            if let error = Self.load(name) { kinds.formUnion(error.diagnostics.map(\.kind)) }
        }
        #expect(kinds == Set(Diagnostic.Kind.allCases), "missing: \(Set(Diagnostic.Kind.allCases).subtracting(kinds))")
    }

    static func load(_ name: String) -> LineModelError? {
        do {
            _ = try LineModelLoader.load(path: TestPaths.path("Fixtures/invalid/" + name))
            return nil
        } catch let error as LineModelError {
            return error
        } catch {
            return nil
        }
    }

    @Test("fixture gives exactly its expected problems", arguments: fixtures)
    func fixture(_ name: String) throws {
        let base = (name as NSString).deletingPathExtension
        let expectedText = try String(contentsOfFile: TestPaths.path("Fixtures/invalid/\(base).expected"), encoding: .utf8)
        let expected = ExpectedProblem.parse(expectedText)
        #expect(!expected.isEmpty, "\(base).expected lists no problem")
        let error = try #require(Self.load(name), "\(name) loaded without error")
        let got = error.diagnostics
        #expect(got.count == expected.count, "\(name): got\n\(error)")
        for e in expected {
            let match = got.contains {
                $0.location.line == e.line && $0.location.column == e.column && $0.keyPath == e.keyPath
                    && $0.message.contains(e.messagePart)
            }
            #expect(match, "\(name): expected \(e)\ngot\n\(error)")
        }
        // Every diagnostic names the file it came from and renders as file:line:col: error: ...
        for d in got {
            #expect(d.location.file.hasSuffix(name))
            #expect(d.description.hasPrefix("\(d.location.file):\(d.location.line):\(d.location.column): error: "))
        }
    }
}
