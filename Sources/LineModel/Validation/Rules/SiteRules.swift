/// `sites` and their `stations`: at least one of each, unique ids, every station field within its range,
/// a reliability availability of at least `FieldRanges.smallestAvailability`, and no floor limit below the
/// installed tools.
enum SiteRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.count(model.sites.count, "sites", what: "sites", max: report.limits.maxSites,
                     emptyMessage: "at least one site (plant) is needed")
        let paths = model.sites.enumerated().map { report.entryPath("sites", id: $0.element.id, index: $0.offset) }
        report.uniqueIds(model.sites.map(\.id), noun: "site") { paths[$0] }
        for (i, site) in model.sites.enumerated() {
            report.text(site.name, paths[i] + ".name")
            report.text(site.location, paths[i] + ".location")
            checkStations(site, paths[i] + ".stations", &report)
        }
    }

    static func checkStations(_ site: Site, _ path: String, _ report: inout ValidationReport) {
        report.count(site.stations.count, path, what: "stations", max: report.limits.maxStationsPerSite,
                     emptyMessage: "a site needs at least one station (tool group)")
        let paths = site.stations.enumerated().map { report.entryPath(path, id: $0.element.id, index: $0.offset) }
        report.uniqueIds(site.stations.map(\.id), noun: "station") { paths[$0] }
        for (i, station) in site.stations.enumerated() { checkStation(station, paths[i], &report) }
    }

    static func checkStation(_ s: Station, _ path: String, _ report: inout ValidationReport) {
        report.text(s.name, path + ".name")
        report.integer(s.installedTools, path + ".installed_tools", FieldRanges.installedTools)
        checkAvailability(s.availability, path + ".availability", &report)
        report.number(s.utilizationCap, path + ".utilization_cap", FieldRanges.utilizationCap)
        report.number(s.toolPrice, path + ".tool_price", FieldRanges.toolPrice)
        report.integer(s.leadTimePeriods, path + ".lead_time_periods", FieldRanges.leadTimePeriods)
        report.number(s.operatingCostPerToolHour, path + ".operating_cost_per_tool_hour",
                      FieldRanges.operatingCostPerToolHour)
        if let maxTools = s.maxTools {
            report.integer(maxTools, path + ".max_tools", FieldRanges.maxTools)
            if maxTools < s.installedTools {
                report.report(.inconsistent, path + ".max_tools",
                              "max_tools (\(maxTools)) is below installed_tools (\(s.installedTools)); the floor "
                                  + "already holds \(s.installedTools) tools")
            }
        }
    }

    static func checkAvailability(_ a: Availability, _ path: String, _ report: inout ValidationReport) {
        switch a {
        case .fraction(let x):
            report.number(x, path, FieldRanges.availability)
        case .reliability(let mtbf, let mttr):
            let before = report.problems.count
            report.number(mtbf, path + ".mtbf_hours", FieldRanges.mtbfHours)
            report.number(mttr, path + ".mttr_hours", FieldRanges.mttrHours)
            guard report.problems.count == before else { return }
            let fraction = a.fraction
            if !(fraction >= FieldRanges.smallestAvailability) {
                report.report(.outOfRange, path,
                              "MTBF / (MTBF + MTTR) = \(NodeReader.format(fraction)) is below the "
                                  + "\(NodeReader.format(FieldRanges.smallestAvailability)) accepted (the LP solver "
                                  + "cannot scale smaller capacities); check the units (hours)")
            }
        case .calendar(let c):
            RouteFeatureRules.checkCalendar(c, path, &report)
        }
    }
}
