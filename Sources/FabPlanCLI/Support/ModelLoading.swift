import FabPlan

/// Loads and validates a line-model file; every problem becomes one `invalidInput` error listing them all.
func loadModel(_ path: String) throws -> LineModel {
    do {
        return try LineModelLoader.load(path: path)
    } catch {
        throw CLIError.invalidInput(String(describing: error))
    }
}
