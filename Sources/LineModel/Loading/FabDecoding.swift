import Foundation
import Yams

extension ModelDecoder {
    static let dieTypeKeys = ["id", "width_mm", "height_mm"]
    static let fabKeys = [
        "id", "name", "wafer_diameter_mm", "edge_exclusion_mm", "scribe_mm", "defect_density_per_cm2",
        "clustering_alpha", "yield_model", "wafer_starts", "wafer_cost", "cycle_time_periods", "sort_yield",
        "die_types",
    ]
    static let supplierKeys = ["id", "die_type", "cost_per_die", "cap_per_period"]

    /// Yield-model names in files, named by formula (see `YieldModel`).
    static let yieldModelNames: [(String, YieldModel)] = [
        ("poisson", .poisson), ("murphy", .murphy), ("seeds_exponential", .seedsExponential),
        ("exp_sqrt", .expSqrt), ("negative_binomial", .negativeBinomial),
    ]

    func decodeDieTypes(_ node: Node, _ path: String) throws -> [DieType]? {
        guard let items = try reader.list(node, path, what: "die types", maxCount: limits.maxDieTypes) else {
            return nil
        }
        var result: [DieType] = []
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "die type", allowed: Self.dieTypeKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "die type") else {
                ok = false; continue
            }
            dieTypeIds.append(id)
            // A reticle field is at most 26 x 33 mm; 100 mm leaves room for stitched designs and catches unit slips.
            let w = try number(f, "width_mm", FieldRanges.dieEdgeMillimetres, hint: "die width without scribe, mm")
            let h = try number(f, "height_mm", FieldRanges.dieEdgeMillimetres, hint: "die height without scribe, mm")
            guard let w, let h else { ok = false; continue }
            let die = DieType(id: id, widthMillimetres: w, heightMillimetres: h)
            dieTypesById[id] = die
            result.append(die)
        }
        return ok ? result : nil
    }

    /// Checks a die-type reference; reports an unknown one with a suggestion.
    func checkDieType(_ id: String, _ mark: Mark?, _ path: String) -> Bool {
        guard dieTypeIds.contains(id) else {
            reader.report(.unknownReference, mark, path,
                          "unknown die type '\(id)'" + Suggestions.hint(for: id, among: dieTypeIds, noun: "die types"))
            return false
        }
        return true
    }

    func decodeFab(_ node: Node, _ path: String) throws -> Fab? {
        guard let f = try reader.fields(node, path, what: "fab", allowed: Self.fabKeys) else { return nil }
        let idField = reader.required(f, "id", hint: "a name for the fab")
        let id = try idField.flatMap { try reader.identifier($0.node, $0.path) }
        let name = try optionalText(f, "name")
        let diameter = try number(f, "wafer_diameter_mm", FieldRanges.waferDiameterMillimetres, hint: "200 or 300")
        let edge = try number(f, "edge_exclusion_mm", FieldRanges.edgeExclusionMillimetres, required: false, default: 0)
        let scribe = try number(f, "scribe_mm", FieldRanges.scribeMillimetres, required: false, default: 0)
        let alpha = try number(f, "clustering_alpha", FieldRanges.clusteringAlpha, required: false, default: 2)
        let waferCost = try number(f, "wafer_cost", FieldRanges.waferCost, hint: "cost per wafer started")
        let cycle = try integer(f, "cycle_time_periods", FieldRanges.cycleTimePeriods, required: false, default: 0)
        let sortYield = try number(f, "sort_yield", FieldRanges.stepYield, required: false, default: 1)

        var model: YieldModel? = .negativeBinomial
        if let field = reader.optional(f, "yield_model") {
            model = nil
            if let text = try reader.identifier(field.node, field.path) {
                let names = Self.yieldModelNames.map(\.0)
                if let match = Self.yieldModelNames.first(where: { $0.0 == text }) {
                    model = match.1
                } else {
                    reader.report(.unknownReference, field.node.mark, field.path,
                                  "unknown yield model '\(text)'" + Suggestions.hint(for: text, among: names, noun: "models"))
                }
            }
        }

        var d0: [String: Double]? = nil
        var d0Entries: [(key: String, mark: Mark?, value: Double)] = []
        var d0Path = f.keyPath("defect_density_per_cm2")
        if let field = reader.required(f, "defect_density_per_cm2", hint: "defects per cm² by period, e.g. {2027: 0.5}"),
            let entries = try reader.numberMap(field.node, field.path, what: "defect densities",
                                               range: FieldRanges.defectDensity, maxCount: limits.maxPeriods) {
            if entries.isEmpty {
                reader.report(.empty, field.node.mark, field.path, "give D0 for at least one period")
            } else {
                d0 = periodMap(entries, field.path)
                d0Entries = entries
                d0Path = field.path
            }
        }
        var starts: [String: Double]? = nil
        if let field = reader.required(f, "wafer_starts", hint: "wafer-start capacity by period (the ramp)"),
            let entries = try reader.numberMap(field.node, field.path, what: "wafer starts",
                                               range: FieldRanges.waferStarts, maxCount: limits.maxPeriods) {
            starts = periodMap(entries, field.path)
        }

        var fabDieTypes: [String]? = nil
        if let field = reader.required(f, "die_types", hint: "ids of the die types the fab makes"),
            let items = try reader.list(field.node, field.path, what: "die type ids", maxCount: limits.maxDieTypes) {
            var ids: [String] = []
            var seen: [String: Mark?] = [:]
            var ok = true
            for (i, item) in items.enumerated() {
                let itemPath = "\(field.path)[\(i)]"
                guard let dieId = try reader.identifier(item, itemPath) else { ok = false; continue }
                guard checkUnique(dieId, item.mark, itemPath, seen: &seen, noun: "die type") else { ok = false; continue }
                guard checkDieType(dieId, item.mark, itemPath) else { ok = false; continue }
                // The die must fit on the wafer at least once.
                if let die = dieTypesById[dieId], let diameter, let edge, let scribe, edge * 2 < diameter {
                    let probe = Fab(id: "", waferDiameterMillimetres: diameter, edgeExclusionMillimetres: edge,
                                    scribeMillimetres: scribe, defectDensityPerCm2: [:], waferStartsPerPeriod: [:],
                                    waferCost: 0, dieTypes: [])
                    if probe.grossDiesPerWafer(for: die) < 1 {
                        reader.report(.inconsistent, item.mark, itemPath,
                                      "die type '\(dieId)' (\(NodeReader.format(die.widthMillimetres)) × "
                                          + "\(NodeReader.format(die.heightMillimetres)) mm) does not fit on a "
                                          + "\(NodeReader.format(diameter)) mm wafer: gross dies per wafer is 0")
                        ok = false
                        continue
                    }
                }
                ids.append(dieId)
                sourcedDieTypes.insert(dieId)
            }
            if ok { fabDieTypes = ids }
        }
        if let diameter, let edge, edge * 2 >= diameter {
            reader.report(.outOfRange, f.values["edge_exclusion_mm"]?.mark ?? f.mark, f.keyPath("edge_exclusion_mm"),
                          "edge exclusion \(NodeReader.format(edge)) mm leaves no usable wafer "
                              + "(diameter \(NodeReader.format(diameter)) mm)")
            return nil
        }
        guard let id, let diameter, let edge, let scribe, let alpha, let waferCost, let cycle, let sortYield,
            let model, let d0, let starts, let fabDieTypes
        else { return nil }
        let fab = Fab(
            id: id, name: name, waferDiameterMillimetres: diameter, edgeExclusionMillimetres: edge,
            scribeMillimetres: scribe, defectDensityPerCm2: d0, clusteringAlpha: alpha, yieldModel: model,
            waferStartsPerPeriod: starts, waferCost: waferCost, cycleTimePeriods: cycle, sortYield: sortYield,
            dieTypes: fabDieTypes)
        // Every D0 must leave a die yield of at least 1 % and at least one good die per wafer: less means a unit
        // slip (defects per mm² typed as per cm², say), and later stages divide by good dies per wafer.
        var ok = true
        for dieId in fabDieTypes {
            guard let die = dieTypesById[dieId] else { continue }
            for e in d0Entries {
                let y = model.dieYield(areaTimesDefectDensity: die.areaSquareCentimetres * e.value, alpha: alpha)
                let good = fab.grossDiesPerWafer(for: die) * y * sortYield
                if !(good >= 1 && y >= 0.01) {
                    reader.report(.inconsistent, e.mark, d0Path + "." + e.key,
                                  "with D0 = \(NodeReader.format(e.value)) per cm² the fab gets "
                                      + "\(String(format: "%.3g", good)) good '\(dieId)' dies per wafer (die yield "
                                      + "\(String(format: "%.3g", y * 100)) %, below the 1 % accepted); "
                                      + "check the units (defects per cm²)")
                    ok = false
                }
            }
        }
        return ok ? fab : nil
    }

    func decodeSuppliers(_ node: Node, _ path: String) throws -> [DieSupplier]? {
        guard let items = try reader.list(node, path, what: "die suppliers", maxCount: limits.maxSuppliers) else {
            return nil
        }
        var result: [DieSupplier] = []
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "die supplier", allowed: Self.supplierKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "supplier") else {
                ok = false; continue
            }
            var dieType: String? = nil
            if let field = reader.required(f, "die_type", hint: "the die type it sells"),
                let dieId = try reader.identifier(field.node, field.path),
                checkDieType(dieId, field.node.mark, field.path) {
                dieType = dieId
                sourcedDieTypes.insert(dieId)
            }
            let cost = try number(f, "cost_per_die", FieldRanges.costPerDie, hint: "price per good die")
            var cap: [String: Double]? = nil
            var capOK = true
            if let field = reader.optional(f, "cap_per_period") {
                if let entries = try reader.numberMap(field.node, field.path, what: "dies per period",
                                                      range: FieldRanges.unitsPerPeriod, maxCount: limits.maxPeriods) {
                    cap = periodMap(entries, field.path)
                } else {
                    capOK = false
                }
            }
            guard let dieType, let cost, capOK else { ok = false; continue }
            result.append(DieSupplier(id: id, dieType: dieType, costPerDie: cost, capPerPeriod: cap))
        }
        return ok ? result : nil
    }
}
