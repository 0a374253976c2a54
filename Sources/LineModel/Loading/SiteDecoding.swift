import Yams

extension ModelDecoder {
    static let siteKeys = ["id", "name", "location", "stations"]
    static let stationKeys = [
        "id", "name", "installed_tools", "availability", "utilization_cap", "tool_price", "lead_time_periods",
        "max_tools", "operating_cost_per_tool_hour",
        "queueing",
    ]
    static let reliabilityKeys = ["mtbf_hours", "mttr_hours"]

    func decodeSites(_ node: Node, _ path: String) throws -> [Site]? {
        guard let items = try reader.list(node, path, what: "sites", maxCount: limits.maxSites) else { return nil }
        if items.isEmpty {
            reader.report(.empty, node.mark, path, "at least one site (plant) is needed")
            return nil
        }
        var sites: [Site] = []
        sites.reserveCapacity(items.count)
        var seen: [String: Mark?] = [:]
        var ok = true
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "site", allowed: Self.siteKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "site") else {
                ok = false; continue
            }
            siteIds.append(id)
            let name = try optionalText(f, "name")
            let location = try optionalText(f, "location")
            guard let stationsField = reader.required(f, "stations", hint: "the tool groups at this site"),
                let stations = try decodeStations(stationsField.node, stationsField.path, siteId: id)
            else { ok = false; continue }
            sites.append(Site(id: id, name: name, location: location, stations: stations))
        }
        return ok ? sites : nil
    }

    func decodeStations(_ node: Node, _ path: String, siteId: String) throws -> [Station]? {
        guard let items = try reader.list(node, path, what: "stations", maxCount: limits.maxStationsPerSite) else {
            stationsBySite[siteId] = []
            return nil
        }
        if items.isEmpty {
            reader.report(.empty, node.mark, path, "a site needs at least one station (tool group)")
        }
        var stations: [Station] = []
        stations.reserveCapacity(items.count)
        var seen: [String: Mark?] = [:]
        var ids: [String] = []
        var ok = !items.isEmpty
        for (i, item) in items.enumerated() {
            let itemPath = entryPath(item, section: path, index: i)
            guard let f = try reader.fields(item, itemPath, what: "station", allowed: Self.stationKeys),
                let id = try entryId(f)
            else { ok = false; continue }
            guard checkUnique(id, f.values["id"]?.mark, itemPath + ".id", seen: &seen, noun: "station") else {
                ok = false; continue
            }
            ids.append(id)
            if let station = try decodeStation(f, id: id) { stations.append(station) } else { ok = false }
        }
        stationsBySite[siteId] = ids
        return ok ? stations : nil
    }

    private func decodeStation(_ f: Fields, id: String) throws -> Station? {
        let name = try optionalText(f, "name")
        let installed = try integer(f, "installed_tools", FieldRanges.installedTools,
                                    hint: "tools installed at the start of the horizon")
        let availability = try reader.required(f, "availability",
                                               hint: "a fraction like 0.9, or {mtbf_hours, mttr_hours}").flatMap {
            try decodeAvailability($0.node, $0.path)
        }
        let cap = try number(f, "utilization_cap", FieldRanges.utilizationCap, required: false, default: 1)
        let price = try number(f, "tool_price", FieldRanges.toolPrice,
                               hint: "price of one new tool; 0 if tools cannot be bought")
        let lead = try integer(f, "lead_time_periods", FieldRanges.leadTimePeriods, required: false, default: 0)
        let maxTools = try integer(f, "max_tools", FieldRanges.maxTools, required: false)
        let opCost = try number(f, "operating_cost_per_tool_hour", FieldRanges.operatingCostPerToolHour, required: false, default: 0)
        if let installed, let maxTools, maxTools < installed {
            reader.report(.inconsistent, f.values["max_tools"]?.mark ?? f.mark, f.keyPath("max_tools"),
                          "max_tools (\(maxTools)) is below installed_tools (\(installed)); the floor already holds "
                              + "\(installed) tools")
            return nil
        }
        let queueing = try decodeStationQueueing(f, availability: availability)
        guard let installed, let availability, let cap, let price, let lead, let opCost, let queueing else { return nil }
        return Station(
            id: id, name: name, installedTools: installed, availability: availability, utilizationCap: cap,
            toolPrice: price, leadTimePeriods: lead, maxTools: maxTools, operatingCostPerToolHour: opCost,
            queueing: queueing)
    }

    /// Availability: a fraction in (0, 1], `{mtbf_hours, mttr_hours}` (A = MTBF / (MTBF + MTTR)), or a calendar
    /// `{breakdowns, maintenance}` (`StationCalendar.availability`).
    func decodeAvailability(_ node: Node, _ path: String) throws -> Availability? {
        if Self.isCalendar(node) { return try decodeCalendar(node, path) }
        if case .mapping = node {
            guard let f = try reader.fields(node, path, what: "reliability (availability)",
                                            allowed: Self.reliabilityKeys)
            else { return nil }
            let mtbf = try number(f, "mtbf_hours", FieldRanges.mtbfHours, hint: "mean time between failures, hours")
            let mttr = try number(f, "mttr_hours", FieldRanges.mttrHours, hint: "mean time to repair, hours")
            guard let mtbf, let mttr else { return nil }
            return .reliability(mtbfHours: mtbf, mttrHours: mttr)
        }
        if case .scalar = node {
            return try reader.number(node, path, FieldRanges.availability).map { .fraction($0) }
        }
        reader.report(.wrongType, node.mark, path,
                      "expected a fraction like 0.9 or {mtbf_hours, mttr_hours}, found \(reader.describe(node))")
        return nil
    }
}
