import Yams

// The station `queueing` block and the product `lot_size_units` (docs/cycle-time.md), kept apart from the
// other station and product rules.
extension ModelDecoder {
    static let stationQueueingKeys = ["arrival_scv", "process_scv", "repair_scv", "max_queue_hours"]

    /// The optional `queueing` map of a station. `repair_scv` needs MTBF/MTTR: with a plain availability
    /// fraction there are no repairs to describe, and the figure would be silently ignored.
    /// Returns `.some(nil)` when the block is absent, `nil` when it is invalid.
    func decodeStationQueueing(_ f: Fields, availability: Availability?) throws -> StationQueueing?? {
        guard let field = reader.optional(f, "queueing") else { return .some(nil) }
        guard let q = try reader.fields(field.node, field.path, what: "station queueing",
                                        allowed: Self.stationQueueingKeys)
        else { return nil }
        let scv = FieldRanges.scv
        // Every field is read (each bad one reported) before giving up.
        let arrival = try optionalNumber(q, "arrival_scv", scv)
        let process = try optionalNumber(q, "process_scv", scv)
        let repair = try optionalNumber(q, "repair_scv", scv)
        let limit = try optionalNumber(q, "max_queue_hours", FieldRanges.maxQueueHours)
        var ok = true
        if case .some(.some) = repair, case .fraction = availability {
            reader.report(.inconsistent, q.values["repair_scv"]?.mark ?? q.mark, q.keyPath("repair_scv"),
                          "repair_scv describes repair times, but availability is a plain fraction; give "
                              + "availability as {mtbf_hours, mttr_hours} or drop repair_scv")
            ok = false
        }
        guard ok, let arrival, let process, let repair, let limit else { return nil }
        return .some(StationQueueing(arrivalSCV: arrival, processSCV: process, repairSCV: repair, maxQueueHours: limit))
    }

    /// The optional `lot_size_units` of a product: units per lot, the job that queues. Returns `.some(nil)`
    /// when absent, `nil` when invalid.
    func decodeLotSize(_ f: Fields) throws -> Double?? {
        try optionalNumber(f, "lot_size_units", FieldRanges.lotSizeUnits)
    }

    /// An optional number without a default: `.some(nil)` when absent (or null), `.some(x)` when valid, `nil`
    /// when present but invalid (the error is reported).
    private func optionalNumber(_ f: Fields, _ key: String, _ range: NumberRange) throws -> Double?? {
        guard let field = reader.optional(f, key) else { return .some(nil) }
        guard let x = try reader.number(field.node, field.path, range) else { return nil }
        return .some(x)
    }
}
