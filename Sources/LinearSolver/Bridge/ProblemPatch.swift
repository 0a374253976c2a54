import CGLPKGuard

/// A problem's matrix grouped by column, rows ascending inside each column: a canonical form, so two problems
/// with the same coefficients compare equal whatever order their triplets were appended in (the planner's
/// formulation appends them in dictionary order, which differs from one build to the next).
struct SortedColumns: Equatable {
    /// Column j's entries are `row[start[j] ..< start[j + 1]]` (0-based rows) with `value` alongside.
    var start: [Int32]
    var row: [Int32]
    var value: [Double]

    /// `nil` when an entry's index is out of range (the full validation reports it).
    init?(_ p: LinearProblem) {
        let m = p.rows.count, n = p.columns.count, ne = p.entries.count
        var start = [Int32](repeating: 0, count: n + 1)
        var row = [Int32](repeating: 0, count: ne)
        var value = [Double](repeating: 0, count: ne)
        let ok: Bool = p.entries.withUnsafeBufferPointer { es in
            for e in es {
                guard e.row >= 0, e.row < m, e.column >= 0, e.column < n else { return false }
                start[e.column + 1] &+= 1
            }
            for j in 0..<n { start[j + 1] &+= start[j] }
            var cursor = start
            row.withUnsafeMutableBufferPointer { rb in
                value.withUnsafeMutableBufferPointer { vb in
                    for e in es {
                        let slot = Int(cursor[e.column])
                        cursor[e.column] &+= 1
                        rb[slot] = Int32(truncatingIfNeeded: e.row)
                        vb[slot] = e.value
                    }
                    // Insertion sort by row inside each column (columns are short).
                    for j in 0..<n {
                        let lo = Int(start[j]), hi = Int(start[j + 1])
                        if hi - lo < 2 { continue }
                        for a in (lo + 1)..<hi {
                            let r = rb[a], v = vb[a]
                            var b = a - 1
                            while b >= lo && rb[b] > r { rb[b + 1] = rb[b]; vb[b + 1] = vb[b]; b -= 1 }
                            rb[b + 1] = r; vb[b + 1] = v
                        }
                    }
                }
            }
            return true
        }
        guard ok else { return nil }
        self.start = start; self.row = row; self.value = value
    }

    /// The entries in this canonical order (by column, rows ascending).
    func entries() -> [LinearProblem.Entry] {
        var out: [LinearProblem.Entry] = []
        out.reserveCapacity(row.count)
        for j in 0..<(start.count - 1) {
            for k in Int(start[j])..<Int(start[j + 1]) { out.append(.init(row: Int(row[k]), column: j, value: value[k])) }
        }
        return out
    }

    /// Column j's entries equal between `self` and `other` (same rows, same values).
    func columnEquals(_ j: Int, _ other: SortedColumns) -> Bool {
        let a0 = Int(start[j]), a1 = Int(start[j + 1]), b0 = Int(other.start[j]), b1 = Int(other.start[j + 1])
        guard a1 - a0 == b1 - b0 else { return false }
        for k in 0..<(a1 - a0) where row[a0 + k] != other.row[b0 + k] || value[a0 + k] != other.value[b0 + k] {
            return false
        }
        return true
    }

    /// True when column j has a finite value everywhere and no row twice (rows are sorted: duplicates adjacent).
    func columnValid(_ j: Int) -> Bool {
        let a0 = Int(start[j]), a1 = Int(start[j + 1])
        for k in a0..<a1 {
            if !value[k].isFinite { return false }
            if k > a0 && row[k] == row[k - 1] { return false }
        }
        return true
    }
}

/// What differs between two `LinearProblem`s with the same rows and columns, in the flat arrays
/// `cglpk_kept_solve` applies to a kept GLPK problem: changed row bounds, changed column bounds or objective
/// coefficients, and matrix columns whose entries changed (sent whole, so a column's sparsity may change too).
///
/// "Same rows and columns" means equal counts, names and column kinds. Only what changed needs checking again:
/// `valuesValid` is false when a changed item breaks a validation rule, and the caller then runs the full
/// validation for its message.
struct ProblemPatch {
    var maximize: Int32
    var objectiveConstant: Double
    var rows: [Int32] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    var columns: [Int32] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var objective: [Double] = []
    var matrixColumns: [Int32] = []
    /// Compressed changed columns, 1-based layout with a dummy slot 0 (as in `FlatProblem`).
    var matrixStart: [Int32] = [0]
    var matrixRow: [Int32] = [0]
    var matrixValue: [Double] = [0]
    /// False when a changed value breaks a validation rule (NaN, infinite, lower > upper, duplicate entry).
    var valuesValid = true

