import CGLPKGuard
import Foundation

/// File formats GLPK reads and writes, for handing a model to another solver or reading one back.
public enum ModelFileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// CPLEX LP format (`.lp`). Names with spaces or brackets are rewritten by GLPK (`_`, `(`, `)`); the objective
    /// constant is written as a constant term of the objective on a line of its own (` + 116862000`), which
    /// CPLEX, Gurobi and HiGHS read (GLPK writes it only as a comment; this layer rewrites it, and strips the
    /// term again before GLPK reads a file). A problem without rows or columns cannot be written by GLPK.
    case cplexLP
    /// Free MPS (`.mps`), with `MARKER INTORG/INTEND` for integer columns and, for maximization, an
    /// `OBJSENSE MAX` section (added by this layer; GLPK itself writes none). The objective constant c0 is
    /// written as −c0 on the objective row's RHS, the convention of CPLEX, Gurobi and HiGHS (GLPK's own writer
    /// and reader use +c0; this layer converts both ways). See docs/solver.md.
    case freeMPS
    /// GLPK's own text format (`glp_write_prob`), which keeps everything including the sense.
    case glpk

    var cCode: Int32 {
        switch self {
        case .cplexLP: return CGLPK_FMT_CPLEX_LP
        case .freeMPS: return CGLPK_FMT_FREE_MPS
        case .glpk: return CGLPK_FMT_GLPK
        }
    }
}

extension GLPKSolver {
    /// Writes `problem` to `url` in `format`. The file appears atomically: GLPK writes a temporary file in the
    /// same folder, which is then renamed over `url`, so readers never see half a model.
    public static func export(_ problem: LinearProblem, to url: URL, format: ModelFileFormat) throws {
        try problem.validate()
        var written = problem
        // GLPK writes +c0 on the objective row's RHS; other solvers read that RHS as −c0.
        if format == .freeMPS { written.objectiveConstant = -problem.objectiveConstant }
        let flat = FlatProblem(written)
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let (rc, message) = withMessageBuffer { buffer, capacity in
            flat.withCProblem { cglpk_write($0, format.cCode, temp.path, buffer, capacity) }
        }
        guard rc == CGLPK_OK else {
            try? FileManager.default.removeItem(at: temp)
            if rc == CGLPK_FATAL { throw SolverError.glpkFatal(message) }
            throw SolverError.io("cannot write \(format.rawValue) file \(url.path): \(message)")
        }
        do {
            if format == .freeMPS && problem.sense == .maximize { try ModelFileFixups.declareMaximization(inMPS: temp) }
            if format == .cplexLP { try ModelFileFixups.writeObjectiveConstant(problem.objectiveConstant, inLP: temp) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw SolverError.io("cannot write \(format.rawValue) file \(url.path): \(error)")
        }
        // A special file (/dev/null, /dev/stdout, a FIFO) must be written into, never replaced by a rename.
        if isSpecialFile(url.path) {
            defer { try? FileManager.default.removeItem(at: temp) }
            do {
                let data = try Data(contentsOf: temp)
                guard let handle = FileHandle(forWritingAtPath: url.path) else { throw SolverError.io("cannot open \(url.path)") }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } catch {
                throw SolverError.io("cannot write \(format.rawValue) file \(url.path): \(error)")
            }
            return
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw SolverError.io("cannot move the written model to \(url.path): \(reason)")
        }
    }

    /// True when `path` exists and is not a regular file (a device such as /dev/null, a FIFO, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return (st.st_mode & S_IFMT) != S_IFREG
    }

    /// Reads a model file written by GLPK or another solver (free MPS may carry an `OBJSENSE` section).
    /// The objective constant is read in the convention of `ModelFileFormat` (MPS: c0 = −RHS of the objective
    /// row; CPLEX LP: a constant term of the objective on a line of its own, or GLPK's comment).
    /// Bounds GLPK stores as "none" come back infinite;
    /// integer columns with bounds [0, 1] come back as `.binary`; unnamed rows/columns keep GLPK's empty name.
    public static func read(from url: URL, format: ModelFileFormat) throws -> LinearProblem {
        var source = url
        var declaredSense: LinearProblem.Sense?
        var lpConstant: Double?
        if format == .freeMPS, let stripped = try? ModelFileFixups.stripObjectiveSense(fromMPS: url) {
            source = stripped.url
            declaredSense = stripped.sense
        }
        if format == .cplexLP, let stripped = try? ModelFileFixups.stripObjectiveConstant(fromLP: url) {
            source = stripped.url
            lpConstant = stripped.constant
        }
        defer { if source != url { try? FileManager.default.removeItem(at: source) } }
        var model = cglpk_model()
        let (rc, message) = withMessageBuffer { buffer, capacity in
            cglpk_read(format.cCode, source.path, &model, buffer, capacity)
        }
        defer { cglpk_model_free(&model) }
        guard rc == CGLPK_OK else {
            if rc == CGLPK_FATAL { throw SolverError.glpkFatal(message) }
            throw SolverError.io("cannot read \(format.rawValue) file \(url.path): \(message)")
        }
        var problem = LinearProblem(model)
        if let declaredSense { problem.sense = declaredSense }
        // GLPK's MPS reader takes the objective row's RHS as +c0; the file's convention is −c0.
        if format == .freeMPS { problem.objectiveConstant = -problem.objectiveConstant }
        if format == .cplexLP {
            if let lpConstant { problem.objectiveConstant = lpConstant }
            else if problem.objectiveConstant == 0, let c = ModelFileFixups.objectiveConstant(inLP: url) {
                problem.objectiveConstant = c
            }
        }
        return problem
    }
}

extension LinearProblem {
    /// Copies a model read by the C guard (1-based matrix, name pool) into Swift values.
    init(_ m: cglpk_model) {
        func name(_ offset: Int32) -> String {
            guard offset >= 0, let pool = m.names else { return "" }
            return String(cString: pool + Int(offset))
        }
        let rowCount = Int(m.m), columnCount = Int(m.n), ne = Int(m.ne)
        var columns: [Column] = []
        columns.reserveCapacity(columnCount)
        for j in 0..<columnCount {
            let kind: Kind
            switch m.col_kind[j] {
            case CGLPK_BINARY: kind = .binary
            case CGLPK_INTEGER: kind = .integer
            default: kind = .continuous
            }
            columns.append(Column(name: name(m.col_name_off[j]), lower: m.col_lb[j], upper: m.col_ub[j],
                                  objective: m.obj[j], kind: kind))
        }
        var rows: [Row] = []
        rows.reserveCapacity(rowCount)
        for i in 0..<rowCount {
            rows.append(Row(name: name(m.row_name_off[i]), lower: m.row_lb[i], upper: m.row_ub[i]))
        }
        var entries: [Entry] = []
        entries.reserveCapacity(ne)
        if ne > 0 {
            for k in 1...ne {
                entries.append(Entry(row: Int(m.ia[k]) - 1, column: Int(m.ja[k]) - 1, value: m.ar[k]))
            }
        }
        self.init(name: name(m.prob_name_off), sense: m.maximize != 0 ? .maximize : .minimize,
                  objectiveConstant: m.obj_const, columns: columns, rows: rows, entries: entries)
    }
}
