import Foundation

/// What GLPK's own readers and writers lose, and how the layer puts it back.
///
/// * Free MPS: GLPK writes no objective sense and its reader rejects an `OBJSENSE` section. The layer adds
///   `OBJSENSE MAX` (the form HiGHS, CBC and CPLEX read) to maximization files it writes, and strips the section
///   before GLPK reads a file, applying the sense itself.
/// * Free MPS: GLPK writes the objective constant as +c0 on the objective row's RHS and reads it back the same
///   way; CPLEX, Gurobi and HiGHS read that RHS as −c0. The layer negates the constant on writing and on
///   reading (in `GLPKSolver.export` and `read`), so files follow the other solvers' convention.
/// * CPLEX LP: GLPK writes the objective constant only as a comment (`\* constant term = 7 *\`) and ignores it
///   on reading. The layer replaces the comment by a constant term on a line of its own (` + 7`), which CPLEX,
///   Gurobi and HiGHS read, and strips such lines before GLPK reads a file (GLPK's reader refuses them).
enum ModelFileFixups {
    /// Inserts an `OBJSENSE` section declaring maximization after the `NAME` record of a free MPS file.
    static func declareMaximization(inMPS url: URL) throws {
        var text = try String(contentsOf: url, encoding: .utf8)
        let section = "OBJSENSE\n    MAX\n"
        if let nameLine = text.range(of: "\nNAME"), let end = text[nameLine.upperBound...].firstIndex(of: "\n") {
            text.insert(contentsOf: section, at: text.index(after: end))
        } else {
            text = section + text
        }
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// If the MPS file has an `OBJSENSE` section, returns a copy without it (for GLPK) and the sense it declared.
    static func stripObjectiveSense(fromMPS url: URL) throws -> (url: URL, sense: LinearProblem.Sense)? {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard text.contains("OBJSENSE") else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard let at = lines.firstIndex(where: { $0.hasPrefix("OBJSENSE") }) else { return nil }
        var words = lines[at].split(separator: " ").dropFirst().map(String.init)
        var remove = 1
        if words.isEmpty, at + 1 < lines.count, lines[at + 1].first == " " || lines[at + 1].first == "\t" {
            words = lines[at + 1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            remove = 2
        }
        let sense: LinearProblem.Sense = words.first.map { $0.uppercased().hasPrefix("MAX") } == true ? .maximize : .minimize
        lines.removeSubrange(at..<(at + remove))
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("fabplan-mps-\(UInt32.random(in: 0...UInt32.max)).mps")
        try lines.joined(separator: "\n").write(to: copy, atomically: false, encoding: .utf8)
        return (copy, sense)
    }

    /// Replaces GLPK's `\* constant term = X *\` comment by the objective term ` + X` (or ` - X`) with all 17
    /// significant digits; nothing when `constant` is 0.
    static func writeObjectiveConstant(_ constant: Double, inLP url: URL) throws {
        guard constant != 0 else { return }
        var text = try String(contentsOf: url, encoding: .utf8)
        let term = (constant < 0 ? " - " : " + ") + String(format: "%.17g", abs(constant))
        if let comment = text.range(of: "\\* constant term = "),
            let end = text[comment.upperBound...].range(of: " *\\") {
            text.replaceSubrange(comment.lowerBound..<end.upperBound, with: term)
        } else if let subjectTo = text.range(of: "\nSubject To") {
            text.insert(contentsOf: term + "\n", at: text.index(after: subjectTo.lowerBound))
        }
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// If the objective section of a CPLEX LP file has constant terms on lines of their own (`+ 7`, `- 2.5e3`),
    /// returns a copy without them (for GLPK) and their sum.
    static func stripObjectiveConstant(fromLP url: URL) throws -> (url: URL, constant: Double)? {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let end = lines.firstIndex { line in
            let head = line.trimmingCharacters(in: .whitespaces).lowercased()
            return head.hasPrefix("subject to") || head.hasPrefix("such that") || head == "st" || head == "s.t."
        } ?? lines.count
        var constant = 0.0
        var found = false
        for i in (0..<end).reversed() {
            let words = lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, words[0] == "+" || words[0] == "-", let value = Double(words[1]) else { continue }
            constant += words[0] == "-" ? -value : value
            found = true
            lines.remove(at: i)
        }
        guard found else { return nil }
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("fabplan-lp-\(UInt32.random(in: 0...UInt32.max)).lp")
        try lines.joined(separator: "\n").write(to: copy, atomically: false, encoding: .utf8)
        return (copy, constant)
    }

    /// The objective constant GLPK's LP writer left in a `\* constant term = X *\` comment, if any (files
    /// written before the layer wrote constant terms).
    static func objectiveConstant(inLP url: URL) -> Double? {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let marker = text.range(of: "\\* constant term = ") else { return nil }
        let rest = text[marker.upperBound...]
        guard let end = rest.range(of: " *\\") else { return nil }
        return Double(rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces))
    }
}
