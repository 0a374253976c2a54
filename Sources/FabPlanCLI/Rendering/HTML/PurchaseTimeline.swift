/// Tool purchases on a period axis: a hollow circle when ordered, a filled one when the tools arrive, joined
/// by a line over the lead time, with the number of tools.
struct PurchaseTimeline: Chart {
    struct Order {
        var label: String
        var ordered: String
        var arrives: String
        var tools: Double
        var capital: Double
    }
    var title: String
    var periods: [String]
    var orders: [Order]
    var currency: String
    /// `mip` (whole tools) or `lp`.
    var mode: String
    var width = 760.0

    private var labels: [String] { var seen: [String] = []; for o in orders where !seen.contains(o.label) { seen.append(o.label) }; return seen }
    private var left: Double { 250 }
    private var top: Double { 50 }
    private var rowHeight: Double { 18 }
    private var height: Double { top + rowHeight * Double(labels.count) + 40 }
    private var band: Double { (width - left - 10) / Double(max(periods.count, 1)) }

    var data: DataTable {
        var t = DataTable(title, [DataColumn("station"), DataColumn("ordered"), DataColumn("arrives"), DataColumn("tools", "tools"),
                                  DataColumn("capital", currency)])
        for o in orders { t.add([.text(o.label), .text(o.ordered), .text(o.arrives), .number(o.tools), .number(o.capital)]) }
        return t
    }

    func svg(id: String) -> String {
        let rows = labels
        var out = SVG.open(id: id, title: title, width: width, height: height)
        out += SVG.legend([("ordered (hollow)", Palette.muted), ("arrives (filled)", Palette.total)], x: left, y: 38)
        out += "<g class=\"axis grid\">"
        for (j, p) in periods.enumerated() {
            let x = left + band * (Double(j) + 0.5)
            out += SVG.line(x, top, x, top + rowHeight * Double(rows.count), stroke: "#e3e7ec")
            out += SVG.text(p, x: x, y: top + rowHeight * Double(rows.count) + 14, anchor: "middle")
        }
        out += SVG.text("period", x: left + (width - left) / 2, y: height - 6, anchor: "middle") + "</g>\n<g class=\"marks\">"
        for (i, label) in rows.enumerated() { out += SVG.text(label, x: left - 6, y: top + rowHeight * Double(i) + 13, anchor: "end") }
        // Order marks (lines, hollow circles) first, arrivals (filled, with the tool count) on top of them.
        var arrivals = ""
        for o in orders {
            guard let i = rows.firstIndex(of: o.label), let a = periods.firstIndex(of: o.ordered) else { continue }
            let b = periods.firstIndex(of: o.arrives) ?? a
            let y = top + rowHeight * (Double(i) + 0.5)
            let (xa, xb) = (left + band * (Double(a) + 0.5), left + band * (Double(b) + 0.5))
            let tools = Fmt.tools(o.tools, mode: mode)
            let tip = esc("\(o.label): \(tools) tool(s) ordered \(o.ordered), arriving \(o.arrives), \(Fmt.n(o.capital)) \(currency)")
            if b != a { out += SVG.line(xa, y, xb, y, stroke: Palette.muted, width: 1.5) }
            out += "<circle cx=\"\(SVG.n(xa))\" cy=\"\(SVG.n(y))\" r=\"5\" fill=\"#fff\" stroke=\"\(Palette.muted)\" stroke-width=\"1.5\"><title>\(tip)</title></circle>"
            arrivals += "<circle cx=\"\(SVG.n(xb))\" cy=\"\(SVG.n(y))\" r=\"4\" fill=\"\(Palette.total)\"><title>\(tip)</title></circle>"
            arrivals += SVG.text("+\(tools)", x: xb + 8, y: y + 4)
        }
        out += arrivals
        return out + "</g>\n</svg>\n"
    }
}
