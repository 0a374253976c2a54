import Foundation
import Yams

/// A scenario file as written: a name, the file it builds on, and its overrides, each with the value node
/// of a `set` as parsed from the scenario file.
struct ScenarioFile {
    static let topLevelKeys = ["scenario", "base", "description", "overrides"]
    static let overrideKeys = ["set", "scale", "shift", "remove", "value", "by", "periods", "note"]

    var path: String
    var name: String
    var description: String?
    /// The base file as written, and resolved against the scenario file's folder.
    var baseWritten: String
    var basePath: String
    var baseLocation: SourceLocation
    var overrides: [(spec: ScenarioOverride, valueNode: Node?)]

    /// True when the tree is a scenario (a top-level map with a `scenario` or a `base` key; no model has
    /// either) rather than a model. A file with `base:` but no `scenario:` is then told its name is missing,
    /// not that `base` is an unknown model field.
    static func isScenario(_ root: Node) -> Bool {
        guard case .mapping(let m) = root else { return false }
        return m.contains { ["scenario", "base"].contains($0.key.scalar?.string) }
    }

    /// Reads a parsed scenario file, reporting every problem with its line.
    static func read(_ root: Node, path: String, limits: LoaderLimits) throws(LineModelError) -> ScenarioFile {
        let reader = NodeReader(file: LineModelLoader.fileLabel(path), limits: limits, fileBytes: 0)
        var result: ScenarioFile? = nil
        do {
            result = try decode(root, path: path, reader: reader)
        } catch {
            result = nil
        }
        guard let result, reader.diagnostics.isEmpty else {
            throw LineModelError(diagnostics: reader.diagnostics.sorted {
                ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
            })
        }
        return result
    }

    private static func decode(_ root: Node, path: String, reader: NodeReader) throws -> ScenarioFile? {
        guard reader.measureExpansion(root),
            let top = try reader.fields(root, "", what: "the scenario (top level)", allowed: topLevelKeys)
        else { return nil }
        let name = try reader.required(top, "scenario", hint: "a short name for the scenario").flatMap {
            try reader.identifier($0.node, $0.path)
        }
        let description = try reader.optional(top, "description").flatMap { try reader.text($0.node, $0.path) }
        let baseField = reader.required(top, "base", hint: "the model or scenario file this one changes")
        let base = try baseField.flatMap { try reader.text($0.node, $0.path) }
        var overrides: [(ScenarioOverride, Node?)] = []
        if let field = reader.optional(top, "overrides"),
            let items = try reader.list(field.node, field.path, what: "overrides", maxCount: 10_000) {
            for (i, item) in items.enumerated() {
                if let o = try decodeOverride(item, "overrides[\(i)]", scenario: name ?? "?", reader: reader) {
                    overrides.append(o)
                }
            }
        }
        guard let name, let base, let baseField else { return nil }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let resolved = base.hasPrefix("/") ? base : folder.appendingPathComponent(base).standardizedFileURL.path
        return ScenarioFile(path: path, name: name, description: description, baseWritten: base,
                            basePath: Self.relativeIfPossible(resolved),
                            baseLocation: reader.location(baseField.node.mark), overrides: overrides)
    }

    private static func decodeOverride(_ item: Node, _ path: String, scenario: String, reader: NodeReader) throws
        -> (ScenarioOverride, Node?)?
    {
        guard let f = try reader.fields(item, path, what: "override", allowed: overrideKeys) else { return nil }
        let ops = ScenarioOverride.Operation.allCases.filter { f.values[$0.rawValue] != nil }
        guard ops.count == 1, let op = ops.first else {
            reader.report(ops.isEmpty ? .missingField : .inconsistent, item.mark, path,
                          ops.isEmpty
                              ? "an override needs one of set, scale, shift or remove (with the key path as its value)"
                              : "an override does one thing; found \(ops.map(\.rawValue).joined(separator: " and "))")
            return nil
        }
        guard let target = reader.required(f, op.rawValue, hint: "the key path to change"),
            let keyPath = try reader.text(target.node, target.path)
        else { return nil }
        let location = reader.location(f.keyMarks[op.rawValue] ?? item.mark)
        var spec = ScenarioOverride(operation: op, path: keyPath, location: location, scenario: scenario)
        var valueNode: Node? = nil
        let extras: [ScenarioOverride.Operation: String] = [.set: "value", .scale: "by", .shift: "periods"]
        for (other, key) in extras where other != op && f.values[key] != nil {
            reader.report(.unknownKey, f.keyMarks[key] ?? item.mark, "\(path).\(key)",
                          "'\(key)' belongs to \(other.rawValue), not \(op.rawValue)")
        }
        switch op {
        case .set:
            guard let v = f.values["value"] else {
                reader.report(.missingField, item.mark, "\(path).value", "set needs a value (value: ...)")
                return nil
            }
            valueNode = v
            spec.value = Self.flowText(v)
        case .scale:
            guard let by = reader.required(f, "by", hint: "the factor, e.g. 1.3 for +30 %"),
                let factor = try reader.number(by.node, by.path, .nonNegative(max: 1e6))
            else { return nil }
            spec.factor = factor
        case .shift:
            guard let p = reader.required(f, "periods", hint: "whole periods, positive = later"),
                let n = try reader.integer(p.node, p.path, .between(-1000, 1000))
            else { return nil }
            spec.periods = n
        case .remove:
            break
        }
        return (spec, valueNode)
    }

    /// A value in YAML flow style for reports (`6`, `[a, b]`, `{2027: 5e6}`). Reads the scalars' text only:
    /// asking Yams for a node's tag would resolve (and so change) the shared tag objects of the tree.
    static func flowText(_ node: Node, depth: Int = 0) -> String {
        guard depth < 8 else { return "..." }
        switch node {
        case .scalar(let s): return s.string
        case .alias: return "*alias"
        case .sequence(let seq): return "[" + seq.map { flowText($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .mapping(let m):
            return "{" + m.map { "\(flowText($0.key, depth: depth + 1)): \(flowText($0.value, depth: depth + 1))" }
                .joined(separator: ", ") + "}"
        }
    }

    /// `path` relative to the current folder when it lies below it (keeps reports short and machine-independent).
    static func relativeIfPossible(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
