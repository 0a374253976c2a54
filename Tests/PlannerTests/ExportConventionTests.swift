import Foundation
import LineModel
import LinearSolver
@testable import Planner
import Testing

/// Exported files give other solvers the objective fabplan reports: checked with a reader of the tests' own
/// (not GLPK), which reads the objective row's RHS as −c0 like CPLEX, Gurobi and HiGHS.
@Suite("Exports in the other solvers' objective convention")
struct ExportConventionTests {
    static func temp(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-convention-\(UUID().uuidString).\(ext)")
    }

    /// The flagship (LP and MIP) and the budget-limited fixture: the independent reader's objective at the plan's
    /// solution equals the plan's objective. Before the fix the flagship LP read as −177,146,734.6 (thousands)
    /// against +56,577,265.4: the constant 116,862,000 counted with the wrong sign (off by 2 × c0).
    @Test("the independent MPS reader gets the plan's objective at the plan's solution", arguments: [false, true])
    func mpsObjective(integer: Bool) throws {
        let flagship = try LineModelLoader.load(path: WhatIfPaths.path("Models/vietnam-2030.yaml"))
        for model in [flagship, PlanFixtures.budgetLimited] {
            let f = Formulation(model: model, objective: .maxProfit, integerTools: integer)
            #expect(f.problem.objectiveConstant > 0)
            var options = SolverOptions()
            if integer { options.usePlannerMIPSettings() }
            let solution = try GLPKSolver.solve(f.problem, options: options)
            let url = Self.temp("mps")
            defer { try? FileManager.default.removeItem(at: url) }
            try GLPKSolver.export(f.problem, to: url, format: .freeMPS)
            let reader = try IndependentMPSReader(text: String(contentsOf: url, encoding: .utf8))
            #expect(reader.maximize)
            #expect(reader.offset == f.problem.objectiveConstant)
            let values = Dictionary(uniqueKeysWithValues: zip(f.problem.columns.map(\.name), solution.columnValues))
            let objective = try #require(solution.objective)
            #expect(abs(reader.objectiveValue(at: values) - objective) <= 1e-9 * abs(objective))
            // fabplan reads its own file back with the same constant (GLPK's reader uses +RHS; the layer converts).
            let back = try GLPKSolver.read(from: url, format: .freeMPS)
            #expect(back.objectiveConstant == f.problem.objectiveConstant)
        }
    }

    /// min 2x + 3y + 7 s.t. x + y ≥ 4, x + 3y ≥ 6: optimum x = 3, y = 1, z = 6 + 3 + 7 = 16. The MPS file
    /// carries RHS −7 on the objective row; the CPLEX LP file carries the term "+ 7" in the objective.
    @Test("a constant of 7: RHS −7 in MPS, a '+ 7' term in CPLEX LP, both read back as 7")
    func smallConstant() throws {
        var p = LinearProblem(name: "diet", sense: .minimize, objectiveConstant: 7)
        let x = p.addColumn(.init(name: "x", objective: 2)), y = p.addColumn(.init(name: "y", objective: 3))
        let r1 = p.addRow(.init(name: "r1", lower: 4)), r2 = p.addRow(.init(name: "r2", lower: 6))
        p.add(row: r1, column: x, 1); p.add(row: r1, column: y, 1); p.add(row: r2, column: x, 1); p.add(row: r2, column: y, 3)
        let mps = Self.temp("mps"), lp = Self.temp("lp")
        defer { try? FileManager.default.removeItem(at: mps); try? FileManager.default.removeItem(at: lp) }
        try GLPKSolver.export(p, to: mps, format: .freeMPS)
        try GLPKSolver.export(p, to: lp, format: .cplexLP)
        let reader = try IndependentMPSReader(text: String(contentsOf: mps, encoding: .utf8))
        #expect(reader.offset == 7 && !reader.maximize)
        #expect(reader.objectiveValue(at: ["x": 3, "y": 1]) == 16)
        let lpText = try String(contentsOf: lp, encoding: .utf8)
        let objectiveSection = try #require(lpText.components(separatedBy: "Subject To").first)
        #expect(objectiveSection.contains("\n + 7\n"))
        for (url, format) in [(mps, ModelFileFormat.freeMPS), (lp, .cplexLP)] {
            let back = try GLPKSolver.read(from: url, format: format)
            #expect(back.objectiveConstant == 7)
            #expect(try GLPKSolver.solve(back).objective == 16)
        }
    }

    /// A file from another solver with the constant on the objective row (RHS −5 means +5) reads as +5.
    @Test("an MPS file written by another solver reads with c0 = −RHS")
    func foreignFile() throws {
        let text = """
            NAME foreign
            ROWS
             N obj
             G c1
            COLUMNS
             x obj 1 c1 1
            RHS
             rhs obj -5 c1 2
            BOUNDS
             UP bnd x 10
            ENDATA

            """
        let url = Self.temp("mps")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        // min x + 5 s.t. x ≥ 2: z = 7.
        let back = try GLPKSolver.read(from: url, format: .freeMPS)
        #expect(back.objectiveConstant == 5)
        #expect(try GLPKSolver.solve(back).objective == 7)
        #expect(try IndependentMPSReader(text: text).objectiveValue(at: ["x": 2]) == 7)
    }
}
