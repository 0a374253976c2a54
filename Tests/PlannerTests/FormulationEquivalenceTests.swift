import LineModel
import LinearSolver
import NationalModels
import Planner
import Testing

/// The stock formulation (tools in service as a column fed by purchases, C9) against the reference formulation
/// (every capacity row sums all earlier purchases, C8 in MIP mode) on generated models of several sizes.
///
/// Both describe the same set of plans: substituting instock_t = Σ_{τ ≤ t−L} buy_τ (C9 is exactly this
/// recurrence) turns the stock capacity row into the cumulative one, and in MIP mode instock_t = ordered_{t−L}
/// (C8's running count) with both integer. So the optima are equal; the tolerance is GLPK's (relative 1e-7 on
/// an LP with objective ~1e5-1e6 k-currency; MIPs are solved to a 1e-9 gap).
@Suite struct FormulationEquivalenceTests {
    static let lpSizes = [NationalModel.Size(sites: 1, stations: 5, products: 4, periods: 4),
                          NationalModel.Size(sites: 2, stations: 10, products: 12, periods: 8),
                          NationalModel.Size(sites: 3, stations: 14, products: 24, periods: 12)]
    static let mipSizes = [NationalModel.Size(sites: 1, stations: 4, products: 3, periods: 4),
                           NationalModel.Size(sites: 1, stations: 6, products: 5, periods: 5),
                           NationalModel.Size(sites: 2, stations: 5, products: 6, periods: 6)]

    static func optimum(_ model: LineModel, integer: Bool, _ accounting: ToolAccounting) throws -> Solution {
        let f = Formulation(model: model, objective: .maxProfit, integerTools: integer, toolAccounting: accounting)
        var o = SolverOptions()
        o.lpMethod = .primalSimplex
        o.mipGap = 1e-9
        o.timeLimitSeconds = 30
        if integer { o.presolve = true; o.branching = .pseudocost; o.backtracking = .bestProjection }
        return try GLPKSolver.solve(f.problem, options: o)
    }

    @Test(arguments: lpSizes) func lpOptimaAgree(size: NationalModel.Size) throws {
        let model = NationalModel.make(size)
        let stock = try Self.optimum(model, integer: false, .stock)
        let plain = try Self.optimum(model, integer: false, .cumulative)
        #expect(stock.termination == .optimal && plain.termination == .optimal)
        let a = try #require(stock.objective), b = try #require(plain.objective)
        #expect(abs(a - b) <= 1e-7 * max(1, abs(b)), "\(size): stock \(a) vs cumulative \(b)")
        #expect(b > 0)  // a profitable plan exists (the test compares something)
    }

    @Test(arguments: mipSizes) func mipOptimaAgree(size: NationalModel.Size) throws {
        let model = NationalModel.make(size)
        let stock = try Self.optimum(model, integer: true, .stock)
        let plain = try Self.optimum(model, integer: true, .cumulative)
        #expect(stock.termination == .optimal && plain.termination == .optimal)
        let a = try #require(stock.objective), b = try #require(plain.objective)
        #expect(abs(a - b) <= 1e-7 * max(1, abs(b)), "\(size): stock \(a) vs cumulative \(b)")
        // The integrality matters (the MIP is a real one): its optimum lies strictly below the LP relaxation's.
        let relaxed = try #require(try Self.optimum(model, integer: false, .stock).objective)
        #expect(relaxed - a > 1e-6 * abs(relaxed), "\(size): MIP \(a) vs LP \(relaxed)")
    }

    @Test func plannerReportsTheReferenceOptimum() throws {
        // The planner (stock formulation, report built from it) reports the reference formulation's optimum,
        // in currency (LP objective × 1,000, PlanScale.money).
        let model = NationalModel.make(Self.lpSizes[1])
        var options = PlanOptions(objective: .maxProfit, integerTools: false)
        options.computeSensitivity = false
        let report = try CapacityPlanner.optimize(model, options: options)
        let plain = try #require(try Self.optimum(model, integer: false, .cumulative).objective) * PlanScale.money
        #expect(abs((report.objective ?? .nan) - plain) <= 1e-7 * abs(plain))
        #expect(abs((report.financials?.profit ?? .nan) - plain) <= 1e-6 * abs(plain))
    }

    @Test func toolTermsAreLinearInPeriods() throws {
        // Per station that can buy, with n = T − L arrival periods: the cumulative C1 rows hold
        // Σ_{t=L}^{T−1} (t − L + 1) = n(n+1)/2 purchase terms; the stock form holds n stock terms in C1 and
        // 3n − 1 terms in C9 (instock_t, instock_t−1, buy_t−L; the first row has no instock_t−1).
        let model = NationalModel.make(.init(sites: 2, stations: 6, products: 5, periods: 16))
        let stock = Formulation(model: model, objective: .maxProfit, integerTools: false)
        let plain = Formulation(model: model, objective: .maxProfit, integerTools: false, toolAccounting: .cumulative)
        var expectedPlain = 0, expectedStock = 0
        for (i, _) in stock.stations.enumerated() where !stock.columns.buys[i].isEmpty {
            let n = stock.columns.buys[i].count
            expectedPlain += n * (n + 1) / 2
            expectedStock += n + 3 * n - 1
        }
        func toolTerms(_ f: Formulation) -> Int {
            let toolColumns = Set((f.columns.buys + f.columns.toolStock).flatMap { $0.entries.map(\.index.raw) })
            let rows = Set((f.rows.capacity + f.rows.toolStock).flatMap { $0.entries.map(\.index.raw) })
            return f.problem.entries.filter { rows.contains($0.row) && toolColumns.contains($0.column) }.count
        }
        #expect(expectedPlain > expectedStock)
        #expect(toolTerms(plain) == expectedPlain)
        #expect(toolTerms(stock) == expectedStock)
    }
}
