import Foundation

/// The result of importing SMT2020: the model and its text, with a comment on every assumption.
public struct SMT2020Import: Sendable {
    /// The imported model (valid: it is the model its text loads to).
    public var model: LineModel
    /// The model as commented YAML, ready to write.
    public var yaml: String
}

/// Reads the SMT2020 testbed (Kopp, Hassoun, Kalir and Mönch, "SMT2020 — A Semiconductor Manufacturing
/// Testbed", IEEE Trans. Semiconductor Manufacturing 33(4), 2020) from its own files as published, step by
/// step: tool.txt, part.txt, the route files, order.txt, downcal.txt, pmcal.txt, attach.txt, setup.txt and
/// setupgrp.txt. One site `fab`, one period of `hoursPerPeriod` hours, units = wafers, demand = the nominal
/// release. Bad files are refused with a `DatasetError` (file:line, column name).
public enum SMT2020Importer {
    /// Imports the dataset in `folder` (a dataset folder with part.txt, or a folder holding `SMT2020_HVLM` /
    /// `SMT2020_LVHM`, chosen by `dataset`, default HVLM).
    public static func importDataset(folder: String, dataset: SMT2020Dataset? = nil,
                                     options: SMT2020ImportOptions = SMT2020ImportOptions()) throws(DatasetError) -> SMT2020Import {
        let dir = try resolve(folder, dataset)
        var notes = SMT2020Notes()
        let tools = try SMT2020Files.tools(dir)
        let downTimes = try SMT2020Files.downTimes(dir)
        var setups = try SMT2020Files.setups(dir)
        let releases = try SMT2020Files.releases(dir, includeHotLots: options.includeHotLots)
        let parts = try SMT2020Files.parts(dir)
        let toolsByFamily = Dictionary(tools.map { ($0.family, $0) }, uniquingKeysWith: { a, _ in a })
        var routes: [(TabTable, [SMT2020Step])] = []
        for part in parts { routes.append(try SMT2020Files.route(dir, part.routeFile)) }
        setups.dedicated = dedicatedFamilies(routes.flatMap(\.1), toolsByFamily)
        var products: [Product] = []
        for (pi, part) in parts.enumerated() {
            guard let release = releases[part.part] else {
                throw DatasetError(file: (dir as NSString).appendingPathComponent("part.txt"), line: part.line,
                                   column: "PART", message: "no order in order.txt releases '\(part.part)'")
            }
            products.append(try product(part, release, route: routes[pi], tools: toolsByFamily, setups: setups,
                                        options: options, index: pi, notes: &notes))
        }
        let stations = self.stations(tools, downTimes, products: products, options: options, notes: &notes)
        let model = LineModel(
            name: "SMT2020 \(dataset?.rawValue ?? (dir as NSString).lastPathComponent)",
            description: "Imported by fabplan import smt2020 from \(dir)", currency: "USD",
            periods: [Period(id: "week", hoursPerTool: options.hoursPerPeriod)],
            sites: [Site(id: "fab", name: "SMT2020 wafer fab", stations: stations)], products: products)
        let header = notes.header(dir: dir, options: options)
        let text = LineModelWriter.yaml(model, header: header, comments: notes.comments)
        return SMT2020Import(model: model, yaml: text)
    }

    static func resolve(_ folder: String, _ dataset: SMT2020Dataset?) throws(DatasetError) -> String {
        let fm = FileManager.default
        if dataset == nil, fm.fileExists(atPath: (folder as NSString).appendingPathComponent("part.txt")) { return folder }
        let sub = (folder as NSString).appendingPathComponent((dataset ?? .hvlm).folderName)
        if fm.fileExists(atPath: (sub as NSString).appendingPathComponent("part.txt")) { return sub }
        if fm.fileExists(atPath: (folder as NSString).appendingPathComponent("part.txt")) { return folder }
        throw DatasetError(file: folder, line: 0, message: "no part.txt here or in \(sub): not an SMT2020 dataset folder")
    }

    /// Families with at least as many tools as distinct setups their steps need.
    static func dedicatedFamilies(_ steps: [SMT2020Step], _ tools: [String: SMT2020Tool]) -> Set<String> {
        var needed: [String: Set<String>] = [:]
        for s in steps where !s.setup.isEmpty { needed[s.family, default: []].insert(s.setup) }
        return Set(needed.compactMap { family, setups in (tools[family]?.count ?? 0) >= setups.count ? family : nil })
    }

    static func product(_ part: SMT2020Part, _ release: SMT2020Release, route: (TabTable, [SMT2020Step]),
                        tools: [String: SMT2020Tool],
                        setups: SMT2020Setups, options: SMT2020ImportOptions, index: Int, notes: inout SMT2020Notes)
        throws(DatasetError) -> Product
    {
        let (table, rows) = route
        let visits = self.visits(rows, options)
        var steps: [RouteStep] = []
        var delays: [RouteDelay] = []
        for (k, row) in rows.enumerated() {
            let path = "products[\(index)].route[\(k)]"
            if row.family.hasPrefix(options.delayFamilyPrefix) {
                delays.append(RouteDelay(name: "\(row.number) \(row.name)", hours: row.processSeconds / 3600, position: steps.count))
                notes.comments[path] = "\(row.family): a delay, no station (cycle time only)"
                continue
            }
            guard let tool = tools[row.family] else {
                throw DatasetError(file: table.file, line: row.line, column: "STNFAM",
                                   message: "unknown tool family '\(row.family)' (not in tool.txt)")
            }
            let mapped = try mapStep(row, tool: tool, unitsPerLot: release.unitsPerLot, visits: visits[k],
                                     setups: setups, options: options, table: table)
            steps.append(mapped.step)
            if !mapped.notes.isEmpty { notes.comments[path] = mapped.notes.joined(separator: "; ") }
        }
        let wafersPerPeriod = release.wafersPerHour * options.hoursPerPeriod
        notes.comments["products[\(index)]"] = "\(part.part) (\(part.routeFile), \(rows.count) steps): nominal release "
            + LineModelWriter.number((wafersPerPeriod * 100).rounded() / 100) + " wafers per period from order.txt: "
            + release.orders.joined(separator: "; ")
        return Product(id: part.part, name: part.family, route: steps, sites: ["fab"],
                       demand: ["week": wafersPerPeriod], pricePerUnit: 1, delays: delays)
    }
}
