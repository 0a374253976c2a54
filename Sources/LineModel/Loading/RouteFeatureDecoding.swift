import Yams

// Decoding of the fab route features (RouteFeatures.swift): dispatch rates, setups, visit fractions, delay steps
// and station calendars. Every problem is reported with its location and key path, like the rest of the loader.

extension ModelDecoder {
    static let dispatchKeys = [
        "units_per_lot", "load_seconds", "unload_seconds", "per_unit_seconds", "per_lot_seconds", "per_batch", "cascade",
    ]
    static let processingKeys = ["per_unit_seconds", "per_lot_seconds", "per_batch", "cascade"]
    static let perBatchKeys = ["seconds", "min_units", "max_units", "planned_units", "min_lots", "max_lots", "planned_lots"]
    static let cascadeKeys = ["first_seconds", "interval_seconds", "item", "dispatches_per_run"]
    static let setupKeys = ["seconds_per_change", "changes_per_dispatch"]
    static let delayKeys = ["delay_hours", "name"]
    static let calendarKeys = ["breakdowns", "maintenance"]
    static let breakdownKeys = ["mtbf_hours", "mttr_hours"]
    static let maintenanceKeys = ["every_hours", "every_units", "busy_hours_per_unit", "hours"]

    /// Whether a route entry is a step with no station (it has `delay_hours`).
    static func isDelayEntry(_ node: Node) -> Bool {
        guard case .mapping(let m) = node else { return false }
        return m.contains { if case .scalar(let k) = $0.key { return k.string == "delay_hours" } else { return false } }
    }

    /// A step with no station: `{delay_hours, name}`; `position` is the number of station steps before it.
    func decodeDelay(_ node: Node, _ path: String, position: Int) throws -> RouteDelay? {
        guard let f = try reader.fields(node, path, what: "delay step (no station)", allowed: Self.delayKeys) else {
            return nil
        }
        let hours = try number(f, "delay_hours", .nonNegative(max: 1e5), hint: "hours a lot spends in the step")
        let name = try optionalText(f, "name")
        guard let hours else { return nil }
        return RouteDelay(name: name ?? "delay", hours: hours, position: position)
    }

    /// `{seconds_per_change, changes_per_dispatch}`; changes per dispatch in [0, 1], default 1 (the bound).
    func decodeSetup(_ f: Fields) throws -> SetupTime?? {
        guard let field = reader.optional(f, "setup") else { return .some(nil) }
        guard let g = try reader.fields(field.node, field.path, what: "setup", allowed: Self.setupKeys) else { return nil }
        let seconds = try number(g, "seconds_per_change", .nonNegative(max: 1e7), hint: "tool time of one setup, s")
        let share = try number(g, "changes_per_dispatch", .between(0, 1), required: false, default: 1)
        guard let seconds, let share else { return nil }
        return .some(SetupTime(secondsPerChange: seconds, changesPerDispatch: share))
    }

    /// The `dispatch` rate form: lot size, load/unload per dispatch and exactly one processing form.
    func decodeDispatch(_ node: Node, _ path: String) throws -> Rate? {
        guard let g = try reader.fields(node, path, what: "dispatch rate", allowed: Self.dispatchKeys) else { return nil }
        let lot = try number(g, "units_per_lot", .positive(max: 1e6), hint: "units (wafers) in one lot, e.g. 25")
        let load = try number(g, "load_seconds", .nonNegative(max: 1e6), required: false, default: 0)
        let unload = try number(g, "unload_seconds", .nonNegative(max: 1e6), required: false, default: 0)
        guard let lot, let processing = try decodeProcessing(g, unitsPerLot: lot), let load, let unload else {
            return nil
        }
        return .dispatch(DispatchRate(processing: processing, unitsPerLot: lot, loadSeconds: load, unloadSeconds: unload))
    }

    private func decodeProcessing(_ g: Fields, unitsPerLot: Double) throws -> Processing? {
        let given = Self.processingKeys.filter { reader.optional(g, $0) != nil }
        guard given.count == 1, let key = given.first, let field = reader.optional(g, key) else {
            if given.isEmpty {
                reader.report(.missingField, g.mark, g.keyPath("processing"),
                              "missing the processing time: give one of per_unit_seconds, per_lot_seconds, "
                                  + "per_batch or cascade")
            } else {
                reader.report(.inconsistent, g.values[given[1]]?.mark ?? g.mark, g.keyPath(given[1]),
                              "a dispatch has one processing form, but \(given.joined(separator: " and ")) are both given")
            }
            return nil
        }
        switch key {
        case "per_unit_seconds":
            return try reader.number(field.node, field.path, .positive(max: 1e7)).map { .perUnit(seconds: $0) }
        case "per_lot_seconds":
            return try reader.number(field.node, field.path, .positive(max: 1e8)).map { .perLot(seconds: $0) }
        case "per_batch":
            return try decodePerBatch(field.node, field.path, unitsPerLot: unitsPerLot)
        default:
            return try decodeCascade(field.node, field.path).map { .cascade($0) }
        }
    }

