import Foundation

/// Report output beyond `OutputWriter`: the CSV layouts and the rule for binary formats.
enum ReportOutput {
    /// The message of a binary format asked for without `--output` on a terminal.
    static func needsFile(_ format: String) -> String? {
        isatty(STDOUT_FILENO) == 1 ? "--format \(format) writes a binary file: give --output FILE.\(format) (or redirect standard output)" : nil
    }

    /// CSV tables (docs/reports.md): when `path` names a folder (it exists as one, or ends with "/"), one file per
    /// table, `<folder>/<table>.csv`, the folder made if missing; otherwise one file (or standard output) holding
    /// every table, each preceded by a line `# <table>` and followed by a blank line.
    /// `inputs` are the command's input files, which no table file may replace.
    static func writeCSV(_ tables: [DataTable], to path: String?, inputs: [String]) throws {
        guard let path, isFolder(path) else {
            return try OutputWriter.write(tables.map { "# \($0.name)\n\($0.csv())" }.joined(separator: "\n"), to: path)
        }
        let files = tables.map { (path as NSString).appendingPathComponent(fileName($0.name) + ".csv") }
        try OutputSafety.refuseOverwriting(inputs: inputs, outputs: files)
        if !exists(folder: path) {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw CLIError.io("cannot make folder \(path): \(error.localizedDescription)")
            }
        }
        for (t, file) in zip(tables, files) { try AtomicFile.write(t.csv(), to: file) }
    }

    /// A table name as a file name: "good output" -> "good-output".
    static func fileName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    private static func isFolder(_ path: String) -> Bool { path.hasSuffix("/") || exists(folder: path) }

    private static func exists(folder path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
