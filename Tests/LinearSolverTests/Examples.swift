import LinearSolver

/// Small problems whose answers are worked out by hand in the comments of the tests that use them.
enum Examples {
    /// max 3x + 5y  s.t.  r1: x ≤ 4,  r2: 2y ≤ 12,  r3: 3x + 2y ≤ 18,  x, y ≥ 0.
    static func productMix() -> LinearProblem {
        var p = LinearProblem(name: "product_mix", sense: .maximize)
        let x = p.addColumn(.init(name: "x", objective: 3))
        let y = p.addColumn(.init(name: "y", objective: 5))
        let r1 = p.addRow(.init(name: "r1", upper: 4))
        let r2 = p.addRow(.init(name: "r2", upper: 12))
        let r3 = p.addRow(.init(name: "r3", upper: 18))
        p.add(row: r1, column: x, 1)
        p.add(row: r2, column: y, 2)
        p.add(row: r3, column: x, 3)
        p.add(row: r3, column: y, 2)
        return p
    }

    /// min 2x + 3y + c0  s.t.  r1: x + y ≥ 4·k,  r2: x + 3y ≥ 6·k,  x, y ≥ 0.
    static func diet(scale k: Double = 1, constant: Double = 0) -> LinearProblem {
        var p = LinearProblem(name: "diet", sense: .minimize, objectiveConstant: constant)
        let x = p.addColumn(.init(name: "x", objective: 2))
        let y = p.addColumn(.init(name: "y", objective: 3))
        let r1 = p.addRow(.init(name: "r1", lower: 4 * k))
        let r2 = p.addRow(.init(name: "r2", lower: 6 * k))
        p.add(row: r1, column: x, 1); p.add(row: r1, column: y, 1)
        p.add(row: r2, column: x, 1); p.add(row: r2, column: y, 3)
        return p
    }

    /// max x + y  s.t.  r: x + 2y ≤ 10,  0 ≤ x ≤ 4,  y ≥ 0.
    static func upperBounded() -> LinearProblem {
        var p = LinearProblem(name: "ub", sense: .maximize)
        let x = p.addColumn(.init(name: "x", lower: 0, upper: 4, objective: 1))
        let y = p.addColumn(.init(name: "y", objective: 1))
        let r = p.addRow(.init(name: "r", upper: 10))
        p.add(row: r, column: x, 1); p.add(row: r, column: y, 2)
        return p
    }

    /// Fixed-charge facility: min 10·open + 2·ship  s.t.  demand: ship ≥ 5·k,  cap: ship − 8·open ≤ 0,
    /// open binary (k ≤ 1.6 keeps one facility enough).
    static func facility(demand k: Double = 1) -> LinearProblem {
        var p = LinearProblem(name: "facility", sense: .minimize)
        let open = p.addColumn(.init(name: "open", objective: 10, kind: .binary))
        let ship = p.addColumn(.init(name: "ship", objective: 2))
        let demand = p.addRow(.init(name: "demand", lower: 5 * k))
        let cap = p.addRow(.init(name: "cap", upper: 0))
        p.add(row: demand, column: ship, 1)
        p.add(row: cap, column: ship, 1)
        p.add(row: cap, column: open, -8)
        return p
    }

    /// max 5x + 4y  s.t.  6x + 4y ≤ 24,  x + 2y ≤ 6,  x, y ≥ 0 integer.
    static func integerMix() -> LinearProblem {
        var p = LinearProblem(name: "int_mix", sense: .maximize)
        let x = p.addColumn(.init(name: "x", objective: 5, kind: .integer))
        let y = p.addColumn(.init(name: "y", objective: 4, kind: .integer))
        let a = p.addRow(.init(name: "a", upper: 24))
        let b = p.addRow(.init(name: "b", upper: 6))
        p.add(row: a, column: x, 6); p.add(row: a, column: y, 4)
        p.add(row: b, column: x, 1); p.add(row: b, column: y, 2)
        return p
    }

    /// A subset-sum knapsack that branch-and-bound cannot close quickly: max Σ w_i x_i s.t. Σ w_i x_i ≤ W, x binary,
    /// with weights w_i = even + ½ and W = whole + ¼: every subset sums to a multiple of ½, so the LP bound W is
    /// never reached, and the weights are not whole numbers, so GLPK cannot round its bound down to the best sum
    /// (with whole even weights and an odd W it could: gcd rounding made the proof come in ~0.3-0.9 s, and a
    /// 0.3 s time-limit test flaky). glpsol does not close it in 20 s. Incumbents come fast (any subset).
    static func hardKnapsack(items: Int = 40) -> LinearProblem {
        var p = LinearProblem(name: "hard_knapsack", sense: .maximize)
        let row = p.addRow(.init(name: "cap", upper: 0))
        var total = 0.0
        var seed: UInt64 = 12345
        for i in 0..<items {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let w = Double(2 * (1000 + Int(seed >> 33) % 9000)) + 0.5
            total += w
            let c = p.addColumn(.init(name: "x\(i)", objective: w, kind: .binary))
            p.add(row: row, column: c, w)
        }
        p.rows[row].upper = (total / 2).rounded(.down) + 0.25
        return p
    }
}

extension Examples {
    /// Transportation LP: `sources` plants with supply s_i·scale, `sinks` customers with demand d_j·scale,
    /// cost c_ij from a fixed LCG; min Σ c_ij x_ij, Σ_j x_ij ≤ s_i, Σ_i x_ij ≥ d_j. Total supply is 1.2 × demand.
    static func transportation(sources: Int = 30, sinks: Int = 30, demandScale: Double = 1) -> LinearProblem {
        var p = LinearProblem(name: "transport")
        var seed: UInt64 = 987654321
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        let demands = (0..<sinks).map { _ in 10 + 90 * next() }
        let totalDemand = demands.reduce(0, +)
        let supplyRows = (0..<sources).map { i in
            p.addRow(.init(name: "supply\(i)", upper: 1.2 * totalDemand / Double(sources)))
        }
        let demandRows = (0..<sinks).map { j in p.addRow(.init(name: "demand\(j)", lower: demands[j] * demandScale)) }
        for i in 0..<sources {
            for j in 0..<sinks {
                let c = p.addColumn(.init(name: "x_\(i)_\(j)", objective: 1 + 20 * next()))
                p.add(row: supplyRows[i], column: c, 1)
                p.add(row: demandRows[j], column: c, 1)
            }
        }
        return p
    }
}
