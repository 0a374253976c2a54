import Foundation

/// What GLPK's own readers and writers lose, and how the layer puts it back.
///
/// * Free MPS: GLPK writes no objective sense and its reader rejects an `OBJSENSE` section. The layer adds
///   `OBJSENSE MAX` (the form HiGHS, CBC and CPLEX read) to maximization files it writes, and strips the section
///   before GLPK reads a file, applying the sense itself.
/// * CPLEX LP: GLPK writes the objective constant only as a comment (`\* constant term = 7 *\`) and ignores it
///   on reading. The layer reads that comment back.
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

    /// The objective constant GLPK's LP writer left in a `\* constant term = X *\` comment, if any.
    static func objectiveConstant(inLP url: URL) -> Double? {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let marker = text.range(of: "\\* constant term = ") else { return nil }
        let rest = text[marker.upperBound...]
        guard let end = rest.range(of: " *\\") else { return nil }
        return Double(rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces))
    }
}
