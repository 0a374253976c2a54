import Foundation
import LineModel
import LinearSolver
import Planner
import Testing

@Suite struct ExportRoundTripTests {
    /// The budget-limited MIP (optimum 100,000 = 100 in the LP's thousands) exported as free MPS and CPLEX LP,
    /// read back and solved again through GLPK gives the same objective.
    @Test(arguments: [ModelFileFormat.freeMPS, .cplexLP])
    func exportedModelSolvesToTheSameObjective(_ format: ModelFileFormat) throws {
        let f = Formulation(model: PlanFixtures.budgetLimited, objective: .maxProfit, integerTools: true)
        let direct = try GLPKSolver.solve(f.problem)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fabplan-roundtrip-\(UUID().uuidString).\(format == .freeMPS ? "mps" : "lp")")
        defer { try? FileManager.default.removeItem(at: path) }
        try GLPKSolver.export(f.problem, to: path, format: format)
        let back = try GLPKSolver.read(from: path, format: format)
        #expect(back.sense == f.problem.sense)
        let again = try GLPKSolver.solve(back)
        #expect(abs((direct.objective ?? .nan) - 100) < 1e-6)
        #expect(abs((again.objective ?? .nan) - 100) < 1e-6)
        #expect(back.columns.filter { $0.kind != .continuous }.count == f.problem.columns.filter { $0.kind != .continuous }.count)
    }
}
