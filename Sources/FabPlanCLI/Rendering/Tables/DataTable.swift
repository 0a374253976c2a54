/// One cell of a data table: a number (a typed numeric cell in a workbook), text, or nothing.
enum DataCell: Equatable {
    case number(Double)
    case text(String)
    case empty

    /// `x` as a number cell, or an empty cell for nil.
    static func num(_ x: Double?) -> DataCell { x.map { .number($0) } ?? .empty }
}

/// A column of a data table: its name and the unit of its values (nil for identifiers and text).
struct DataColumn {
    var name: String
    var unit: String?
    init(_ name: String, _ unit: String? = nil) { self.name = name; self.unit = unit }

    /// Header in a workbook or HTML table: "good output (units)".
    var label: String { unit.map { "\(name) (\($0))" } ?? name }
    /// Header in a CSV file: snake case with the unit, "good_output_units".
    var csvName: String {
        let words = ([name] + (unit.map { [$0] } ?? [])).joined(separator: " ")
        return words.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
            .split(separator: "_", omittingEmptySubsequences: true).joined(separator: "_")
    }
}

/// A named table of typed cells, the form in which CSV files and workbook sheets hold a report's tables.
struct DataTable {
    /// Short name: the CSV file's stem and the workbook sheet's name ("products").
    var name: String
    var columns: [DataColumn]
    var rows: [[DataCell]] = []

    init(_ name: String, _ columns: [DataColumn]) { self.name = name; self.columns = columns }

    mutating func add(_ row: [DataCell]) { rows.append(row) }

    /// RFC 4180 CSV: CSV header names, numbers that round-trip exactly, text quoted where needed.
    func csv() -> String {
        var t = CSVTable(header: columns.map(\.csvName))
        for r in rows {
            t.add(r.map { c in
                switch c {
                case .number(let x): return Fmt.raw(x)
                case .text(let s): return s
                case .empty: return ""
                }
            })
        }
        return t.render()
    }
}
