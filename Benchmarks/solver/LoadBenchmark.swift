import CGLPK
import LinearSolver

/// (a) Building a problem with 1 million nonzeros through the layer vs GLPK loading the same data itself.
enum LoadBenchmark {
    static let rows = 50_000
    static let columns = 100_000
    static let perColumn = 10

    /// 50k rows ≤ 100, 100k columns in [0, 10], 10 nonzeros per column in distinct rows, values in [0.5, 2].
    static func makeProblem() -> LinearProblem {
        var rng = LCG(state: 42)
        var p = LinearProblem(name: "", sense: .minimize)
        p.rows = (0..<rows).map { _ in LinearProblem.Row(name: "", upper: 100) }
        p.columns = (0..<columns).map { _ in LinearProblem.Column(name: "", lower: 0, upper: 10, objective: rng.next() - 0.5) }
        p.entries.reserveCapacity(columns * perColumn)
        let stride = rows / perColumn
        for j in 0..<columns {
            let start = rng.int(rows)
            for k in 0..<perColumn {
                p.entries.append(.init(row: (start + k * stride) % rows, column: j, value: 0.5 + 1.5 * rng.next()))
            }
        }
        return p
    }

    /// The peers: GLPK alone, from ready 1-based arrays (what the layer must produce), timing the whole build
    /// and `glp_load_matrix` on its own.
    struct Peer {
        var ia: [Int32], ja: [Int32], ar: [Double]
        var rowUpper: [Double], colLower: [Double], colUpper: [Double], objective: [Double]

        init(_ p: LinearProblem) {
            ia = [0] + p.entries.map { Int32($0.row + 1) }
            ja = [0] + p.entries.map { Int32($0.column + 1) }
            ar = [0] + p.entries.map(\.value)
            rowUpper = p.rows.map(\.upper)
            colLower = p.columns.map(\.lower)
            colUpper = p.columns.map(\.upper)
            objective = p.columns.map(\.objective)
        }

        /// GLPK alone, matrix column by column with `glp_set_mat_col` from ready compressed columns (the entries
        /// are generated in column order, 10 per column). Returns the whole build's seconds.
        /// The part both GLPK peers share: a problem with its rows, columns, bounds and objective, no matrix yet.
        func createWithBounds() -> OpaquePointer? {
            let P = glp_create_prob()
            let m = Int32(rowUpper.count), n = Int32(objective.count)
            glp_add_rows(P, m)
            glp_add_cols(P, n)
            for i in 0..<Int(m) { glp_set_row_bnds(P, Int32(i + 1), GLP_UP, 0, rowUpper[i]) }
            for j in 0..<Int(n) {
                glp_set_col_bnds(P, Int32(j + 1), GLP_DB, colLower[j], colUpper[j])
                glp_set_obj_coef(P, Int32(j + 1), objective[j])
            }
            return P
        }

        func runByColumn(perColumn: Int) -> Double {
            Timing.seconds {
                let P = createWithBounds()
                let n = Int32(objective.count)
                ia.withUnsafeBufferPointer { ib in
                    ar.withUnsafeBufferPointer { ab in
                        for j in 0..<Int(n) {
                            glp_set_mat_col(P, Int32(j + 1), Int32(perColumn), ib.baseAddress! + j * perColumn, ab.baseAddress! + j * perColumn)
                        }
                    }
                }
                glp_delete_prob(P)
            }
        }

        /// Returns (whole build seconds, glp_load_matrix seconds).
        func run() -> (Double, Double) {
            var loadSeconds = 0.0
            let total = Timing.seconds {
                let P = createWithBounds()
                loadSeconds = Timing.seconds { glp_load_matrix(P, Int32(ia.count - 1), ia, ja, ar) }
                glp_delete_prob(P)
            }
            return (total, loadSeconds)
        }
    }

    static func run(repeats: Int) throws {
        print("## (a) Build a 1M-nonzero problem: \(rows) rows x \(columns) columns, \(columns * perColumn) nonzeros")
        let problem = makeProblem()
        let peer = Peer(problem)
        var layer: [Double] = [], validate: [Double] = [], peerTotal: [Double] = [], peerLoad: [Double] = [], peerCol: [Double] = []
        var counted = LoadReport(rows: 0, columns: 0, nonzeros: 0)
        for _ in 0..<repeats {
            layer.append(try Timing.seconds { counted = try GLPKSolver.load(problem) })
            validate.append(Timing.seconds { precondition(problem.validationIssues().isEmpty) })
            let (t, l) = peer.run()
            peerTotal.append(t)
            peerLoad.append(l)
            peerCol.append(peer.runByColumn(perColumn: perColumn))
        }
        precondition(counted.nonzeros == columns * perColumn)
        let L = Timing.median(layer), V = Timing.median(validate), T = Timing.median(peerTotal), M = Timing.median(peerLoad)
        let C = Timing.median(peerCol)
        print("| what | median s (of \(repeats)) |")
        print("|---|---|")
        print("| layer: `GLPKSolver.load` (validate + compress columns + one C build + delete) | \(fmt(L)) |")
        print("| of which `validationIssues()` alone | \(fmt(V)) |")
        print("| peer: GLPK alone, same build from ready arrays (create, bounds, objective, load, delete) | \(fmt(T)) |")
        print("| of which `glp_load_matrix` alone | \(fmt(M)) |")
        print("| peer: GLPK alone, same build with per-column `glp_set_mat_col` (what the layer's C side does) | \(fmt(C)) |")
        print("| ratio layer / GLPK build with glp_load_matrix | \(fmt(L / T))x |")
        print("| ratio layer / glp_load_matrix alone | \(fmt(L / M))x |")
        print("| ratio layer / GLPK build with glp_set_mat_col | \(fmt(L / C))x |")
        print("")
    }
}

func fmt(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return "\(r)"
}
