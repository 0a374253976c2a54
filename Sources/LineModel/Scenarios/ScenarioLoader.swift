import Foundation
import Yams

/// A model file or scenario file, resolved to its final YAML tree (base model with every override of the
/// chain applied, not yet validated). Used to build many variants of one model cheaply (sweeps): copy `tree`,
/// apply more overrides, validate. A tree is not thread-safe; give each thread its own (`ScenarioLoader.tree`).
public struct ScenarioTree {
    /// Scenario name, or for a plain model file its file name without extension.
    public var name: String
    /// The scenario's description, or the model's.
    public var description: String?
    /// The file the tree was loaded from (model or scenario).
    public var file: String
    /// The model file at the root of the chain; its name labels the locations of the tree's nodes.
    public var modelFile: String
    /// Scenario files from the one nearest the model to `file` (empty for a plain model).
    public var chain: [String]
    /// Every override applied, in order (the root-most scenario's first).
    public var overrides: [ScenarioOverride]
    /// The tree after the overrides.
    public var root: Node
    /// Canonical key path of each applied override, for relocating the loader's diagnostics.
    var appliedPaths: [(path: String, override: ScenarioOverride)]
    /// Size of the model file in bytes: raises the loader's node budget for large models, as for a model file.
    var modelFileBytes = 0
}

/// A model or scenario file, resolved and validated.
public struct ResolvedScenario: Sendable {
    /// Scenario name, or for a plain model file its file name without extension.
    public var name: String
    public var description: String?
    /// The file given (model or scenario).
    public var file: String
    /// The model file at the root of the chain.
    public var modelFile: String
    /// Scenario files from the one nearest the model to `file` (empty for a plain model).
    public var chain: [String]
    /// Every override applied, in order.
    public var overrides: [ScenarioOverride]
    /// The validated model.
    public var model: LineModel
}

/// Loads scenario files (`docs/scenarios.md`): a scenario names a base (a model file or another scenario) and
/// lists overrides; the chain is followed to the model, overrides are applied to the model's YAML tree in order
/// (the root-most scenario first), and the result is validated by the normal loader. Problems in an override
/// are reported at the override's line in the scenario file; the loader's diagnostics about values an override
/// wrote are moved there too.
///
/// ```swift
/// let s = try ScenarioLoader.load(path: "Models/scenarios/demand-plus-30.yaml")
/// print(s.overrides.map(\.description), s.model.products.count)
/// ```
public enum ScenarioLoader {
    /// Longest chain of scenarios on scenarios.
    public static let maxChainLength = 32

    /// Loads a model or scenario file and validates the result.
    /// - Throws: `LineModelError` with located diagnostics.
    public static func load(path: String, limits: LoaderLimits = LoaderLimits()) throws -> ResolvedScenario {
        let t = try tree(path: path, limits: limits)
        let model = try validate(t, limits: limits)
        return ResolvedScenario(name: t.name, description: t.description, file: t.file, modelFile: t.modelFile,
                                chain: t.chain, overrides: t.overrides, model: model)
    }

    /// True when the file at `path` parses and is a scenario (has a top-level `scenario` or `base` key).
    public static func isScenario(path: String) -> Bool {
        guard let root = try? LineModelLoader.parseTree(path: path) else { return false }
        return ScenarioFile.isScenario(root)
    }

