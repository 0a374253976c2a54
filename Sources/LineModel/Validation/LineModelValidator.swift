import Foundation

/// The semantic rules of a line model, checked on the typed `LineModel`: every way a model enters fabplan
/// (a file through `LineModelLoader`, a model built or edited in code, a scenario) passes the same rules and
/// gets the same messages. Each problem names its key path (e.g. `products.fcbga-cpu.route[4].station`); the
/// loader adds the file position of that key path.
///
/// The rules live one family per file under `Validation/Rules/`; a new model field adds its checks there and
/// its range to `FieldRanges`.
///
///     let problems = LineModelValidator.problems(in: model)   // [] when valid
///     try model.validate()                                     // throws LineModelError
public enum LineModelValidator {
    /// Location label used for problems of models that have no file.
    public static let inMemoryLabel = "<in-memory model>"

    /// Every rule family, in the order of the file format's sections.
    static let rules: [@Sendable (LineModel, inout ValidationReport) -> Void] = [
        ModelRules.check, PeriodRules.check, SiteRules.check, DieTypeRules.check, FabRules.check,
        SupplierRules.check, ProductRules.check, BudgetRules.check, QueueingRules.check,
    ]

    /// Every problem of `model`, in section order; empty when the model is valid.
    /// - Parameters:
    ///   - limits: the collection and id-length limits (the loader's).
    ///   - label: the file name (or label) the problems are located in; their line and column are 0.
    public static func problems(in model: LineModel, limits: LoaderLimits = LoaderLimits(),
                                label: String = inMemoryLabel) -> [Diagnostic] {
        var report = ValidationReport(label: label, limits: limits)
        for rule in rules { rule(model, &report) }
        return report.problems
    }
}

extension LineModel {
    /// Checks this model with every rule of the loader (`LineModelValidator`), without writing it anywhere.
    /// - Throws: `LineModelError` listing every problem with its key path.
    public func validate(label: String = LineModelValidator.inMemoryLabel, limits: LoaderLimits = LoaderLimits()) throws {
        let problems = LineModelValidator.problems(in: self, limits: limits, label: label)
        if !problems.isEmpty { throw LineModelError(diagnostics: problems) }
    }
}

/// The problems found so far, and the helpers every rule uses to report them in the loader's words.
struct ValidationReport {
    let label: String
    let limits: LoaderLimits
    private(set) var problems: [Diagnostic] = []

    init(label: String, limits: LoaderLimits) {
        self.label = label
        self.limits = limits
    }

    mutating func report(_ kind: Diagnostic.Kind, _ path: String, _ message: String) {
        problems.append(Diagnostic(location: SourceLocation(file: label, line: 0, column: 0), keyPath: path,
                                   message: message, kind: kind))
    }

    /// Checks `x` against `range` with the loader's message.
    mutating func number(_ x: Double, _ path: String, _ range: NumberRange) {
        guard x.isFinite else { return report(.outOfRange, path, "must be a finite number, got '\(NodeReader.format(x))'") }
        if !range.contains(x) { report(.outOfRange, path, range.complaint(x)) }
    }

    /// Checks a whole number against `range`.
    mutating func integer(_ x: Int, _ path: String, _ range: NumberRange) {
        number(Double(x), path, range)
    }

    /// Checks every value of a per-period map: keys name periods, values within `range`.
    mutating func periodMap(_ map: [String: Double], _ path: String, _ range: NumberRange, periods: [String]) {
        let known = Set(periods)
        for key in map.keys.sorted() {
            guard known.contains(key) else {
                report(.unknownReference, path + "." + key,
                       "unknown period '\(key)'" + Suggestions.hint(for: key, among: periods, noun: "periods"))
                continue
            }
            number(map[key]!, path + "." + key, range)
        }
        if map.count > limits.maxPeriods {
            report(.tooLarge, path, "\(map.count) entries is more than the \(limits.maxPeriods) accepted")
        }
    }

    /// Checks a list's length against its limit (and, when `nonEmpty`, that it has entries).
    mutating func count(_ n: Int, _ path: String, what: String, max: Int, emptyMessage: String? = nil) {
        if n > max { report(.tooLarge, path, "\(n) \(what) is more than the \(max) this loader accepts") }
        if n == 0, let emptyMessage { report(.empty, path, emptyMessage) }
    }

    /// The key path of a list entry: `section.id` when the id is usable in a path, else `section[index]`
    /// (as the loader names it).
    func entryPath(_ section: String, id: String, index: Int) -> String {
        let usable = !id.isEmpty && id.count <= limits.maxIdLength && !id.contains(where: { $0.isNewline })
        return usable ? "\(section).\(id)" : "\(section)[\(index)]"
    }

    /// Checks an id: usable (non-empty, no blanks around it, no control characters), at most
    /// `LoaderLimits.maxIdLength` characters, and at most `FieldRanges.maxIdBytes` UTF-8 bytes (solver names).
    mutating func identifier(_ id: String, _ path: String) {
        if id.count > limits.maxIdLength {
            return report(.tooLarge, path, "text longer than \(limits.maxIdLength) characters")
        }
        if id.isEmpty || id.trimmingCharacters(in: .whitespaces) != id
            || id.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return report(.wrongType, path,
                          "'\(id)' is not a usable id: ids are non-empty names without leading/trailing blanks")
        }
        if id.utf8.count > FieldRanges.maxIdBytes {
            report(.tooLarge, path,
                   "id '\(NodeReader.shown(id))' is \(id.utf8.count) bytes in UTF-8; at most \(FieldRanges.maxIdBytes) "
                       + "are accepted (the LP solver's row and column names, made of up to three ids, are limited "
                       + "to 255 bytes)")
        }
    }

    /// Checks the ids of one collection: each usable, none repeated. Returns nothing; reports under
    /// `pathOf(index) + ".id"`.
    mutating func uniqueIds(_ ids: [String], noun: String, pathOf: (Int) -> String) {
        var seen: Set<String> = []
        for (i, id) in ids.enumerated() {
            identifier(id, pathOf(i) + ".id")
            if !seen.insert(id).inserted {
                report(.duplicateId, pathOf(i) + ".id", "duplicate \(noun) id '\(id)'; ids must be unique")
            }
        }
    }

    /// Checks free text (names, descriptions): at most 10,000 characters.
    mutating func text(_ text: String?, _ path: String) {
        if let text, text.count > 10_000 { report(.tooLarge, path, "text longer than 10000 characters") }
    }
}
