import FabPlan
import Foundation

/// Where a command's result goes: a file (written atomically by `AtomicFile`) or standard output (checked by
/// `StandardStream`). Every result of every command goes through here, so a lost write is always exit 6.
enum OutputWriter {
    /// Writes `text` to `path`, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, or to standard output when `path` is nil.
    static func write(_ data: Data, to path: String?) throws {
        if let path { try AtomicFile.write(data, to: path) } else { try StandardStream.output.write(data) }
    }
}

/// Refuses output paths that are one of the command's inputs, before anything is read or written.
///
/// Files are compared by identity (device and inode), not by name, so `./m.yaml`, a symbolic link to the model
/// and a hard link of it are all the model. A scenario input also protects the files of its chain (the model
/// and the scenarios it builds on).
enum OutputSafety {
    /// - Throws: `CLIError.usage` (exit 64) naming the output and the input it would replace.
    static func refuseOverwriting(inputs: [String], outputs: [String?]) throws {
        let targets = outputs.compactMap { $0 }.filter { $0 != InputFile.standardInputPath }
        guard !targets.isEmpty else { return }
        var protected: [(FileIdentity, String)] = []
        for input in inputs where input != InputFile.standardInputPath {
            for file in [input] + chainFiles(of: input) {
                if let id = FileIdentity(path: file) { protected.append((id, file)) }
            }
        }
        for output in targets {
            guard let id = FileIdentity(path: output), id.isRegularFile else { continue }
            if let hit = protected.first(where: { $0.0 == id }) {
                let same = hit.1 == output ? "" : " (the same file as \(hit.1))"
                throw CLIError.usage("the output \(output) is an input of this command\(same); write the output elsewhere")
            }
        }
    }

    /// The model and scenario files a scenario file builds on (empty for a model or an unreadable file).
    static func chainFiles(of path: String) -> [String] {
        guard ScenarioLoader.isScenario(path: path), let tree = try? ScenarioLoader.tree(path: path) else { return [] }
        return [tree.modelFile] + tree.chain
    }
}

/// A file's identity on this machine: device and inode numbers.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
    var isRegularFile: Bool

    /// The identity of the file at `path` (following symbolic links), or nil when there is none.
    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        isRegularFile = (st.st_mode & S_IFMT) == S_IFREG
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool { a.device == b.device && a.inode == b.inode }
    func hash(into h: inout Hasher) { h.combine(device); h.combine(inode) }
}
