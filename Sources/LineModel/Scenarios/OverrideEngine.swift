import Foundation
import Yams

/// Applies `ScenarioOverride`s to a model's YAML tree, before validation. Every problem becomes a
/// `Diagnostic` located at the override (its file and line), with the key path it names.
///
/// Rules (docs/scenarios.md):
/// - `set` replaces the value; a missing final field of a map is added (the loader then checks it).
/// - `scale` multiplies a number, or every number below a map or list; any text, boolean or null below the
///   path is an error. Results are written in the shortest form that reads back to the same `Double`;
///   nothing is rounded (scaling a tool count to a fraction is reported by the loader).
/// - `shift` moves a period-keyed map N periods later (negative: earlier). The keys stay; the value at a
///   period is the old step function at the period N earlier, where the step function holds each value
///   until the next key and takes the first value before the first key.
/// - `remove` deletes one entry of a list. Removing a site also removes its id from every product's `sites`
///   list (the only cascade); any other reference left dangling is reported by the loader.
enum OverrideEngine {
    /// Applies `override` to `tree`. `canonicalPath` receives the path as the loader prints it (ids, or
    /// `[k]` for entries without an id), for relocating the loader's diagnostics to the override.
    static func apply(_ override: ScenarioOverride, valueNode: Node?, to tree: inout Node, defaultFile: String)
        throws(LineModelError) -> String
    {
        func fail(_ message: String, _ kind: Diagnostic.Kind) -> LineModelError {
            LineModelError(diagnostics: [Diagnostic(
                location: override.location ?? SourceLocation(file: defaultFile, line: 1, column: 1),
                keyPath: override.path, message: "\(override.operation.rawValue): \(message)", kind: kind)])
        }
        let resolved: (steps: [NodeStep], newKey: String?)
        do {
            resolved = try NodePath.resolve(override.path, in: tree, allowNewLastKey: override.operation == .set)
        } catch {
            throw fail(error.message, error.kind)
        }
        let steps = resolved.steps
        let canonical = canonicalPath(steps, in: tree) + (resolved.newKey.map { ".\($0)" } ?? "")
        switch override.operation {
        case .set:
            let newValue: Node
            if let valueNode {
                newValue = valueNode
            } else if let text = override.value {
                do { newValue = try parseValue(text) } catch { throw fail(error.message, .malformedFile) }
            } else {
                throw fail("no value given", .missingField)
            }
            _ = NodePath.modify(&tree, at: steps[...]) { node in
                if let key = resolved.newKey, case .mapping(var m) = node {
                    m[key] = newValue
                    node = .mapping(m)
                } else {
                    node = newValue
                }
            }
        case .scale:
            guard let factor = override.factor, factor.isFinite else { throw fail("needs a finite factor", .wrongType) }
            var problem: (String, Diagnostic.Kind)? = nil
            _ = NodePath.modify(&tree, at: steps[...]) { node in
                problem = scale(&node, by: factor, path: canonical)
            }
            if let problem { throw fail(problem.0, problem.1) }
        case .shift:
            guard let n = override.periods else { throw fail("needs a whole number of periods", .wrongType) }
            let periodIds = Self.periodIds(in: tree)
            var problem: String? = nil
            _ = NodePath.modify(&tree, at: steps[...]) { node in
                problem = shift(&node, by: n, periodIds: periodIds)
            }
            if let problem { throw fail(problem, .wrongType) }
        case .remove:
            guard case .listEntry(let index)? = steps.last else {
                throw fail("only an entry of a list can be removed (a site, station, supplier, product, ...); "
                               + "to clear a field use set", .wrongType)
            }
            let removedId = NodePath.node(at: steps, in: tree).flatMap(NodePath.entryName)
            _ = NodePath.modify(&tree, at: steps.dropLast()) { node in
                if case .sequence(var s) = node {
                    s.remove(at: index)
                    node = .sequence(s)
                }
            }
            // Cascade: a removed site leaves the `sites` lists of the products.
            if steps.count == 2, let removedId, topKey(steps[0], in: tree) == "sites" {
                removeSiteReferences(removedId, in: &tree)
            }
        }
        return canonical
    }

    /// Parses the YAML text of a `set` value.
    static func parseValue(_ text: String) throws(NodePathError) -> Node {
        do {
            if NodeReader.parseNumber(text) != nil { return .scalar(Node.Scalar(text, .implicit, .plain)) }
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            return try parser.singleRoot() ?? .scalar(Node.Scalar("null", .implicit, .plain))
        } catch {
            throw NodePathError(message: "cannot read the value '\(text)' as YAML", kind: .malformedFile)
        }
    }

