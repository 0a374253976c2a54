// Reader of an SMT2020 route file (route_N.txt): one row per step, in step order.

/// One route row as published, times in seconds.
struct SMT2020Step {
    var line: Int
    var number: Int
    var name: String
    var family: String
    var processSeconds: Double
    /// PTPER: per_piece, per_lot or per_batch.
    var per: String
    var batchMinUnits: Double?
    var batchMaxUnits: Double?
    var setup: String
    var setupSeconds: Double?
    var batchIntervalSeconds: Double?
    var partIntervalSeconds: Double?
    var reworkTo: Int?
    var reworkPercent: Double
    var stepPercent: Double?
}

extension SMT2020Files {
    static let routeColumns = [
        "STEP", "DESC", "STNFAM", "PTIME", "PTUNITS", "PTPER", "BATCHMN", "BATCHMX", "SETUP", "STIME", "STUNITS",
        "BatchInterval", "BatchIntUnits", "PartInterval", "PartIntUnits", "RWKSTEP", "REWORK", "StepPercent",
    ]

    /// The rows of a route file; the table is returned too, for located errors of later checks.
    static func route(_ dir: String, _ name: String) throws(DatasetError) -> (TabTable, [SMT2020Step]) {
        let t = try table(dir, name, routeColumns)
        var steps: [SMT2020Step] = []
        var seen: [Int: Int] = [:]
        for row in t.rows {
            let step = try routeStep(t, row)
            if let first = seen[step.number] {
                throw t.error(row, "STEP", "step \(step.number) appears twice (first on line \(first))")
            }
            seen[step.number] = row.line
            steps.append(step)
        }
        guard !steps.isEmpty else { throw DatasetError(file: t.file, line: 0, message: "the route has no steps") }
        for s in steps {
            guard let target = s.reworkTo else { continue }
            guard seen[target] != nil, target <= s.number else {
                throw DatasetError(file: t.file, line: s.line, column: "RWKSTEP",
                                   message: "rework goes back to step \(target), which is not an earlier step of this route")
            }
        }
        return (t, steps)
    }

    static func routeStep(_ t: TabTable, _ row: TabTable.Row) throws(DatasetError) -> SMT2020Step {
        let numberText = try t.required(row, "STEP")
        guard let number = Int(numberText) else { throw t.error(row, "STEP", "'\(numberText)' is not a step number") }
        let per = try t.required(row, "PTPER")
        guard ["per_piece", "per_lot", "per_batch"].contains(per) else {
            throw t.error(row, "PTPER", "unknown processing basis '\(per)' (expected per_piece, per_lot or per_batch)")
        }
        let percent = try t.number(row, "StepPercent", required: false)
        if let percent, percent <= 0 || percent > 100 {
            throw t.error(row, "StepPercent", "\(percent) % of lots: a share in (0, 100] is needed")
        }
        let rework = try t.number(row, "REWORK", required: false) ?? 0
        guard rework <= 100 else { throw t.error(row, "REWORK", "\(rework) %: at most 100 % of lots can be reworked") }
        let reworkText = t.text(row, "RWKSTEP")
        var reworkTo: Int? = nil
        if !reworkText.isEmpty {
            guard let r = Int(reworkText) else { throw t.error(row, "RWKSTEP", "'\(reworkText)' is not a step number") }
            reworkTo = r
        }
        return SMT2020Step(
            line: row.line, number: number, name: t.text(row, "DESC"), family: try t.required(row, "STNFAM"),
            processSeconds: try t.seconds(row, "PTIME", units: "PTUNITS") ?? 0, per: per,
            batchMinUnits: try t.number(row, "BATCHMN", required: false),
            batchMaxUnits: try t.number(row, "BATCHMX", required: false),
            setup: t.text(row, "SETUP"), setupSeconds: try t.seconds(row, "STIME", units: "STUNITS", required: false),
            batchIntervalSeconds: try t.seconds(row, "BatchInterval", units: "BatchIntUnits", required: false),
            partIntervalSeconds: try t.seconds(row, "PartInterval", units: "PartIntUnits", required: false),
            reworkTo: reworkTo, reworkPercent: rework, stepPercent: percent)
    }
}
