/// Station × period utilization as coloured cells with the percentage in each; a cell at the station's
/// utilization cap is outlined, and the cap is written after the row label.
struct Heatmap: Chart {
    struct Row {
        var label: String
        /// Share of up-time used, per column; nil where the station does not exist.
        var values: [Double?]
        /// The station's utilization cap (share of up-time), when known.
        var cap: Double?
    }
    var title: String
    var columnLabel: String
    var columns: [String]
    var rows: [Row]
    var width = 760.0

    private var left: Double { 290 }
    private var top: Double { 50 }
    private var cell: (w: Double, h: Double) { ((width - left - 10) / Double(max(columns.count, 1)), 18) }
    private var height: Double { top + cell.h * Double(rows.count) + 40 }

    var data: DataTable {
        var t = DataTable(title, [DataColumn("station"), DataColumn("cap", "share of up-time")]
                          + columns.map { DataColumn($0, "share of up-time") })
        for r in rows { t.add([.text(r.label), .num(r.cap)] + r.values.map { .num($0) }) }
        return t
    }

    /// Pale (at or below 40% of the cap) to dark blue (at the cap); without a cap, of up-time.
    static func shade(_ u: Double, cap: Double?) -> Double { min(max((u / (cap ?? 1) - 0.4) / 0.6, 0), 1) }

    /// White (t = 0) to dark blue (t = 1).
    static func color(_ t: Double) -> String {
        let (r, g, b) = (247 - t * (247 - 33), 251 - t * (251 - 84), 255 - t * (255 - 150))
        return "rgb(\(Int(r)),\(Int(g)),\(Int(b)))"
    }

    func svg(id: String) -> String {
        var out = SVG.open(id: id, title: title, width: width, height: height)
        out += "<g class=\"axis\">"
        for (j, c) in columns.enumerated() {
            out += SVG.text(c, x: left + cell.w * (Double(j) + 0.5), y: top - 6, anchor: "middle")
        }
        out += SVG.text(columnLabel + "; outlined: at the utilization cap", x: left, y: height - 12) + "</g>\n<g class=\"marks\">"
        for (i, r) in rows.enumerated() {
            let y = top + cell.h * Double(i)
            out += SVG.text(r.label + (r.cap.map { "  (cap \(Fmt.pct($0)))" } ?? ""), x: left - 6, y: y + 13, anchor: "end")
            for (j, v) in r.values.enumerated() {
                guard let v else { continue }
                let atCap = r.cap.map { v >= $0 - 1e-6 } ?? false
                let x = left + cell.w * Double(j)
                let t = Self.shade(v, cap: r.cap)
                out += SVG.rect(x: x + 1, y: y + 1, w: cell.w - 2, h: cell.h - 2, fill: Self.color(t),
                                tip: "\(r.label) · \(columns[j]): \(Fmt.pct(v)) of up-time" + (atCap ? " (at cap)" : ""),
                                extra: atCap ? " stroke=\"#c44e52\" stroke-width=\"2\"" : "")
                out += SVG.text(Fmt.pct(v), x: x + cell.w / 2, y: y + 13, anchor: "middle",
                                extra: t > 0.55 ? " style=\"fill:#fff\"" : "")
            }
        }
        return out + "</g>\n</svg>\n"
    }
}
