import Foundation

/// Paths inside the package, found from this source file (Tests/LineModelTests/TestPaths.swift).
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// Files in a package folder with one of the extensions, sorted by name.
    static func files(in folder: String, extensions: Set<String>) -> [String] {
        let dir = packageRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { extensions.contains(URL(fileURLWithPath: $0).pathExtension) }.sorted()
    }
}
