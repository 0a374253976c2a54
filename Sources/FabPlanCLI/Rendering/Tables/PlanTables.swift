import FabPlan

/// A `PlanReport`'s tables with typed cells and units: what `--format csv` and `--format xlsx` write.
enum PlanTables {
    static func all(_ r: PlanReport) -> [DataTable] {
        var tables = [summary(r), products(r), purchases(r), utilization(r), bottlenecks(r), dies(r), fab(r)]
        if let f = r.financials { tables.insert(financials(f, currency: r.currency), at: 1) }
        if let risk = r.risk { tables.append(RiskTables.products(risk)) }
        return tables
    }

    static func summary(_ r: PlanReport) -> DataTable {
        var t = DataTable("summary", [DataColumn("key"), DataColumn("value")])
        t.add([.text("model"), .text(r.modelName)])
        t.add([.text("status"), .text(r.status.rawValue)])
        t.add([.text("termination"), .text(r.termination.rawValue)])
        t.add([.text("objective kind"), .text(r.objectiveKind.rawValue)])
        t.add([.text("mode"), .text(r.mode)])
        t.add([.text("objective (\(r.objectiveKind == .maxOutput ? "good units" : r.currency))"), .num(r.objective)])
        t.add([.text("MIP gap (fraction)"), .num(r.mipGap)])
        return t
    }

    static func financials(_ f: Financials, currency: String) -> DataTable {
        var t = DataTable("financials", [DataColumn("item"), DataColumn("amount", currency)])
        for (k, v) in PlanRendering.waterfall(f) { t.add([.text(k), .number(v)]) }
        t.add([.text("good units (units)"), .number(f.goodUnits)])
        t.add([.text("shipped units (units)"), .number(f.shippedUnits)])
        t.add([.text("demand (units)"), .number(f.demandUnits)])
        t.add([.text("unmet (units)"), .number(f.unmetUnits)])
        t.add([.text("cost per good unit (\(currency) per unit)"), .num(f.costPerGoodUnit)])
        return t
    }

    static func products(_ r: PlanReport) -> DataTable {
        var t = DataTable("products", [DataColumn("product"), DataColumn("period"), DataColumn("starts", "units"),
                                       DataColumn("good output", "units"), DataColumn("demand", "units"),
                                       DataColumn("unmet", "units"), DataColumn("inventory", "units"), DataColumn("limited by")])
        for x in r.products {
            t.add([.text(x.product), .text(x.period), .number(x.starts), .number(x.goodOutput), .number(x.demand),
                   .number(x.unmet), .number(x.inventory), .text(x.limitedBy.joined(separator: "; "))])
        }
        return t
    }

    static func purchases(_ r: PlanReport) -> DataTable {
        var t = DataTable("purchases", [DataColumn("site"), DataColumn("station"), DataColumn("ordered"), DataColumn("arrives"),
                                        DataColumn("tools", "tools"), DataColumn("capital spend", r.currency)])
        for x in r.purchases {
            t.add([.text(x.site), .text(x.station), .text(x.period), .text(x.arrivalPeriod), .number(x.tools), .number(x.capitalSpend)])
        }
        return t
    }

    static func utilization(_ r: PlanReport) -> DataTable {
        var t = DataTable("utilization", [DataColumn("site"), DataColumn("station"), DataColumn("period"), DataColumn("tools", "tools"),
                                          DataColumn("load", "tool-hours"), DataColumn("available", "tool-hours"),
                                          DataColumn("utilization", "share of up-time"),
                                          DataColumn("shadow price", r.shadowPriceUnit),
                                          DataColumn("value per extra tool", r.shadowPriceUnit.replacingOccurrences(of: "per tool-hour", with: "per tool"))])
        for x in r.stations {
            t.add([.text(x.site), .text(x.station), .text(x.period), .number(x.tools), .number(x.loadHours), .number(x.availableHours),
                   .number(x.utilization), .number(x.shadowPricePerToolHour), .number(x.valuePerExtraTool)])
        }
        return t
    }

    static func bottlenecks(_ r: PlanReport) -> DataTable {
        let perTool = r.shadowPriceUnit.replacingOccurrences(of: "per tool-hour", with: "per tool")
        var t = DataTable("bottlenecks", [DataColumn("rank"), DataColumn("site"), DataColumn("station"), DataColumn("period"),
                                          DataColumn("shadow price", r.shadowPriceUnit), DataColumn("value per extra tool", perTool),
                                          DataColumn("utilization", "share of up-time"),
                                          DataColumn("capacity range from", "tool-hours"), DataColumn("capacity range to", "tool-hours")])
        for x in r.bottlenecks {
            let range = capacityRange(r, site: x.site, station: x.station, period: x.period)
            t.add([.number(Double(x.rank)), .text(x.site), .text(x.station), .text(x.period), .number(x.shadowPricePerToolHour),
                   .number(x.valuePerExtraTool), .number(x.utilization), .num(range?.lower), .num(range?.upper)])
        }
        return t
    }

    /// The sensitivity range of a station's installed tool-hours (LP plans, or a MIP with purchases fixed).
    static func capacityRange(_ r: PlanReport, site: String, station: String, period: String) -> SensitivityReport.CapacityRange? {
        r.sensitivity?.capacity.first { $0.site == site && $0.station == station && $0.period == period }
    }

