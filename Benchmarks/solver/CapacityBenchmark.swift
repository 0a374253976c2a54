import LinearSolver

/// (b) A capacity-like LP (~5k rows x 15k columns) re-solved after a 5 % demand change: warm vs cold.
///
/// Products p (45) each pass 8 route steps; each step can run on 3 alternative tool groups (of 40), in each of
/// 12 periods. Columns: x[p,s,a,t] units of step s on alternative a; prod[p,t]; inventory inv[p,t]; backlog
/// back[p,t]. Rows: step flow Σ_a x[p,s,a,t] = prod[p,t]; capacity Σ hours·x ≤ hours[g,t] per tool group and
/// period; balance inv[p,t−1] + prod[p,t] − inv[p,t] + back[p,t] − back[p,t−1] = demand[p,t].
/// Minimize run cost + holding + backlog penalty. Capacity is set to about 70 % of the average first-choice load so that
/// routing alternatives, inventory build-ahead and backlog all matter.
enum CapacityBenchmark {
    /// Capacity per group-period as a fraction of the mean load (×0.8...1.2 at random).
    static let tightness = 0.7
    static let products = 45, steps = 8, alternatives = 3, groups = 40, periods = 12

    static func makeProblem(demandScale: Double) -> LinearProblem {
        var rng = LCG(state: 7)
        var p = LinearProblem(name: "capacity", sense: .minimize)
        let demand = (0..<products).map { _ in (0..<periods).map { _ in 50 + 100 * rng.next() } }
        var groupOf = [[[Int]]](), hoursOf = [[[Double]]]()
        for _ in 0..<products {
            var g: [[Int]] = [], h: [[Double]] = []
            for _ in 0..<steps {
                g.append((0..<alternatives).map { _ in rng.int(groups) })
                h.append((0..<alternatives).map { _ in 0.05 + 0.25 * rng.next() })
            }
            groupOf.append(g); hoursOf.append(h)
        }
        // Average load per group-period if every step ran on its first alternative.
        var load = [Double](repeating: 0, count: groups)
        for q in 0..<products { for s in 0..<steps {
            let avgDemand = demand[q].reduce(0, +) / Double(periods)
            load[groupOf[q][s][0]] += hoursOf[q][s][0] * avgDemand
        } }
        let meanLoad = load.reduce(0, +) / Double(groups)

        var capRow = [[Int]](repeating: [], count: groups)
        for g in 0..<groups {
            for t in 0..<periods {
                capRow[g].append(p.addRow(.init(name: "cap_g\(g)_t\(t)", upper: tightness * meanLoad * (0.8 + 0.4 * rng.next()))))
            }
        }
        var prod = [[Int]](), inv = [[Int]](), back = [[Int]]()
        for q in 0..<products {
            prod.append((0..<periods).map { t in p.addColumn(.init(name: "prod_p\(q)_t\(t)")) })
            inv.append((0..<periods).map { t in p.addColumn(.init(name: "inv_p\(q)_t\(t)", objective: 0.5)) })
            back.append((0..<periods).map { t in p.addColumn(.init(name: "back_p\(q)_t\(t)", objective: 20)) })
        }
        for q in 0..<products {
            for t in 0..<periods {
                let bal = p.addRow(.init(name: "bal_p\(q)_t\(t)", lower: demand[q][t] * demandScale, upper: demand[q][t] * demandScale))
                p.add(row: bal, column: prod[q][t], 1)
                p.add(row: bal, column: inv[q][t], -1)
                p.add(row: bal, column: back[q][t], 1)
                if t > 0 {
                    p.add(row: bal, column: inv[q][t - 1], 1)
                    p.add(row: bal, column: back[q][t - 1], -1)
                }
                for s in 0..<steps {
                    let flow = p.addRow(.init(name: "flow_p\(q)_s\(s)_t\(t)", lower: 0, upper: 0))
                    p.add(row: flow, column: prod[q][t], -1)
                    for a in 0..<alternatives {
                        let g = groupOf[q][s][a]
                        let h = hoursOf[q][s][a]
                        let x = p.addColumn(.init(name: "x_p\(q)_s\(s)_a\(a)_t\(t)", objective: 0.1 + h))
                        p.add(row: flow, column: x, 1)
                        p.add(row: capRow[g][t], column: x, h)
                    }
                }
            }
        }
        return p
    }

    static func run(repeats: Int) throws {
        let base = makeProblem(demandScale: 1)
        let changed = makeProblem(demandScale: 1.05)
        print("## (b) Capacity LP \(base.rows.count) rows x \(base.columns.count) columns, \(base.entries.count) nonzeros; +5 % demand re-solve")
        var coldOptions = SolverOptions()
        coldOptions.lpMethod = .primalSimplex
        var warmOptions = SolverOptions()
        warmOptions.lpMethod = .dualSimplex
        let first = try GLPKSolver.solve(base, options: coldOptions)
        guard first.termination == .optimal, let basis = first.basis else {
            print("base solve ended \(first.termination)"); return
        }
        var coldT: [Double] = [], warmT: [Double] = [], coldIt: [Double] = [], warmIt: [Double] = []
        var coldObj = 0.0, warmObj = 0.0
        var used = true
        for _ in 0..<repeats {
            var cold: Solution?, warm: Solution?
            coldT.append(try Timing.seconds { cold = try GLPKSolver.solve(changed, options: coldOptions) })
            warmT.append(try Timing.seconds { warm = try GLPKSolver.solve(changed, options: warmOptions, warmStart: basis) })
            coldIt.append(Double(cold?.iterations ?? 0)); warmIt.append(Double(warm?.iterations ?? 0))
            coldObj = cold?.objective ?? .nan; warmObj = warm?.objective ?? .nan
            used = used && (warm?.warmStartUsed ?? false)
        }
        let ct = Timing.median(coldT), wt = Timing.median(warmT), ci = Timing.median(coldIt), wi = Timing.median(warmIt)
        print("| solve of the +5 % problem | iterations | wall s (median of \(repeats)) | objective |")
        print("|---|---|---|---|")
        print("| cold (primal simplex, scaling, advanced basis) | \(Int(ci)) | \(fmt(ct)) | \(coldObj) |")
        print("| warm (dual simplex from the base basis, used: \(used)) | \(Int(wi)) | \(fmt(wt)) | \(warmObj) |")
        print("| ratio cold / warm | \(fmt(ci / max(wi, 1)))x fewer | \(fmt(ct / wt))x less time | |")
        print("")
        print("per run: cold iterations \(coldIt.map { Int($0) }), seconds \(coldT.map(fmt)); warm iterations \(warmIt.map { Int($0) }), seconds \(warmT.map(fmt))")
        print("")
        let capRows = base.rows.indices.filter { base.rows[$0].name.hasPrefix("cap_") }
        let binding = capRows.filter { basis.rows[$0] != .basic }.count
        let backlogged = base.columns.indices.filter { base.columns[$0].name.hasPrefix("back_") && first.columnValues[$0] > 1e-6 }.count
        print("base solve: \(first.iterations) iterations, \(fmt(first.solveSeconds)) s in GLPK, objective \(first.objective ?? .nan); "
              + "\(binding) of \(capRows.count) capacity rows binding, \(backlogged) of \(products * periods) product-periods backlogged")
        print("")
    }
}
