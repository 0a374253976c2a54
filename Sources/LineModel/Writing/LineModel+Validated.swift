extension LineModel {
    /// Checks a model built or changed in code (a scenario's overrides, a generated model) with every rule of
    /// the loader (`LineModelValidator`), and returns it unchanged when valid.
    ///
    /// - Parameter label: names the model in error locations.
    /// - Throws: `LineModelError`; key paths (e.g. `products.fcbga-cpu.route[4].yield`) say what is wrong.
    public func validated(label: String = LineModelValidator.inMemoryLabel) throws -> LineModel {
        try validate(label: label)
        return self
    }
}
