import Foundation
import Yams

/// Entry points for callers that edit a model's YAML tree before validating it (scenario overrides, sweeps).
///
/// The text is checked and parsed exactly as `load(data:fileName:)` does (size, hostile-input scan, UTF-8,
/// libyaml); the (possibly modified) tree is then validated by the same `NodeReader`/`ModelDecoder` walk, so a
/// model built from an edited tree gets the same located diagnostics as a model file.
extension LineModelLoader {
    /// Parses model text into its YAML node tree without validating the model.
    /// - Throws: `LineModelError` for oversized, hostile, non-UTF-8, malformed or empty input.
    public static func parseTree(data: Data, fileName: String, limits: LoaderLimits = LoaderLimits()) throws -> Node {
        guard data.count <= limits.maxFileBytes else {
            throw fileError(fileName, "the file is \(data.count) bytes; the loader accepts at most \(limits.maxFileBytes)",
                            .tooLarge)
        }
        let bytes = [UInt8](data)
        if let finding = HostileInputScan.scan(bytes, limits: limits) {
            throw LineModelError(diagnostics: [Diagnostic(
                location: SourceLocation(file: fileName, line: finding.line, column: finding.column),
                keyPath: "", message: finding.message, kind: .hostileInput)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fileError(fileName, "the file is not UTF-8 text", .malformedFile)
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw LineModelError(diagnostics: [diagnostic(for: error, fileName: fileName, text: text)])
        } catch {
            throw fileError(fileName, "cannot parse the file (\(error))", .malformedFile)
        }
        guard let root else {
            throw fileError(fileName, "the file is empty; a model needs at least name, periods, sites and products",
                            .empty)
        }
        return root
    }

    /// Reads the file at `path` (size-checked) and parses it into its YAML node tree without validating.
    public static func parseTree(path: String, limits: LoaderLimits = LoaderLimits()) throws -> Node {
        let data = try readFile(path, limits: limits)
        return try parseTree(data: data, fileName: fileLabel(path), limits: limits)
    }

    /// Validates an already parsed (and possibly edited) model tree and returns the model.
    /// Locations in diagnostics are the marks of the nodes, labelled with `fileName`.
    /// - Throws: `LineModelError` with every problem found, in line order.
    public static func load(node root: Node, fileName: String, limits: LoaderLimits = LoaderLimits()) throws -> LineModel {
        try validate(root, fileName: fileName, limits: limits, fileBytes: 0)
    }
}
