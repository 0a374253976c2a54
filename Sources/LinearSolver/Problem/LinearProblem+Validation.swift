/// Checks that GLPK will accept a `LinearProblem` without aborting and that it means what it says.
///
/// Every issue is reported (up to `LinearProblem.maxReportedIssues`), each naming the row or column (by name and
/// 0-based index) and what is wrong with it. The rules are the ones GLPK needs (see docs/solver.md):
/// finite coefficients, no NaN bounds, no `+∞` lower or `−∞` upper bound, `lower ≤ upper`, integral bounds on
/// integer columns, binary bounds inside [0, 1], indices in range, no duplicate (row, column) entry, names of at
/// most 255 UTF-8 bytes without control characters, and no two rows (or two columns) with the same name.
extension LinearProblem {
    /// At most this many issues are listed; the rest are summarised in one final line.
    public static let maxReportedIssues = 100

    /// Longest name GLPK accepts, in UTF-8 bytes.
    public static let maxNameBytes = 255

    /// Throws `SolverError.invalidProblem` listing every issue, or returns if the problem is valid.
    public func validate() throws {
        let issues = validationIssues()
        if !issues.isEmpty { throw SolverError.invalidProblem(issues) }
    }

    /// Every issue of the problem, as readable messages (empty when valid).
    public func validationIssues() -> [String] {
        var report = IssueList(limit: Self.maxReportedIssues)
        checkCounts(&report)
        checkObjective(&report)
        checkName(name, what: "problem name", &report)
        checkRows(&report)
        checkColumns(&report)
        checkEntries(&report)
        return report.finish()
    }

    /// How a row is named in messages: `row 'cap_A' (#3)`, or `row #3` when unnamed.
    func describeRow(_ i: Int) -> String {
        rows[i].name.isEmpty ? "row #\(i)" : "row '\(rows[i].name)' (#\(i))"
    }

    /// How a column is named in messages: `column 'x' (#0)`, or `column #0` when unnamed.
    func describeColumn(_ j: Int) -> String {
        columns[j].name.isEmpty ? "column #\(j)" : "column '\(columns[j].name)' (#\(j))"
    }

    private func checkCounts(_ report: inout IssueList) {
        let limit = Int(Int32.max) - 1
        if rows.count > limit { report.add("too many rows (\(rows.count)); GLPK allows at most \(limit)") }
        if columns.count > limit { report.add("too many columns (\(columns.count)); GLPK allows at most \(limit)") }
        if entries.count > limit { report.add("too many nonzeros (\(entries.count)); GLPK allows at most \(limit)") }
    }

    private func checkObjective(_ report: inout IssueList) {
        if !objectiveConstant.isFinite { report.add("objective constant is \(objectiveConstant); it must be finite") }
    }

    private func checkRows(_ report: inout IssueList) {
        var seen: [String: Int] = [:]
        for (i, row) in rows.enumerated() {
            let who = describeRow(i)
            checkBounds(lower: row.lower, upper: row.upper, who: who, &report)
            checkName(row.name, what: who, &report)
            if !row.name.isEmpty {
                if let first = seen[row.name] { report.add("\(who): duplicate name, also used by row #\(first)") }
                else { seen[row.name] = i }
            }
        }
    }

    private func checkColumns(_ report: inout IssueList) {
        var seen: [String: Int] = [:]
        for (j, column) in columns.enumerated() {
            let who = describeColumn(j)
            checkBounds(lower: column.lower, upper: column.upper, who: who, &report)
            if !column.objective.isFinite { report.add("\(who): objective coefficient is \(column.objective); it must be finite") }
            switch column.kind {
            case .continuous: break
            case .integer:
                for (label, b) in [("lower", column.lower), ("upper", column.upper)] where b.isFinite && b != b.rounded() {
                    report.add("\(who): integer column has fractional \(label) bound \(b)")
                }
            case .binary:
                let lowerOK = column.lower == 0 || column.lower == 1
                let upperOK = column.upper == 0 || column.upper == 1 || column.upper == .infinity
                if !lowerOK || !upperOK {
                    report.add("\(who): binary column has bounds [\(column.lower), \(column.upper)] outside [0, 1]")
                }
            }
            checkName(column.name, what: who, &report)
            if !column.name.isEmpty {
                if let first = seen[column.name] { report.add("\(who): duplicate name, also used by column #\(first)") }
                else { seen[column.name] = j }
            }
        }
    }

