import Foundation
import Testing

/// `--format xlsx` read back by an independent reader (Python's openpyxl, installed by .ci/setup); skipped,
/// saying so, where it is missing.
@Suite struct WorkbookTests {
    /// `python3` as found on PATH (through /usr/bin/env).
    static let env = URL(fileURLWithPath: "/usr/bin/env")

    static let hasOpenpyxl: Bool = {
        (try? CLIRunner.run(env, ["python3", "-c", "import openpyxl"]).status) == 0
    }()

    /// Dumps every sheet as JSON: {sheet: [[cell, ...], ...]}, numbers as numbers, text as strings.
    static let dump = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
    print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}))
    """

    func sheets(_ path: String) throws -> [String: [[Any]]] {
        let r = try CLIRunner.run(Self.env, ["python3", "-c", Self.dump, path])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [[Any]]])
        return o
    }

    @Test(.enabled(if: hasOpenpyxl, "Python's openpyxl is not installed (.ci/setup installs it); workbook test skipped"))
    func flagshipWorkbookHoldsThePlansNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("plan.xlsx").path
        #expect(try CLIRunner.run(["optimize", "Models/vietnam-2030.yaml", "--format", "xlsx", "--output", book]).status == 0)
        let j = try CLIRunner.run(["optimize", "Models/vietnam-2030.yaml", "--format", "json"])
        let plan = try #require(JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let s = try sheets(book)
        #expect(Set(s.keys) == ["summary", "financials", "products", "purchases", "utilization", "bottlenecks", "dies", "fab"])

        // products: header with units, then one row per product-period, numbers typed (not text), equal to the JSON.
        let products = try #require(s["products"])
        #expect(products[0].map { "\($0)" } == ["product", "period", "starts (units)", "good output (units)", "demand (units)",
                                                "unmet (units)", "inventory (units)", "limited by"])
        let jp = try #require(plan["products"] as? [[String: Any]])
        #expect(products.count == jp.count + 1)
        for (row, p) in zip(products.dropFirst(), jp) {
            #expect(row[0] as? String == p["product"] as? String && row[1] as? String == p["period"] as? String)
            for (k, key) in ["starts", "goodOutput", "demand", "unmet", "inventory"].enumerated() {
                let cell = try #require(row[2 + k] as? Double, "\(key) is not a number cell")
                let want = try #require(p[key] as? Double)
                #expect(abs(cell - want) <= 1e-9 * max(1, abs(want)))
            }
        }
        // purchases: tools and capital per order.
        let purchases = try #require(s["purchases"])
        let jq = try #require(plan["purchases"] as? [[String: Any]])
        #expect(purchases.count == jq.count + 1)
        #expect(purchases[0].last as? String == "capital spend (USD)")
        for (row, q) in zip(purchases.dropFirst(), jq) {
            #expect(row[4] as? Double == q["tools"] as? Double && row[5] as? Double == q["capitalSpend"] as? Double)
        }
        // financials: profit row equals financials.profit.
        let fin = try #require(plan["financials"] as? [String: Any])
        let profit = try #require(s["financials"]?.first { $0.first as? String == "profit" })
        #expect(abs((profit[1] as? Double ?? 0) - (fin["profit"] as? Double ?? -1)) < 1e-6)
    }
}
