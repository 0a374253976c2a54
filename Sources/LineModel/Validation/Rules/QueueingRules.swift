/// The queueing figures (docs/cycle-time.md): each station's `queueing` SCVs and queue-time limit within range,
/// `repair_scv` only with MTBF/MTTR availability, and each product's `lot_size_units` within range.
enum QueueingRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        for (i, site) in model.sites.enumerated() {
            let sitePath = report.entryPath("sites", id: site.id, index: i) + ".stations"
            for (j, station) in site.stations.enumerated() {
                guard let q = station.queueing else { continue }
                checkStation(q, station.availability, report.entryPath(sitePath, id: station.id, index: j) + ".queueing",
                             &report)
            }
        }
        for (i, product) in model.products.enumerated() {
            guard let lot = product.lotSizeUnits else { continue }
            report.number(lot, report.entryPath("products", id: product.id, index: i) + ".lot_size_units",
                          FieldRanges.lotSizeUnits)
        }
    }

    static func checkStation(_ q: StationQueueing, _ availability: Availability, _ path: String,
                             _ report: inout ValidationReport) {
        if let x = q.arrivalSCV { report.number(x, path + ".arrival_scv", FieldRanges.scv) }
        if let x = q.processSCV { report.number(x, path + ".process_scv", FieldRanges.scv) }
        if let x = q.repairSCV {
            report.number(x, path + ".repair_scv", FieldRanges.scv)
            if case .fraction = availability {
                report.report(.inconsistent, path + ".repair_scv",
                              "repair_scv describes repair times, but availability is a plain fraction; give "
                                  + "availability as {mtbf_hours, mttr_hours} or drop repair_scv")
            }
        }
        if let x = q.maxQueueHours { report.number(x, path + ".max_queue_hours", FieldRanges.maxQueueHours) }
    }
}
