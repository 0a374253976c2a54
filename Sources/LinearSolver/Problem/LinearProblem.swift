/// A linear or mixed-integer program in sparse form, independent of any solver.
///
///     minimize / maximize   c·x + c0
///     subject to            rowLower ≤ A x ≤ rowUpper
///                           colLower ≤ x ≤ colUpper,  x_j integer for integer/binary columns
///
/// Infinite bounds are written as `-.infinity` / `.infinity`; the GLPK layer turns them into bound *types*
/// (GLPK must never see an infinite number). Everything else is validated by `validate()` before GLPK is
/// touched, and every problem is reported with the name of the offending row or column.
public struct LinearProblem: Sendable, Hashable {
    /// Optimization direction.
    public enum Sense: String, Sendable, Hashable, Codable { case minimize, maximize }
    /// Column kind.
    public enum Kind: String, Sendable, Hashable, Codable { case continuous, integer, binary }

    /// A column (variable).
    public struct Column: Sendable, Hashable {
        /// Unique among columns, ≤ 255 UTF-8 bytes, no control characters; empty = unnamed.
        public var name: String
        /// Bounds; `-.infinity` / `.infinity` for none. A binary column's upper bound `.infinity` means 1.
        public var lower: Double
        public var upper: Double
        /// Objective coefficient c_j.
        public var objective: Double
        public var kind: Kind
        public init(name: String, lower: Double = 0, upper: Double = .infinity, objective: Double = 0, kind: Kind = .continuous) {
            self.name = name; self.lower = lower; self.upper = upper; self.objective = objective; self.kind = kind
        }
    }

    /// A row (constraint) `lower ≤ Σ a_ij x_j ≤ upper`.
    public struct Row: Sendable, Hashable {
        /// Unique among rows, ≤ 255 UTF-8 bytes, no control characters; empty = unnamed.
        public var name: String
        /// Bounds on the row activity; equal for an equality row, infinite for none.
        public var lower: Double
        public var upper: Double
        public init(name: String, lower: Double = -.infinity, upper: Double = .infinity) {
            self.name = name; self.lower = lower; self.upper = upper
        }
    }

    /// One nonzero of the constraint matrix, 0-based row and column indices.
    public struct Entry: Sendable, Hashable {
        /// 0-based row index.
        public var row: Int
        /// 0-based column index.
        public var column: Int
        /// Coefficient a_ij (finite; an explicit 0 is accepted and not stored by GLPK).
        public var value: Double
        public init(row: Int, column: Int, value: Double) { self.row = row; self.column = column; self.value = value }
    }

    /// Problem name (exported to files).
    public var name: String
    public var sense: Sense
    /// Constant term of the objective.
    public var objectiveConstant: Double
    public var columns: [Column]
    public var rows: [Row]
    /// Nonzeros as triplets (no duplicates (row, column) allowed).
    public var entries: [Entry]

    public init(name: String = "problem", sense: Sense = .minimize, objectiveConstant: Double = 0,
                columns: [Column] = [], rows: [Row] = [], entries: [Entry] = []) {
        self.name = name; self.sense = sense; self.objectiveConstant = objectiveConstant
        self.columns = columns; self.rows = rows; self.entries = entries
    }

    /// Appends a column and returns its index.
    @discardableResult
    public mutating func addColumn(_ c: Column) -> Int { columns.append(c); return columns.count - 1 }
    /// Appends a row and returns its index.
    @discardableResult
    public mutating func addRow(_ r: Row) -> Int { rows.append(r); return rows.count - 1 }
    /// Appends a nonzero.
    public mutating func add(row: Int, column: Int, _ value: Double) { entries.append(Entry(row: row, column: column, value: value)) }

    /// True if any column is integer or binary.
    public var isMIP: Bool { columns.contains { $0.kind != .continuous } }
}

extension LinearProblem {
    /// Appends matrix entries given in compressed-column form (CSC) for the columns `firstColumn ..<
    /// firstColumn + columnStarts.count − 1`: the entries of column `firstColumn + j` are
    /// `rowIndices[columnStarts[j] ..< columnStarts[j + 1]]` with `values` alongside (0-based rows).
    /// Throws `SolverError.invalidProblem` if the arrays do not describe a CSC matrix; indices and values are
    /// checked later by `validate()` like any entry.
    public mutating func appendCompressedColumns(firstColumn: Int = 0, columnStarts: [Int], rowIndices: [Int], values: [Double]) throws {
        var issues: [String] = []
        if rowIndices.count != values.count {
            issues.append("compressed columns: \(rowIndices.count) row indices but \(values.count) values")
        }
        if columnStarts.first != 0 { issues.append("compressed columns: columnStarts must begin with 0") }
        if columnStarts.last != rowIndices.count {
            issues.append("compressed columns: columnStarts must end with the number of entries \(rowIndices.count)")
        }
        for j in columnStarts.indices.dropFirst() where columnStarts[j] < columnStarts[j - 1] {
            issues.append("compressed columns: columnStarts decreases at position \(j)")
        }
        guard issues.isEmpty else { throw SolverError.invalidProblem(issues) }
        entries.reserveCapacity(entries.count + rowIndices.count)
        for j in 0..<(columnStarts.count - 1) {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                entries.append(Entry(row: rowIndices[k], column: firstColumn + j, value: values[k]))
            }
        }
    }
}
