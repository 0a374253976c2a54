import Foundation

// Readers of the SMT2020 dataset files as published (tab-separated, one header row). Each returns plain
// records; every bad cell throws a `DatasetError` with file:line and the column name.

/// A tool family (tool.txt): a station of identical tools.
struct SMT2020Tool {
    var family: String
    var group: String
    var count: Int
    var loadSeconds: Double
    var unloadSeconds: Double
    /// STNCAP 2 marks a cascading tool.
    var cascading: Bool
    var line: Int
}

/// A product (part.txt) with its route file.
struct SMT2020Part {
    var part: String
    var family: String
    var routeFile: String
    var line: Int
}

/// Nominal release of a part (order.txt), summed over its orders.
struct SMT2020Release {
    var wafersPerHour: Double = 0
    var unitsPerLot: Double = 0
    var orders: [String] = []
}

/// Down-time figures per tool family (downcal.txt, pmcal.txt and attach.txt).
struct SMT2020Calendars {
    var breakdownsByGroup: [String: [Breakdown]] = [:]
    var breakdownNames: [String: [String]] = [:]
    var timePMByFamily: [String: [(name: String, everyHours: Double, hours: Double)]] = [:]
    var countPMByFamily: [String: [(name: String, everyUnits: Double, hours: Double)]] = [:]
}

/// Setup times (setup.txt) and minimum runs (setupgrp.txt).
struct SMT2020Setups {
    /// Largest setup time to `newSetup` on `family`, over every current setup listed, seconds.
    var secondsTo: [String: Double] = [:]
    var minRun: [String: Double] = [:]
    /// Tool families with at least as many tools as distinct setups their steps need.
    var dedicated: Set<String> = []
    static func key(_ family: String, _ setup: String) -> String { family + "\u{0}" + setup }
}

enum SMT2020Files {
    static func table(_ dir: String, _ name: String, _ required: [String]) throws(DatasetError) -> TabTable {
        try TabTable(path: (dir as NSString).appendingPathComponent(name), file: (dir as NSString).appendingPathComponent(name),
                     required: required)
    }

    /// tool.txt (published as `tool.txt.1l`).
    static func tools(_ dir: String) throws(DatasetError) -> [SMT2020Tool] {
        let name = FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("tool.txt"))
            ? "tool.txt" : "tool.txt.1l"
        let t = try table(dir, name, ["STNFAM", "STNGRP", "STNQTY", "LTIME", "LTUNITS", "ULTIME", "ULTUNITS", "STNCAP"])
        var tools: [SMT2020Tool] = []
        var seen: [String: Int] = [:]
        for row in t.rows {
            let family = try t.required(row, "STNFAM")
            if let first = seen[family] { throw t.error(row, "STNFAM", "tool family '\(family)' is listed twice (first on line \(first))") }
            seen[family] = row.line
            let count = try t.number(row, "STNQTY") ?? 0
            guard count == count.rounded(), count >= 1, count <= 1e6 else {
                throw t.error(row, "STNQTY", "\(count) tools: a whole number ≥ 1 is needed")
            }
            let load = try t.text(row, "LTIME").isEmpty ? 0 : (t.seconds(row, "LTIME", units: "LTUNITS") ?? 0)
            let unload = try t.text(row, "ULTIME").isEmpty ? 0 : (t.seconds(row, "ULTIME", units: "ULTUNITS") ?? 0)
            let cap = try t.number(row, "STNCAP", required: false)
            tools.append(SMT2020Tool(family: family, group: t.text(row, "STNGRP"), count: Int(count), loadSeconds: load,
                                     unloadSeconds: unload, cascading: cap == 2, line: row.line))
        }
        guard !tools.isEmpty else { throw DatasetError(file: t.file, line: 0, message: "lists no tool family") }
        return tools
    }

    static func parts(_ dir: String) throws(DatasetError) -> [SMT2020Part] {
        let t = try table(dir, "part.txt", ["PART", "PARTFAM", "ROUTEFILE"])
        var parts: [SMT2020Part] = []
        for row in t.rows {
            let routeFile = try t.required(row, "ROUTEFILE")
            guard !routeFile.contains("/"), !routeFile.contains("\\"), routeFile != "..", routeFile != "." else {
                throw t.error(row, "ROUTEFILE", "'\(routeFile)' must name a file in the dataset folder")
            }
            parts.append(SMT2020Part(part: try t.required(row, "PART"), family: t.text(row, "PARTFAM"),
                                     routeFile: routeFile, line: row.line))
        }
        guard !parts.isEmpty else { throw DatasetError(file: t.file, line: 0, message: "lists no part") }
        return parts
    }

    /// order.txt: each order releases LOTSPERRPT lots of PIECES wafers every REPEAT (RUNITS).
    static func releases(_ dir: String, includeHotLots: Bool) throws(DatasetError) -> [String: SMT2020Release] {
        let t = try table(dir, "order.txt", ["LOT", "PART", "PRIOR", "PIECES", "REPEAT", "RUNITS", "LOTSPERRPT"])
        var result: [String: SMT2020Release] = [:]
        for row in t.rows {
            let lot = t.text(row, "LOT")
            if !includeHotLots, lot.lowercased().contains("hot") { continue }
            let part = try t.required(row, "PART")
            let pieces = try t.number(row, "PIECES") ?? 0
            guard pieces >= 1 else { throw t.error(row, "PIECES", "a lot needs at least one wafer") }
            guard let every = try t.seconds(row, "REPEAT", units: "RUNITS"), every > 0 else {
                throw t.error(row, "REPEAT", "the release interval must be > 0")
            }
            let lots = try t.number(row, "LOTSPERRPT", required: false) ?? 1
            var r = result[part] ?? SMT2020Release()
            r.wafersPerHour += pieces * lots * 3600 / every
            if r.unitsPerLot == 0 { r.unitsPerLot = pieces }
            r.orders.append("\(lot): \(LineModelWriter.number(lots)) × \(LineModelWriter.number(pieces)) wafers every "
                            + LineModelWriter.number(every / 60) + " min")
            result[part] = r
        }
        return result
    }
}
