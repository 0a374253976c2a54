/// `products`: unique ids, known build sites, a non-empty route whose every station exists at every build site,
/// step yields and rates within range, a route yield of at least `FieldRanges.smallestRouteYield`, dies with a
/// source, demand keyed by periods, and money fields within range.
enum ProductRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.count(model.products.count, "products", what: "products", max: report.limits.maxProducts,
                     emptyMessage: "at least one product is needed")
        let paths = model.products.enumerated().map { report.entryPath("products", id: $0.element.id, index: $0.offset) }
        report.uniqueIds(model.products.map(\.id), noun: "product") { paths[$0] }
        for (i, product) in model.products.enumerated() { checkProduct(product, paths[i], model, &report) }
    }

    static func checkProduct(_ p: Product, _ path: String, _ model: LineModel, _ report: inout ValidationReport) {
        report.text(p.name, path + ".name")
        report.text(p.family, path + ".family")
        let buildSites = checkSites(p, path + ".sites", model, &report)
        RouteRules.check(p, path + ".route", buildSites: buildSites, model, &report)
        checkDies(p, path + ".dies", model, &report)
        report.periodMap(p.demand, path + ".demand", FieldRanges.unitsPerPeriod, periods: model.periods.map(\.id))
        report.number(p.demandCV, path + ".demand_cv", FieldRanges.demandCV)
        report.number(p.pricePerUnit, path + ".price_per_unit", FieldRanges.moneyPerUnit)
        report.number(p.unmetPenaltyPerUnit, path + ".unmet_penalty_per_unit", FieldRanges.moneyPerUnit)
        if let h = p.holdingCostPerUnitPeriod {
            report.number(h, path + ".holding_cost_per_unit_period", FieldRanges.moneyPerUnit)
        }
        report.number(p.materialCostPerUnit, path + ".material_cost_per_unit", FieldRanges.moneyPerUnit)
    }

    /// Checks the build sites; returns those that exist (route stations are checked against them).
    static func checkSites(_ p: Product, _ path: String, _ model: LineModel, _ report: inout ValidationReport) -> [Site] {
        report.count(p.sites.count, path, what: "site ids", max: report.limits.maxSites,
                     emptyMessage: "list at least one site that may build '\(p.id)'")
        let siteIds = model.sites.map(\.id)
        var seen: Set<String> = []
        var known: [Site] = []
        for (i, siteId) in p.sites.enumerated() {
            let itemPath = "\(path)[\(i)]"
            report.identifier(siteId, itemPath)
            guard seen.insert(siteId).inserted else {
                report.report(.duplicateId, itemPath, "duplicate site id '\(siteId)'; ids must be unique")
                continue
            }
            guard let site = model.site(siteId) else {
                report.report(.unknownReference, itemPath,
                              "unknown site '\(siteId)'" + Suggestions.hint(for: siteId, among: siteIds, noun: "sites"))
                continue
            }
            known.append(site)
        }
        return known
    }

    static func checkDies(_ p: Product, _ path: String, _ model: LineModel, _ report: inout ValidationReport) {
        report.count(p.dies.count, path, what: "die uses", max: report.limits.maxDieTypes)
        var sourced = Set(model.dieSuppliers.map(\.dieType))
        if let fab = model.fab { sourced.formUnion(fab.dieTypes) }
        var seen: Set<String> = []
        for (i, use) in p.dies.enumerated() {
            let usePath = "\(path)[\(i)]"
            report.identifier(use.dieType, usePath + ".die_type")
            if !seen.insert(use.dieType).inserted {
                report.report(.duplicateId, usePath + ".die_type", "duplicate die type id '\(use.dieType)'; ids must be unique")
            } else if DieTypeRules.known(use.dieType, in: model, usePath + ".die_type", &report),
                !sourced.contains(use.dieType) {
                report.report(.inconsistent, usePath + ".die_type",
                              "die type '\(use.dieType)' has no source: the fab does not make it and no die supplier sells it")
            }
            report.number(use.perUnit, usePath + ".per_unit", FieldRanges.diesPerUnit)
        }
    }
}
