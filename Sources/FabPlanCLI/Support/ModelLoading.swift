import Foundation
import FabPlan

/// Loads and validates a line-model file or a scenario file (`-`: standard input) for a command that plans,
/// estimates or exports one model; every problem becomes one `invalidInput` error listing them all (exit 2).
///
/// A scenario file (a top-level `scenario:` key, docs/scenarios.md) is resolved through its `base:` chain to
/// the what-if model, exactly as `fabplan compare` resolves it; problems are located in the scenario file (an
/// override's line) or in its base model. The what-if's name says so: `NAME (scenario on BASE-NAME)`.
func loadModel(_ path: String) throws -> LineModel {
    try loadModelOrScenario(path).model
}

/// The model or scenario file at `path`, resolved and validated (see `loadModel`), with its chain.
func loadModelOrScenario(_ path: String) throws -> ResolvedScenario {
    do {
        return try resolveModelFile(path)
    } catch {
        throw CLIError.classify(error)
    }
}

/// The one way the CLI reads a model: a model file as it is, a scenario file resolved through its chain and
/// its model renamed `NAME (scenario on BASE-NAME)`. `validate` uses it directly to list each file's problems.
/// - Throws: `LineModelError` with every problem, located in the scenario files or the model.
func resolveModelFile(_ path: String) throws -> ResolvedScenario {
    var resolved = try ScenarioLoader.load(path: path)
    if resolved.isScenario { resolved.model.name = "\(resolved.name) (scenario on \(resolved.model.name))" }
    return resolved
}

extension ResolvedScenario {
    /// True when the file given was a scenario file (it builds on at least one base), false for a model file.
    var isScenario: Bool { !chain.isEmpty }
}

/// Decodes a JSON input file (a plan or a shard; `-`: standard input) with located errors (exit 2).
/// `what` names the expected document in the message, e.g. "a fabplan optimize JSON report".
func loadJSON<T: Decodable>(_ type: T.Type, path: String, what: String, decoder: JSONDecoder = JSONDecoder()) throws -> T {
    do {
        return try JSONInput.decode(type, path: path, decoder: decoder)
    } catch {
        var d = error.diagnostic
        d.message += " (expected \(what))"
        throw CLIError.invalidInput(d.description)
    }
}
