import Foundation

/// A small free-MPS reader of the tests' own, independent of GLPK, reading the objective the way CPLEX, Gurobi
/// and HiGHS do: the objective is Σ c_j x_j + offset with offset = −(RHS of the objective row).
/// Reads NAME, OBJSENSE, ROWS, COLUMNS (skipping MARKER lines) and RHS; enough to evaluate an objective.
struct IndependentMPSReader {
    var maximize = false
    var objectiveRow = ""
    /// Objective coefficient per column name.
    var objective: [String: Double] = [:]
    /// −RHS of the objective row.
    var offset = 0.0

    init(text: String) throws {
        var section = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            if line.hasPrefix("*") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            if !line.hasPrefix(" ") && !line.hasPrefix("\t") {
                section = words[0]
                if section == "OBJSENSE", words.count > 1 { maximize = words[1].hasPrefix("MAX") }
                continue
            }
            try read(words, in: section)
        }
    }

    private mutating func read(_ words: [String], in section: String) throws {
        switch section {
        case "OBJSENSE":
            maximize = words[0].hasPrefix("MAX")
        case "ROWS":
            if words[0] == "N", objectiveRow.isEmpty { objectiveRow = words[1] }
        case "COLUMNS":
            if words.contains("'MARKER'") { return }
            var k = 1
            while k + 1 < words.count {
                guard let value = Double(words[k + 1]) else { throw ReadError(words.joined(separator: " ")) }
                if words[k] == objectiveRow { objective[words[0], default: 0] += value }
                k += 2
            }
        case "RHS":
            var k = words.count % 2 == 1 ? 1 : 0  // the RHS set name is optional
            while k + 1 < words.count {
                guard let value = Double(words[k + 1]) else { throw ReadError(words.joined(separator: " ")) }
                if words[k] == objectiveRow { offset = -value }
                k += 2
            }
        default:
            return
        }
    }

    /// The objective at `values` (by column name; missing columns are 0).
    func objectiveValue(at values: [String: Double]) -> Double {
        objective.reduce(offset) { $0 + $1.value * (values[$1.key] ?? 0) }
    }

    struct ReadError: Error { var line: String; init(_ line: String) { self.line = line } }
}
