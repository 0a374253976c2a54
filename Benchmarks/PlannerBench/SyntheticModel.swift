import LineModel

/// Synthetic line models of a chosen size, for scaling benchmarks. Deterministic: the same size gives the same
/// model (a small LCG drives the numbers), so runs are comparable.
enum SyntheticModel {
    struct Size: CustomStringConvertible {
        var sites: Int, stations: Int, products: Int, periods: Int
        var description: String { "\(sites)x\(stations)x\(products)x\(periods)" }
    }

    static func make(_ size: Size) -> LineModel {
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Double(rng >> 11) * 0x1p-53
        }
        let periods = (0..<size.periods).map { Period(id: "t\($0)", hoursPerTool: 2000) }
        var sites: [Site] = []
        for s in 0..<size.sites {
            var stations: [Station] = []
            for k in 0..<size.stations {
                stations.append(Station(
                    id: "k\(k)", installedTools: 2 + Int(uniform() * 8), availability: .fraction(0.85 + 0.1 * uniform()),
                    utilizationCap: 0.9, toolPrice: 2e5 + 8e5 * uniform(), leadTimePeriods: Int(uniform() * 2),
                    maxTools: 40, operatingCostPerToolHour: 20 + 30 * uniform()))
            }
            sites.append(Site(id: "s\(s)", stations: stations))
        }
        let dies = [DieType(id: "die", widthMillimetres: 4, heightMillimetres: 5)]
        var products: [Product] = []
        for p in 0..<size.products {
            let steps = min(size.stations, 6 + Int(uniform() * 6))
            var route: [RouteStep] = []
            var start = Int(uniform() * Double(size.stations))
            for _ in 0..<steps {
                route.append(RouteStep(station: "k\(start % size.stations)", rate: .unitsPerHour(500 + 5000 * uniform()),
                                       yield: 0.995 + 0.005 * uniform()))
                start += 1 + Int(uniform() * 2)
            }
            let allowed = (0..<size.sites).filter { _ in uniform() < 0.6 }.map { "s\($0)" }
            var demand: [String: Double] = [:]
            for (i, period) in periods.enumerated() { demand[period.id] = (2e5 + 2e6 * uniform()) * (1 + 0.1 * Double(i)) }
            products.append(Product(id: "p\(p)", route: route, sites: allowed.isEmpty ? ["s0"] : allowed,
                                    dies: [DieUse(dieType: "die", perUnit: 1)], demand: demand,
                                    pricePerUnit: 5 + 20 * uniform(), unmetPenaltyPerUnit: 1, materialCostPerUnit: 1))
        }
        var starts: [String: Double] = [:]
        var d0: [String: Double] = [:]
        for (i, period) in periods.enumerated() {
            starts[period.id] = 2000 + 1000 * Double(i)
            d0[period.id] = max(0.1, 0.6 - 0.1 * Double(i))
        }
        let fab = Fab(id: "fab", waferDiameterMillimetres: 300, edgeExclusionMillimetres: 3, scribeMillimetres: 0.08,
                      defectDensityPerCm2: d0, waferStartsPerPeriod: starts, waferCost: 3000, cycleTimePeriods: 0,
                      sortYield: 0.98, dieTypes: ["die"])
        return LineModel(name: "synthetic \(size)", periods: periods, sites: sites, dieTypes: dies, products: products,
                         fab: fab, dieSuppliers: [DieSupplier(id: "vendor", dieType: "die", costPerDie: 2)])
    }
}
