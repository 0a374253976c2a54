import Yams

/// One resolved step from a node to a child: the n-th pair of a map, or the n-th entry of a list.
enum NodeStep: Hashable {
    case mapEntry(Int)
    case listEntry(Int)
}

/// Why a key path does not address a value of a model tree. `message` is in planner words and names the
/// closest existing name when there is a plausible one.
struct NodePathError: Error {
    var message: String
    var kind: Diagnostic.Kind
}

/// Addresses values of a model's YAML tree by the key paths the loader prints in its diagnostics:
/// map keys and list-entry ids joined by dots, list positions in brackets
/// (`products.fcbga-cpu.demand.2027`, `sites.hcmc-at.stations.final-test.installed_tools`,
/// `products.rf-sip.route[3].yield`). A list entry is found by its `id` field, or by its `name` field when
/// it has no `id` (route steps: `products.fcbga-cpu.route.uf-cure`). Keys and ids may contain dots: at each
/// level the longest name that matches is taken.
enum NodePath {
    /// The steps from `root` to the value at `path`. With `allowNewLastKey`, a missing final map key resolves
    /// to `nil` for its last step (so `set` can add an optional field); the parent steps are returned.
    static func resolve(_ path: String, in root: Node, allowNewLastKey: Bool = false) throws(NodePathError)
        -> (steps: [NodeStep], newKey: String?)
    {
        guard !path.isEmpty else { throw NodePathError(message: "the path is empty", kind: .missingField) }
        var steps: [NodeStep] = []
        var node = root
        var rest = Substring(path)
        var walked = ""
        while !rest.isEmpty {
            switch node {
            case .mapping(let mapping):
                var best: (index: Int, key: String)? = nil
                for (i, pair) in mapping.enumerated() {
                    guard case .scalar(let k) = pair.key else { continue }
                    let key = k.string
                    if matches(key, rest), key.count > (best?.key.count ?? -1) { best = (i, key) }
                }
                guard let best else {
                    let typed = firstSegment(rest)
                    let known = mapping.compactMap { $0.key.scalar?.string }
                    if allowNewLastKey, typed.count == rest.count {
                        return (steps, typed)
                    }
                    throw NodePathError(
                        message: "no field '\(typed)' at \(shown(walked))"
                            + Suggestions.hint(for: typed, among: known, noun: "fields"),
                        kind: .unknownKey)
                }
                steps.append(.mapEntry(best.index))
                node = mapping[mapping.index(mapping.startIndex, offsetBy: best.index)].value
                rest = rest.dropFirst(best.key.count)
                walked += (walked.isEmpty ? "" : ".") + best.key
            case .sequence(let seq):
                let items = Array(seq)
                if rest.first == "[" {
                    guard let close = rest.firstIndex(of: "]"), let k = Int(rest[rest.index(after: rest.startIndex)..<close]) else {
                        throw NodePathError(message: "malformed list position in '\(path)' (write [0], [1], ...)",
                                            kind: .wrongType)
                    }
                    guard k >= 0, k < items.count else {
                        throw NodePathError(message: "\(shown(walked)) has \(items.count) entries; [\(k)] is out of range",
                                            kind: .unknownReference)
                    }
                    steps.append(.listEntry(k))
                    node = items[k]
                    rest = rest[rest.index(after: close)...]
                    walked += "[\(k)]"
                } else {
                    let names = items.map(entryName)
                    var best: (index: Int, name: String)? = nil
                    for (i, name) in names.enumerated() {
                        guard let name else { continue }
                        if matches(name, rest), name.count > (best?.name.count ?? -1) { best = (i, name) }
                    }
                    guard let best else {
                        let typed = firstSegment(rest)
                        throw NodePathError(
                            message: "no entry '\(typed)' in \(shown(walked))"
                                + Suggestions.hint(for: typed, among: names.compactMap { $0 }, noun: "ids"),
                            kind: .unknownReference)
                    }
                    steps.append(.listEntry(best.index))
                    node = items[best.index]
                    rest = rest.dropFirst(best.name.count)
                    walked += "." + best.name
                }
            case .scalar, .alias:
                throw NodePathError(message: "\(shown(walked)) is a single value; the path cannot go past it",
                                    kind: .wrongType)
            }
            if rest.first == "." {
                rest = rest.dropFirst()
                if rest.isEmpty { throw NodePathError(message: "the path '\(path)' ends with a dot", kind: .wrongType) }
            }
        }
        return (steps, nil)
    }

    /// The node at `steps` below `root`, if the steps still fit the tree.
    static func node(at steps: [NodeStep], in root: Node) -> Node? {
        var node = root
        for step in steps {
            switch (step, node) {
            case (.mapEntry(let i), .mapping(let m)) where i < m.count:
                node = m[m.index(m.startIndex, offsetBy: i)].value
            case (.listEntry(let i), .sequence(let s)) where i < s.count:
                node = s[i]
            default:
                return nil
            }
        }
        return node
    }

    /// Replaces the node at `steps` by `transform(old)`; returns false when the steps do not fit.
    static func modify(_ root: inout Node, at steps: ArraySlice<NodeStep>, _ transform: (inout Node) throws -> Void) rethrows
        -> Bool
    {
        guard let step = steps.first else {
            try transform(&root)
            return true
        }
        switch (step, root) {
        case (.mapEntry(let i), .mapping(var m)) where i < m.count:
            let index = m.index(m.startIndex, offsetBy: i)
            var child = m[index].value
            guard try modify(&child, at: steps.dropFirst(), transform) else { return false }
            m[index] = (key: m[index].key, value: child)
            root = .mapping(m)
            return true
        case (.listEntry(let i), .sequence(var s)) where i < s.count:
            var child = s[i]
            guard try modify(&child, at: steps.dropFirst(), transform) else { return false }
            s[i] = child
            root = .sequence(s)
            return true
        default:
            return false
        }
    }

    /// The id of a list entry (its `id` field), else its `name` field, else nil.
    static func entryName(_ item: Node) -> String? {
        guard case .mapping(let m) = item else { return nil }
        var name: String? = nil
        for (key, value) in m {
            guard case .scalar(let k) = key, case .scalar(let v) = value else { continue }
            if k.string == "id" { return v.string }
            if k.string == "name" { name = v.string }
        }
        return name
    }

    /// True when `rest` starts with `name` followed by the end, a dot or a bracket.
    private static func matches(_ name: String, _ rest: Substring) -> Bool {
        guard !name.isEmpty, rest.hasPrefix(name) else { return false }
        let after = rest.dropFirst(name.count)
        return after.isEmpty || after.first == "." || after.first == "["
    }

    private static func firstSegment(_ rest: Substring) -> String {
        String(rest.prefix { $0 != "." && $0 != "[" })
    }

    private static func shown(_ walked: String) -> String { walked.isEmpty ? "the top level" : "'\(walked)'" }
}
