import Foundation
import Yams

/// Reads line-model files (YAML, or JSON, which is read by the same parser so locations work the same) and
/// returns a validated `LineModel`, or throws one `LineModelError` listing every problem with its
/// file:line:column and key path.
///
/// The loader is defensive: the file size is checked before reading, the raw text is scanned for hostile
/// constructs (deep nesting, alias bombs) before parsing, every list count is checked before anything
/// proportional to it is allocated, and the walk over the parsed tree has a node budget.
///
/// ```swift
/// let model = try LineModelLoader.load(path: "Models/vietnam-2030.yaml")
/// ```
public enum LineModelLoader {
    /// Loads and validates the model file at `path` (`.yaml`, `.yml` or `.json`).
    /// - Throws: `LineModelError` with every problem found.
    public static func load(path: String, limits: LoaderLimits = LoaderLimits()) throws -> LineModel {
        let data = try readFile(path, limits: limits)
        return try load(data: data, fileName: fileLabel(path), limits: limits)
    }

    /// The bytes of the model file at `path` (`-`: standard input) through `InputFile`: regular files only,
    /// at most `limits.maxFileBytes`.
    /// - Throws: `LineModelError` at line 1 of the file saying why it cannot be read.
    static func readFile(_ path: String, limits: LoaderLimits) throws -> Data {
        do {
            return try InputFile.read(path: path, maxBytes: limits.maxFileBytes)
        } catch {
            throw fileError(fileLabel(path), error.reason, error.tooLarge ? .tooLarge : .malformedFile)
        }
    }

    /// How locations name the file at `path`: the path itself, or `<stdin>` for `-`.
    public static func fileLabel(_ path: String) -> String {
        path == InputFile.standardInputPath ? "<stdin>" : path
    }

    /// Loads and validates a model from YAML (or JSON) text. `fileName` labels locations in errors.
    /// - Throws: `LineModelError` with every problem found.
    public static func load(yaml: String, fileName: String = "<memory>", limits: LoaderLimits = LoaderLimits())
        throws -> LineModel
    {
        try load(data: Data(yaml.utf8), fileName: fileName, limits: limits)
    }

    /// Loads and validates a model from the bytes of a file (UTF-8).
    public static func load(data: Data, fileName: String, limits: LoaderLimits = LoaderLimits()) throws -> LineModel {
        let root = try parseTree(data: data, fileName: fileName, limits: limits)
        return try validate(root, fileName: fileName, limits: limits, fileBytes: data.count)
    }

    /// The one validating walk over a parsed tree (files, and trees edited by scenario overrides).
    /// `fileBytes` raises the node budget for large files (aliases are measured against it).
    static func validate(_ root: Node, fileName: String, limits: LoaderLimits, fileBytes: Int) throws -> LineModel {
        let reader = NodeReader(file: fileName, limits: limits, fileBytes: fileBytes)
        guard reader.measureExpansion(root) else { throw LineModelError(diagnostics: reader.diagnostics) }
        let decoder = ModelDecoder(reader: reader)
        var model: LineModel? = nil
        do {
            model = try decoder.decodeModel(root)
        } catch is WalkAborted {
            model = nil
        }
        guard let model, reader.diagnostics.isEmpty else {
            let sorted = reader.diagnostics.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
            throw LineModelError(diagnostics: sorted)
        }
        // The typed rules (shared with models built in code); the decoder has already checked what it reads, so
        // only the rules on decoded values (solver floors of derived values, id bytes) can still fire here.
        let problems = LineModelValidator.problems(in: model, limits: limits, label: fileName)
        guard problems.isEmpty else {
            throw LineModelError(diagnostics: problems.map {
                var d = $0
                d.location = reader.location(KeyPathLocator.mark(of: d.keyPath, in: root))
                return d
            })
        }
        return model
    }

    static func fileError(_ file: String, _ message: String, _ kind: Diagnostic.Kind) -> LineModelError {
        LineModelError(diagnostics: [Diagnostic(
            location: SourceLocation(file: file, line: 1, column: 1), keyPath: "", message: message, kind: kind)])
    }

    /// The line of the repeated `key` in the block mapping whose first occurrence is at `mark`: a later line of
    /// the same mapping (same indentation) that starts with `key:`. Stops where the mapping ends (a line indented
    /// less, or a new list item). Nil when not found (flow maps), and the first occurrence is reported.
    static func repeatedKeyLine(_ key: String, after mark: Mark, in text: String) -> Int? {
        let start = mark.column - 1
        let keyScalars = Array(key.unicodeScalars)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > mark.line else { continue }
            let scalars = Array(line.unicodeScalars)
            var indent = 0
            while indent < scalars.count, scalars[indent] == " " { indent += 1 }
            if indent == scalars.count || scalars[indent] == "#" || scalars[indent] == "\r" { continue }
            if indent < start || (indent == start && scalars[indent] == "-") { return nil }
            guard indent == start, start + keyScalars.count <= scalars.count,
                Array(scalars[start..<(start + keyScalars.count)]) == keyScalars
            else { continue }
            var k = start + keyScalars.count
            while k < scalars.count, scalars[k] == " " { k += 1 }
            if k < scalars.count, scalars[k] == ":" { return lineNumber }
        }
        return nil
    }

    /// Turns a Yams/libyaml error into a located diagnostic.
    static func diagnostic(for error: YamlError, fileName: String, text: String) -> Diagnostic {
        func make(_ mark: Mark, _ message: String) -> Diagnostic {
            make(mark.line, mark.column, message)
        }
        func make(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            Diagnostic(location: SourceLocation(file: fileName, line: line, column: column),
                       keyPath: "", message: message, kind: .malformedFile)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) (line \($0.mark.line)), " } ?? ""
            return make(mark, "not well-formed YAML: \(ctx)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\(NodeReader.shown($0))'" }.joined(separator: ", ")
            let first = context.mark
            // Yams points at the first occurrence; point at the repeat (same column, a later line) when it is
            // easy to find, since that is usually the line to delete.
            if let key = duplicates.first, let repeatLine = repeatedKeyLine(key, after: first, in: text) {
                return make(repeatLine, first.column,
                            "key \(keys) appears twice in the same map (first at line \(first.line)); "
                                + "each field may be given once")
            }
            return make(first, "key \(keys) appears twice in the same map; each field may be given once")
        case .reader(let problem, let offset, _, _):
            var line = 1, column = 1
            if let offset {
                for ch in text.prefix(offset) {
                    if ch == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return make(line, column, "unreadable text: \(problem)")
        default:
            return make(1, 1, "cannot parse the file: \(error)")
        }
    }
}
