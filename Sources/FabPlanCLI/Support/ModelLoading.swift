import Foundation
import FabPlan

/// Loads and validates a line-model file (`-`: standard input); every problem becomes one `invalidInput`
/// error listing them all (exit 2).
func loadModel(_ path: String) throws -> LineModel {
    do {
        return try LineModelLoader.load(path: path)
    } catch {
        throw CLIError.classify(error)
    }
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
