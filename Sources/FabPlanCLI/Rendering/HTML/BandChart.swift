/// Bars of one series: heights per category, stacked on the series below it in its group, or floating from
/// `base` when given (waterfalls, quantile bands); `colors` overrides the colour per bar.
struct BarSeries {
    var name: String
    var color: String
    var values: [Double]
    var base: [Double]? = nil
    var colors: [String]? = nil
}

/// A line (or, with `connect` false, markers only) across the categories; nil values are gaps.
struct LineSeries {
    var name: String
    var color: String
    var values: [Double?]
    var dashed = false
    var connect = true
}

/// A chart over categories (periods, plans, waterfall steps) with a numeric value axis: groups of bars side by
/// side in each category (the series of a group stacked), and lines or markers on top.
struct BandChart: Chart {
    var title: String
    var xLabel: String
    var yLabel: String
    var categories: [String]
    var groups: [[BarSeries]]
    var lines: [LineSeries] = []
    var width = 760.0
    var height = 320.0

    private var left: Double { 78 }
    private var right: Double { width - 16 }
    private var top: Double { 54 }
    private var bottom: Double { height - 30 - 13 * Double(labelLines.map(\.count).max() ?? 1) }
    private var band: Double { (right - left) / Double(max(categories.count, 1)) }
    /// Category labels wrapped to the band's width (at most three lines).
    private var labelLines: [[String]] {
        let chars = max(4, Int(band / 6.5))
        return categories.map { Array(SVG.lines($0, width: chars).prefix(3)) }
    }

    var data: DataTable {
        var t = DataTable(title, [DataColumn(xLabel)])
        let bars = groups.flatMap { $0 }
        for s in bars {
            if s.base != nil { t.columns += [DataColumn("\(s.name) from", yLabel), DataColumn("\(s.name) to", yLabel)] } else {
                t.columns.append(DataColumn(s.name, yLabel))
            }
        }
        t.columns += lines.map { DataColumn($0.name, yLabel) }
        for (i, c) in categories.enumerated() {
            var row: [DataCell] = [.text(c)]
            for s in bars {
                let v = i < s.values.count ? s.values[i] : 0
                if let base = s.base { row += [.number(base[i]), .number(base[i] + v)] } else { row.append(.number(v)) }
            }
            row += lines.map { l in .num(i < l.values.count ? l.values[i] : nil) }
            t.add(row)
        }
        return t
    }

    /// Every value the axis must show: stack tops, floating bar ends, line points.
    private var extent: [Double] {
        var out: [Double] = []
        for group in groups {
            for i in categories.indices {
                var stack = 0.0
                for s in group where i < s.values.count {
                    if let base = s.base { out += [base[i], base[i] + s.values[i]] } else { stack += s.values[i]; out.append(stack) }
                }
            }
        }
        for l in lines { out += l.values.compactMap { $0 } }
        return out
    }

    func svg(id: String) -> String {
        let y = LinearScale(covering: extent, from: bottom, to: top)
        var out = SVG.open(id: id, title: title, width: width, height: height)
        let legendItems = groups.flatMap { $0 }.map { ($0.name, $0.color) } + lines.map { ($0.name, $0.color) }
        if legendItems.count > 1 || !lines.isEmpty { out += SVG.legend(legendItems, x: left, y: 40) }
        out += SVG.valueAxis(y, left: left, right: right, label: yLabel)
        out += categoryAxis(y)
        out += "<g class=\"marks\">" + bars(y) + lineMarks(y) + "</g>\n"
        return out + "</svg>\n"
    }

    private func categoryAxis(_ y: LinearScale) -> String {
        var out = "<g class=\"axis\">" + SVG.line(left, y(0), right, y(0), stroke: Palette.muted)
        for (i, lines) in labelLines.enumerated() {
            let x = left + band * (Double(i) + 0.5)
            for (k, part) in lines.enumerated() {
                out += SVG.text(part, x: x, y: bottom + 16 + Double(k) * 13, anchor: "middle")
            }
        }
        out += SVG.text(xLabel, x: (left + right) / 2, y: height - 8, anchor: "middle")
        return out + "</g>\n"
    }

    private func bars(_ y: LinearScale) -> String {
        var out = ""
        let groupWidth = band * 0.8 / Double(max(groups.count, 1))
        // Values this small against the axis are solver round-off: no sliver is drawn for them.
        let noise = (y.upper - y.lower) * 1e-9
        for (i, c) in categories.enumerated() {
            for (g, group) in groups.enumerated() {
                let x = left + band * Double(i) + band * 0.1 + groupWidth * Double(g)
                var stack = 0.0
                for s in group where i < s.values.count {
                    let v = s.values[i]
                    let from = s.base?[i] ?? stack
                    if s.base == nil { stack += v }
                    let (a, b) = (y(from), y(from + v))
                    let fill = s.colors?[i] ?? s.color
                    out += SVG.rect(x: x + 1, y: min(a, b), w: groupWidth - 2, h: max(abs(a - b), abs(v) > noise ? 0.5 : 0), fill: fill,
                                    tip: "\(c) · \(s.name): \(Fmt.n(v, abs(v) < 10 ? 2 : 0)) \(yLabel)")
                }
            }
        }
        return out
    }

    private func lineMarks(_ y: LinearScale) -> String {
        var out = ""
        for l in lines {
            let points = l.values.enumerated().compactMap { i, v in v.map { (left + band * (Double(i) + 0.5), y($0), $0, i) } }
            if l.connect && points.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"\(l.color)\" stroke-width=\"2\"" + (l.dashed ? " stroke-dasharray=\"6 3\"" : "")
                    + " points=\"" + points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ") + "\"/>"
            }
            for p in points {
                let tip = "\(categories[p.3]) · \(l.name): \(Fmt.n(p.2, abs(p.2) < 10 ? 2 : 0)) \(yLabel)"
                if l.connect {
                    out += "<circle cx=\"\(SVG.n(p.0))\" cy=\"\(SVG.n(p.1))\" r=\"3.5\" fill=\"\(l.color)\"><title>\(esc(tip))</title></circle>"
                } else {
                    let half = band * 0.42
                    out += "<line x1=\"\(SVG.n(p.0 - half))\" y1=\"\(SVG.n(p.1))\" x2=\"\(SVG.n(p.0 + half))\" y2=\"\(SVG.n(p.1))\" "
                        + "stroke=\"\(l.color)\" stroke-width=\"3\"><title>\(esc(tip))</title></line>"
                }
            }
        }
        return out
    }
}
