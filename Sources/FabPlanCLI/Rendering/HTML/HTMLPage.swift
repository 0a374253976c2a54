/// Escapes text for HTML and SVG element content and attribute values.
func esc(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

/// One self-contained HTML report: inline CSS, inline SVG charts, one small inline script, and a content
/// security policy that forbids every network fetch. Prints to PDF cleanly (A4/Letter, charts kept whole,
/// every table view opened for print). See docs/reports.md.
struct HTMLPage {
    var title: String
    var subtitle: String
    private var body = ""
    private var chartCount = 0

    init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    mutating func section(_ heading: String) { body += "<h2>\(esc(heading))</h2>\n" }

    mutating func paragraph(_ text: String) { body += "<p>\(esc(text))</p>\n" }

    /// Key figures as tiles: label above, value below.
    mutating func keyFigures(_ items: [(label: String, value: String)]) {
        body += "<div class=\"kpis\">" + items.map { "<div class=\"kpi\"><span>\(esc($0.label))</span><b>\(esc($0.value))</b></div>" }
            .joined() + "</div>\n"
    }

    /// A chart: its SVG, then its numbers as a table (collapsed on screen, opened for print).
    mutating func chart(_ chart: Chart) {
        chartCount += 1
        body += "<figure class=\"chart\">\n" + chart.svg(id: "chart-\(chartCount)")
        body += "<details><summary>Table: \(esc(chart.title))</summary>\n" + Self.table(chart.data) + "</details>\n</figure>\n"
    }

    /// A table shown as it is.
    mutating func table(_ caption: String, _ data: DataTable) {
        body += "<h3>\(esc(caption))</h3>\n" + Self.table(data)
    }

    mutating func list(_ items: [String]) {
        body += "<ul>" + items.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n"
    }

    static func table(_ data: DataTable) -> String {
        var out = "<table><thead><tr>" + data.columns.map { "<th>\(esc($0.label))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in data.rows {
            out += "<tr>" + r.map { c -> String in
                switch c {
                case .number(let x): return "<td class=\"n\">\(esc(cellNumber(x)))</td>"
                case .text(let s): return "<td>\(esc(s))</td>"
                case .empty: return "<td></td>"
                }
            }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// Numbers in HTML tables: grouped, with decimals only where the value needs them.
    static func cellNumber(_ x: Double) -> String {
        let a = abs(x)
        if a < 5e-7 { return "0" }  // solver round-off on a zero quantity
        if a >= 1000 || x == x.rounded() { return Fmt.n(x) }
        return a >= 1 ? Fmt.n(x, 2) : Fmt.n(x, 4)
    }

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="fabplan">
        <title>\(esc(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header><h1>\(esc(title))</h1><p class="sub">\(esc(subtitle))</p></header>
        <main>
        \(body)</main>
        <pre id="render-check" hidden></pre>
        <script>\(Self.script)</script>
        </body>
        </html>

        """
    }

    static let css = """
    :root{--ink:#1d2733;--muted:#5b6673;--grid:#e3e7ec;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink)}
    body{margin:0 auto;max-width:1040px;padding:24px;line-height:1.4}
    h1{font-size:1.6em;margin:0}h2{margin-top:2em;border-bottom:2px solid var(--grid);padding-bottom:4px}h3{margin-bottom:4px}
    .sub{color:var(--muted);margin-top:4px}
    .kpis{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
    .kpi{border:1px solid var(--grid);border-radius:6px;padding:8px 12px;min-width:150px}
    .kpi span{display:block;color:var(--muted);font-size:.85em}.kpi b{font-size:1.2em}
    figure.chart{margin:18px 0;break-inside:avoid;page-break-inside:avoid}
    svg.chart{width:100%;height:auto;display:block;font-size:12px}
    svg.chart text{fill:var(--ink)}svg.chart .axis text{fill:var(--muted)}svg.chart .title{font-size:15px;font-weight:600}
    svg.chart .grid line{stroke:var(--grid)}svg.chart rect:hover,svg.chart circle:hover{opacity:.75}
    details{margin-top:4px}summary{cursor:pointer;color:var(--muted);font-size:.9em}
    table{border-collapse:collapse;font-size:.85em;margin:6px 0;width:100%}
    th,td{border-bottom:1px solid var(--grid);padding:3px 6px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    th{background:#f4f6f8}
    @media print{body{max-width:none;padding:0}summary{display:none}h2{break-after:avoid}table{font-size:9pt}tr{break-inside:avoid}}
    @page{margin:14mm}
    """

    /// Opens every table view for print, and records each chart's rendered size, the page's height and any script
    /// error or blocked fetch in #render-check (read by the browser test; harmless otherwise).
    static let script = """
    (function(){var errors=[];
    window.addEventListener('error',function(e){errors.push(String(e.message))});
    document.addEventListener('securitypolicyviolation',function(e){errors.push('blocked: '+e.blockedURI)});
    window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});
    window.addEventListener('load',function(){var charts=[];document.querySelectorAll('svg.chart').forEach(function(s){
    var b=s.getBoundingClientRect();charts.push({id:s.id,title:s.getAttribute('aria-label'),width:b.width,height:b.height,
    marks:s.querySelectorAll('.marks rect,.marks circle,.marks polyline,.marks line').length})});
    document.getElementById('render-check').textContent=JSON.stringify({charts:charts,errors:errors,
    pageHeight:document.documentElement.scrollHeight})});})();
    """
}
