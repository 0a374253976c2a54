import FabPlan

/// `--fixed-mix`: `nominal` or `product=share,...` (shares ≥ 0, at least one > 0, products of the model).
enum FixedMixArgument {
    static func parse(_ text: String, model: LineModel) throws -> FixedMix {
        if text == "nominal" { return .nominal(model) }
        var shares: [String: Double] = [:]
        let ids = Set(model.products.map(\.id))
        for part in text.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, let share = Double(kv[1]), share.isFinite, share >= 0 else {
                throw CLIError.invalidInput("--fixed-mix: '\(part)' is not product=share with a share ≥ 0")
            }
            guard ids.contains(kv[0]) else {
                throw CLIError.invalidInput("--fixed-mix: no product '\(kv[0])' in the model (products: \(ids.sorted().joined(separator: ", ")))")
            }
            shares[kv[0]] = share
        }
        guard shares.values.contains(where: { $0 > 0 }) else {
            throw CLIError.invalidInput("--fixed-mix: give at least one product a share > 0")
        }
        return FixedMix(shares: shares)
    }
}
