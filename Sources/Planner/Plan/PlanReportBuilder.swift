import LineModel
import LinearSolver

/// Reads a solver `Solution` back into a `PlanReport` in model units, one report section at a time (one
/// extension file per section: financials, stations, products, supply, sensitivity).
struct PlanReportBuilder {
    let formulation: Formulation
    /// The solution whose statuses and duals are reported.
    let solution: Solution
    /// The solution whose primal values are reported (differs for max-output's tie-break pass).
    let values: Solution
    let integerTools: Bool
    /// `.keyFigures` skips the product-period, die and fab sections.
    var detail: PlanReportDetail = .full

    var model: LineModel { formulation.model }
    var periodCount: Int { model.periods.count }

    /// The report's sections in order; each reads the solution through `SectionInput`.
    func build() -> PlanReport {
        var report = header()
        guard values.hasPrimal else { return report }
        let x = columnValues
        let tools = formulation.stations.indices.map { formulation.toolsInService(station: $0, values: x) }
        let input = SectionInput(x: x, activities: values.rowActivities, duals: solution.rowDuals,
                                 valueSign: formulation.problem.sense == .maximize ? 1 : -1, tools: tools)
        report.financials = financials(input)
        report.stations = stationPeriods(input)
        report.bottlenecks = bottlenecks(of: report.stations)
        report.purchases = purchases(input)
        if detail == .full {
            report.products = productPeriods(input)
            report.dies = diePeriods(input)
            report.fab = fabPeriods(input)
        }
        report.sensitivity = sensitivity()
        return report
    }

    /// Status, objective and the run's identity (everything that needs no primal values).
    private func header() -> PlanReport {
        let status: PlanStatus
        switch (solution.termination, solution.primalStatus) {
        case (.optimal, _), (.gapLimit, .feasible), (.gapLimit, .optimal): status = .optimal
        case (.infeasible, _): status = .infeasible
        case (_, .feasible), (_, .optimal): status = .feasible
        default: status = .noSolution
        }
        let objectiveValue: Double? = solution.objective.map {
            formulation.objective == .maxOutput ? $0 * PlanScale.units : $0 * PlanScale.money
        }
        let unit = formulation.objective == .maxOutput ? "good units per tool-hour" : "\(model.currency) per tool-hour"
        return PlanReport(
            status: status, termination: solution.termination, objective: objectiveValue,
            objectiveKind: formulation.objective, mode: integerTools ? "mip" : "lp",
            mipGap: solution.mipGap.flatMap { $0.isFinite && $0 < 1e6 ? $0 : nil },
            solveSeconds: solution.solveSeconds, modelName: model.name, currency: model.currency,
            periods: model.periods.map(\.id), shadowPriceUnit: unit)
    }

    /// The reported primal values. In MIP mode purchases and tool counts come out of the simplex as e.g.
    /// 2.9999999999; they are snapped to the integer they stand for.
    private var columnValues: [Double] {
        var x = values.columnValues
        guard integerTools else { return x }
        let families = formulation.columns.buys + formulation.columns.toolStock + formulation.columns.orderCounts
        for series in families {
            for (_, c) in series.entries where c.raw < x.count {
                let r = x[c.raw].rounded()
                if abs(x[c.raw] - r) < 1e-6 { x[c.raw] = r }
            }
        }
        return x
    }

    /// Multiplier that turns a dual per LP row unit into the report's shadow-price unit: the objective's LP unit
    /// is thousands of currency (profit, cost) or thousands of good units (max-output).
    var dualScale: Double { formulation.objective == .maxOutput ? PlanScale.units : PlanScale.money }
}

/// What every report section reads: column values, row activities and signed duals.
struct SectionInput {
    /// Column values (purchases snapped to integers in MIP mode).
    let x: [Double]
    /// Row activities.
    let activities: [Double]
    /// Raw row duals (empty when the solve has none).
    let duals: [Double]
    /// +1 when the LP maximizes (duals are values), −1 when it minimizes (duals are savings, sign flipped).
    let valueSign: Double
    /// Tools in service per station (`Formulation.stations` order) and period.
    let tools: [[Double]]

    /// Value of one more unit of row `r`'s right-hand side, in LP units, with the objective's sign (0 without duals).
    func dual(_ r: RowIndex) -> Double {
        guard !duals.isEmpty else { return 0 }
        let d = valueSign * duals[r.raw]
        return abs(d) < 1e-9 ? 0 : d
    }
}
