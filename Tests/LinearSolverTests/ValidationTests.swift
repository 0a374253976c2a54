import Testing
import LinearSolver

@Suite("Invalid input throws a message naming the row or column, and never reaches GLPK")
struct ValidationTests {
    /// A valid base: the product mix (rows r1..r3, columns x, y).
    static var base: LinearProblem { Examples.productMix() }

    /// Each case breaks the base problem in one way; the solve must throw `invalidProblem` with a message that
    /// contains the expected fragment (the name of the culprit and what is wrong). Several of these would make
    /// GLPK abort (NaN row bound, duplicate or out-of-range entry, long or control-character names).
    static let cases: [(String, @Sendable (inout LinearProblem) -> Void, [String])] = [
        ("NaN coefficient", { $0.entries[0].value = .nan }, ["entry #0", "row 'r1'", "column 'x'", "nan"]),
        ("infinite coefficient", { $0.entries[3].value = .infinity }, ["entry #3", "row 'r3'", "column 'y'", "inf"]),
        ("NaN objective", { $0.columns[1].objective = .nan }, ["column 'y' (#1)", "objective coefficient is nan"]),
        ("infinite objective", { $0.columns[0].objective = -.infinity }, ["column 'x' (#0)", "objective coefficient is -inf"]),
        ("infinite objective constant", { $0.objectiveConstant = .infinity }, ["objective constant"]),
        ("NaN row bound", { $0.rows[2].upper = .nan }, ["row 'r3' (#2)", "upper bound is NaN"]),
        ("NaN column bound", { $0.columns[0].lower = .nan }, ["column 'x' (#0)", "lower bound is NaN"]),
        ("lower > upper on a row", { $0.rows[0].lower = 5 }, ["row 'r1' (#0)", "lower bound 5.0 is greater than upper bound 4.0"]),
        ("lower > upper on a column", { $0.columns[1].lower = 3; $0.columns[1].upper = 2 }, ["column 'y' (#1)", "greater than"]),
        ("+inf lower bound", { $0.columns[0].lower = .infinity }, ["column 'x' (#0)", "lower bound is +infinity"]),
        ("-inf upper bound", { $0.rows[1].upper = -.infinity }, ["row 'r2' (#1)", "upper bound is -infinity"]),
        ("duplicate entry", { $0.add(row: 2, column: 1, 7) }, ["entry #4", "row 'r3'", "column 'y'", "duplicate of entry #3"]),
        ("row index out of range", { $0.add(row: 3, column: 0, 1) }, ["entry #4", "row index 3 out of range 0..<3"]),
        ("negative column index", { $0.add(row: 0, column: -1, 1) }, ["entry #4", "column index -1 out of range 0..<2"]),
        ("fractional bound on integer column", { $0.columns[0].kind = .integer; $0.columns[0].upper = 2.5 },
         ["column 'x' (#0)", "fractional upper bound 2.5"]),
        ("binary bound outside [0, 1]", { $0.columns[1].kind = .binary; $0.columns[1].upper = 2 },
         ["column 'y' (#1)", "outside [0, 1]"]),
        ("binary with negative lower bound", { $0.columns[1].kind = .binary; $0.columns[1].lower = -1 },
         ["column 'y' (#1)", "outside [0, 1]"]),
        ("name longer than 255 bytes", { $0.rows[0].name = String(repeating: "é", count: 128) },
         ["row '", "(#0)", "256 bytes long"]),
        ("control character in name", { $0.columns[0].name = "x\n" }, ["column 'x\n' (#0)", "control character"]),
        ("duplicate row name", { $0.rows[2].name = "r1" }, ["row 'r1' (#2)", "duplicate name, also used by row #0"]),
        ("duplicate column name", { $0.columns[1].name = "x" }, ["column 'x' (#1)", "duplicate name, also used by column #0"]),
    ]

