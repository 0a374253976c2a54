/// `fab`: every field within its range, D0 and wafer starts keyed by periods, die types known, unique and fitting
/// the wafer, a usable wafer after the edge exclusion, and every D0 leaving at least 1 % die yield and one good
/// die per wafer.
enum FabRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        guard let fab = model.fab else { return }
        let periods = model.periods.map(\.id)
        let before = report.problems.count
        report.identifier(fab.id, "fab.id")
        report.text(fab.name, "fab.name")
        report.number(fab.waferDiameterMillimetres, "fab.wafer_diameter_mm", FieldRanges.waferDiameterMillimetres)
        report.number(fab.edgeExclusionMillimetres, "fab.edge_exclusion_mm", FieldRanges.edgeExclusionMillimetres)
        report.number(fab.scribeMillimetres, "fab.scribe_mm", FieldRanges.scribeMillimetres)
        report.number(fab.clusteringAlpha, "fab.clustering_alpha", FieldRanges.clusteringAlpha)
        report.number(fab.waferCost, "fab.wafer_cost", FieldRanges.waferCost)
        report.integer(fab.cycleTimePeriods, "fab.cycle_time_periods", FieldRanges.cycleTimePeriods)
        report.number(fab.sortYield, "fab.sort_yield", FieldRanges.stepYield)
        if fab.defectDensityPerCm2.isEmpty {
            report.report(.empty, "fab.defect_density_per_cm2", "give D0 for at least one period")
        }
        report.periodMap(fab.defectDensityPerCm2, "fab.defect_density_per_cm2", FieldRanges.defectDensity, periods: periods)
        report.periodMap(fab.waferStartsPerPeriod, "fab.wafer_starts", FieldRanges.waferStarts, periods: periods)
        if fab.edgeExclusionMillimetres * 2 >= fab.waferDiameterMillimetres {
            report.report(.outOfRange, "fab.edge_exclusion_mm",
                          "edge exclusion \(NodeReader.format(fab.edgeExclusionMillimetres)) mm leaves no usable wafer "
                              + "(diameter \(NodeReader.format(fab.waferDiameterMillimetres)) mm)")
            return
        }
        checkDieTypes(fab, model, fieldsValid: report.problems.count == before, &report)
    }

    /// Checks the fab's die types; their D0 rule only when the fab's own fields are valid (`fieldsValid`).
    static func checkDieTypes(_ fab: Fab, _ model: LineModel, fieldsValid: Bool, _ report: inout ValidationReport) {
        report.count(fab.dieTypes.count, "fab.die_types", what: "die type ids", max: report.limits.maxDieTypes)
        var seen: Set<String> = []
        for (i, dieId) in fab.dieTypes.enumerated() {
            let path = "fab.die_types[\(i)]"
            report.identifier(dieId, path)
            guard seen.insert(dieId).inserted else {
                report.report(.duplicateId, path, "duplicate die type id '\(dieId)'; ids must be unique")
                continue
            }
            guard DieTypeRules.known(dieId, in: model, path, &report), let die = model.dieType(dieId) else { continue }
            if fab.grossDiesPerWafer(for: die) < 1 {
                report.report(.inconsistent, path,
                              "die type '\(dieId)' (\(NodeReader.format(die.widthMillimetres)) × "
                                  + "\(NodeReader.format(die.heightMillimetres)) mm) does not fit on a "
                                  + "\(NodeReader.format(fab.waferDiameterMillimetres)) mm wafer: gross dies per wafer is 0")
                continue
            }
            if fieldsValid { checkDefectDensities(fab, die, &report) }
        }
    }

    /// Every D0 must leave a die yield of at least 1 % and one good die per wafer (less is a unit slip, and
    /// later stages divide by good dies per wafer).
    static func checkDefectDensities(_ fab: Fab, _ die: DieType, _ report: inout ValidationReport) {
        for (period, d0) in fab.defectDensityPerCm2.sorted(by: { $0.key < $1.key }) where d0.isFinite && d0 >= 0 {
            let y = fab.yieldModel.dieYield(areaTimesDefectDensity: die.areaSquareCentimetres * d0, alpha: fab.clusteringAlpha)
            let good = fab.grossDiesPerWafer(for: die) * y * fab.sortYield
            if !(good >= 1 && y >= FieldRanges.smallestDieYield) {
                report.report(.inconsistent, "fab.defect_density_per_cm2.\(period)",
                              "with D0 = \(NodeReader.format(d0)) per cm² the fab gets "
                                  + "\(String(format: "%.3g", good)) good '\(die.id)' dies per wafer (die yield "
                                  + "\(String(format: "%.3g", y * 100)) %, below the 1 % accepted); "
                                  + "check the units (defects per cm²)")
            }
        }
    }
}
