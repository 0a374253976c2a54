/// How a shard was produced, recorded by whoever ran it (the CLI records its own command line), so that a merge
/// missing that shard's siblings can say how to re-run them. The planner stores it and never reads it.
public struct ShardCommand: Sendable, Hashable, Codable {
    /// The working directory the command ran in (absolute).
    public var directory: String
    /// The command line, the executable first.
    public var arguments: [String]

    /// A record of a command line run in `directory`.
    public init(directory: String, arguments: [String]) {
        self.directory = directory
        self.arguments = arguments
    }
}

/// Shards of a merge that no input holds, and how the inputs that are there were produced.
public struct MissingShards: Sendable, Hashable {
    /// Items (sweep points, or what-ifs of a comparison) that no input holds.
    public var missingItems: Int
    /// Items of the whole run.
    public var totalItems: Int
    /// The shards those items belong to, in order; empty when the inputs do not agree on one shard count.
    public var shards: [SweepShard]
    /// A shard that is there and recorded its command (nil if none did) ...
    public var exampleShard: SweepShard?
    /// ... and that command: the model for re-running the missing shards.
    public var exampleCommand: ShardCommand?
}

/// Why shards cannot be merged. `input` numbers are 1-based positions in the list given to the merge.
public enum ShardMergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No input at all.
    case nothingToMerge
    /// An input is not a consistent shard of its kind (for example a grid whose size differs from its count).
    case inconsistent(input: Int, reason: String)
    /// An input comes from other inputs than input 1 (file bytes, grid, mode, objective or base plan differ).
    case otherInputs(input: Int)
    /// An input holds an item outside the whole run (a point beyond the grid).
    case outsideRun(input: Int, item: Int, total: Int)
    /// Two inputs hold the same item (the same shard given twice, or shards of two different splits).
    case repeated(input: Int, item: Int)
    /// Some items are in no input.
    case missing(MissingShards)

    public var description: String {
        switch self {
        case .nothingToMerge: return "nothing to merge"
        case .inconsistent(let input, let reason): return "input \(input): \(reason)"
        case .otherInputs(let input):
            return "input \(input) was run on other inputs than input 1 (model files, grid or scenarios, mode, objective "
                + "or base plan differ: its fingerprint or settings do not match)"
        case .outsideRun(let input, let item, let total):
            return "input \(input) holds item \(item), outside the \(total) of the whole run"
        case .repeated(let input, let item):
            return "input \(input) repeats item \(item) of an earlier input (the same shard given twice?)"
        case .missing(let m):
            let which = m.shards.isEmpty ? "" : "; missing shards: " + m.shards.map { "\($0.index)/\($0.count)" }
                .joined(separator: ", ")
            return "\(m.missingItems) of \(m.totalItems) items are missing\(which)"
        }
    }
}

/// The bookkeeping both merges share: every item of the run exactly once, or which shards are missing.
enum ShardCoverage {
    /// One input: its shard (nil for a whole run), the items it holds and the command that produced it.
    struct Input {
        var shard: SweepShard?
        var items: [Int]
        var command: ShardCommand?
    }

    /// Checks that `inputs` hold every item in `0..<total` exactly once; an item `k` belongs to shard
    /// `k % N + 1` of `N`.
    static func check(_ inputs: [Input], total: Int) throws(ShardMergeError) {
        var seen = [Bool](repeating: false, count: total)
        for (n, input) in inputs.enumerated() {
            for k in input.items {
                guard k >= 0, k < total else { throw .outsideRun(input: n + 1, item: k, total: total) }
                guard !seen[k] else { throw .repeated(input: n + 1, item: k) }
                seen[k] = true
            }
        }
        let missing = (0..<total).filter { !seen[$0] }
        guard !missing.isEmpty else { return }
        let counts = Set(inputs.compactMap { $0.shard?.count })
        var shards: [SweepShard] = []
        if counts.count == 1, let n = counts.first {
            shards = Set(missing.map { $0 % n + 1 }).sorted().map { SweepShard(index: $0, count: n) }
        }
        let example = inputs.first { $0.shard != nil && $0.command != nil }
        throw .missing(MissingShards(missingItems: missing.count, totalItems: total, shards: shards,
                                     exampleShard: example?.shard, exampleCommand: example?.command))
    }
}