    /// `{seconds, min_units|min_lots, max_units|max_lots, planned_units|planned_lots}`; lots are turned into
    /// units; min ≤ planned ≤ max, planned defaulting to max (full batches).
    private func decodePerBatch(_ node: Node, _ path: String, unitsPerLot: Double) throws -> Processing? {
        guard let g = try reader.fields(node, path, what: "batch processing", allowed: Self.perBatchKeys) else {
            return nil
        }
        let seconds = try number(g, "seconds", .positive(max: 1e8), hint: "process time of one batch, s")
        let minimum = try batchUnits(g, "min", unitsPerLot: unitsPerLot, required: false)
        let maximum = try batchUnits(g, "max", unitsPerLot: unitsPerLot, required: true)
        let planned = try batchUnits(g, "planned", unitsPerLot: unitsPerLot, required: false)
        guard let seconds, minimum.ok, maximum.ok, planned.ok, let maxUnits = maximum.units else { return nil }
        let minUnits = minimum.units ?? Swift.min(unitsPerLot, maxUnits)
        let plannedUnits = planned.units ?? maxUnits
        guard minUnits <= plannedUnits, plannedUnits <= maxUnits else {
            let key = batchKey(g, planned.units == nil ? "max" : "planned")
            reader.report(.inconsistent, g.values[key]?.mark ?? g.mark, g.keyPath(key),
                          "the batch needs min ≤ planned ≤ max units, got min \(NodeReader.format(minUnits)), "
                              + "planned \(NodeReader.format(plannedUnits)), max \(NodeReader.format(maxUnits))")
            return nil
        }
        return .perBatch(seconds: seconds, batch: BatchSize(minUnits: minUnits, maxUnits: maxUnits, plannedUnits: plannedUnits))
    }

    /// The key given for a batch limit (`<prefix>_units` or `<prefix>_lots`).
    private func batchKey(_ g: Fields, _ prefix: String) -> String {
        reader.optional(g, prefix + "_lots") != nil ? prefix + "_lots" : prefix + "_units"
    }

    /// A batch limit in units: `<prefix>_units`, or `<prefix>_lots` × units per lot; not both.
    /// `ok` is false when a problem was reported; `units` is nil when the limit is absent.
    private func batchUnits(_ g: Fields, _ prefix: String, unitsPerLot: Double, required: Bool) throws
        -> (ok: Bool, units: Double?)
    {
        let units = reader.optional(g, prefix + "_units"), lots = reader.optional(g, prefix + "_lots")
        if let units, lots != nil {
            reader.report(.inconsistent, units.node.mark, units.path, "give \(prefix)_units or \(prefix)_lots, not both")
            return (false, nil)
        }
        if let units {
            let x = try reader.number(units.node, units.path, .positive(max: 1e7))
            return (x != nil, x)
        }
        if let lots {
            let x = try reader.number(lots.node, lots.path, .positive(max: 1e5))
            return (x != nil, x.map { $0 * unitsPerLot })
        }
        if required {
            reader.report(.missingField, g.mark, g.keyPath(prefix + "_units"),
                          "missing the largest batch: give \(prefix)_units or \(prefix)_lots")
            return (false, nil)
        }
        return (true, nil)
    }

