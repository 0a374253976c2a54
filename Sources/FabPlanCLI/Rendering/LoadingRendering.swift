import FabPlan
import Foundation

/// Text and JSON of a `StationLoading`.
enum LoadingRendering {
    static func json(_ loading: StationLoading) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(loading), as: UTF8.self) + "\n"
    }

    static func text(_ loading: StationLoading, model: LineModel, top: Int) -> String {
        var out = "fabplan load: \(model.name)\n"
        for period in model.periods {
            let starts = model.products.map { p in "\(p.id) \(Fmt.n(loading.starts[p.id]?[period.id] ?? 0, 1))" }
            out += "starts in \(period.id): " + starts.joined(separator: ", ") + "\n"
            if let k = loading.maxScale(period: period.id) {
                out += "  the stations carry at most \(Fmt.n(k, 4)) × these starts (same mix)\n"
            }
        }
        var rows = loading.rows.sorted { ($0.utilization, $1.station) > ($1.utilization, $0.station) }
        if top > 0 { rows = Array(rows.prefix(top)) }
        let over = loading.rows.filter { $0.utilization > 1 }.count
        out += "\(over) station-period\(over == 1 ? "" : "s") over 100 % of up-time\n\n"
        var table = TextTable("Station loading (most loaded first)",
                              header: ["site", "station", "period", "tools", "load h", "up h", "utilization", "of cap"])
        for r in rows {
            table.add([r.site, r.station, r.period, String(r.tools), Fmt.n(r.loadHours, 1), Fmt.n(r.upHours, 1),
                       pct(r.utilization), pct(r.utilizationOfCap)])
        }
        return out + table.render()
    }

    static func pct(_ x: Double) -> String { x.isFinite ? Fmt.n(100 * x, 1) + "%" : "inf" }
}
