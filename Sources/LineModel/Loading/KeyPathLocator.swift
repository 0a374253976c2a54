import Yams

/// Finds where a key path (`sites.s1.stations.bond.availability`, `products.p.route[2].yield`) is written in a
/// parsed file, to locate the problems `LineModelValidator` finds on the decoded model. Only called when there
/// is a problem, so the loader's walk records nothing for it.
///
/// At a map it takes the longest key the path continues with; at a list, `[i]` or the entry whose `id` the path
/// continues with. When the path leaves the tree (a merge key, a derived value), the deepest node reached is
/// the answer.
enum KeyPathLocator {
    static func mark(of path: String, in root: Node) -> Mark? {
        var node = root
        var rest = Substring(path)
        var best = root.mark
        while !rest.isEmpty, let (next, remaining) = step(node, rest) {
            node = next
            rest = remaining
            if let m = node.mark { best = m }
        }
        return best
    }

    /// One step down: the child `rest` starts with, and what is left of the path after it.
    private static func step(_ node: Node, _ rest: Substring) -> (Node, Substring)? {
        var path = rest
        if path.hasPrefix(".") { path = path.dropFirst() }
        switch node {
        case .mapping(let mapping):
            var found: (Node, Substring)? = nil
            var longest = -1
            for (key, value) in mapping {
                guard case .scalar(let k) = key, k.string.count > longest, continues(path, with: k.string) else { continue }
                longest = k.string.count
                found = (value, path.dropFirst(k.string.count))
            }
            return found
        case .sequence(let items):
            if path.hasPrefix("["), let close = path.firstIndex(of: "]"), let i = Int(path[path.index(after: path.startIndex)..<close]),
                i >= 0, i < items.count {
                return (items[i], path[path.index(after: close)...])
            }
            var found: (Node, Substring)? = nil
            var longest = -1
            for item in items {
                guard let id = item["id"]?.string, id.count > longest, continues(path, with: id) else { continue }
                longest = id.count
                found = (item, path.dropFirst(id.count))
            }
            return found
        default:
            return nil
        }
    }

    /// True when `path` is `head`, or `head` followed by `.` or `[`.
    private static func continues(_ path: Substring, with head: String) -> Bool {
        guard path.hasPrefix(head) else { return false }
        let after = path.dropFirst(head.count)
        return after.isEmpty || after.hasPrefix(".") || after.hasPrefix("[")
    }
}
