import CGLPKGuard

/// A validated `LinearProblem` laid out in the flat, 1-based arrays the C guard copies into GLPK in one call.
///
/// Building it is the only per-element work the layer does in Swift; the C side then loads rows, columns,
/// bounds, objective and matrix without calling back.
final class FlatProblem {
    let m: Int32
    let n: Int32
    let maximize: Int32
    let objectiveConstant: Double
    let objective: [Double]
    let columnLower: [Double]
    let columnUpper: [Double]
    let columnKind: [Int32]
    let hasIntegerColumns: Bool
    let rowLower: [Double]
    let rowUpper: [Double]
    let nonzeros: Int32
    /// Compressed columns: column j owns slots columnStart[j]+1 ... columnStart[j+1] of rowIndex/value
    /// (1-based rows; slot 0 is a dummy so each column's slice is the 1-based array GLPK expects).
    let columnStart: [Int32]
    let rowIndex: [Int32]
    let value: [Double]
    /// NUL-terminated names back to back; offsets below (-1 = unnamed). Empty pool = no names at all.
    let namePool: [CChar]
    let problemNameOffset: Int32
    let rowNameOffsets: [Int32]
    let columnNameOffsets: [Int32]

    /// Lays out `problem`, which must already be valid (`validationIssues()` empty).
    init(_ problem: LinearProblem) {
        m = Int32(problem.rows.count)
        n = Int32(problem.columns.count)
        maximize = problem.sense == .maximize ? 1 : 0
        objectiveConstant = problem.objectiveConstant
        let cols = problem.columns
        objective = cols.map(\.objective)
        columnLower = cols.map(\.lower)
        columnUpper = cols.map(\.upper)
        columnKind = cols.map { c -> Int32 in
            switch c.kind {
            case .continuous: return CGLPK_CONTINUOUS
            case .integer: return CGLPK_INTEGER
            case .binary: return CGLPK_BINARY
            }
        }
        hasIntegerColumns = problem.isMIP
        rowLower = problem.rows.map(\.lower)
        rowUpper = problem.rows.map(\.upper)

        let ne = problem.entries.count
        nonzeros = Int32(ne)
        (columnStart, rowIndex, value) = Self.compressedColumns(problem.entries, columns: problem.columns.count)

        var pool: [CChar] = []
        func add(_ name: String) -> Int32 {
            if name.isEmpty { return -1 }
            let offset = Int32(pool.count)
            for byte in name.utf8 { pool.append(CChar(bitPattern: byte)) }
            pool.append(0)
            return offset
        }
        problemNameOffset = add(problem.name)
        rowNameOffsets = problem.rows.map { add($0.name) }
        columnNameOffsets = problem.columns.map { add($0.name) }
        namePool = pool
    }

    /// Groups the triplets by column (a counting sort, stable; a straight copy when already in column order).
    static func compressedColumns(_ entries: [LinearProblem.Entry], columns n: Int) -> ([Int32], [Int32], [Double]) {
        let ne = entries.count
        var start = [Int32](repeating: 0, count: n + 1)
        var rows = [Int32](repeating: 0, count: ne + 1)
        var values = [Double](repeating: 0, count: ne + 1)
        entries.withUnsafeBufferPointer { es in
            start.withUnsafeMutableBufferPointer { st in
                var sorted = true
                var previous = 0
                for k in 0..<ne {
                    let c = es[k].column
                    st[c + 1] &+= 1
                    if c < previous { sorted = false }
                    previous = c
                }
                for j in 0..<n { st[j + 1] &+= st[j] }
                rows.withUnsafeMutableBufferPointer { rb in
                    values.withUnsafeMutableBufferPointer { vb in
                        if sorted {
                            for k in 0..<ne {
                                rb[k + 1] = Int32(truncatingIfNeeded: es[k].row + 1)
                                vb[k + 1] = es[k].value
                            }
                        } else {
                            var cursor = Array(st.dropLast())
                            cursor.withUnsafeMutableBufferPointer { cu in
                                for k in 0..<ne {
                                    let e = es[k]
                                    let slot = Int(cu[e.column]) + 1
                                    cu[e.column] &+= 1
                                    rb[slot] = Int32(truncatingIfNeeded: e.row + 1)
                                    vb[slot] = e.value
                                }
                            }
                        }
                    }
                }
            }
        }
        return (start, rows, values)
    }

    /// Calls `body` with a `cglpk_problem` whose pointers are valid for the duration of the call only.
    func withCProblem<R>(_ body: (UnsafePointer<cglpk_problem>) throws -> R) rethrows -> R {
        try objective.withUnsafeBufferPointer { obj in
        try columnLower.withUnsafeBufferPointer { clb in
        try columnUpper.withUnsafeBufferPointer { cub in
        try columnKind.withUnsafeBufferPointer { kind in
        try rowLower.withUnsafeBufferPointer { rlb in
        try rowUpper.withUnsafeBufferPointer { rub in
        try columnStart.withUnsafeBufferPointer { cs in
        try rowIndex.withUnsafeBufferPointer { ri in
        try value.withUnsafeBufferPointer { va in
        try namePool.withUnsafeBufferPointer { names in
        try rowNameOffsets.withUnsafeBufferPointer { rno in
        try columnNameOffsets.withUnsafeBufferPointer { cno in
            let hasNames = !names.isEmpty
            var p = cglpk_problem(
                m: m, n: n, maximize: maximize, obj_const: objectiveConstant,
                obj: obj.baseAddress, col_lb: clb.baseAddress, col_ub: cub.baseAddress,
                col_kind: hasIntegerColumns ? kind.baseAddress : nil,
                row_lb: rlb.baseAddress, row_ub: rub.baseAddress,
                ne: nonzeros, col_start: cs.baseAddress, row_ind: ri.baseAddress, val: va.baseAddress,
                names: hasNames ? names.baseAddress : nil,
                prob_name_off: problemNameOffset,
                row_name_off: hasNames ? rno.baseAddress : nil,
                col_name_off: hasNames ? cno.baseAddress : nil)
            return try withUnsafePointer(to: &p) { try body($0) }
        }}}}}}}}}}}}
    }
}
