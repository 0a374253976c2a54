/// Where in a model file something is: file name, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// File name as given to the loader (a path, or a label such as "<memory>").
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (counted in Unicode scalars, as libyaml does).
    public var column: Int

    /// A location; `line` and `column` are 1-based.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or just `file` for a model without a file (line 0: `LineModelValidator`).
    public var description: String { line == 0 ? file : "\(file):\(line):\(column)" }
}

/// One problem found in a line-model file, with its place and a message in planner words.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of problem it is; lets tests and tools group problems without parsing messages.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The text is not well-formed YAML/JSON (reported with the parser's line and column).
        case malformedFile = "malformed-file"
        /// Input built to exhaust the loader: alias bombs, extreme nesting, too many values.
        case hostileInput = "hostile-input"
        /// A file or collection larger than the loader accepts.
        case tooLarge = "too-large"
        /// A required field is absent.
        case missingField = "missing-field"
        /// A value of the wrong type (text where a number is expected, a list where a map is expected, ...).
        case wrongType = "wrong-type"
        /// A number outside its allowed range (including NaN and infinity).
        case outOfRange = "out-of-range"
        /// A name that refers to nothing defined (station, site, die type, period, ...).
        case unknownReference = "unknown-reference"
        /// A key the file format does not know (usually a typo).
        case unknownKey = "unknown-key"
        /// Two entries of one list share an id.
        case duplicateId = "duplicate-id"
        /// A list that must have entries is empty (a route, the periods, ...).
        case empty = "empty"
        /// Entries that are each fine but do not fit together (max tools below installed, a die with no source).
        case inconsistent = "inconsistent"
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// Key path to the offending value, e.g. `products.fcbga-cpu.route[4].station`. Empty for file-level problems.
    public var keyPath: String
    /// What is wrong and, where possible, how to fix it.
    public var message: String
    /// Category of the problem.
    public var kind: Kind

    /// A problem at `location`, under `keyPath`, explained by `message`.
    public init(location: SourceLocation, keyPath: String, message: String, kind: Kind) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.kind = kind
    }

    /// Compiler-style line: `file:line:col: error: keyPath: message`.
    public var description: String {
        keyPath.isEmpty
            ? "\(location): error: \(message)"
            : "\(location): error: \(keyPath): \(message)"
    }
}

/// Every problem found while loading one model file. Thrown by `LineModelLoader` when the file is not a valid
/// model; a model that loads has none.
public struct LineModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file order (by line, then column).
    public var diagnostics: [Diagnostic]

    /// The error for a non-empty list of problems.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One `file:line:col: error: keyPath: message` line per problem.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
