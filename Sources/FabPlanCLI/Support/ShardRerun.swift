import FabPlan
import Foundation

/// Shard bookkeeping of the CLI: records how a shard was run, and turns that record into the command that
/// re-runs a missing sibling shard.
enum ShardRerun {
    /// This process's command line and working directory, for a shard's output.
    static func currentCommand() -> ShardCommand {
        ShardCommand(directory: FileManager.default.currentDirectoryPath, arguments: CommandLine.arguments)
    }

    /// The shell command that runs shard `missing` exactly as `example` ran shard `shard`: the same directory
    /// and arguments, with `--shard` set to the missing shard, and the shard number in the `--output` file name
    /// (its last whole number equal to `shard.index`, e.g. `shards/shard-3.json`) replaced by the missing one.
    static func command(for missing: SweepShard, like example: ShardCommand, of shard: SweepShard) -> String {
        var args = example.arguments
        var k = 0
        while k < args.count {
            let a = args[k]
            if a == "--shard", k + 1 < args.count {
                args[k + 1] = "\(missing.index)/\(missing.count)"; k += 1
            } else if a.hasPrefix("--shard=") {
                args[k] = "--shard=\(missing.index)/\(missing.count)"
            } else if a == "--output" || a == "-o", k + 1 < args.count {
                args[k + 1] = renumbered(args[k + 1], from: shard.index, to: missing.index); k += 1
            } else if a.hasPrefix("--output=") {
                args[k] = "--output=" + renumbered(String(a.dropFirst(9)), from: shard.index, to: missing.index)
            }
            k += 1
        }
        return "cd \(quoted(example.directory)) && " + args.map(quoted).joined(separator: " ")
    }

    /// `path` with the last whole number in its file name that equals `from` replaced by `to`; without one,
    /// `-<to>` is put before the extension (`out.json` -> `out-4.json`), so shards never overwrite each other.
    static func renumbered(_ path: String, from: Int, to: Int) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let folder = String(path.dropLast(name.count))
        if let last = digitRuns(name).last(where: { Int(name[$0]) == from }) {
            return folder + name.replacingCharacters(in: last, with: String(to))
        }
        let ext = url.pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        return folder + stem + "-\(to)" + (ext.isEmpty ? "" : "." + ext)
    }

    /// The maximal runs of ASCII digits in `text`.
    static func digitRuns(_ text: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        var start: String.Index?
        for i in text.indices {
            let digit = text[i].isASCII && text[i].isNumber
            if digit, start == nil { start = i }
            if !digit, let s = start { runs.append(s..<i); start = nil }
        }
        if let s = start { runs.append(s..<text.endIndex) }
        return runs
    }

    /// `text` as one shell word: unchanged when it is plain, otherwise in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The lines a merge prints for missing shards: which ones, and the command that re-runs each. `items` names
    /// what the shards hold, singular (`point`, `what-if`).
    static func report(_ m: MissingShards, items: String) -> String {
        var lines = ["\(m.missingItems) of \(m.totalItems) \(items)s are missing"]
        guard !m.shards.isEmpty else {
            lines[0] += " (the inputs were split into different shard counts, so the missing shards cannot be named)"
            return lines.joined(separator: "\n")
        }
        lines[0] += "; missing shards: " + m.shards.map { "\($0.index)/\($0.count)" }.joined(separator: ", ")
        for s in m.shards {
            if let example = m.exampleCommand, let from = m.exampleShard {
                lines.append("  re-run shard \(s.index)/\(s.count): \(command(for: s, like: example, of: from))")
            } else {
                lines.append("  re-run shard \(s.index)/\(s.count): the same command with --shard \(s.index)/\(s.count)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
