/// The fab route features (RouteFeatures.swift) of models built in code: visit fractions, setups, dispatch
/// rates, delay steps and station calendars, with the loader's ranges. Key paths name route entries by their
/// index in the file's route list (station steps and delays together, `Product.routeEntryIndex`).
enum RouteFeatureRules {
    static let visitFraction = NumberRange.positive(max: 100)
    static let seconds = NumberRange.positive(max: 1e8)
    static let overheadSeconds = NumberRange.nonNegative(max: 1e6)

    /// `visit_fraction` and `setup` of a station step.
    static func checkStep(_ step: RouteStep, _ path: String, _ report: inout ValidationReport) {
        report.number(step.visitFraction, path + ".visit_fraction", visitFraction)
        if let s = step.setup {
            report.number(s.secondsPerChange, path + ".setup.seconds_per_change", .nonNegative(max: 1e7))
            report.number(s.changesPerDispatch, path + ".setup.changes_per_dispatch", .between(0, 1))
        }
    }

    /// The fields of a `dispatch` rate at `key` (`…route[k].dispatch`).
    static func checkDispatch(_ d: DispatchRate, _ key: String, _ report: inout ValidationReport) {
        report.number(d.unitsPerLot, key + ".units_per_lot", .positive(max: 1e6))
        report.number(d.loadSeconds, key + ".load_seconds", overheadSeconds)
        report.number(d.unloadSeconds, key + ".unload_seconds", overheadSeconds)
        switch d.processing {
        case .perUnit(let s): report.number(s, key + ".per_unit_seconds", .positive(max: 1e7))
        case .perLot(let s): report.number(s, key + ".per_lot_seconds", seconds)
        case .perBatch(let s, let b):
            report.number(s, key + ".per_batch.seconds", seconds)
            report.number(b.maxUnits, key + ".per_batch.max_units", .positive(max: 1e7))
            if !(b.minUnits > 0 && b.minUnits <= b.plannedUnits && b.plannedUnits <= b.maxUnits) {
                report.report(.inconsistent, key + ".per_batch.planned_units",
                              "the batch needs 0 < min ≤ planned ≤ max units, got min \(NodeReader.format(b.minUnits)), "
                                  + "planned \(NodeReader.format(b.plannedUnits)), max \(NodeReader.format(b.maxUnits))")
            }
        case .cascade(let c):
            report.number(c.firstSeconds, key + ".cascade.first_seconds", seconds)
            report.number(c.intervalSeconds, key + ".cascade.interval_seconds", seconds)
            report.number(c.dispatchesPerRun, key + ".cascade.dispatches_per_run", .between(1, 1e9))
            if c.intervalSeconds > c.firstSeconds {
                report.report(.inconsistent, key + ".cascade.interval_seconds",
                              "the interval exceeds the first item's time; a cascade overlaps items, so interval ≤ first")
            }
        }
    }

    /// Delay steps: hours in [0, 10⁵], places in route order within the route.
    static func checkDelays(_ p: Product, _ path: String, _ report: inout ValidationReport) {
        var last = 0
        for (j, d) in p.delays.enumerated() {
            let entry = "\(path)[\(d.position + j)]"
            report.text(d.name, entry + ".name")
            report.number(d.hours, entry + ".delay_hours", .nonNegative(max: 1e5))
            if d.position < last || d.position > p.route.count {
                report.report(.inconsistent, entry, "delay steps must keep route order within the route's "
                              + "\(p.route.count) station steps (position \(d.position))")
            }
            last = d.position
        }
    }

    /// A station calendar at `path` (`…availability`).
    static func checkCalendar(_ c: StationCalendar, _ path: String, _ report: inout ValidationReport) {
        let before = report.problems.count
        for (i, b) in c.breakdowns.enumerated() {
            report.number(b.mtbfHours, "\(path).breakdowns[\(i)].mtbf_hours", FieldRanges.mtbfHours)
            report.number(b.mttrHours, "\(path).breakdowns[\(i)].mttr_hours", FieldRanges.mttrHours)
        }
        for (i, m) in c.maintenance.enumerated() {
            let at = "\(path).maintenance[\(i)]"
            report.number(m.hours, at + ".hours", .nonNegative(max: 1e5))
            switch m.every {
            case .hours(let t): report.number(t, at + ".every_hours", .positive(max: 1e7))
            case .units(let n, let busy):
                report.number(n, at + ".every_units", .positive(max: 1e12))
                report.number(busy, at + ".busy_hours_per_unit", .positive(max: 1e5))
            }
        }
        guard report.problems.count == before, !(c.availability >= FieldRanges.smallestAvailability) else { return }
        report.report(.outOfRange, path, "the calendar leaves an availability of \(NodeReader.format(c.availability)), "
                      + "below the \(NodeReader.format(FieldRanges.smallestAvailability)) accepted; check the units (hours)")
    }
}

extension Product {
    /// Index in the file's route list (station steps and delay steps together) of station step `k`.
    public func routeEntryIndex(ofStep k: Int) -> Int {
        k + delays.reduce(0) { $0 + ($1.position <= k ? 1 : 0) }
    }
}