    /// Number of changed items (rows + columns + matrix columns).
    var changeCount: Int { rows.count + columns.count + matrixColumns.count }

    /// The patch from `old` (matrix `oldMatrix`) to `new` (matrix `newMatrix`), or `nil` when their rows or
    /// columns differ (the kept problem must be rebuilt).
    init?(from old: LinearProblem, _ oldMatrix: SortedColumns, to new: LinearProblem, _ newMatrix: SortedColumns) {
        guard old.rows.count == new.rows.count, old.columns.count == new.columns.count else { return nil }
        maximize = new.sense == .maximize ? 1 : 0
        objectiveConstant = new.objectiveConstant
        if !objectiveConstant.isFinite { valuesValid = false }
        for i in new.rows.indices {
            let a = old.rows[i], b = new.rows[i]
            guard a.name == b.name else { return nil }
            if a.lower != b.lower || a.upper != b.upper {
                rows.append(Int32(i)); rowLower.append(b.lower); rowUpper.append(b.upper)
                if !Self.boundsValid(b.lower, b.upper) { valuesValid = false }
            }
        }
        for j in new.columns.indices {
            let a = old.columns[j], b = new.columns[j]
            guard a.name == b.name, a.kind == b.kind else { return nil }
            if a.lower != b.lower || a.upper != b.upper || a.objective != b.objective {
                columns.append(Int32(j)); columnLower.append(b.lower); columnUpper.append(b.upper)
                objective.append(b.objective)
                if !Self.boundsValid(b.lower, b.upper) || !b.objective.isFinite { valuesValid = false }
            }
            if !newMatrix.columnEquals(j, oldMatrix) {
                if !newMatrix.columnValid(j) { valuesValid = false }
                matrixColumns.append(Int32(j))
                let a0 = Int(newMatrix.start[j]), a1 = Int(newMatrix.start[j + 1])
                for k in a0..<a1 {
                    matrixRow.append(newMatrix.row[k] + 1)
                    matrixValue.append(newMatrix.value[k])
                }
                matrixStart.append(Int32(matrixRow.count - 1))
            }
        }
    }

    /// The bound rules of `LinearProblem.validationIssues()`.
    private static func boundsValid(_ lower: Double, _ upper: Double) -> Bool {
        !lower.isNaN && !upper.isNaN && lower != .infinity && upper != -.infinity && !(lower > upper)
    }

    /// Calls `body` with a `cglpk_patch` whose pointers are valid for the duration of the call only.
    func withCPatch<R>(_ body: (UnsafePointer<cglpk_patch>) throws -> R) rethrows -> R {
        try rows.withUnsafeBufferPointer { r in
        try rowLower.withUnsafeBufferPointer { rl in
        try rowUpper.withUnsafeBufferPointer { ru in
        try columns.withUnsafeBufferPointer { c in
        try columnLower.withUnsafeBufferPointer { cl in
        try columnUpper.withUnsafeBufferPointer { cu in
        try objective.withUnsafeBufferPointer { ob in
        try matrixColumns.withUnsafeBufferPointer { mc in
        try matrixStart.withUnsafeBufferPointer { ms in
        try matrixRow.withUnsafeBufferPointer { mr in
        try matrixValue.withUnsafeBufferPointer { mv in
            var p = cglpk_patch(
                maximize: maximize, obj_const: objectiveConstant,
                n_rows: Int32(rows.count), rows: r.baseAddress, row_lb: rl.baseAddress, row_ub: ru.baseAddress,
                n_cols: Int32(columns.count), cols: c.baseAddress, col_lb: cl.baseAddress, col_ub: cu.baseAddress,
                obj: ob.baseAddress,
                n_mat_cols: Int32(matrixColumns.count), mat_cols: mc.baseAddress, mat_start: ms.baseAddress,
                mat_row_ind: mr.baseAddress, mat_val: mv.baseAddress)
            return try withUnsafePointer(to: &p) { try body($0) }
        }}}}}}}}}}}
    }
}
