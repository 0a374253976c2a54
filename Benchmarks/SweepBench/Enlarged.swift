import Foundation
import LineModel
import Yams

/// The flagship with its sites and products copied `copies` times (ids of copy c get the suffix `-xc`; copy 0
/// keeps the original ids, so the sweep's key paths still apply), the budget scaled by `copies`. The copies share
/// the fab, the die suppliers and the budget, so the LP stays one coupled problem, `copies` times larger.
/// Used only to show how the warm-start gain grows with problem size.
func writeEnlargedModel(from path: String, copies: Int, to output: String) throws {
    var tree = try ScenarioLoader.tree(path: path)
    guard case .mapping(var top) = tree.root else { return }
    func renamed(_ node: Node, _ c: Int, lists: Set<String>) -> Node {
        guard c > 0, case .mapping(let m) = node else { return node }
        let pairs: [(Node, Node)] = m.map { pair in
            let key = pair.key.scalar?.string ?? ""
            if key == "id", let id = pair.value.scalar?.string { return (pair.key, Node("\(id)-x\(c)")) }
            if lists.contains(key), case .sequence(let s) = pair.value {
                return (pair.key, Node(s.map { Node("\($0.scalar?.string ?? "")-x\(c)") }))
            }
            return (pair.key, pair.value)
        }
        return Node(pairs)
    }
    for (section, lists) in [("sites", Set<String>()), ("products", Set(["sites"]))] {
        guard case .sequence(let s)? = top[section] else { continue }
        var items: [Node] = []
        for c in 0..<copies { for item in s { items.append(renamed(item, c, lists: lists)) } }
        top[section] = Node(items)
    }
    tree.root = .mapping(top)
    try ScenarioLoader.apply([.scale("budget", by: Double(copies))], to: &tree)
    try Yams.serialize(node: tree.root).write(toFile: output, atomically: true, encoding: .utf8)
}
