// Readers of the SMT2020 down-time and setup files: downcal.txt (breakdowns), pmcal.txt (preventive
// maintenance), attach.txt (which calendar applies to which tool group or family), setup.txt, setupgrp.txt.

/// What a calendar is attached to (attach.txt RESTYPE and RESNAME).
struct SMT2020Resource: Hashable {
    /// `stngrp` (a tool group) or `stnfam` (a tool family).
    var type: String
    var name: String
}

/// A breakdown or maintenance calendar and what it applies to.
struct SMT2020DownTime {
    enum Kind { case breakdown(Breakdown), timePM(everyHours: Double, hours: Double), countPM(everyUnits: Double, hours: Double) }
    var name: String
    var kind: Kind
}

extension SMT2020Files {
    /// attach.txt: calendar name → resources it applies to.
    static func attachments(_ dir: String) throws(DatasetError) -> [String: [SMT2020Resource]] {
        let t = try table(dir, "attach.txt", ["CALNAME", "CALTYPE", "RESTYPE", "RESNAME"])
        var result: [String: [SMT2020Resource]] = [:]
        for row in t.rows {
            let type = try t.required(row, "RESTYPE")
            guard type == "stngrp" || type == "stnfam" else {
                throw t.error(row, "RESTYPE", "unknown resource type '\(type)' (expected stngrp or stnfam)")
            }
            result[try t.required(row, "CALNAME"), default: []].append(
                SMT2020Resource(type: type, name: try t.required(row, "RESNAME")))
        }
        return result
    }

    /// Every calendar of downcal.txt and pmcal.txt, with the resources attach.txt gives it.
    static func downTimes(_ dir: String) throws(DatasetError) -> [SMT2020Resource: [SMT2020DownTime]] {
        let attached = try attachments(dir)
        var result: [SMT2020Resource: [SMT2020DownTime]] = [:]
        func add(_ d: SMT2020DownTime, _ t: TabTable, _ row: TabTable.Row, _ column: String) throws(DatasetError) {
            guard let resources = attached[d.name] else {
                throw t.error(row, column, "calendar '\(d.name)' is attached to nothing in attach.txt")
            }
            for r in resources { result[r, default: []].append(d) }
        }
        let down = try table(dir, "downcal.txt", ["DOWNCALNAME", "MTTF", "MTTFUNITS", "MTTR", "MTTRUNITS"])
        for row in down.rows {
            let name = try down.required(row, "DOWNCALNAME")
            let mttf = try down.seconds(row, "MTTF", units: "MTTFUNITS") ?? 0
            guard mttf > 0 else { throw down.error(row, "MTTF", "the mean time to failure must be > 0") }
            let mttr = try down.seconds(row, "MTTR", units: "MTTRUNITS") ?? 0
            try add(SMT2020DownTime(name: name, kind: .breakdown(Breakdown(mtbfHours: mttf / 3600, mttrHours: mttr / 3600))),
                    down, row, "DOWNCALNAME")
        }
        let pm = try table(dir, "pmcal.txt", ["PMCALNAME", "PMCALTYPE", "MTBPM", "MTBPMUNITS", "MTTR", "MTTRUNITS"])
        for row in pm.rows {
            try add(try pmCalendar(pm, row), pm, row, "PMCALNAME")
        }
        return result
    }

    /// One pmcal.txt row: `mtbpm_by_cal` (MTBPM in time units) or `mtbpm_by_pieces` (MTBPM in wafers).
    static func pmCalendar(_ t: TabTable, _ row: TabTable.Row) throws(DatasetError) -> SMT2020DownTime {
        let name = try t.required(row, "PMCALNAME")
        let hours = (try t.seconds(row, "MTTR", units: "MTTRUNITS") ?? 0) / 3600
        switch t.text(row, "PMCALTYPE") {
        case "mtbpm_by_cal":
            let every = try t.seconds(row, "MTBPM", units: "MTBPMUNITS") ?? 0
            guard every > 0 else { throw t.error(row, "MTBPM", "the interval must be > 0") }
            return SMT2020DownTime(name: name, kind: .timePM(everyHours: every / 3600, hours: hours))
        case "mtbpm_by_pieces":
            let every = try t.number(row, "MTBPM") ?? 0
            guard every > 0 else { throw t.error(row, "MTBPM", "the interval must be > 0 wafers") }
            return SMT2020DownTime(name: name, kind: .countPM(everyUnits: every, hours: hours))
        case let other:
            throw t.error(row, "PMCALTYPE", "unknown maintenance type '\(other)' (expected mtbpm_by_cal or mtbpm_by_pieces)")
        }
    }

    /// setup.txt and setupgrp.txt. setup.txt's IGNORE column names the tool family (as published).
    static func setups(_ dir: String) throws(DatasetError) -> SMT2020Setups {
        var result = SMT2020Setups()
        let t = try table(dir, "setup.txt", ["CURSETUP", "NEWSETUP", "STIME", "STUNITS", "IGNORE"])
        for row in t.rows {
            let family = try t.required(row, "IGNORE"), new = try t.required(row, "NEWSETUP")
            let seconds = try t.seconds(row, "STIME", units: "STUNITS") ?? 0
            let key = SMT2020Setups.key(family, new)
            result.secondsTo[key] = max(result.secondsTo[key] ?? 0, seconds)
        }
        let g = try table(dir, "setupgrp.txt", ["SETUP", "MINRUN"])
        for row in g.rows {
            let setup = try g.required(row, "SETUP")
            if let run = try g.number(row, "MINRUN", required: false) {
                guard run >= 1 else { throw g.error(row, "MINRUN", "a minimum run is at least 1 lot") }
                result.minRun[setup] = run
            }
        }
        return result
    }
}
