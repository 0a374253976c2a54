import LineModel

extension PlanReportBuilder {
    /// Dies used, from the fab and bought, with the shadow price of one more die, per die type and period.
    func diePeriods(_ input: SectionInput) -> [DiePeriod] {
        var out: [DiePeriod] = []
        for supply in formulation.rows.dieSupply.sorted(by: { $0.dieType < $1.dieType }) {
            let d = supply.dieType
            for (t, r) in supply.series.entries {
                var fromFab = 0.0
                if let fab = model.fab, let die = model.dieType(d), let w = formulation.columns.wafers(of: d)?[t - fab.cycleTimePeriods] {
                    fromFab = input.x[w] * fab.goodDiesPerWafer(for: die, periodIndex: t - fab.cycleTimePeriods, periods: model.periods)
                }
                var bought = 0.0
                for (u, s) in model.dieSuppliers.enumerated() where s.dieType == d {
                    bought += (formulation.columns.dieBuys[u][t].map { input.x[$0] } ?? 0) * PlanScale.units
                }
                let used = input.activities[r] * PlanScale.units + fromFab + bought
                out.append(DiePeriod(dieType: d, period: model.periods[t].id, used: used, fromFab: fromFab,
                                     bought: bought, shadowPricePerDie: input.dual(r) * dualScale / PlanScale.units))
            }
        }
        return out
    }

    /// Wafer starts by die type against the fab's capacity, per period.
    func fabPeriods(_ input: SectionInput) -> [FabPeriod] {
        guard let fab = model.fab else { return [] }
        return (0..<periodCount).map { t in
            var byType: [String: Double] = [:]
            var total = 0.0
            for wafers in formulation.columns.wafers {
                let w = wafers.series[t].map { input.x[$0] } ?? 0
                byType[wafers.dieType] = w
                total += w
            }
            return FabPeriod(period: model.periods[t].id, waferStarts: total,
                             waferCapacity: fab.waferStartsPerPeriod[model.periods[t].id] ?? 0, waferStartsByDieType: byType)
        }
    }
}
