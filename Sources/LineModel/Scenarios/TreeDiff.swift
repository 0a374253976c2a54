import Yams

/// One value that differs between two model trees, addressed by the loader's key paths.
public struct ValueChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Key path (`products.fcbga-cpu.demand.2027`, `sites.bacninh-test`).
    public var path: String
    /// The value before, in YAML flow style; nil when the value was added.
    public var before: String?
    /// The value after, in YAML flow style; nil when the value was removed.
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path; self.before = before; self.after = after
    }

    /// `path: before -> after`, with `(added)` / `(removed)`.
    public var description: String {
        "\(path): \(before ?? "(absent)") -> \(after ?? "(removed)")"
    }
}

/// Structural difference of two model trees: every leaf value that differs, with its key path. Numbers are
/// compared as numbers (`150e6` equals `150_000_000`); entries of id'd lists are matched by id, other lists
/// by position.
enum TreeDiff {
    static func diff(_ a: Node, _ b: Node, path: String = "", into out: inout [ValueChange], limit: Int = 10_000) {
        guard out.count < limit else { return }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            if x.string == y.string { return }
            if case .number(let p) = NodeReader.scalarValue(x), case .number(let q) = NodeReader.scalarValue(y), p == q {
                return
            }
            out.append(ValueChange(path: path, before: x.string, after: y.string))
        case (.mapping(let x), .mapping(let y)):
            var seen = Set<String>()
            for pair in x {
                let key = pair.key.scalar?.string ?? "?"
                seen.insert(key)
                let sub = join(path, key)
                if let other = y.first(where: { $0.key.scalar?.string == key })?.value {
                    diff(pair.value, other, path: sub, into: &out, limit: limit)
                } else {
                    out.append(ValueChange(path: sub, before: ScenarioFile.flowText(pair.value), after: nil))
                }
            }
            for pair in y {
                let key = pair.key.scalar?.string ?? "?"
                if !seen.contains(key) {
                    out.append(ValueChange(path: join(path, key), before: nil, after: ScenarioFile.flowText(pair.value)))
                }
            }
        case (.sequence(let x), .sequence(let y)):
            let xs = Array(x), ys = Array(y)
            let xIds = xs.map { idOf($0) }, yIds = ys.map { idOf($0) }
            if xIds.allSatisfy({ $0 != nil }), yIds.allSatisfy({ $0 != nil }),
                Set(xIds).count == xIds.count, Set(yIds).count == yIds.count {
                for (i, item) in xs.enumerated() {
                    let id = xIds[i] ?? ""
                    if let j = yIds.firstIndex(of: id) {
                        diff(item, ys[j], path: "\(path).\(id)", into: &out, limit: limit)
                    } else {
                        out.append(ValueChange(path: "\(path).\(id)", before: ScenarioFile.flowText(item), after: nil))
                    }
                }
                for (j, item) in ys.enumerated() where !xIds.contains(yIds[j]) {
                    out.append(ValueChange(path: "\(path).\(yIds[j] ?? "")", before: nil, after: ScenarioFile.flowText(item)))
                }
            } else {
                for k in 0..<max(xs.count, ys.count) {
                    let sub = "\(path)[\(k)]"
                    if k < xs.count, k < ys.count {
                        diff(xs[k], ys[k], path: sub, into: &out, limit: limit)
                    } else if k < xs.count {
                        out.append(ValueChange(path: sub, before: ScenarioFile.flowText(xs[k]), after: nil))
                    } else {
                        out.append(ValueChange(path: sub, before: nil, after: ScenarioFile.flowText(ys[k])))
                    }
                }
            }
        default:
            let before = ScenarioFile.flowText(a), after = ScenarioFile.flowText(b)
            if before != after { out.append(ValueChange(path: path, before: before, after: after)) }
        }
    }

    private static func idOf(_ node: Node) -> String? {
        guard case .mapping(let m) = node else { return nil }
        return m.first(where: { $0.key.scalar?.string == "id" })?.value.scalar?.string
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

extension ScenarioLoader {
    /// Every value that differs from `base` to `other` (descriptions and names included), in the order of
    /// `base`'s tree, then values only `other` has.
    public static func differences(from base: ScenarioTree, to other: ScenarioTree) -> [ValueChange] {
        var out: [ValueChange] = []
        TreeDiff.diff(base.root, other.root, into: &out)
        return out
    }
}
