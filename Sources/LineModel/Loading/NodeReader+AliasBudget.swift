import Yams

extension NodeReader {
    /// Counts the values of the tree as the walk would see them (each alias expansion counted again) and
    /// refuses the file when the count passes the node budget (`LoaderLimits.maxNodesVisited`, or the file size) or aliases nest deeper than
    /// `LoaderLimits.maxNestingDepth * 4`. Runs before decoding, stops as soon as a limit is hit, so a
    /// "billion laughs" file costs at most the budget. Problems are reported under the top-level key.
    /// Returns false when the file was refused.
    func measureExpansion(_ root: Node) -> Bool {
        var count = 0
        let maxDepth = limits.maxNestingDepth * 4
        func measure(_ node: Node, _ depth: Int) -> Bool {
            count += 1
            if count > nodeBudget || depth > maxDepth { return false }
            switch node {
            case .scalar, .alias: return true
            case .sequence(let seq):
                for child in seq where !measure(child, depth + 1) { return false }
                return true
            case .mapping(let mapping):
                for (key, value) in mapping where !measure(key, depth + 1) || !measure(value, depth + 1) {
                    return false
                }
                return true
            }
        }
        let parts: [(key: String, mark: Mark?, value: Node)]
        if case .mapping(let mapping) = root {
            parts = mapping.map { (Self.shown($0.key.string ?? ""), $0.key.mark, $0.value) }
        } else {
            parts = [("", root.mark, root)]
        }
        for part in parts where !measure(part.value, 1) {
            let why = count > nodeBudget
                ? "expands to more than \(nodeBudget) values (aliases re-used many times?)"
                : "nests deeper than \(maxDepth) levels (through aliases or otherwise)"
            report(.hostileInput, part.mark, part.key, "the value \(why); refused to protect the loader")
            return false
        }
        return true
    }
}
