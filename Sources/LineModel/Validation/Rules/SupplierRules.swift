/// `die_suppliers`: unique ids, a known die type, price and caps within their ranges, caps keyed by periods.
enum SupplierRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.count(model.dieSuppliers.count, "die_suppliers", what: "die suppliers", max: report.limits.maxSuppliers)
        let paths = model.dieSuppliers.enumerated().map {
            report.entryPath("die_suppliers", id: $0.element.id, index: $0.offset)
        }
        report.uniqueIds(model.dieSuppliers.map(\.id), noun: "supplier") { paths[$0] }
        let periods = model.periods.map(\.id)
        for (i, supplier) in model.dieSuppliers.enumerated() {
            report.identifier(supplier.dieType, paths[i] + ".die_type")
            _ = DieTypeRules.known(supplier.dieType, in: model, paths[i] + ".die_type", &report)
            report.number(supplier.costPerDie, paths[i] + ".cost_per_die", FieldRanges.costPerDie)
            if let cap = supplier.capPerPeriod {
                report.periodMap(cap, paths[i] + ".cap_per_period", FieldRanges.unitsPerPeriod, periods: periods)
            }
        }
    }
}
