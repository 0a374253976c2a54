import Yams

/// Turns the composed YAML tree of a model file into a `LineModel`, section by section, recording every problem.
///
/// Sections are read in dependency order (periods, sites, die types, fab, suppliers, products, budget) whatever
/// their order in the file, so each reference is checked against what it names as soon as it is read.
/// The field names of the file format are listed in `docs/file-format.md`.
final class ModelDecoder {
    let reader: NodeReader
    var limits: LoaderLimits { reader.limits }

    /// Period ids in time order (for reference checks and suggestions).
    var periodIds: [String] = []
    var periodSet: Set<String> = []
    /// Station ids per site id.
    var stationsBySite: [String: [String]] = [:]
    var siteIds: [String] = []
    var dieTypeIds: [String] = []
    var dieTypesById: [String: DieType] = [:]
    /// Die types made by the fab or sold by a supplier.
    var sourcedDieTypes: Set<String> = []

    init(reader: NodeReader) {
        self.reader = reader
    }

    static let topLevelKeys = [
        "name", "description", "currency", "periods", "sites", "die_types", "products", "fab", "die_suppliers",
        "budget",
    ]

    /// Reads a whole model; nil when any problem was found (the problems are in `reader.diagnostics`).
    func decodeModel(_ root: Node) throws -> LineModel? {
        guard let top = try reader.fields(root, "", what: "the model (top level)", allowed: Self.topLevelKeys) else {
            return nil
        }
        let name = try reader.required(top, "name", hint: "a title for the model").flatMap {
            try reader.text($0.node, $0.path)
        }
        let description = try reader.optional(top, "description").flatMap { try reader.text($0.node, $0.path) }
        let currency = try reader.optional(top, "currency").flatMap { try reader.identifier($0.node, $0.path) } ?? "USD"

        let periods = try reader.required(top, "periods", hint: "a list of {id, hours_per_tool}").flatMap {
            try decodePeriods($0.node, $0.path)
        }
        let sites = try reader.required(top, "sites", hint: "a list of plants with their stations").flatMap {
            try decodeSites($0.node, $0.path)
        }
        let dieTypes = try reader.optional(top, "die_types").flatMap { try decodeDieTypes($0.node, $0.path) } ?? []
        let fab = try reader.optional(top, "fab").flatMap { try decodeFab($0.node, $0.path) }
        let suppliers = try reader.optional(top, "die_suppliers").flatMap {
            try decodeSuppliers($0.node, $0.path)
        } ?? []
        let products = try reader.required(top, "products", hint: "a list of package families with routes").flatMap {
            try decodeProducts($0.node, $0.path)
        }
        let budget = try reader.optional(top, "budget").flatMap { try decodeBudget($0.node, $0.path) } ?? Budget()

        guard reader.diagnostics.isEmpty, let name, let periods, let sites, let products else { return nil }
        return LineModel(
            name: name, description: description, currency: currency, periods: periods, sites: sites,
            dieTypes: dieTypes, products: products, fab: fab, dieSuppliers: suppliers, budget: budget)
    }

    // MARK: Shared helpers

    /// The key path a list entry is reported under: `section.id` when the entry has a usable id,
    /// else `section[index]`. Looks without reporting; `entryId` reports.
    func entryPath(_ item: Node, section: String, index: Int) -> String {
        if case .mapping(let mapping) = item {
            for (key, value) in mapping {
                guard case .scalar(let k) = key, k.string == "id", case .scalar(let v) = value else { continue }
                let id = v.string
                if !id.isEmpty, id.count <= limits.maxIdLength, !id.contains(where: { $0.isNewline }) {
                    return "\(section).\(id)"
                }
            }
        }
        return "\(section)[\(index)]"
    }

    /// Reads the `id` field of a list entry.
    func entryId(_ f: Fields) throws -> String? {
        guard let idField = reader.required(f, "id", hint: "a unique name") else { return nil }
        return try reader.identifier(idField.node, idField.path)
    }