    private func checkBounds(lower: Double, upper: Double, who: String, _ report: inout IssueList) {
        if lower.isNaN { report.add("\(who): lower bound is NaN") }
        if upper.isNaN { report.add("\(who): upper bound is NaN") }
        if lower == .infinity { report.add("\(who): lower bound is +infinity") }
        if upper == -.infinity { report.add("\(who): upper bound is -infinity") }
        if lower > upper, lower != .infinity, upper != -.infinity {
            report.add("\(who): lower bound \(lower) is greater than upper bound \(upper)")
        }
    }

    private func checkName(_ name: String, what: String, _ report: inout IssueList) {
        if name.isEmpty { return }
        let bytes = name.utf8.count
        if bytes > Self.maxNameBytes {
            report.add("\(what): name is \(bytes) bytes long; at most \(Self.maxNameBytes) allowed")
        }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            report.add("\(what): name contains a control character")
        }
    }

    /// Index range, finiteness and duplicates of the matrix entries, in O(entries + rows + columns).
    private func checkEntries(_ report: inout IssueList) {
        let m = rows.count, n = columns.count
        var columnCounts = [Int32](repeating: 0, count: n + 1)
        var inRange = true
        entries.withUnsafeBufferPointer { es in
            for k in es.indices {
                let e = es[k]
                let rowOK = e.row >= 0 && e.row < m
                let colOK = e.column >= 0 && e.column < n
                if !rowOK { report.add("entry #\(k): row index \(e.row) out of range 0..<\(m)") }
                if !colOK { report.add("entry #\(k): column index \(e.column) out of range 0..<\(n)") }
                if rowOK && colOK {
                    columnCounts[e.column + 1] &+= 1
                    if !e.value.isFinite {
                        report.add("entry #\(k) (\(describeRow(e.row)), \(describeColumn(e.column))): coefficient is \(e.value)")
                    }
                } else {
                    inRange = false
                }
            }
        }
        guard inRange, !entries.isEmpty else { return }
        // Bucket entry numbers by column, then mark rows per column: a row seen twice in one column is a duplicate.
        for j in 0..<n { columnCounts[j + 1] &+= columnCounts[j] }
        var cursor = columnCounts
        var byColumn = [Int32](repeating: 0, count: entries.count)
        entries.withUnsafeBufferPointer { es in
            for k in es.indices {
                let c = es[k].column
                byColumn[Int(cursor[c])] = Int32(truncatingIfNeeded: k)
                cursor[c] &+= 1
            }
        }
        var lastColumnOfRow = [Int32](repeating: -1, count: m)
        var firstEntryOfRow = [Int32](repeating: -1, count: m)
        entries.withUnsafeBufferPointer { es in
            for j in 0..<n {
                for slot in Int(columnCounts[j])..<Int(columnCounts[j + 1]) {
                    let k = Int(byColumn[slot])
                    let r = es[k].row
                    if lastColumnOfRow[r] == Int32(j) {
                        report.add("entry #\(k) (\(describeRow(r)), \(describeColumn(j))): duplicate of entry #\(firstEntryOfRow[r])")
                    } else {
                        lastColumnOfRow[r] = Int32(j)
                        firstEntryOfRow[r] = Int32(truncatingIfNeeded: k)
                    }
                }
            }
        }
    }
}

/// Collects issue messages up to a limit and counts the rest.
struct IssueList {
    let limit: Int
    private(set) var messages: [String] = []
    private(set) var omitted = 0

    init(limit: Int) { self.limit = limit }

    mutating func add(_ message: @autoclosure () -> String) {
        if messages.count < limit { messages.append(message()) } else { omitted += 1 }
    }

    func finish() -> [String] {
        omitted == 0 ? messages : messages + ["... and \(omitted) more issue(s)"]
    }
}
