/// A plain-text table for the terminal: numeric columns right-aligned, and fitted to `width` columns by
/// narrowing the text columns and wrapping their cells (and the headers) onto continuation lines, so no cell
/// is cut. Numeric cells are never broken; a table whose numbers alone are wider than `width` overflows.
struct TextTable {
    var title: String
    var header: [String]
    var rows: [[String]] = []
    /// Most characters per line; nil for no limit.
    var width: Int?

    /// Columns between cells; one when two do not fit.
    static let gap = 2
    /// A text column is not narrowed below this (or its longest header word).
    static let narrowestTextColumn = 8

    /// `title` is printed on its own line above the table unless empty.
    init(_ title: String, header: [String], width: Int? = TerminalWidth.current) {
        self.title = title
        self.header = header
        self.width = width
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let n = header.count
        let cells = rows.map { r in (0..<n).map { $0 < r.count ? r[$0] : "" } }
        let numeric = (0..<n).map { i in cells.allSatisfy { $0[i].isEmpty || Self.isNumeric($0[i]) } && !cells.isEmpty }
        var gap = Self.gap
        var widths = fittedWidths(cells, numeric: numeric, gap: gap)
        if let width, Self.total(widths, gap: gap) > width {
            gap = 1
            widths = fittedWidths(cells, numeric: numeric, gap: gap)
        }
        var out = title.isEmpty ? "" : "\(title)\n"
        out += lines(header, widths: widths, numeric: numeric, gap: gap)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
        for r in cells { out += lines(r, widths: widths, numeric: numeric, gap: gap) }
        return out
    }

    /// Natural column widths, then text columns narrowed (widest first) until the table fits `width`.
    static func total(_ widths: [Int], gap: Int) -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }

    private func fittedWidths(_ cells: [[String]], numeric: [Bool], gap: Int) -> [Int] {
        var widths = header.map { $0.count }
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], Self.longestLine(c)) } }
        guard let width else { return widths }
        let headerWord = header.map { Self.words($0).map(\.count).max() ?? 1 }
        let cellWord = header.indices.map { i in cells.map { Self.words($0[i]).map(\.count).max() ?? 0 }.max() ?? 0 }
        // First narrow without breaking words, then (if still too wide) down to the narrowest text column.
        let wholeWords = header.indices.map { numeric[$0] ? widths[$0] : max(headerWord[$0], min(widths[$0], cellWord[$0])) }
        let broken = header.indices.map { numeric[$0] ? widths[$0] : max(headerWord[$0], min(widths[$0], Self.narrowestTextColumn)) }
        func total() -> Int { Self.total(widths, gap: gap) }
        for floor in [wholeWords, broken] {
            while total() > width {
                guard let i = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
        }
        return widths
    }

    /// One row as one or more printed lines (cells wrapped to their column's width).
    private func lines(_ row: [String], widths: [Int], numeric: [Bool], gap: Int) -> String {
        let wrapped = row.enumerated().map { i, c in Self.wrap(c, to: widths[i]) }
        let height = wrapped.map(\.count).max() ?? 1
        var out = ""
        for k in 0..<height {
            let line = wrapped.enumerated().map { i, parts -> String in
                let c = k < parts.count ? parts[k] : ""
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return numeric[i] ? pad + c : c + pad
            }.joined(separator: String(repeating: " ", count: gap))
            out += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        return out
    }

    static func isNumeric(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        return (first.isNumber || first == "-" || first == "+") && (last.isNumber || last == "%")
            && !s.contains(" ")
    }

    static func words(_ s: String) -> [Substring] { s.split(separator: " ", omittingEmptySubsequences: true) }

    static func longestLine(_ s: String) -> Int { s.split(separator: "\n").map(\.count).max() ?? 0 }

    /// Greedy word wrap to `width` characters; explicit newlines break; words longer than `width` are split
    /// (after a hyphen or slash where one fits).
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for var word in words(String(paragraph)).map(String.init) {
                while word.count > width {
                    if !line.isEmpty { lines.append(line); line = "" }
                    // Break after the last hyphen or slash that fits, else at the width.
                    let head = word.prefix(width)
                    let cut = head.lastIndex(where: { $0 == "-" || $0 == "/" }).map { head.distance(from: head.startIndex, to: $0) + 1 } ?? width
                    lines.append(String(word.prefix(cut)))
                    word = String(word.dropFirst(cut))
                }
                if line.isEmpty { line = word } else if line.count + 1 + word.count <= width { line += " " + word } else {
                    lines.append(line)
                    line = word
                }
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
    }
}
