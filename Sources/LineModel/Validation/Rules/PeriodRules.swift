/// `periods`: at least one, unique usable ids, productive hours per tool within `FieldRanges.hoursPerTool`.
enum PeriodRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.count(model.periods.count, "periods", what: "periods", max: report.limits.maxPeriods,
                     emptyMessage: "at least one planning period is needed")
        let paths = model.periods.enumerated().map { report.entryPath("periods", id: $0.element.id, index: $0.offset) }
        report.uniqueIds(model.periods.map(\.id), noun: "period") { paths[$0] }
        for (i, period) in model.periods.enumerated() {
            report.number(period.hoursPerTool, paths[i] + ".hours_per_tool", FieldRanges.hoursPerTool)
        }
    }
}
