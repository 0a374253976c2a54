// Stations of the imported SMT2020 model: one per tool family, with its down-time calendar, and the comments
// that say where each figure comes from.

/// The comments of an import: above entries (by written path) and the file's header.
struct SMT2020Notes {
    var comments: [String: String] = [:]

    func header(dir: String, options: SMT2020ImportOptions) -> [String] {
        [
            "SMT2020 (Kopp, Hassoun, Kalir and Mönch, IEEE Trans. Semiconductor Manufacturing 33(4), 2020),",
            "imported step by step by `fabplan import smt2020` from \(dir).",
            "Units are wafers; one period `week` of \(LineModelWriter.number(options.hoursPerPeriod)) hours; demand = the nominal release of order.txt.",
            "Options (each an import option):",
        ] + options.described.map { "  " + $0 } + [
            "Assumptions:",
            "  every step yields 1 (the dataset has no scrap); price 1 per wafer, so max output = wafers;",
            "  tools cannot be bought (tool_price 0, max_tools = installed): the dataset's fab as it stands;",
            "  uniform and exponential times are taken at their means (PTIME, MTTF, MTTR);",
            "  load and unload (tool.txt LTIME, ULTIME) are paid once per dispatch (see cascading for STNCAP 2 tools);",
            "  not modelled (no capacity effect, or a dispatching matter): first occurrences of calendars (attach.txt FOA),",
            "  lot priorities and hot-lot rules, critical queue times (CQT), lens dedication (SVESTN), and the",
            "  7.5 min transport between steps (fromto.txt), which adds cycle time only;",
            "  maintenance every N wafers uses the family's mean busy hours per wafer at the nominal mix.",
        ]
    }
}

extension SMT2020Importer {
    static func stations(_ tools: [SMT2020Tool], _ downTimes: [SMT2020Resource: [SMT2020DownTime]], products: [Product],
                         options: SMT2020ImportOptions, notes: inout SMT2020Notes) -> [Station] {
        let busy = busyHoursPerWafer(products)
        var stations: [Station] = []
        for tool in tools where !tool.family.hasPrefix(options.delayFamilyPrefix) {
            let calendars = (downTimes[SMT2020Resource(type: "stngrp", name: tool.group)] ?? [])
                + (downTimes[SMT2020Resource(type: "stnfam", name: tool.family)] ?? [])
            let perWafer = busy[tool.family]
            let (calendar, words) = self.calendar(calendars, busyHoursPerWafer: perWafer ?? 1)
            let index = stations.count
            stations.append(Station(id: tool.family, name: tool.group, installedTools: tool.count,
                                    availability: calendar.breakdowns.isEmpty && calendar.maintenance.isEmpty ? .fraction(1) : .calendar(calendar),
                                    toolPrice: 0, maxTools: tool.count))
            var note = "\(tool.group) tool family, \(tool.count) tools" + (tool.cascading ? ", cascading (STNCAP 2)" : "")
            if let perWafer { note += "; busy \(fmt(perWafer * 3600)) s per wafer at the nominal mix" } else { note += "; on no route" }
            if !words.isEmpty { note += "; down: " + words.joined(separator: ", ") }
            if stations[index].availability != .fraction(1) {
                note += "; availability \(fmt(stations[index].availability.fraction))"
            }
            notes.comments["sites[0].stations[\(index)]"] = note
        }
        return stations
    }

    /// The calendar of a family's down times, and their description.
    static func calendar(_ downTimes: [SMT2020DownTime], busyHoursPerWafer: Double) -> (StationCalendar, [String]) {
        var calendar = StationCalendar()
        var words: [String] = []
        for c in downTimes {
            switch c.kind {
            case .breakdown(let b):
                calendar.breakdowns.append(b)
                words.append("\(c.name) MTTF \(fmt(b.mtbfHours)) h, MTTR \(fmt(b.mttrHours)) h")
            case .timePM(let every, let hours):
                calendar.maintenance.append(Maintenance(every: .hours(every), hours: hours))
                words.append("\(c.name) \(fmt(hours)) h every \(fmt(every)) h")
            case .countPM(let every, let hours):
                calendar.maintenance.append(Maintenance(every: .units(count: every, busyHoursPerUnit: busyHoursPerWafer), hours: hours))
                words.append("\(c.name) \(fmt(hours)) h every \(fmt(every)) wafers")
            }
        }
        return (calendar, words)
    }

    /// Mean tool hours per wafer processed at each station at the nominal mix: Σ demand × load / Σ demand × visits.
    static func busyHoursPerWafer(_ products: [Product]) -> [String: Double] {
        var load: [String: Double] = [:], wafers: [String: Double] = [:]
        for p in products {
            let weight = p.demand.values.reduce(0, +)
            for step in p.route {
                load[step.station, default: 0] += weight * step.toolSecondsPerEnteringUnit / 3600
                wafers[step.station, default: 0] += weight * step.visitFraction
            }
        }
        var result: [String: Double] = [:]
        for (s, l) in load where (wafers[s] ?? 0) > 0 && l > 0 { result[s] = l / wafers[s]! }
        return result
    }

    static func fmt(_ x: Double) -> String {
        let r = abs(x) >= 100 ? x.rounded() : (x * 1000).rounded() / 1000
        return LineModelWriter.number(r)
    }
}
