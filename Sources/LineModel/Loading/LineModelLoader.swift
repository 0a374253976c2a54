import Foundation
// TEMPORARY stub in main until the line-model branch lands (it replaces this file).
public enum LineModelLoader {
    public static func load(path: String) throws -> LineModel {
        try JSONDecoder().decode(LineModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