    /// Resolves a model or scenario file to its tree with all overrides applied (not validated).
    /// - Throws: `LineModelError` for unreadable files, bad scenario files, cycles and bad overrides.
    public static func tree(path: String, limits: LoaderLimits = LoaderLimits()) throws -> ScenarioTree {
        var scenarios: [ScenarioFile] = []
        var seen: [String: Int] = [:]
        var current = path
        var root: Node
        var modelFileBytes = 0
        while true {
            let key = URL(fileURLWithPath: current).standardizedFileURL.resolvingSymlinksInPath().path
            if let first = seen[key] {
                let loop = (scenarios[first...].map(\.path) + [current]).joined(separator: " -> ")
                let last = scenarios[scenarios.count - 1]
                throw LineModelError(diagnostics: [Diagnostic(
                    location: last.baseLocation, keyPath: "base",
                    message: "scenarios build on each other in a cycle: \(loop)", kind: .inconsistent)])
            }
            guard scenarios.count <= maxChainLength else {
                let last = scenarios[scenarios.count - 1]
                throw LineModelError(diagnostics: [Diagnostic(
                    location: last.baseLocation, keyPath: "base",
                    message: "more than \(maxChainLength) scenarios build on each other", kind: .tooLarge)])
            }
            seen[key] = scenarios.count
            let node: Node
            do {
                let data = try LineModelLoader.readFile(current, limits: limits)
                modelFileBytes = data.count
                node = try LineModelLoader.parseTree(data: data, fileName: LineModelLoader.fileLabel(current),
                                                     limits: limits)
            } catch let error as LineModelError {
                // A missing base: report it at the `base:` line of the scenario that names it.
                if let last = scenarios.last, error.diagnostics.count == 1,
                    error.diagnostics[0].message.hasPrefix("cannot read") {
                    throw LineModelError(diagnostics: [Diagnostic(
                        location: last.baseLocation, keyPath: "base",
                        message: "cannot read the base file '\(last.baseWritten)' (looked for \(current))",
                        kind: .unknownReference)])
                }
                throw error
            }
            if ScenarioFile.isScenario(node) {
                let file = try ScenarioFile.read(node, path: current, limits: limits)
                scenarios.append(file)
                current = file.basePath
                continue
            }
            root = node
            break
        }
        let modelFile = current
        let ordered = Array(scenarios.reversed())
        var applied: [(String, ScenarioOverride)] = []
        for scenario in ordered {
            for (spec, valueNode) in scenario.overrides {
                let canonical = try OverrideEngine.apply(spec, valueNode: valueNode, to: &root, defaultFile: scenario.path)
                applied.append((canonical, spec))
            }
        }
        let top = scenarios.first
        let modelDescription = root.mapping?["description"]?.scalar?.string
        return ScenarioTree(
            name: top?.name ?? URL(fileURLWithPath: modelFile).deletingPathExtension().lastPathComponent,
            description: top?.description ?? modelDescription, file: path, modelFile: modelFile,
            chain: ordered.map(\.path), overrides: applied.map(\.1), root: root, appliedPaths: applied,
            modelFileBytes: modelFileBytes)
    }

    /// Applies more overrides to a tree (in place). Overrides built in code have no location; their problems
    /// are reported at line 1 of the model file, with the override's path.
    public static func apply(_ overrides: [ScenarioOverride], to tree: inout ScenarioTree) throws {
        for spec in overrides {
            let canonical = try OverrideEngine.apply(spec, valueNode: nil, to: &tree.root, defaultFile: tree.modelFile)
            tree.appliedPaths.append((canonical, spec))
            tree.overrides.append(spec)
        }
    }

    /// Validates a tree with the normal loader. Diagnostics under a path an override wrote are moved to the
    /// override's location; others keep their place in the model file and say the model was changed.
    public static func validate(_ tree: ScenarioTree, limits: LoaderLimits = LoaderLimits()) throws -> LineModel {
        do {
            return try LineModelLoader.validate(tree.root, fileName: LineModelLoader.fileLabel(tree.modelFile),
                                                limits: limits, fileBytes: tree.modelFileBytes)
        } catch let error as LineModelError {
            guard !tree.appliedPaths.isEmpty else { throw error }
            var out: [Diagnostic] = []
            for var d in error.diagnostics {
                if let hit = tree.appliedPaths.last(where: { isUnder(d.keyPath, $0.path) }) {
                    if let location = hit.override.location { d.location = location }
                    d.message += " (value written by the override '\(hit.override)')"
                } else {
                    let who = tree.chain.isEmpty ? "the overrides" : "scenario '\(tree.name)'"
                    d.message += " (in the model as changed by \(who))"
                }
                out.append(d)
            }
            throw LineModelError(diagnostics: out)
        }
    }

    /// True when `path` is `prefix` or lies below it.
    static func isUnder(_ path: String, _ prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.first == "." || rest.first == "["
    }
}