    /// Records `id` as seen, reporting a duplicate (with the first place) if it was seen before.
    func checkUnique(_ id: String, _ mark: Mark?, _ path: String, seen: inout [String: Mark?], noun: String) -> Bool {
        if let first = seen[id] {
            let where_ = first.map { " (first defined at line \($0.line))" } ?? ""
            reader.report(.duplicateId, mark, path, "duplicate \(noun) id '\(id)'\(where_); ids must be unique")
            return false
        }
        seen[id] = mark
        return true
    }

    /// Checks that every key of a per-period map names a defined period; returns the map as a dictionary.
    func periodMap(_ entries: [(key: String, mark: Mark?, value: Double)], _ path: String) -> [String: Double] {
        var result: [String: Double] = [:]
        result.reserveCapacity(entries.count)
        for e in entries {
            if !periodSet.isEmpty, !periodSet.contains(e.key) {
                reader.report(.unknownReference, e.mark, path + "." + e.key,
                              "unknown period '\(e.key)'" + Suggestions.hint(for: e.key, among: periodIds, noun: "periods"))
                continue
            }
            result[e.key] = e.value
        }
        return result
    }

    /// Reads an optional or required number field.
    func number(_ f: Fields, _ key: String, _ range: NumberRange, required: Bool = true, hint: String = "",
                default value: Double? = nil) throws -> Double? {
        if required {
            guard let field = reader.required(f, key, hint: hint) else { return nil }
            return try reader.number(field.node, field.path, range)
        }
        guard let field = reader.optional(f, key) else { return value }
        return try reader.number(field.node, field.path, range)
    }

    func integer(_ f: Fields, _ key: String, _ range: NumberRange, required: Bool = true, hint: String = "",
                 default value: Int? = nil) throws -> Int? {
        if required {
            guard let field = reader.required(f, key, hint: hint) else { return nil }
            return try reader.integer(field.node, field.path, range)
        }
        guard let field = reader.optional(f, key) else { return value }
        return try reader.integer(field.node, field.path, range)
    }

    func optionalText(_ f: Fields, _ key: String) throws -> String? {
        try reader.optional(f, key).flatMap { try reader.text($0.node, $0.path) }
    }

    // MARK: Periods

    static let periodKeys = ["id", "hours_per_tool"]

    func decodePeriods(_ node: Node, _ path: String) throws -> [Period]? {
        guard let items = try reader.list(node, path, what: "periods", maxCount: limits.maxPeriods) else { return nil }
        if items.isEmpty {
            reader.report(.empty, node.mark, path, "at least one planning period is needed")
            return nil
        }
        var periods: [Period] = []
        periods.reserveCapacity(items.count)
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "period", allowed: Self.periodKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "period") else {
                ok = false; continue
            }
            periodIds.append(id)
            // Productive hours per tool: at most a decade of 24/7 hours per period.
            guard let hours = try number(f, "hours_per_tool", FieldRanges.hoursPerTool,
                                         hint: "productive hours one tool can run in the period, e.g. 8400")
            else { ok = false; continue }
            periods.append(Period(id: id, hoursPerTool: hours))
        }
        periodSet = Set(periodIds)
        return ok ? periods : nil
    }

    // MARK: Budget

    static let budgetKeys = ["capital_per_period", "capital_total"]

    func decodeBudget(_ node: Node, _ path: String) throws -> Budget? {
        guard let f = try reader.fields(node, path, what: "budget", allowed: Self.budgetKeys) else { return nil }
        var perPeriod: [String: Double] = [:]
        if let field = reader.optional(f, "capital_per_period") {
            guard let entries = try reader.numberMap(field.node, field.path, what: "capital per period",
                                                     range: FieldRanges.capitalPerPeriod, maxCount: limits.maxPeriods)
            else { return nil }
            perPeriod = periodMap(entries, field.path)
        }
        let total = try number(f, "capital_total", FieldRanges.capitalTotal, required: false)
        return Budget(capitalPerPeriod: perPeriod, capitalTotal: total)
    }
}
