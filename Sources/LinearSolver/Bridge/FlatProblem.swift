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
    let ia: [Int32]
    let ja: [Int32]
    let ar: [Double]
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
        var ia = [Int32](repeating: 0, count: ne + 1)
        var ja = [Int32](repeating: 0, count: ne + 1)
        var ar = [Double](repeating: 0, count: ne + 1)
        problem.entries.withUnsafeBufferPointer { es in
            ia.withUnsafeMutableBufferPointer { ib in
                ja.withUnsafeMutableBufferPointer { jb in
                    ar.withUnsafeMutableBufferPointer { ab in
                        for k in 0..<es.count {
                            let e = es[k]
                            ib[k + 1] = Int32(truncatingIfNeeded: e.row + 1)
                            jb[k + 1] = Int32(truncatingIfNeeded: e.column + 1)
                            ab[k + 1] = e.value
                        }
                    }
                }
            }
        }
        self.ia = ia
        self.ja = ja
        self.ar = ar

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

    /// Calls `body` with a `cglpk_problem` whose pointers are valid for the duration of the call only.
    func withCProblem<R>(_ body: (UnsafePointer<cglpk_problem>) throws -> R) rethrows -> R {
        try objective.withUnsafeBufferPointer { obj in
        try columnLower.withUnsafeBufferPointer { clb in
        try columnUpper.withUnsafeBufferPointer { cub in
        try columnKind.withUnsafeBufferPointer { kind in
        try rowLower.withUnsafeBufferPointer { rlb in
        try rowUpper.withUnsafeBufferPointer { rub in
        try ia.withUnsafeBufferPointer { ia in
        try ja.withUnsafeBufferPointer { ja in
        try ar.withUnsafeBufferPointer { ar in
        try namePool.withUnsafeBufferPointer { names in
        try rowNameOffsets.withUnsafeBufferPointer { rno in
        try columnNameOffsets.withUnsafeBufferPointer { cno in
            let hasNames = !names.isEmpty
            var p = cglpk_problem(
                m: m, n: n, maximize: maximize, obj_const: objectiveConstant,
                obj: obj.baseAddress, col_lb: clb.baseAddress, col_ub: cub.baseAddress,
                col_kind: hasIntegerColumns ? kind.baseAddress : nil,
                row_lb: rlb.baseAddress, row_ub: rub.baseAddress,
                ne: nonzeros, ia: ia.baseAddress, ja: ja.baseAddress, ar: ar.baseAddress,
                names: hasNames ? names.baseAddress : nil,
                prob_name_off: problemNameOffset,
                row_name_off: hasNames ? rno.baseAddress : nil,
                col_name_off: hasNames ? cno.baseAddress : nil)
            return try withUnsafePointer(to: &p) { try body($0) }
        }}}}}}}}}}}}
    }
}
