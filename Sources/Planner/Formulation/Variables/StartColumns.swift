import LineModel
import LinearSolver

extension FormulationBuilder {
    /// Starts x[p,s,t] (kilo-units) for every product at every allowed site that exists: material + operating
    /// cost of the load, good output Y_p (revenue is counted on sales, see the demand columns).
    mutating func addStartColumns() {
        let U = PlanScale.units, M = PlanScale.money
        for product in model.products {
            var perSite: [SiteStarts] = []
            for siteID in product.sites {
                guard let site = model.site(siteID) else { continue }
                let costPerKiloUnit = (product.materialCostPerUnit + Formulation.operatingCostPerUnit(product, at: site)) * U / M
                var series = emptySeries
                for t in 0..<periodCount {
                    series[t] = addColumn("start[\(product.id),\(siteID),\(period(t))]", cost: costPerKiloUnit,
                                          output: product.routeYield)
                }
                perSite.append(SiteStarts(site: siteID, columns: series))
            }
            columns.starts.append(perSite)
        }
    }
}

extension Formulation {
    /// Operating cost of one started unit of `product` at `site`: Σ_j ℓ_pj·opcost of the step's station.
    static func operatingCostPerUnit(_ product: Product, at site: Site) -> Double {
        let loads = product.loadSecondsPerStartedUnit
        var cost = 0.0
        for (j, step) in product.route.enumerated() {
            if let st = site.station(step.station) { cost += loads[j] / 3600 * st.operatingCostPerToolHour }
        }
        return cost
    }
}