    /// The path of `steps` as the loader prints it: `.key` for map entries, `.id` for list entries with an
    /// `id`, `[k]` otherwise.
    static func canonicalPath(_ steps: [NodeStep], in root: Node) -> String {
        var path = ""
        var node = root
        for step in steps {
            switch (step, node) {
            case (.mapEntry(let i), .mapping(let m)):
                let pair = m[m.index(m.startIndex, offsetBy: i)]
                path += (path.isEmpty ? "" : ".") + (pair.key.scalar?.string ?? "?")
                node = pair.value
            case (.listEntry(let i), .sequence(let s)):
                let item = s[i]
                if case .mapping(let m) = item, let id = m["id"]?.scalar?.string { path += ".\(id)" } else { path += "[\(i)]" }
                node = item
            default:
                return path
            }
        }
        return path
    }

    private static func topKey(_ step: NodeStep, in root: Node) -> String? {
        guard case .mapEntry(let i) = step, case .mapping(let m) = root else { return nil }
        return m[m.index(m.startIndex, offsetBy: i)].key.scalar?.string
    }

    /// Period ids in model order (`periods[*].id`), empty when the tree has none.
    static func periodIds(in root: Node) -> [String] {
        guard case .mapping(let m) = root, case .sequence(let s)? = m["periods"] else { return [] }
        return s.compactMap { $0.mapping?["id"]?.scalar?.string }
    }

    /// Multiplies every number at or below `node`; returns the first problem (text, boolean, null).
    private static func scale(_ node: inout Node, by factor: Double, path: String) -> (String, Diagnostic.Kind)? {
        switch node {
        case .scalar(let s):
            switch NodeReader.scalarValue(s) {
            case .number(let x):
                node = .scalar(Node.Scalar(ScenarioOverride.numberText(x * factor), .implicit, .plain, s.mark))
                return nil
            default:
                let shown = s.string.count > 40 ? String(s.string.prefix(40)) + "..." : s.string
                return ("can only scale numbers, but \(path) holds '\(shown)'", .wrongType)
            }
        case .mapping(var m):
            for index in m.indices {
                var child = m[index].value
                let key = m[index].key.scalar?.string ?? "?"
                if let problem = scale(&child, by: factor, path: "\(path).\(key)") { return problem }
                m[index] = (key: m[index].key, value: child)
            }
            node = .mapping(m)
            return nil
        case .sequence(var s):
            for i in s.indices {
                var child = s[i]
                if let problem = scale(&child, by: factor, path: "\(path)[\(i)]") { return problem }
                s[i] = child
            }
            node = .sequence(s)
            return nil
        case .alias:
            return ("can only scale numbers, but \(path) is an alias", .wrongType)
        }
    }

    /// Shifts a period-keyed map; returns a problem message, or nil.
    private static func shift(_ node: inout Node, by n: Int, periodIds: [String]) -> String? {
        guard case .mapping(var m) = node else {
            return "can only shift a map keyed by period (period: value), found \(kind(of: node))"
        }
        let position = Dictionary(periodIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [(period: Int, value: Node)] = []
        for pair in m {
            guard let key = pair.key.scalar?.string, let p = position[key] else {
                let key = pair.key.scalar?.string ?? "?"
                return "can only shift a map keyed by period ids (\(periodIds.prefix(6).joined(separator: ", "))), "
                    + "but it has the key '\(key)'"
            }
            entries.append((p, pair.value))
        }
        guard !entries.isEmpty else { return nil }
        let sorted = entries.sorted { $0.period < $1.period }
        /// The old step function at period index `q`: the value of the last key at or before q, else the first.
        func old(at q: Int) -> Node {
            var value = sorted[0].value
            for e in sorted where e.period <= q { value = e.value }
            return value
        }
        for index in m.indices {
            guard let key = m[index].key.scalar?.string, let p = position[key] else { continue }
            m[index] = (key: m[index].key, value: old(at: p - n))
        }
        node = .mapping(m)
        return nil
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .scalar(let s): return "the value '\(s.string)'"
        case .alias: return "an alias"
        }
    }

    /// Removes `siteId` from every `products[*].sites` list.
    private static func removeSiteReferences(_ siteId: String, in root: inout Node) {
        guard case .mapping(var top) = root, case .sequence(var products)? = top["products"] else { return }
        for i in products.indices {
            guard case .mapping(var product) = products[i], case .sequence(var sites)? = product["sites"] else { continue }
            let kept: [Node] = sites.filter { $0.scalar?.string != siteId }
            guard kept.count != sites.count else { continue }
            let original = sites
            sites = Node.Sequence(kept, original.tag, original.style, original.mark)
            product["sites"] = .sequence(sites)
            products[i] = .mapping(product)
        }
        top["products"] = .sequence(products)
        root = .mapping(top)
    }
}
