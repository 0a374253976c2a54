import Foundation
import Yams

/// Thrown inside the walk when it must stop at once (node budget exhausted); the diagnostic is already recorded.
struct WalkAborted: Error {}

/// A map of fields read from one YAML mapping, with the key path and marks needed to report problems.
struct Fields {
    /// Key path of the mapping itself.
    var path: String
    /// Where the mapping starts (reported for missing fields).
    var mark: Mark?
    /// Field values by key, merge keys (`<<`) already applied.
    var values: [String: Node]
    /// Where each key was written.
    var keyMarks: [String: Mark?]

    func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

/// Walks a composed YAML tree and turns it into typed values, recording every problem with file:line:column
/// and key path instead of stopping at the first. The walk has a fixed shape (no recursion driven by the file)
/// and charges every value it looks at against `LoaderLimits.maxNodesVisited`.
final class NodeReader {
    let file: String
    let limits: LoaderLimits
    /// Values the walk may visit: `max(limits.maxNodesVisited, file size in bytes)`.
    let nodeBudget: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var nodesVisited = 0

    init(file: String, limits: LoaderLimits, fileBytes: Int) {
        self.file = file
        self.limits = limits
        self.nodeBudget = max(limits.maxNodesVisited, fileBytes)
    }

    // MARK: Reporting

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func report(_ kind: Diagnostic.Kind, _ mark: Mark?, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(location: location(mark), keyPath: path, message: message, kind: kind))
    }

    /// Counts one visited value; stops the walk when the budget is spent (an alias bomb, or an absurd file).
    func charge(_ node: Node, _ path: String) throws {
        nodesVisited += 1
        if nodesVisited > nodeBudget {
            report(.hostileInput, node.mark, path,
                   "the file expands to more than \(nodeBudget) values (aliases re-used many times?); "
                       + "refused as a possible alias bomb")
            throw WalkAborted()
        }
    }

    // MARK: Typed readers (each returns nil after reporting a problem)

    /// A finite number within `range`.
    func number(_ node: Node, _ path: String, _ range: NumberRange) throws -> Double? {
        try charge(node, path)
        guard case .scalar(let s) = node else {
            report(.wrongType, node.mark, path, "expected a number, found \(describe(node))")
            return nil
        }
        switch Self.scalarValue(s) {
        case .number(let x):
            guard range.contains(x) else {
                report(.outOfRange, node.mark, path, range.complaint(x))
                return nil
            }
            return x
        case .nonFinite(let t):
            report(.outOfRange, node.mark, path, "must be a finite number, got '\(t)'")
            return nil
        default:
            report(.wrongType, node.mark, path, "expected a number, found \(describe(node))")
            return nil
        }
    }

    /// A whole number within `range`.
    func integer(_ node: Node, _ path: String, _ range: NumberRange) throws -> Int? {
        try charge(node, path)
        guard case .scalar(let s) = node, case .number(let x) = Self.scalarValue(s) else {
            if case .scalar(let s) = node, case .nonFinite(let t) = Self.scalarValue(s) {
                report(.outOfRange, node.mark, path, "must be a finite whole number, got '\(t)'")
            } else {
                report(.wrongType, node.mark, path, "expected a whole number, found \(describe(node))")
            }
            return nil
        }
        guard x == x.rounded() else {
            report(.wrongType, node.mark, path, "expected a whole number, found \(Self.format(x))")
            return nil
        }
        guard range.contains(x) else {
            report(.outOfRange, node.mark, path, range.complaint(x))
            return nil
        }
        return Int(x)
    }

    /// Free text (a name, a description). Numbers and booleans are taken as written.
    func text(_ node: Node, _ path: String, maxLength: Int = 10_000) throws -> String? {
        try charge(node, path)
        guard case .scalar(let s) = node else {
            report(.wrongType, node.mark, path, "expected text, found \(describe(node))")
            return nil
        }
        if case .null = Self.scalarValue(s) {
            report(.wrongType, node.mark, path, "expected text, found nothing (null)")
            return nil
        }
        guard s.string.count <= maxLength else {
            report(.tooLarge, node.mark, path, "text longer than \(maxLength) characters")
            return nil
        }
        return s.string
    }

