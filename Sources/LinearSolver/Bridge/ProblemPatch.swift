import CGLPKGuard

/// What differs between two `LinearProblem`s of the same structure, in the flat arrays `cglpk_kept_solve`
/// applies to a kept GLPK problem: changed row bounds, changed column bounds or objective coefficients, and
/// matrix columns whose coefficients changed (sent whole).
///
/// "Same structure" means equal row and column counts, names and kinds, and matrix entries at the same
/// (row, column) positions in the same order. Only values differ, so only values need checking again.
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
    /// False when a changed value breaks a validation rule (NaN, infinite, lower > upper): validate in full.
    var valuesValid = true

    /// Number of changed items (rows + columns + matrix columns).
    var changeCount: Int { rows.count + columns.count + matrixColumns.count }

    /// The patch from `old` to `new`, or `nil` when their structure differs (the kept problem must be rebuilt).
    init?(from old: LinearProblem, to new: LinearProblem) {
        guard old.rows.count == new.rows.count, old.columns.count == new.columns.count,
              old.entries.count == new.entries.count else { return nil }
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
        }
        // Matrix: same positions required; collect the columns whose values changed.
        var changed = [Bool](repeating: false, count: new.columns.count)
        var anyChanged = false
        let n = new.columns.count
        let structureSame: Bool = old.entries.withUnsafeBufferPointer { oe in
            new.entries.withUnsafeBufferPointer { ne in
                for k in ne.indices {
                    let a = oe[k], b = ne[k]
                    if a.row != b.row || a.column != b.column { return false }
                    if a.value != b.value {
                        guard b.column >= 0, b.column < n else { return false }
                        if !b.value.isFinite { valuesValid = false }
                        changed[b.column] = true
                        anyChanged = true
                    }
                }
                return true
            }
        }
        guard structureSame else { return nil }
        if anyChanged { addMatrixColumns(changed, of: new) }
    }

    private mutating func addMatrixColumns(_ changed: [Bool], of p: LinearProblem) {
        // Gather each changed column's entries in entry order (a column's entries need not be contiguous).
        var slotOfColumn = [Int32](repeating: -1, count: changed.count)
        for (j, c) in changed.enumerated() where c {
            slotOfColumn[j] = Int32(matrixColumns.count)
            matrixColumns.append(Int32(j))
        }
        var counts = [Int32](repeating: 0, count: matrixColumns.count + 1)
        for e in p.entries where changed[e.column] { counts[Int(slotOfColumn[e.column]) + 1] += 1 }
        for s in 0..<matrixColumns.count { counts[s + 1] += counts[s] }
        matrixStart = counts
        let total = Int(counts[matrixColumns.count])
        matrixRow = [Int32](repeating: 0, count: total + 1)
        matrixValue = [Double](repeating: 0, count: total + 1)
        var cursor = counts
        for e in p.entries where changed[e.column] {
            let s = Int(slotOfColumn[e.column])
            let slot = Int(cursor[s]) + 1
            cursor[s] += 1
            matrixRow[slot] = Int32(truncatingIfNeeded: e.row + 1)
            matrixValue[slot] = e.value
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