    private func decodeCascade(_ node: Node, _ path: String) throws -> Cascade? {
        guard let g = try reader.fields(node, path, what: "cascade", allowed: Self.cascadeKeys) else { return nil }
        let first = try number(g, "first_seconds", .positive(max: 1e8), hint: "time of the first item through the tool, s")
        let interval = try number(g, "interval_seconds", .positive(max: 1e8), hint: "time between two items leaving, s")
        let run = try number(g, "dispatches_per_run", .between(1, 1e9), required: false, default: 1)
        var item: CascadeItem? = .unit
        if let field = reader.optional(g, "item"), let text = try reader.text(field.node, field.path) {
            item = CascadeItem(rawValue: text)
            if item == nil {
                reader.report(.outOfRange, field.node.mark, field.path,
                              "unknown cascade item '\(text)': give unit (wafers of a lot) or lot")
            }
        }
        guard let first, let interval, let run, let item else { return nil }
        if interval > first {
            reader.report(.inconsistent, g.values["interval_seconds"]?.mark ?? g.mark, g.keyPath("interval_seconds"),
                          "the interval (\(NodeReader.format(interval)) s) exceeds the first item's time "
                              + "(\(NodeReader.format(first)) s); a cascade overlaps items, so interval ≤ first")
            return nil
        }
        return Cascade(firstSeconds: first, intervalSeconds: interval, item: item, dispatchesPerRun: run)
    }

    /// Whether an availability map is a calendar (has `breakdowns` or `maintenance`).
    static func isCalendar(_ node: Node) -> Bool {
        guard case .mapping(let m) = node else { return false }
        return m.contains {
            if case .scalar(let k) = $0.key { return calendarKeys.contains(k.string) } else { return false }
        }
    }

    /// `{breakdowns: [{mtbf_hours, mttr_hours}], maintenance: [{every_hours | every_units + busy_hours_per_unit, hours}]}`.
    func decodeCalendar(_ node: Node, _ path: String) throws -> Availability? {
        guard let f = try reader.fields(node, path, what: "station calendar", allowed: Self.calendarKeys) else { return nil }
        var calendar = StationCalendar()
        var ok = true
        if let field = reader.optional(f, "breakdowns"),
            let items = try reader.list(field.node, field.path, what: "breakdowns", maxCount: 1_000) {
            for (i, item) in items.enumerated() {
                if let b = try decodeBreakdown(item, "\(field.path)[\(i)]") { calendar.breakdowns.append(b) } else { ok = false }
            }
        } else if reader.optional(f, "breakdowns") != nil { ok = false }
        if let field = reader.optional(f, "maintenance"),
            let items = try reader.list(field.node, field.path, what: "maintenance plans", maxCount: 1_000) {
            for (i, item) in items.enumerated() {
                if let m = try decodeMaintenance(item, "\(field.path)[\(i)]") { calendar.maintenance.append(m) } else { ok = false }
            }
        } else if reader.optional(f, "maintenance") != nil { ok = false }
        return ok ? .calendar(calendar) : nil
    }

    private func decodeBreakdown(_ node: Node, _ path: String) throws -> Breakdown? {
        guard let f = try reader.fields(node, path, what: "breakdown", allowed: Self.breakdownKeys) else { return nil }
        let mtbf = try number(f, "mtbf_hours", .positive(max: 1e7), hint: "mean time between failures, hours")
        let mttr = try number(f, "mttr_hours", .nonNegative(max: 1e5), hint: "mean time to repair, hours")
        guard let mtbf, let mttr else { return nil }
        return Breakdown(mtbfHours: mtbf, mttrHours: mttr)
    }

    private func decodeMaintenance(_ node: Node, _ path: String) throws -> Maintenance? {
        guard let f = try reader.fields(node, path, what: "maintenance plan", allowed: Self.maintenanceKeys) else {
            return nil
        }
        let hours = try number(f, "hours", .nonNegative(max: 1e5), hint: "down time of one maintenance, hours")
        let everyHours = reader.optional(f, "every_hours"), everyUnits = reader.optional(f, "every_units")
        var every: MaintenanceInterval? = nil
        if everyHours != nil, everyUnits != nil {
            reader.report(.inconsistent, everyUnits?.node.mark, everyUnits?.path ?? path,
                          "give every_hours or every_units, not both")
        } else if let everyHours {
            every = try reader.number(everyHours.node, everyHours.path, .positive(max: 1e7)).map { .hours($0) }
        } else if let everyUnits {
            let count = try reader.number(everyUnits.node, everyUnits.path, .positive(max: 1e12))
            let busy = try number(f, "busy_hours_per_unit", .positive(max: 1e5),
                                  hint: "tool hours one unit keeps a tool busy, to turn the count into hours")
            if let count, let busy { every = .units(count: count, busyHoursPerUnit: busy) }
        } else {
            reader.report(.missingField, f.mark, f.keyPath("every_hours"),
                          "missing the interval: give every_hours or every_units")
        }
        guard let hours, let every else { return nil }
        return Maintenance(every: every, hours: hours)
    }
}
