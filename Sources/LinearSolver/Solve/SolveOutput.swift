import CGLPK
import CGLPKGuard

/// The arrays the C guard writes a solve's results into, and their conversion into a `Solution`.
struct SolveOutput {
    var columnValues: [Double]
    var rowActivities: [Double]
    var rowDuals: [Double]
    var reducedCosts: [Double]
    var rowStatus: [Int32]
    var columnStatus: [Int32]
    var rowRangeLow: [Double]
    var rowRangeHigh: [Double]
    var columnRangeLow: [Double]
    var columnRangeHigh: [Double]

    init(rows m: Int, columns n: Int, sensitivity: Bool) {
        columnValues = Array(repeating: 0, count: n)
        rowActivities = Array(repeating: 0, count: m)
        rowDuals = Array(repeating: 0, count: m)
        reducedCosts = Array(repeating: 0, count: n)
        rowStatus = Array(repeating: 0, count: m)
        columnStatus = Array(repeating: 0, count: n)
        rowRangeLow = sensitivity ? Array(repeating: 0, count: m) : []
        rowRangeHigh = sensitivity ? Array(repeating: 0, count: m) : []
        columnRangeLow = sensitivity ? Array(repeating: 0, count: n) : []
        columnRangeHigh = sensitivity ? Array(repeating: 0, count: n) : []
    }

    /// Points `result`'s output arrays at ours for the duration of `body`, then clears them.
    mutating func withResultArrays<R>(_ result: inout cglpk_result, _ body: (UnsafeMutablePointer<cglpk_result>) -> R) -> R {
        let r = columnValues.withUnsafeMutableBufferPointer { cv in
        rowActivities.withUnsafeMutableBufferPointer { ra in
        rowDuals.withUnsafeMutableBufferPointer { rd in
        reducedCosts.withUnsafeMutableBufferPointer { rc in
        rowStatus.withUnsafeMutableBufferPointer { rs in
        columnStatus.withUnsafeMutableBufferPointer { cs in
        rowRangeLow.withUnsafeMutableBufferPointer { rl in
        rowRangeHigh.withUnsafeMutableBufferPointer { rh in
        columnRangeLow.withUnsafeMutableBufferPointer { cl in
        columnRangeHigh.withUnsafeMutableBufferPointer { ch in
            result.col_val = cv.baseAddress
            result.row_act = ra.baseAddress
            result.row_dual = rd.baseAddress
            result.col_dual = rc.baseAddress
            result.row_stat = rs.baseAddress
            result.col_stat = cs.baseAddress
            result.row_rng_lo = rl.baseAddress
            result.row_rng_hi = rh.baseAddress
            result.col_rng_lo = cl.baseAddress
            result.col_rng_hi = ch.baseAddress
            return withUnsafeMutablePointer(to: &result) { body($0) }
        }}}}}}}}}}
        result.col_val = nil; result.row_act = nil; result.row_dual = nil; result.col_dual = nil
        result.row_stat = nil; result.col_stat = nil
        result.row_rng_lo = nil; result.row_rng_hi = nil; result.col_rng_lo = nil; result.col_rng_hi = nil
        return r
    }

    func solution(from r: cglpk_result, problem: LinearProblem, log: String, warmStartUsed: Bool) -> Solution {
        let raw = RawOutcome(
            isMIP: r.is_mip != 0, usedInterior: r.used_interior != 0, rc: r.rc, rootLPFailed: r.root_lp_failed != 0,
            status: r.status, primalStatus: r.prim_stat, dualStatus: r.dual_stat,
            fixedLPRC: r.fixed_lp_rc, fixedLPStatus: r.fixed_lp_status)
        let mapped = StatusMapping(raw)
        let hasPrimal = (mapped.primal == .optimal || mapped.primal == .feasible) && r.has_values != 0
        let hasDual = (mapped.dual == .optimal || mapped.dual == .feasible) && r.has_duals != 0
        var solution = Solution(termination: mapped.termination, primalStatus: mapped.primal, dualStatus: mapped.dual)
        if hasPrimal {
            solution.objective = r.objective
            solution.columnValues = columnValues
            solution.rowActivities = rowActivities
        }
        if hasDual {
            solution.rowDuals = rowDuals
            solution.reducedCosts = reducedCosts
        }
        if r.has_basis != 0, let rows = Self.statuses(rowStatus), let columns = Self.statuses(columnStatus) {
            solution.basis = Basis(rows: rows, columns: columns)
        }
        if r.has_sensitivity != 0 {
            solution.sensitivity = Sensitivity(
                rowRHS: zip(rowRangeLow, rowRangeHigh).map { Sensitivity.Range(lower: $0, upper: $1) },
                columnCost: zip(columnRangeLow, columnRangeHigh).map { Sensitivity.Range(lower: $0, upper: $1) })
        }
        if r.has_mip_bound != 0 { solution.mipBestBound = r.mip_bound }
        if r.has_mip_gap != 0 { solution.mipGap = r.mip_gap }
        solution.iterations = Int(r.iterations)
        solution.solveSeconds = r.seconds
        solution.log = log
        solution.warmStartUsed = warmStartUsed
        return solution
    }

    private static func statuses(_ codes: [Int32]) -> [Basis.Status]? {
        var out: [Basis.Status] = []
        out.reserveCapacity(codes.count)
        for c in codes {
            guard let s = Basis.Status(rawValue: Int8(truncatingIfNeeded: c)) else { return nil }
            out.append(s)
        }
        return out
    }
}
