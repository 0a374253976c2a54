import Foundation

/// A chart of an HTML report: an inline SVG with a title, labelled axes with units and the numbers on hover,
/// and the same numbers as a table (`data`) so nothing is only a picture.
protocol Chart {
    var title: String { get }
    /// The chart's numbers as a table.
    var data: DataTable { get }
    /// The SVG element (class "chart"), `id` unique in the page.
    func svg(id: String) -> String
}

/// Colours of data series (colour-blind-friendly, distinct in greyscale print by order).
enum Palette {
    static let series = ["#3b6ea8", "#e07b39", "#5aa469", "#c44e52", "#8172b2", "#937860", "#d37fb8", "#7f7f7f"]
    static func color(_ i: Int) -> String { series[i % series.count] }
    static let positive = "#5aa469", negative = "#c44e52", total = "#3b6ea8", ink = "#1d2733", muted = "#5b6673"
}

/// A linear map from data values to SVG coordinates, with "nice" round ticks.
struct LinearScale {
    var lower: Double, upper: Double
    var from: Double, to: Double

    /// A scale covering `values` (and zero), widened to round tick steps.
    init(covering values: [Double], from: Double, to: Double) {
        let finite = values.filter(\.isFinite)
        var lo = min(0, finite.min() ?? 0), hi = max(0, finite.max() ?? 1)
        if hi - lo < 1e-12 { hi = lo + 1 }
        let step = LinearScale.niceStep((hi - lo) / 5)
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        self.lower = lo; self.upper = hi; self.from = from; self.to = to
    }

    func callAsFunction(_ v: Double) -> Double { from + (v - lower) / (upper - lower) * (to - from) }

    var ticks: [Double] {
        let step = LinearScale.niceStep((upper - lower) / 5)
        return stride(from: lower, through: upper + step * 1e-9, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let p = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * p >= raw { return m * p }
        return 10 * p
    }
}

/// SVG building blocks shared by the charts.
enum SVG {
    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    static func open(id: String, title: String, width: Double, height: Double) -> String {
        "<svg class=\"chart\" id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
            + "<title>\(esc(title))</title><text class=\"title\" x=\"8\" y=\"20\">\(esc(title))</text>\n"
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", cls: String? = nil, extra: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(cls.map { " class=\"\($0)\"" } ?? "")\(extra)>\(esc(s))</text>"
    }

    static func rect(x: Double, y: Double, w: Double, h: Double, fill: String, tip: String, extra: String = "") -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(w, 0)))\" height=\"\(n(max(h, 0)))\" fill=\"\(fill)\"\(extra)><title>\(esc(tip))</title></rect>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: Bool = false) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash ? " stroke-dasharray=\"5 3\"" : "") + "/>"
    }

    /// Legend entries in a row at `y`, starting at `x`.
    static func legend(_ items: [(name: String, color: String)], x: Double, y: Double) -> String {
        var out = "<g class=\"legend\">"
        var cx = x
        for item in items {
            out += "<rect x=\"\(n(cx))\" y=\"\(n(y - 9))\" width=\"10\" height=\"10\" fill=\"\(item.color)\"/>"
            out += text(item.name, x: cx + 14, y: y)
            cx += 24 + Double(item.name.count) * 6.6
        }
        return out + "</g>\n"
    }

    /// A vertical value axis with grid lines and an axis title, for a plot between `left` and `right`.
    static func valueAxis(_ scale: LinearScale, left: Double, right: Double, label: String) -> String {
        var out = "<g class=\"axis grid\">"
        for t in scale.ticks {
            out += line(left, scale(t), right, scale(t), stroke: "#e3e7ec")
            out += text(Fmt.short(t), x: left - 6, y: scale(t) + 4, anchor: "end")
        }
        let mid = (scale.from + scale.to) / 2
        out += text(label, x: 14, y: mid, anchor: "middle", extra: " transform=\"rotate(-90 14 \(n(mid)))\"")
        return out + "</g>\n"
    }

    /// Words of `s` in lines of at most `width` characters (for category labels).
    static func lines(_ s: String, width: Int) -> [String] { TextTable.wrap(s, to: width) }
}
