/// A problem in a dataset file that an importer reads: where (file, line, column name) and what.
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it (folder + file name).
    public var file: String
    /// 1-based line of the file; 0 for the whole file.
    public var line: Int
    /// Column name (the header's word), `nil` for a whole row or file.
    public var column: String?
    /// What is wrong, in the dataset's terms.
    public var message: String

    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line: column NAME: message`.
    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return column.map { "\(place): column \($0): \(message)" } ?? "\(place): \(message)"
    }
}
