import Foundation
import Testing
import LinearSolver

@Suite("Export, read back, solve again")
struct ModelFileTests {
    static func tempURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("fabplan-solver-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))-\(name)")
    }

    /// The product mix (LP, z = 36) and the integer mix (MIP, z = 20) written in each format, read back and
    /// solved give the same optimum; rows, columns, nonzeros and integer kinds survive.
    /// The sense (free MPS: via `OBJSENSE`) and the objective constant (CPLEX LP: via GLPK's comment) survive too.
    @Test(arguments: ModelFileFormat.allCases)
    func roundTripKeepsTheOptimum(format: ModelFileFormat) throws {
        for (problem, optimum) in [(Examples.productMix(), 36.0), (Examples.integerMix(), 20.0), (Examples.diet(constant: 7), 16.0)] {
            let url = Self.tempURL("model.\(format.rawValue)")
            defer { try? FileManager.default.removeItem(at: url) }
            try GLPKSolver.export(problem, to: url, format: format)
            let back = try GLPKSolver.read(from: url, format: format)
            #expect(back.rows.count == problem.rows.count)
            #expect(back.columns.count == problem.columns.count)
            #expect(back.entries.count == problem.entries.count)
            #expect(back.columns.map(\.kind) == problem.columns.map(\.kind))
            #expect(back.columns.map(\.name) == problem.columns.map(\.name))
            #expect(back.sense == problem.sense)
            #expect(back.objectiveConstant == problem.objectiveConstant)
            var options = SolverOptions()
            options.mipGap = 0
            let s = try GLPKSolver.solve(back, options: options)
            #expect(abs((s.objective ?? .nan) - optimum) < 1e-9, "\(format) \(problem.name)")
        }
    }

    /// A maximization written as free MPS declares `OBJSENSE MAX`, so HiGHS or CBC read the right sense.
    @Test func freeMPSDeclaresMaximization() throws {
        let url = Self.tempURL("max.mps")
        defer { try? FileManager.default.removeItem(at: url) }
        try GLPKSolver.export(Examples.productMix(), to: url, format: .freeMPS)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("OBJSENSE\n    MAX\n"))
    }

    /// Writing into a folder that does not exist fails with an I/O error naming the path, and leaves nothing.
    @Test func unwritablePathThrowsIO() {
        let url = URL(fileURLWithPath: "/nonexistent-fabplan-dir/model.lp")
        #expect(throws: SolverError.self) { try GLPKSolver.export(Examples.productMix(), to: url, format: .cplexLP) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    /// A malformed file is an I/O error with GLPK's parser message, not a crash.
    @Test func malformedFileThrowsIO() throws {
        let url = Self.tempURL("bad.lp")
        defer { try? FileManager.default.removeItem(at: url) }
        try "this is not an LP file ::: 3 x + \n".write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try GLPKSolver.read(from: url, format: .cplexLP)
            Issue.record("expected an error")
        } catch SolverError.io(let message) {
            #expect(message.contains(url.path))
        }
    }
}
