import Foundation
import Testing
import LineModel

@Suite("Writing models back in the file format")
struct WriterTests {
    static let files = TestPaths.files(in: "Models", extensions: ["yaml"]).map { "Models/" + $0 }
        + ["Fixtures/valid/minimal.yaml", "Fixtures/valid/fab-and-suppliers.yaml"]

    @Test("load → write JSON → load gives the same model", arguments: files)
    func roundTrip(_ file: String) throws {
        let model = try LineModelLoader.load(path: TestPaths.path(file))
        let text = LineModelWriter.json(model)
        let again = try LineModelLoader.load(yaml: text, fileName: file + ".json")
        #expect(again == model)
        // Writing is stable: the second write is the same text.
        #expect(LineModelWriter.json(again) == text)
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
