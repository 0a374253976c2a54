import Foundation

/// Writes a rendered report where the user asked: standard output, or the `--output` path (atomically).
enum ReportOutput {
    static func write(_ text: String, to path: String?) throws {
        if let path { try AtomicFile.write(text, to: path) } else { print(text, terminator: "") }
    }

    /// A workbook: to `path`, or to standard output when that is not a terminal (commands ask for --output then).
    static func write(_ data: Data, to path: String?) throws {
        if let path { try AtomicFile.write(data, to: path) } else { FileHandle.standardOutput.write(data) }
    }

    /// The message of a binary format asked for without `--output` on a terminal.
    static func needsFile(_ format: String) -> String? {
        isatty(STDOUT_FILENO) == 1 ? "--format \(format) writes a binary file: give --output FILE.\(format) (or redirect standard output)" : nil
    }

    /// CSV tables (docs/reports.md): when `path` names a folder (it exists as one, or ends with "/"), one file per
    /// table, `<folder>/<table>.csv`, the folder made if missing; otherwise one file (or standard output) holding
    /// every table, each preceded by a line `# <table>` and followed by a blank line.
    static func writeCSV(_ tables: [DataTable], to path: String?) throws {
        guard let path, isFolder(path) else {
            return try write(tables.map { "# \($0.name)\n\($0.csv())" }.joined(separator: "\n"), to: path)
        }
        if !exists(folder: path) {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                throw CLIError.io("cannot make folder \(path): \(error.localizedDescription)")
            }
        }
        for t in tables { try AtomicFile.write(t.csv(), to: (path as NSString).appendingPathComponent(fileName(t.name) + ".csv")) }
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
