import LineModel

/// A fixed product mix: each product's starts are a stated share of the period's total starts (SMT2020's
/// nominal mix, a customer's split), so the plan can only scale the whole mix up or down.
public struct FixedMix: Sendable, Hashable, Codable {
    /// Share of the starts per product id, ≥ 0; products not listed get no starts. Normalized when built into
    /// the formulation, so only ratios matter.
    public var shares: [String: Double]

    public init(shares: [String: Double]) {
        self.shares = shares
    }

    /// The nominal mix of `model`: starts in proportion to demand / route yield over the whole horizon.
    public static func nominal(_ model: LineModel) -> FixedMix {
        FixedMix(shares: Dictionary(uniqueKeysWithValues: model.products.map { p in
            (p.id, p.routeYield > 0 ? p.demand.values.reduce(0, +) / p.routeYield : 0)
        }))
    }

    /// Shares over `products` in order, summing to 1 (all 0 when no share is positive).
    func normalized(_ products: [Product]) -> [Double] {
        let raw = products.map { max(0, shares[$0.id] ?? 0) }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }
}