    static func dies(_ r: PlanReport) -> DataTable {
        var t = DataTable("dies", [DataColumn("die type"), DataColumn("period"), DataColumn("used", "dies"), DataColumn("from fab", "dies"),
                                   DataColumn("bought", "dies"), DataColumn("value per die", "\(r.currency) per die")])
        for x in r.dies {
            t.add([.text(x.dieType), .text(x.period), .number(x.used), .number(x.fromFab), .number(x.bought), .number(x.shadowPricePerDie)])
        }
        return t
    }

    static func fab(_ r: PlanReport) -> DataTable {
        let dieTypes = Array(Set(r.fab.flatMap { $0.waferStartsByDieType.keys })).sorted()
        var t = DataTable("fab", [DataColumn("period"), DataColumn("wafer starts", "wafers"), DataColumn("wafer capacity", "wafers")]
                          + dieTypes.map { DataColumn("wafers for \($0)", "wafers") })
        for x in r.fab {
            t.add([.text(x.period), .number(x.waferStarts), .number(x.waferCapacity)] + dieTypes.map { .num(x.waferStartsByDieType[$0]) })
        }
        return t
    }
}

/// The tables of Monte Carlo results: a plan's risk, and a yield run.
enum RiskTables {
    static func products(_ r: RiskReport) -> DataTable {
        var t = DataTable("risk", [DataColumn("product"), DataColumn("period"), DataColumn("demand", "units"),
                                   DataColumn("planned good", "units"), DataColumn("mean good", "units"),
                                   DataColumn("P(meet demand)", "probability"), DataColumn("expected shortfall", "units"),
                                   DataColumn("binds most"), DataColumn("binding share", "fraction of trials")])
        for p in r.products {
            let top = p.bindingStations.first
            t.add([.text(p.product), .text(p.period), .number(p.demand), .number(p.plannedGoodUnits), .number(p.meanGoodUnits),
                   .number(p.probabilityMeetDemand), .number(p.expectedShortfallUnits), .text(top?.station ?? ""),
                   .num(top?.bindingFraction)])
        }
        return t
    }

    static func yield(_ r: YieldReport) -> [DataTable] {
        var p = DataTable("good output", [DataColumn("product"), DataColumn("period"), DataColumn("starts", "units"),
                                          DataColumn("demand", "units"), DataColumn("deterministic good", "units"),
                                          DataColumn("mean good", "units"), DataColumn("standard error", "units"),
                                          DataColumn("P5", "units"), DataColumn("P50", "units"), DataColumn("P95", "units"),
                                          DataColumn("P5 95% from", "units"), DataColumn("P5 95% to", "units"),
                                          DataColumn("P95 95% from", "units"), DataColumn("P95 95% to", "units"),
                                          DataColumn("mean route yield", "fraction"), DataColumn("P(meet demand)", "probability"),
                                          DataColumn("expected shortfall", "units")])
        for x in r.products {
            p.add([.text(x.product), .text(x.period), .number(x.starts), .number(x.demand), .number(x.deterministicGoodUnits),
                   .number(x.goodUnits.mean), .number(x.goodUnits.standardError), .number(x.goodUnits.p5), .number(x.goodUnits.p50),
                   .number(x.goodUnits.p95), .number(x.goodUnits.p5Interval.lower), .number(x.goodUnits.p5Interval.upper),
                   .number(x.goodUnits.p95Interval.lower), .number(x.goodUnits.p95Interval.upper),
                   .number(x.routeYield.mean), .number(x.probabilityMeetDemand),
                   .number(x.expectedShortfallUnits)])
        }
        var d = DataTable("die yield", [DataColumn("die type"), DataColumn("period"), DataColumn("wafers", "wafers"),
                                        DataColumn("mean die yield", "fraction"), DataColumn("standard error", "fraction"),
                                        DataColumn("P5", "fraction"), DataColumn("P95", "fraction"),
                                        DataColumn("negative binomial", "fraction"), DataColumn("dies needed", "dies"),
                                        DataColumn("from fab", "dies"), DataColumn("from capped suppliers", "dies"),
                                        DataColumn("from uncapped supplier", "dies"), DataColumn("fab share", "fraction"),
                                        DataColumn("P(short)", "probability")])
        for x in r.dieYields {
            d.add([.text(x.dieType), .text(x.period), .number(x.wafers), .number(x.dieYield.mean), .number(x.dieYield.standardError),
                   .number(x.dieYield.p5), .number(x.dieYield.p95), .number(x.negativeBinomialYield),
                   .number(x.supply.meanDiesNeeded), .number(x.supply.meanDiesFromFab), .number(x.supply.meanDiesFromCappedSuppliers),
                   .number(x.supply.meanDiesFromUncappedSuppliers), .number(x.supply.fabShare), .number(x.supply.probabilityShort)])
        }
        var s = DataTable("stations", [DataColumn("station"), DataColumn("period"), DataColumn("binding", "fraction of trials"),
                                       DataColumn("mean utilization", "fraction"), DataColumn("up hours per tool", "hours")])
        for x in r.stations {
            s.add([.text(x.station), .text(x.period), .number(x.bindingFraction), .number(x.meanUtilization), .number(x.meanUpHoursPerTool)])
        }
        return [p, d, s]
    }
}