    /// An identifier: non-empty text without control characters or surrounding blanks, at most
    /// `LoaderLimits.maxIdLength` characters. Plain numbers are taken as written (`2026` is the id "2026").
    func identifier(_ node: Node, _ path: String) throws -> String? {
        guard let id = try text(node, path, maxLength: limits.maxIdLength) else { return nil }
        if id.isEmpty || id.trimmingCharacters(in: .whitespaces) != id
            || id.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            report(.wrongType, node.mark, path,
                   "'\(id)' is not a usable id: ids are non-empty names without leading/trailing blanks")
            return nil
        }
        return id
    }

    /// A list of at most `maxCount` entries.
    func list(_ node: Node, _ path: String, what: String, maxCount: Int) throws -> [Node]? {
        try charge(node, path)
        guard case .sequence(let seq) = node else {
            report(.wrongType, node.mark, path, "expected a list of \(what), found \(describe(node))")
            return nil
        }
        guard seq.count <= maxCount else {
            report(.tooLarge, node.mark, path,
                   "\(seq.count) \(what) is more than the \(maxCount) this loader accepts")
            return nil
        }
        return Array(seq)
    }

    /// The fields of a mapping. Unknown keys are reported with the closest allowed key suggested.
    /// Merge keys (`<<: *defaults`) are applied: explicit fields win over merged ones.
    func fields(_ node: Node, _ path: String, what: String, allowed: [String]) throws -> Fields? {
        try charge(node, path)
        guard case .mapping = node else {
            report(.wrongType, node.mark, path, "expected a map of \(what) fields, found \(describe(node))")
            return nil
        }
        var result = Fields(path: path, mark: node.mark, values: [:], keyMarks: [:])
        try collect(node, into: &result, what: what, allowed: allowed, mergeDepth: 0)
        return result
    }

    private func collect(_ node: Node, into result: inout Fields, what: String, allowed: [String], mergeDepth: Int) throws {
        guard case .mapping(let mapping) = node else { return }
        var merged: [Node] = []
        for (keyNode, value) in mapping {
            try charge(keyNode, result.path)
            guard case .scalar(let keyScalar) = keyNode else {
                report(.wrongType, keyNode.mark, result.path, "map keys must be plain names, found \(describe(keyNode))")
                continue
            }
            let key = Self.shown(keyScalar.string)
            if key == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                merged.append(value)
                continue
            }
            guard allowed.contains(key) else {
                report(.unknownKey, keyNode.mark, result.keyPath(key),
                       "unknown field '\(key)' in \(what)" + Suggestions.hint(for: key, among: allowed, noun: "fields"))
                continue
            }
            if result.values[key] == nil || mergeDepth == 0 {
                result.values[key] = value
                result.keyMarks[key] = keyNode.mark
            }
        }
        // Merge keys: a map or a list of maps; explicit keys (already set) take precedence.
        for source in merged {
            guard mergeDepth < 8 else {
                report(.hostileInput, source.mark, result.path, "merge keys (<<) nested more than 8 deep")
                return
            }
            let sources: [Node]
            switch source {
            case .mapping: sources = [source]
            case .sequence(let seq) where seq.allSatisfy({ if case .mapping = $0 { return true } else { return false } }):
                sources = Array(seq)
            default:
                report(.wrongType, source.mark, result.path,
                       "a merge key (<<) needs a map or a list of maps, found \(describe(source))")
                continue
            }
            for s in sources {
                var inner = Fields(path: result.path, mark: result.mark, values: [:], keyMarks: [:])
                try collect(s, into: &inner, what: what, allowed: allowed, mergeDepth: mergeDepth + 1)
                for (k, v) in inner.values where result.values[k] == nil {
                    result.values[k] = v
                    result.keyMarks[k] = inner.keyMarks[k] ?? nil
                }
            }
        }
    }

    /// A field that must be present (and not null).
    func required(_ f: Fields, _ key: String, hint: String = "") -> (node: Node, path: String)? {
        let path = f.keyPath(key)
        guard let node = f.values[key], !Self.isNull(node) else {
            report(.missingField, f.values[key]?.mark ?? f.mark, path,
                   "missing required field '\(key)'" + (hint.isEmpty ? "" : " (\(hint))"))
            return nil
        }
        return (node, path)
    }

    /// A field that may be absent; `null` counts as absent.
    func optional(_ f: Fields, _ key: String) -> (node: Node, path: String)? {
        guard let node = f.values[key], !Self.isNull(node) else { return nil }
        return (node, f.keyPath(key))
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, case .null = scalarValue(s) { return true }
        return false
    }

    /// A map from names (period ids, ...) to numbers, e.g. `demand: {2027: 1.2e6, 2028: 2e6}`.
    /// Returns the entries in file order with the mark of each key, for later reference checks.
    func numberMap(_ node: Node, _ path: String, what: String, range: NumberRange, maxCount: Int)
        throws -> [(key: String, mark: Mark?, value: Double)]?
    {
        try charge(node, path)
        guard case .mapping(let mapping) = node else {
            report(.wrongType, node.mark, path, "expected a map of \(what) (period: value), found \(describe(node))")
            return nil
        }
        guard mapping.count <= maxCount else {
            report(.tooLarge, node.mark, path, "\(mapping.count) entries is more than the \(maxCount) accepted")
            return nil
        }
        var entries: [(key: String, mark: Mark?, value: Double)] = []
        entries.reserveCapacity(mapping.count)
        for (keyNode, valueNode) in mapping {
            guard let key = try identifier(keyNode, path) else { continue }
            if let value = try number(valueNode, path + "." + key, range) {
                entries.append((key, keyNode.mark, value))
            }
        }
        return entries
    }
}