    @Test(arguments: 0..<cases.count)
    func invalidInputThrowsNamingTheCulprit(index: Int) {
        let (label, breakIt, fragments) = Self.cases[index]
        var p = Self.base
        breakIt(&p)
        do {
            _ = try GLPKSolver.solve(p)
            Issue.record("\(label): expected invalidProblem")
        } catch SolverError.invalidProblem(let issues) {
            #expect(issues.count == 1, "\(label): \(issues)")
            let text = issues.joined(separator: "\n")
            for f in fragments { #expect(text.contains(f), "\(label): '\(f)' missing in \(issues)") }
        } catch {
            Issue.record("\(label): unexpected error \(error)")
        }
    }

    /// Every issue is listed, not just the first: three independent faults give three messages.
    @Test func everyIssueIsReported() {
        var p = Self.base
        p.entries[0].value = .nan
        p.rows[1].lower = .nan
        p.columns[0].name = "y"
        #expect(p.validationIssues().count == 3)
    }

    /// Past `maxReportedIssues` the rest are counted in one line: 150 NaN coefficients → 100 + 1 lines.
    @Test func issueListIsCapped() {
        var p = LinearProblem()
        let r = p.addRow(.init(name: "r", upper: 1))
        for j in 0..<150 { p.add(row: r, column: p.addColumn(.init(name: "c\(j)")), .nan) }
        let issues = p.validationIssues()
        #expect(issues.count == LinearProblem.maxReportedIssues + 1)
        #expect(issues.last == "... and 50 more issue(s)")
    }

    /// Bad options are refused before GLPK (it aborts on invalid parameters).
    @Test(arguments: [-1.0, .nan])
    func invalidTimeLimitThrows(seconds: Double) {
        var o = SolverOptions()
        o.timeLimitSeconds = seconds
        #expect(throws: SolverError.self) { try GLPKSolver.solve(Self.base, options: o) }
    }

    @Test func invalidGapAndIterationLimitThrow() {
        var o = SolverOptions()
        o.mipGap = -0.1
        #expect(throws: SolverError.self) { try GLPKSolver.solve(Self.base, options: o) }
        o = SolverOptions()
        o.iterationLimit = -5
        #expect(throws: SolverError.self) { try GLPKSolver.solve(Self.base, options: o) }
    }

    /// A binary column with the default upper bound +∞ means [0, 1] and is valid; unnamed rows and columns
    /// are allowed and never count as duplicates.
    @Test func defaultsThatAreValid() throws {
        var p = LinearProblem(sense: .maximize)
        let b = p.addColumn(.init(name: "", objective: 3, kind: .binary))
        let c = p.addColumn(.init(name: "", upper: 2, objective: 1))
        let r = p.addRow(.init(name: "", upper: 10))
        p.add(row: r, column: b, 1); p.add(row: r, column: c, 1)
        #expect(p.validationIssues().isEmpty)
        var o = SolverOptions()
        o.mipGap = 0
        // b = 1 (3), c = 2 (2): z = 5; b is capped at 1 even though its upper bound was +∞.
        let s = try GLPKSolver.solve(p, options: o)
        #expect(abs((s.objective ?? .nan) - 5) < 1e-9)
    }
}

@Suite("Compressed-column input")
struct CompressedColumnTests {
    /// The product mix matrix by columns: x in r1 (1) and r3 (3); y in r2 (2) and r3 (2). Built this way it
    /// solves to the same optimum 36.
    @Test func cscBuildsTheSameProblem() throws {
        var p = Examples.productMix()
        p.entries = []
        try p.appendCompressedColumns(columnStarts: [0, 2, 4], rowIndices: [0, 2, 1, 2], values: [1, 3, 2, 2])
        #expect(Set(p.entries) == Set(Examples.productMix().entries))
        #expect(abs((try GLPKSolver.solve(p).objective ?? .nan) - 36) < 1e-9)
    }

    @Test func malformedCSCThrows() {
        var p = Examples.productMix()
        #expect(throws: SolverError.self) {
            try p.appendCompressedColumns(columnStarts: [0, 3, 2], rowIndices: [0, 1], values: [1, 2])
        }
    }
}

@Suite("Loading into GLPK")
struct LoadTests {
    /// The product mix has 3 rows, 2 columns, 4 nonzeros; an explicit zero coefficient added for (r1, y) is
    /// not stored by GLPK, so it still counts 4. Entries out of column order (x, y, x, y) load correctly.
    @Test func loadCountsWhatGLPKStored() throws {
        var p = Examples.productMix()
        p.add(row: 0, column: 1, 0)
        let report = try GLPKSolver.load(p)
        #expect(report == LoadReport(rows: 3, columns: 2, nonzeros: 4))
    }
}
