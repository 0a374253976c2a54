/// A product's `route`: at least one step, each step's station present at every build site, yields and rate
/// fields within range, rates giving a plausible time per unit, and a route yield the solver can use.
enum RouteRules {
    static func check(_ p: Product, _ path: String, buildSites: [Site], _ model: LineModel,
                      _ report: inout ValidationReport) {
        report.count(p.route.count + p.delays.count, path, what: "route steps", max: report.limits.maxRouteSteps,
                     emptyMessage: "the route of '\(p.id)' has no steps")
        let before = report.problems.count
        for (k, step) in p.route.enumerated() {
            checkStep(step, "\(path)[\(p.routeEntryIndex(ofStep: k))]", buildSites: buildSites, &report)
        }
        RouteFeatureRules.checkDelays(p, path, &report)
        guard report.problems.count == before, !p.route.isEmpty else { return }
        let routeYield = p.route.reduce(1.0) { $0 * $1.yield }
        if !(routeYield >= FieldRanges.smallestRouteYield) {
            report.report(.outOfRange, path,
                          "the step yields multiply to a route yield of \(NodeReader.format(routeYield)), below the "
                              + "\(NodeReader.format(FieldRanges.smallestRouteYield)) accepted (the LP solver cannot "
                              + "scale smaller coefficients); check the yields")
        }
    }

    static func checkStep(_ step: RouteStep, _ path: String, buildSites: [Site], _ report: inout ValidationReport) {
        report.identifier(step.station, path + ".station")
        for site in buildSites where site.station(step.station) == nil {
            let known = site.stations.map(\.id)
            report.report(.unknownReference, path + ".station",
                          "station '\(step.station)' is not at site '\(site.id)', which may build this product"
                              + Suggestions.hint(for: step.station, among: known, noun: "stations there"))
        }
        report.text(step.name, path + ".name")
        report.number(step.yield, path + ".yield", FieldRanges.stepYield)
        if let c = step.yieldConcentration { report.number(c, path + ".yield_concentration", FieldRanges.yieldConcentration) }
        checkRate(step.rate, path, &report)
        RouteFeatureRules.checkStep(step, path, &report)
    }

    /// The rate's fields, then the seconds per unit it gives (reported at the rate's key, as the loader does).
    static func checkRate(_ rate: Rate, _ path: String, _ report: inout ValidationReport) {
        let before = report.problems.count
        let key: String
        switch rate {
        case .unitsPerHour(let u):
            key = path + ".units_per_hour"
            report.number(u, key, FieldRanges.unitsPerHour)
        case .secondsPerUnit(let s):
            key = path + ".seconds_per_unit"
            report.number(s, key, FieldRanges.secondsPerUnitField)
        case .wireBond(let wires, let speed, let index):
            key = path + ".wire_bond"
            report.number(wires, key + ".wires_per_unit", FieldRanges.wiresPerUnit)
            report.number(speed, key + ".wires_per_second", FieldRanges.wiresPerSecond)
            report.number(index, key + ".index_seconds", FieldRanges.indexSeconds)
        case .multiSiteTest(let seconds, let sites, let index):
            key = path + ".test"
            report.number(seconds, key + ".test_seconds", FieldRanges.testSeconds)
            report.number(sites, key + ".sites", FieldRanges.testSites)
            report.number(index, key + ".index_seconds", FieldRanges.indexSeconds)
        case .batch(let units, let hours, let load):
            key = path + ".batch"
            report.number(units, key + ".units_per_batch", FieldRanges.unitsPerBatch)
            report.number(hours, key + ".batch_hours", FieldRanges.batchHours)
            report.number(load, key + ".load_hours", FieldRanges.loadHours)
        case .dispatch(let d):
            key = path + ".dispatch"
            RouteFeatureRules.checkDispatch(d, key, &report)
        }
        guard report.problems.count == before else { return }
        let seconds = rate.secondsPerUnit
        if !(seconds.isFinite && FieldRanges.secondsPerUnit.contains(seconds)) {
            report.report(.outOfRange, key,
                          "gives \(NodeReader.format(seconds)) seconds per unit; a plausible rate is between "
                              + "0.0001 s and 10,000,000 s per unit (check the units)")
        }
    }
}
