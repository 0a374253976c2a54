import LineModel
import LinearSolver

extension FormulationBuilder {
    /// Unmet demand m[p,t] and, for products with a holding cost, inventory I[p,t] (kilo-units). Sales = demand −
    /// unmet, so revenue and shipped units are a constant (all demand) minus the unmet columns.
    mutating func addUnmetAndInventoryColumns() {
        let U = PlanScale.units, M = PlanScale.money
        for product in model.products {
            var unmet = emptySeries
            var inventory = emptySeries
            for t in 0..<periodCount {
                let demand = product.demand[period(t)] ?? 0
                accounting.revenueConstant += product.pricePerUnit * demand / M
                accounting.salesConstant += demand / U
                unmet[t] = addColumn("unmet[\(product.id),\(period(t))]", revenue: -product.pricePerUnit * U / M,
                                     penalty: product.unmetPenaltyPerUnit * U / M, sales: -1)
                if let h = product.holdingCostPerUnitPeriod {
                    inventory[t] = addColumn("inventory[\(product.id),\(period(t))]", cost: h * U / M)
                }
            }
            columns.unmet.append(unmet)
            columns.inventory.append(inventory)
        }
    }
}
