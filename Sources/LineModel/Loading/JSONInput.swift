import Foundation

/// A JSON input (a plan, a sweep shard) that cannot be used: one located problem.
public struct JSONInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where and what: `file:line:column`, the key path of the value, the message and its kind.
    public var diagnostic: Diagnostic
    /// `file:line:col: error: keyPath: message`.
    public var description: String { diagnostic.description }
}

/// Decodes JSON documents other than models (plans written by `optimize --format json`, sweep shards) with
/// errors located like the model loader's: malformed text at its line and column, nesting deeper than
/// `LoaderLimits.maxNestingDepth` refused before the decoder recurses into it, and a value of the wrong shape
/// (a missing key, a string where a number belongs) at the line and column of that value with its key path.
///
/// The text is first checked by `JSONSyntaxScan` (RFC 8259 grammar, depth-bounded); only well-formed text
/// reaches `JSONDecoder`, whose errors carry a coding path that the scan then turns into a line and column.
public enum JSONInput {
    /// Largest JSON input read, bytes (a shard of a 100,000-point sweep is about 40 MB).
    public static let maxFileBytes = 1 << 28

    /// Decodes `type` from `data`; `fileName` labels locations.
    /// - Throws: `JSONInputError` with the first problem.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, fileName: String, decoder: JSONDecoder = JSONDecoder(),
        maxNestingDepth: Int = LoaderLimits().maxNestingDepth
    ) throws(JSONInputError) -> T {
        let bytes = [UInt8](data)
        var scan = JSONSyntaxScan(bytes: bytes, maxDepth: maxNestingDepth)
        if let problem = scan.check() {
            throw error(fileName, problem.line, problem.column, "", problem.message, problem.kind)
        }
        do {
            return try decoder.decode(T.self, from: data)
        } catch let e as DecodingError {
            throw located(e, bytes: bytes, fileName: fileName, maxDepth: maxNestingDepth)
        } catch {
            throw Self.error(fileName, 1, 1, "", "cannot decode the JSON (\(error))", .malformedFile)
        }
    }

    /// Reads the regular file at `path` (`-`: standard input) and decodes `type` from it.
    /// - Throws: `JSONInputError` (unreadable files at line 1, with the reason).
    public static func decode<T: Decodable>(_ type: T.Type, path: String, decoder: JSONDecoder = JSONDecoder())
        throws(JSONInputError) -> T
    {
        let label = LineModelLoader.fileLabel(path)
        let data: Data
        do { data = try InputFile.read(path: path, maxBytes: maxFileBytes) } catch {
            throw Self.error(label, 1, 1, "", error.reason, error.tooLarge ? .tooLarge : .malformedFile)
        }
        return try decode(type, from: data, fileName: label, decoder: decoder)
    }

    /// A decoding error placed at the value its coding path names.
    static func located(_ e: DecodingError, bytes: [UInt8], fileName: String, maxDepth: Int) -> JSONInputError {
        let (path, message, kind): ([CodingKey], String, Diagnostic.Kind)
        switch e {
        case .keyNotFound(let key, let c):
            (path, message, kind) = (c.codingPath, "missing key '\(key.stringValue)'", .missingField)
        case .typeMismatch(let type, let c):
            (path, message, kind) = (c.codingPath, "expected \(describe(type)) (\(c.debugDescription))", .wrongType)
        case .valueNotFound(let type, let c):
            (path, message, kind) = (c.codingPath, "expected \(describe(type)), found null", .wrongType)
        case .dataCorrupted(let c):
            (path, message, kind) = (c.codingPath, c.debugDescription, .wrongType)
        @unknown default:
            (path, message, kind) = ([], "\(e)", .malformedFile)
        }
        var scan = JSONSyntaxScan(bytes: bytes, maxDepth: maxDepth)
        let at = scan.locate(path.map { $0.intValue.map(JSONPathStep.index) ?? .key($0.stringValue) })
        return error(fileName, at?.line ?? 1, at?.column ?? 1, keyPath(path), message, kind)
    }

    /// `starts[3].units` for a coding path.
    static func keyPath(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type, is UInt64.Type, is Int64.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a \(name)"
        }
    }

    static func error(_ file: String, _ line: Int, _ column: Int, _ keyPath: String, _ message: String,
                      _ kind: Diagnostic.Kind) -> JSONInputError {
        JSONInputError(diagnostic: Diagnostic(location: SourceLocation(file: file, line: line, column: column),
                                              keyPath: keyPath, message: message, kind: kind))
    }
}
