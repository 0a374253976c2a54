import Foundation
import Yams

/// Thrown inside the walk when it must stop at once (node budget exhausted); the diagnostic is already recorded.
struct WalkAborted: Error {}

/// An allowed interval for a number, with the words used when a value falls outside it.
struct NumberRange {
    var low: Double
    var lowInclusive: Bool
    var high: Double
    var highInclusive: Bool = true

    /// (0, high]: strictly positive.
    static func positive(max high: Double) -> NumberRange { .init(low: 0, lowInclusive: false, high: high) }
    /// [0, high]: zero allowed.
    static func nonNegative(max high: Double) -> NumberRange { .init(low: 0, lowInclusive: true, high: high) }
    /// (0, 1]: a yield, availability or utilization.
    static let fraction = NumberRange(low: 0, lowInclusive: false, high: 1)
    /// [low, high].
    static func between(_ low: Double, _ high: Double) -> NumberRange {
        .init(low: low, lowInclusive: true, high: high)
    }

    func contains(_ x: Double) -> Bool {
        (lowInclusive ? x >= low : x > low) && (highInclusive ? x <= high : x < high)
    }

    /// Planner words for why `x` is outside.
    func complaint(_ x: Double) -> String {
        let shown = NodeReader.format(x)
        if low == 0, high == 1, !lowInclusive {
            return "must be a fraction in (0, 1] (0.95 means 95 %), got \(shown)"
        }
        if lowInclusive ? x < low : x <= low {
            if low == 0 {
                return lowInclusive ? "must not be negative, got \(shown)" : "must be greater than 0, got \(shown)"
            }
            return "must be at least \(NodeReader.format(low)), got \(shown)"
        }
        return "is implausibly large (\(shown); at most \(NodeReader.format(high)) is accepted); check the units"
    }
}

/// A scalar as the line-model format reads it. Plain scalars are typed by their text (YAML 1.2 core rules plus
/// `_` digit separators); quoted scalars are always text.
enum ScalarValue {
    case null
    case bool(Bool)
    case number(Double)
    /// `.nan`, `.inf`, `-.inf` and spellings like `nan` or `Infinity`.
    case nonFinite(String)
    case text(String)
}

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
    private(set) var diagnostics: [Diagnostic] = []
    private var nodesVisited = 0

    init(file: String, limits: LoaderLimits) {
        self.file = file
        self.limits = limits
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
        if nodesVisited > limits.maxNodesVisited {
            report(.hostileInput, node.mark, path,
                   "the file expands to more than \(limits.maxNodesVisited) values (aliases re-used many times?); "
                       + "refused as a possible alias bomb")
            throw WalkAborted()
        }
    }

    // MARK: Alias-bomb guard

    /// Counts the values of the tree as the walk would see them (each alias expansion counted again) and
    /// refuses the file when the count passes `LoaderLimits.maxNodesVisited` or aliases nest deeper than
    /// `LoaderLimits.maxNestingDepth * 4`. Runs before decoding, stops as soon as a limit is hit, so a
    /// "billion laughs" file costs at most the budget. Problems are reported under the top-level key.
    /// Returns false when the file was refused.
    func measureExpansion(_ root: Node) -> Bool {
        var count = 0
        let maxDepth = limits.maxNestingDepth * 4
        func measure(_ node: Node, _ depth: Int) -> Bool {
            count += 1
            if count > limits.maxNodesVisited || depth > maxDepth { return false }
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
            let why = count > limits.maxNodesVisited
                ? "expands to more than \(limits.maxNodesVisited) values (aliases re-used many times?)"
                : "nests deeper than \(maxDepth) levels (through aliases or otherwise)"
            report(.hostileInput, part.mark, part.key, "the value \(why); refused to protect the loader")
            return false
        }
        return true
    }

    // MARK: Scalars

    static func format(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "infinity" : "-infinity" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }

    /// `text` cut to 60 characters for messages and key paths (hostile files may hold megabyte-long keys).
    static func shown(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "..." : text
    }

    /// Describes a node for "expected X, found Y" messages.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            switch Self.scalarValue(s) {
            case .null: return "nothing (null)"
            case .bool(let b): return "\(b)"
            case .number(let x): return "the number \(Self.format(x))"
            case .nonFinite(let t): return "'\(t)'"
            case .text(let t): return "text '\(t.count > 40 ? String(t.prefix(40)) + "..." : t)'"
            }
        }
    }

    static func scalarValue(_ scalar: Node.Scalar) -> ScalarValue {
        let text = scalar.string
        let tagName = scalar.tag.description
        if scalar.style != .plain && scalar.style != .any || tagName == Tag.Name.str.rawValue {
            return .text(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let x = parseNumber(text) {
            return x.isFinite ? .number(x) : .nonFinite(text)
        }
        switch text.lowercased() {
        case ".nan", "nan", ".inf", "+.inf", "-.inf", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity":
            return .nonFinite(text)
        default:
            return .text(text)
        }
    }

    /// Decimal numbers with optional sign, fraction, exponent and `_` separators (`150_000_000`, `1.5e8`).
    /// Returns nil for anything else; may return infinity for overflowing exponents.
    static func parseNumber(_ text: String) -> Double? {
        var digits = 0
        var cleaned = ""
        cleaned.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "0"..."9": digits += 1; cleaned.unicodeScalars.append(c)
            case "+", "-", ".", "e", "E": cleaned.unicodeScalars.append(c)
            case "_": continue
            default: return nil
            }
        }
        guard digits > 0, cleaned.utf8.count <= 64 else { return nil }
        return Double(cleaned)
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
