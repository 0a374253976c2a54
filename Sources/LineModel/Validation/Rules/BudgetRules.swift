/// `budget`: capital per period keyed by periods, and the total, within their ranges.
enum BudgetRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.periodMap(model.budget.capitalPerPeriod, "budget.capital_per_period", FieldRanges.capitalPerPeriod,
                         periods: model.periods.map(\.id))
        if let total = model.budget.capitalTotal {
            report.number(total, "budget.capital_total", FieldRanges.capitalTotal)
        }
    }
}
