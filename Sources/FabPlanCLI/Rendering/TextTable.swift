/// A plain-text table with aligned columns (numbers right-aligned), for terminal output.
struct TextTable {
    var title: String
    var header: [String]
    var rows: [[String]] = []

    init(_ title: String, header: [String]) {
        self.title = title
        self.header = header
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func isNumeric(_ s: String) -> Bool { s.first.map { $0.isNumber || $0 == "-" || $0 == "+" } ?? false && s.last.map { $0.isNumber || $0 == "%" } ?? false }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return isNumeric(c) ? pad + c : c + pad
            }.joined(separator: "  ")
        }
        var out = "\(title)\n" + line(header) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }
}

/// CSV with RFC 4180 quoting.
struct CSVTable {
    var header: [String]
    var rows: [[String]] = []
    init(header: [String]) { self.header = header }
    mutating func add(_ row: [String]) { rows.append(row) }
    func render() -> String {
        func q(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows).map { $0.map(q).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

import Foundation

/// Number formatting for reports: thousands separators, fixed decimals.
enum Fmt {
    static func n(_ v: Double, _ decimals: Int = 0) -> String {
        guard v.isFinite else { return v > 0 ? "inf" : (v < 0 ? "-inf" : "nan") }
        // Past what Int64 can hold (and far past any planning figure), fall back to scientific notation.
        guard abs(v) < 1e15 else { return String(format: "%.3e", v) }
        let neg = v < 0
        let scale = pow10(decimals)
        let r = (abs(v) * scale).rounded() / scale
        let intPart = r.rounded(.down)
        var digits = String(Int64(intPart))
        var grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits = String(digits.dropLast(3)) }
        grouped = digits + grouped
        var s = (neg && r != 0 ? "-" : "") + grouped
        if decimals > 0 {
            let frac = Int64(((r - intPart) * scale).rounded())
            let fs = String(frac)
            s += "." + String(repeating: "0", count: max(0, decimals - fs.count)) + fs
        }
        return s
    }
    static func pct(_ v: Double) -> String { n(v * 100, 1) + "%" }
    /// Plain number for CSV (no grouping).
    static func raw(_ v: Double) -> String { v.isFinite ? String(v) : (v > 0 ? "inf" : "-inf") }
    private static func pow10(_ d: Int) -> Double { var x = 1.0; for _ in 0..<d { x *= 10 }; return x }
}
