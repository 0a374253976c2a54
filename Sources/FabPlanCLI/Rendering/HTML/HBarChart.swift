/// Ranked horizontal bars (bottlenecks, binding stations): one labelled bar per item, its value at the bar's
/// end, and an optional note per item (a range) shown after the value.
struct HBarChart: Chart {
    struct Item {
        var label: String
        var value: Double
        var note: String? = nil
    }
    var title: String
    var valueLabel: String
    var items: [Item]
    var color = Palette.total
    var width = 760.0

    private var left: Double { 250 }
    private var right: Double { width - 190 }
    private var rowHeight: Double { 20 }
    private var top: Double { 36 }
    private var height: Double { top + rowHeight * Double(items.count) + 44 }

    var data: DataTable {
        var t = DataTable(title, [DataColumn("item"), DataColumn("value", valueLabel)])
        let notes = items.contains { $0.note != nil }
        if notes { t.columns.append(DataColumn("range")) }
        for i in items { t.add([.text(i.label), .number(i.value)] + (notes ? [.text(i.note ?? "")] : [])) }
        return t
    }

    func svg(id: String) -> String {
        let x = LinearScale(covering: items.map(\.value), from: left, to: right)
        var out = SVG.open(id: id, title: title, width: width, height: height)
        let bottom = top + rowHeight * Double(items.count)
        out += "<g class=\"axis grid\">"
        for t in x.ticks {
            out += SVG.line(x(t), top, x(t), bottom, stroke: "#e3e7ec") + SVG.text(Fmt.short(t), x: x(t), y: bottom + 14, anchor: "middle")
        }
        out += SVG.text(valueLabel, x: (left + right) / 2, y: bottom + 32, anchor: "middle") + "</g>\n<g class=\"marks\">"
        for (k, item) in items.enumerated() {
            let yy = top + rowHeight * Double(k)
            let (a, b) = (x(0), x(item.value))
            out += SVG.text(item.label, x: left - 6, y: yy + 14, anchor: "end")
            out += SVG.rect(x: min(a, b), y: yy + 3, w: max(abs(b - a), 0.5), h: rowHeight - 6, fill: color,
                            tip: "\(item.label): \(Fmt.n(item.value, abs(item.value) < 10 ? 3 : 0)) \(valueLabel)"
                                + (item.note.map { "; \($0)" } ?? ""))
            let label = Fmt.short(item.value) + (item.note.map { "  \($0)" } ?? "")
            out += SVG.text(label, x: max(a, b) + 4, y: yy + 14)
        }
        return out + "</g>\n</svg>\n"
    }
}
