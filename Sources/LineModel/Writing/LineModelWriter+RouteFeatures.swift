// The writer's part for the fab route features (RouteFeatures.swift): fields are written only when they differ
// from their defaults, so models without them are written exactly as before.

extension LineModelWriter {
    /// `visit_fraction` and `setup` of a step, when not the defaults (1 and none).
    static func routeFeatureFields(of step: RouteStep) -> [(String, Value)] {
        var s: [(String, Value)] = []
        if step.visitFraction != 1 { s.append(("visit_fraction", .number(step.visitFraction))) }
        if let setup = step.setup {
            s.append(("setup", .object([("seconds_per_change", .number(setup.secondsPerChange)),
                                        ("changes_per_dispatch", .number(setup.changesPerDispatch))])))
        }
        return s
    }

    /// Station steps and delay steps in route order (a delay goes after `position` station steps).
    static func interleave(_ steps: [Value], delays: [RouteDelay]) -> [Value] {
        guard !delays.isEmpty else { return steps }
        var out: [Value] = []
        out.reserveCapacity(steps.count + delays.count)
        var next = 0
        for (k, step) in steps.enumerated() {
            while next < delays.count, delays[next].position <= k { out.append(value(of: delays[next])); next += 1 }
            out.append(step)
        }
        while next < delays.count { out.append(value(of: delays[next])); next += 1 }
        return out
    }

    static func value(of delay: RouteDelay) -> Value {
        .object([("name", .text(delay.name)), ("delay_hours", .number(delay.hours))])
    }

    static func value(of d: DispatchRate) -> Value {
        var o: [(String, Value)] = [("units_per_lot", .number(d.unitsPerLot))]
        switch d.processing {
        case .perUnit(let s): o.append(("per_unit_seconds", .number(s)))
        case .perLot(let s): o.append(("per_lot_seconds", .number(s)))
        case .perBatch(let s, let b):
            o.append(("per_batch", .object([("seconds", .number(s)), ("min_units", .number(b.minUnits)),
                                            ("max_units", .number(b.maxUnits)),
                                            ("planned_units", .number(b.plannedUnits))])))
        case .cascade(let c):
            o.append(("cascade", .object([("first_seconds", .number(c.firstSeconds)),
                                          ("interval_seconds", .number(c.intervalSeconds)),
                                          ("item", .text(c.item.rawValue)),
                                          ("dispatches_per_run", .number(c.dispatchesPerRun))])))
        }
        o.append(("load_seconds", .number(d.loadSeconds)))
        o.append(("unload_seconds", .number(d.unloadSeconds)))
        return .object(o)
    }

    static func value(of c: StationCalendar) -> Value {
        let breakdowns: [Value] = c.breakdowns.map {
            .object([("mtbf_hours", .number($0.mtbfHours)), ("mttr_hours", .number($0.mttrHours))])
        }
        let maintenance: [Value] = c.maintenance.map { m in
            switch m.every {
            case .hours(let t): return .object([("every_hours", .number(t)), ("hours", .number(m.hours))])
            case .units(let n, let busy):
                return .object([("every_units", .number(n)), ("busy_hours_per_unit", .number(busy)),
                                ("hours", .number(m.hours))])
            }
        }
        return .object([("breakdowns", .list(breakdowns)), ("maintenance", .list(maintenance))])
    }
}
