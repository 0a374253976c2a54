import Yams

extension ModelDecoder {
    static let productKeys = [
        "id", "name", "family", "route", "sites", "dies", "demand", "demand_cv", "price_per_unit",
        "unmet_penalty_per_unit", "holding_cost_per_unit_period", "material_cost_per_unit",
        "lot_size_units",
    ]
    static let rateKeys = ["units_per_hour", "seconds_per_unit", "wire_bond", "test", "batch", "dispatch"]
    static let stepKeys = ["station", "name", "yield", "yield_concentration", "visit_fraction", "setup"] + rateKeys
    static let dieUseKeys = ["die_type", "per_unit"]
    static let wireBondKeys = ["wires_per_unit", "wires_per_second", "index_seconds"]
    static let testKeys = ["test_seconds", "sites", "index_seconds"]
    static let batchKeys = ["units_per_batch", "batch_hours", "load_hours"]

    func decodeProducts(_ node: Node, _ path: String) throws -> [Product]? {
        guard let items = try reader.list(node, path, what: "products", maxCount: limits.maxProducts) else {
            return nil
        }
        if items.isEmpty {
            reader.report(.empty, node.mark, path, "at least one product is needed")
            return nil
        }
        var result: [Product] = []
        result.reserveCapacity(items.count)
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "product", allowed: Self.productKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "product") else {
                ok = false; continue
            }
            if let product = try decodeProduct(f, id: id) { result.append(product) } else { ok = false }
        }
        return ok ? result : nil
    }

    private func decodeProduct(_ f: Fields, id: String) throws -> Product? {
        let name = try optionalText(f, "name")
        let family = try optionalText(f, "family")

        // Sites first: route stations are checked against every site that may build the product.
        var sites: [String]? = nil
        var knownListedSites: [String] = []
        if let field = reader.required(f, "sites", hint: "ids of the sites that may build it"),
            let items = try reader.list(field.node, field.path, what: "site ids", maxCount: limits.maxSites) {
            if items.isEmpty {
                reader.report(.empty, field.node.mark, field.path, "list at least one site that may build '\(id)'")
            } else {
                var ids: [String] = []
                var seen: [String: Mark?] = [:]
                var ok = true
                for (i, item) in items.enumerated() {
                    let itemPath = "\(field.path)[\(i)]"
                    guard let siteId = try reader.identifier(item, itemPath) else { ok = false; continue }
                    guard checkUnique(siteId, item.mark, itemPath, seen: &seen, noun: "site") else { ok = false; continue }
                    guard siteIds.contains(siteId) else {
                        reader.report(.unknownReference, item.mark, itemPath,
                                      "unknown site '\(siteId)'" + Suggestions.hint(for: siteId, among: siteIds, noun: "sites"))
                        ok = false
                        continue
                    }
                    ids.append(siteId)
                }
                knownListedSites = ids
                if ok { sites = ids }
            }
        }

        var route: [RouteStep]? = nil
        var delays: [RouteDelay] = []
        if let field = reader.required(f, "route", hint: "the ordered steps"),
            let items = try reader.list(field.node, field.path, what: "route steps", maxCount: limits.maxRouteSteps) {
            if items.isEmpty {
                reader.report(.empty, field.node.mark, field.path, "the route of '\(id)' has no steps")
            } else {
                var steps: [RouteStep] = []
                steps.reserveCapacity(items.count)
                var ok = true
                for (k, item) in items.enumerated() {
                    if Self.isDelayEntry(item) {
                        if let d = try decodeDelay(item, "\(field.path)[\(k)]", position: steps.count) {
                            delays.append(d)
                        } else {
                            ok = false
                        }
                    } else if let step = try decodeStep(item, "\(field.path)[\(k)]", buildSites: knownListedSites) {
                        steps.append(step)
                    } else {
                        ok = false
                    }
                }
                if ok, steps.isEmpty {
                    reader.report(.empty, field.node.mark, field.path,
                                  "the route of '\(id)' has only steps with no station; it needs one with a station")
                    ok = false
                }
                if ok { route = steps }
            }
        }

        var dies: [DieUse]? = []
        if let field = reader.optional(f, "dies") {
            dies = try decodeDieUses(field.node, field.path)
        }

        var demand: [String: Double]? = nil
        if let field = reader.required(f, "demand", hint: "good units wanted per period, e.g. {2027: 1.5e6}"),
            let entries = try reader.numberMap(field.node, field.path, what: "demand",
                                               range: FieldRanges.unitsPerPeriod, maxCount: limits.maxPeriods) {
            demand = periodMap(entries, field.path)
        }
        let cv = try number(f, "demand_cv", FieldRanges.demandCV, required: false, default: 0)
        let price = try number(f, "price_per_unit", FieldRanges.moneyPerUnit, hint: "revenue per good unit shipped")
        let penalty = try number(f, "unmet_penalty_per_unit", FieldRanges.moneyPerUnit, required: false, default: 0)
        let holding = try number(f, "holding_cost_per_unit_period", FieldRanges.moneyPerUnit, required: false)
        let material = try number(f, "material_cost_per_unit", FieldRanges.moneyPerUnit, required: false, default: 0)
        let lotSize = try decodeLotSize(f)

        guard let sites, let route, let dies, let demand, let cv, let price, let penalty, let material, let lotSize
        else { return nil }
        return Product(
            id: id, name: name, family: family, route: route, sites: sites, dies: dies, demand: demand,
            demandCV: cv, pricePerUnit: price, unmetPenaltyPerUnit: penalty, holdingCostPerUnitPeriod: holding,
            materialCostPerUnit: material, lotSizeUnits: lotSize, delays: delays)
    }

    private func decodeDieUses(_ node: Node, _ path: String) throws -> [DieUse]? {
        guard let items = try reader.list(node, path, what: "die uses", maxCount: limits.maxDieTypes) else {
            return nil
        }
        var uses: [DieUse] = []
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = "\(path)[\(i)]"
            guard let f = try reader.fields(item, itemPath, what: "die use", allowed: Self.dieUseKeys) else {
                ok = false; continue
            }
            var dieType: String? = nil
            if let field = reader.required(f, "die_type", hint: "id of a die type"),
                let dieId = try reader.identifier(field.node, field.path) {
                if checkUnique(dieId, field.node.mark, field.path, seen: &seen, noun: "die type"),
                    checkDieType(dieId, field.node.mark, field.path) {
                    if sourcedDieTypes.contains(dieId) {
                        dieType = dieId
                    } else {
                        reader.report(.inconsistent, field.node.mark, field.path,
                                      "die type '\(dieId)' has no source: the fab does not make it and no "
                                          + "die supplier sells it")
                    }
                }
            }
            let perUnit = try number(f, "per_unit", FieldRanges.diesPerUnit, hint: "dies in one unit, e.g. 4")
            guard let dieType, let perUnit else { ok = false; continue }
            uses.append(DieUse(dieType: dieType, perUnit: perUnit))
        }
        return ok ? uses : nil
    }

    private func decodeStep(_ node: Node, _ path: String, buildSites: [String]) throws -> RouteStep? {
        guard let f = try reader.fields(node, path, what: "route step", allowed: Self.stepKeys) else { return nil }
        var station: String? = nil
        if let field = reader.required(f, "station", hint: "the station kind that performs the step"),
            let stationId = try reader.identifier(field.node, field.path) {
            station = stationId
            for site in buildSites {
                let known = stationsBySite[site] ?? []
                if !known.contains(stationId) {
                    reader.report(.unknownReference, field.node.mark, field.path,
                                  "station '\(stationId)' is not at site '\(site)', which may build this product"
                                      + Suggestions.hint(for: stationId, among: known, noun: "stations there"))
                    station = nil
                }
            }
        }
        let name = try optionalText(f, "name")
        let yield = try number(f, "yield", FieldRanges.stepYield, hint: "fraction of units leaving the step good, e.g. 0.999")
        let concentration = try number(f, "yield_concentration", FieldRanges.yieldConcentration, required: false)
        let rate = try decodeRate(f)
        let visits = try number(f, "visit_fraction", .positive(max: 100), required: false, default: 1)
        let setup = try decodeSetup(f)
        guard let station, let yield, let rate, let visits, let setup else { return nil }
        return RouteStep(name: name, station: station, rate: rate, yield: yield, yieldConcentration: concentration,
                         visitFraction: visits, setup: setup)
    }

    /// Exactly one of the rate forms; the resulting seconds per unit must be in [1e-4, 1e7]
    /// (at most 36 million units per hour, at least one unit in 116 days).
    private func decodeRate(_ f: Fields) throws -> Rate? {
        let given = Self.rateKeys.filter { reader.optional(f, $0) != nil }
        guard given.count == 1, let key = given.first, let field = reader.optional(f, key) else {
            if given.isEmpty {
                reader.report(.missingField, f.mark, f.keyPath("rate"),
                              "missing the step's rate: give one of units_per_hour, seconds_per_unit, wire_bond, "
                                  + "test, batch or dispatch (or delay_hours for a step with no station)")
            } else {
                let second = given[1]
                reader.report(.inconsistent, f.values[second]?.mark ?? f.mark, f.keyPath(second),
                              "a step has one rate, but \(given.joined(separator: " and ")) are both given")
            }
            return nil
        }
        var rate: Rate? = nil
        switch key {
        case "units_per_hour":
            rate = try reader.number(field.node, field.path, FieldRanges.unitsPerHour).map { .unitsPerHour($0) }
        case "seconds_per_unit":
            rate = try reader.number(field.node, field.path, FieldRanges.secondsPerUnitField).map { .secondsPerUnit($0) }
        case "wire_bond":
            guard let g = try reader.fields(field.node, field.path, what: "wire bond rate", allowed: Self.wireBondKeys)
            else { return nil }
            let wires = try number(g, "wires_per_unit", FieldRanges.wiresPerUnit, hint: "wires bonded per unit")
            let speed = try number(g, "wires_per_second", FieldRanges.wiresPerSecond, hint: "bond speed, wires per second")
            let index = try number(g, "index_seconds", FieldRanges.indexSeconds, required: false, default: 0)
            if let wires, let speed, let index {
                rate = .wireBond(wiresPerUnit: wires, wiresPerSecond: speed, indexSeconds: index)
            }
        case "test":
            guard let g = try reader.fields(field.node, field.path, what: "test rate", allowed: Self.testKeys)
            else { return nil }
            let seconds = try number(g, "test_seconds", FieldRanges.testSeconds, hint: "test time per insertion, s")
            let sites = try number(g, "sites", FieldRanges.testSites, required: false, default: 1)
            let index = try number(g, "index_seconds", FieldRanges.indexSeconds, required: false, default: 0)
            if let seconds, let sites, let index {
                rate = .multiSiteTest(testSeconds: seconds, sites: sites, indexSeconds: index)
            }
        case "batch":
            guard let g = try reader.fields(field.node, field.path, what: "batch rate", allowed: Self.batchKeys)
            else { return nil }
            let units = try number(g, "units_per_batch", FieldRanges.unitsPerBatch, hint: "units in one load")
            let hours = try number(g, "batch_hours", FieldRanges.batchHours, hint: "process time of one load, h")
            let load = try number(g, "load_hours", FieldRanges.loadHours, required: false, default: 0)
            if let units, let hours, let load {
                rate = .batch(unitsPerBatch: units, batchHours: hours, loadHours: load)
            }
        case "dispatch":
            rate = try decodeDispatch(field.node, field.path)
        default:
            return nil
        }
        guard let rate else { return nil }
        let seconds = rate.secondsPerUnit
        guard seconds.isFinite, FieldRanges.secondsPerUnit.contains(seconds) else {
            reader.report(.outOfRange, field.node.mark, field.path,
                          "gives \(NodeReader.format(seconds)) seconds per unit; a plausible rate is between "
                              + "0.0001 s and 10,000,000 s per unit (check the units)")
            return nil
        }
        return rate
    }
}
