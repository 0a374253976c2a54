import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`, installed by .ci/setup) opens the HTML reports of the flagship plan,
/// a compare and a Monte Carlo run: no script error or blocked fetch, every chart laid out with a non-zero size
/// and marks drawn, a screenshot and a printed PDF of each under .build/browser-screenshots/. Skipped, saying so, where no
/// Chromium is installed.
@Suite struct ReportBrowserTests {
    static let browser: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }

    static let screenshots = packageRoot() + "/.build/browser-screenshots"

    /// What the page's own script measured after load (HTMLPage.script).
    struct RenderCheck: Decodable {
        struct ChartSize: Decodable { var id: String; var title: String?; var width: Double; var height: Double; var marks: Int }
        var charts: [ChartSize]
        var errors: [String]
        /// Height of the whole page at the default window width, CSS pixels.
        var pageHeight: Double
    }

    /// Writes the report of `args` (plus --format html --output FILE), opens it, returns the measurements.
    func render(_ name: String, _ args: [String]) throws -> (check: RenderCheck, html: String, browserLog: String) {
        let browser = try #require(Self.browser)
        try FileManager.default.createDirectory(atPath: Self.screenshots, withIntermediateDirectories: true)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-browser-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let page = work.appendingPathComponent("\(name).html")
        let made = try CLIRunner.run(args + ["--format", "html", "--output", page.path])
        #expect(made.status == 0, "\(made.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Each run gets its own profile, so tests running at once do not share a browser.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(work.path)/profile",
                      "--enable-logging=stderr", "--v=0", "--hide-scrollbars"]
        let dom = try CLIRunner.run(browser, common + ["--window-size=1100,900", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString])
        let json = try #require(Self.between(dom.stdout, "<pre id=\"render-check\" hidden=\"\">", "</pre>"))
        let check = try JSONDecoder().decode(RenderCheck.self, from: Data(Self.unescape(json).utf8))
        // The screenshot is as tall as the page, so it shows every chart.
        let height = Int(min(max(check.pageHeight, 900), 20_000)) + 40
        let shot = try CLIRunner.run(browser, common + ["--window-size=1100,\(height)", "--screenshot=\(Self.screenshots)/\(name).png",
                                                        page.absoluteString])
        #expect(shot.status == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: "\(Self.screenshots)/\(name).png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
        // Printing to PDF works (the print stylesheet opens every table view): a PDF file with content.
        let pdf = "\(Self.screenshots)/\(name).pdf"
        let printed = try CLIRunner.run(browser, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", page.absoluteString])
        #expect(printed.status == 0)
        let pdfData = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pdfData.starts(with: Array("%PDF".utf8)) && pdfData.count > 20_000)
        return (check, html, dom.stderr + shot.stderr + printed.stderr)
    }

    /// Every chart drawn, none empty; no errors; no console output; no address the page could fetch.
    func expectRendered(_ r: (check: RenderCheck, html: String, browserLog: String), charts: Int) {
        #expect(r.check.errors.isEmpty, "page errors: \(r.check.errors)")
        #expect(!r.browserLog.contains("CONSOLE"), "console output: \(r.browserLog)")
        #expect(r.check.charts.count == charts)
        #expect(r.html.components(separatedBy: "<svg class=\"chart\"").count - 1 == charts)
        for c in r.check.charts {
            #expect(c.width > 100 && c.height > 50 && c.marks > 0, "chart \(c.id) (\(c.title ?? "")): \(c.width)x\(c.height), \(c.marks) marks")
        }
        // The only URL in a report is the SVG namespace (never fetched); the CSP forbids every fetch anyway.
        let urls = r.html.components(separatedBy: "://").count - 1
        let namespaces = r.html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(urls == namespaces)
        #expect(r.html.contains("default-src 'none'"))
    }

    @Test(.enabled(if: browser != nil, "Chromium is not installed (.ci/setup installs Debian's chromium); browser test skipped"))
    func flagshipPlanReportRendersEveryChart() throws {
        let r = try render("flagship-plan", ["optimize", "Models/vietnam-2030.yaml"])
        // 5 products (capacity vs demand) + utilization heatmap + purchase timeline + capital by period
        // + bottlenecks + fab vs ramp + 4 die types (cpu-die, dram-die, edge-ai-soc, rf-soc) + waterfall = 15.
        expectRendered(r, charts: 15)
        #expect(r.html.utf8.count < 2_000_000)
    }

    @Test(.enabled(if: browser != nil, "Chromium is not installed (.ci/setup installs Debian's chromium); browser test skipped"))
    func compareReportRendersEveryChart() throws {
        let r = try render("compare", ["compare", "Models/vietnam-2030.yaml", "Models/scenarios/budget-cut.yaml", "--lp"])
        // Profit, capital spend, unmet demand, tools bought: one bar chart each.
        expectRendered(r, charts: 4)
        #expect(r.html.contains("Bottleneck shift"))
    }

    @Test(.enabled(if: browser != nil, "Chromium is not installed (.ci/setup installs Debian's chromium); browser test skipped"))
    func monteCarloReportRendersEveryChart() throws {
        let r = try render("monte-carlo", ["optimize", "Models/teaching-fab-ramp.yaml", "--risk-trials", "2000"])
        // Plan: 1 product + heatmap + timeline + capital + fab + 1 die type + waterfall (no bottleneck: none binds) = 7;
        // risk: P(meet demand) + 1 product's planned vs simulated (+ binding stations when any binds).
        let binding = r.html.contains("Stations that bind most often") ? 1 : 0
        expectRendered(r, charts: 9 + binding)
    }

    static func between(_ s: String, _ a: String, _ b: String) -> String? {
        guard let start = s.range(of: a), let end = s.range(of: b, range: start.upperBound..<s.endIndex) else { return nil }
        return String(s[start.upperBound..<end.lowerBound])
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
