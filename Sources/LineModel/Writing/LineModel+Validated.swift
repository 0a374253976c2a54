extension LineModel {
    /// Checks a model built or changed in code (a scenario's overrides, a generated model) with every rule of
    /// the loader, by writing it in the file format and loading it back.
    ///
    /// - Parameter label: names the model in error locations.
    /// - Returns: the model as the loader reads it (equal to `self` when valid).
    /// - Throws: `LineModelError`; key paths (e.g. `products.fcbga-cpu.route[4].yield`) say what is wrong,
    ///   and line numbers refer to the text of `LineModelWriter.json(self)`.
    public func validated(label: String = "<in-memory model>") throws -> LineModel {
        try LineModelLoader.load(yaml: LineModelWriter.json(self), fileName: label)
    }
}
