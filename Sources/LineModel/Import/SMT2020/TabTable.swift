import Foundation

/// A tab-separated dataset file with a header row (the format of the SMT2020 files): rows keep their line
/// numbers, and every cell read that fails throws a `DatasetError` naming the file, line and column.
struct TabTable {
    /// One data row: its 1-based line in the file and its cells by column name.
    struct Row {
        var line: Int
        var cells: [String: String]
    }

    let file: String
    let columns: [String]
    let rows: [Row]

    /// Largest file read, bytes (the biggest SMT2020 file is ~300 KB).
    static let maxBytes = 32 << 20

    /// Reads `path`, labelled `file` in errors; `required` columns must be in the header.
    init(path: String, file: String, required: [String]) throws(DatasetError) {
        self.file = file
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw DatasetError(file: file, line: 0, message: "no such file")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > Self.maxBytes {
            throw DatasetError(file: file, line: 0, message: "the file is \(size.intValue) bytes; at most \(Self.maxBytes) are read")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DatasetError(file: file, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw DatasetError(file: file, line: 0, message: "not text")
        }
        var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw DatasetError(file: file, line: 1, message: "the file is empty") }
        columns = header.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in required where !columns.contains(name) {
            throw DatasetError(file: file, line: 1, column: name, message: "the header has no column \(name)")
        }
        var rows: [Row] = []
        for (i, raw) in lines.enumerated().dropFirst() where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = raw.components(separatedBy: "\t")
            var cells: [String: String] = [:]
            for (c, name) in columns.enumerated() where c < fields.count && !name.isEmpty {
                cells[name] = fields[c].trimmingCharacters(in: .whitespaces)
            }
            rows.append(Row(line: i + 1, cells: cells))
        }
        self.rows = rows
    }

    /// The cell's text, "" when empty or missing.
    func text(_ row: Row, _ column: String) -> String { row.cells[column] ?? "" }

    /// A cell that must not be empty.
    func required(_ row: Row, _ column: String) throws(DatasetError) -> String {
        let t = text(row, column)
        guard !t.isEmpty else { throw error(row, column, "is empty; a value is needed") }
        return t
    }

    /// A number cell; `nil` when empty and not required. Must be finite and ≥ `minimum`.
    func number(_ row: Row, _ column: String, required: Bool = true, minimum: Double = 0) throws(DatasetError) -> Double? {
        let t = text(row, column)
        if t.isEmpty {
            if required { throw error(row, column, "is empty; a number is needed") }
            return nil
        }
        guard let x = Double(t), x.isFinite else { throw error(row, column, "'\(t)' is not a number") }
        guard x >= minimum else { throw error(row, column, "\(t) is below \(minimum)") }
        return x
    }

    /// A duration cell with its units cell (sec, min, hr, day), in seconds.
    func seconds(_ row: Row, _ column: String, units: String, required: Bool = true) throws(DatasetError) -> Double? {
        guard let x = try number(row, column, required: required) else { return nil }
        let u = text(row, units)
        guard let factor = Self.secondsPerUnit[u.lowercased()] else {
            throw error(row, units, "unknown time unit '\(u)' (expected sec, min, hr or day)")
        }
        return x * factor
    }

    static let secondsPerUnit: [String: Double] = [
        "sec": 1, "s": 1, "min": 60, "hr": 3600, "h": 3600, "hour": 3600, "day": 86_400, "days": 86_400,
    ]

    func error(_ row: Row, _ column: String?, _ message: String) -> DatasetError {
        DatasetError(file: file, line: row.line, column: column, message: message)
    }
}
