import LineModel

/// Small line models whose optimal plans were worked out by hand (the working is in each test).
enum PlanFixtures {
    /// A single-site model with the given stations and products over periods of `hours` hours per tool.
    static func model(periods: [String] = ["P1"], hours: Double = 1000, stations: [Station], products: [Product],
                      fab: Fab? = nil, dieTypes: [DieType] = [], suppliers: [DieSupplier] = [], budget: Budget = Budget()) -> LineModel {
        LineModel(name: "fixture", periods: periods.map { Period(id: $0, hoursPerTool: hours) },
                  sites: [Site(id: "s", stations: stations)], dieTypes: dieTypes, products: products, fab: fab,
                  dieSuppliers: suppliers, budget: budget)
    }

    static func product(_ id: String, steps: [RouteStep], demand: [String: Double], price: Double,
                        material: Double = 0, dies: [DieUse] = [], penalty: Double = 0) -> Product {
        Product(id: id, route: steps, sites: ["s"], dies: dies, demand: demand, pricePerUnit: price,
                unmetPenaltyPerUnit: penalty, materialCostPerUnit: material)
    }

    /// One station (2 tools, A = 0.9, 900 effective h each), one product at 100 UPH, yield 0.9.
    static var oneStationOneProduct: LineModel {
        model(stations: [Station(id: "bond", installedTools: 2, availability: .fraction(0.9), maxTools: 2)],
              products: [product("a", steps: [RouteStep(station: "bond", rate: .unitsPerHour(100), yield: 0.9)],
                                 demand: ["P1": 200_000], price: 10, material: 1)])
    }

    /// Two products competing for one 1,000-hour test station.
    static func twoProducts(demandScale: Double = 1) -> LineModel {
        model(stations: [Station(id: "test", installedTools: 1, availability: .fraction(1), maxTools: 1)],
              products: [
                product("a", steps: [RouteStep(station: "test", rate: .secondsPerUnit(36), yield: 1)], demand: ["P1": 60_000 * demandScale], price: 5),
                product("b", steps: [RouteStep(station: "test", rate: .secondsPerUnit(72), yield: 1)], demand: ["P1": 40_000 * demandScale], price: 8),
              ])
    }

    /// Attach (10 s, yield 0.5) then test (30 s, yield 1), one tool each (`testTools` at test).
    static func yieldCascade(testTools: Int = 1) -> LineModel {
        model(stations: [Station(id: "attach", installedTools: 1, availability: .fraction(1), maxTools: 1),
                         Station(id: "test", installedTools: testTools, availability: .fraction(1), maxTools: testTools)],
              products: [product("a", steps: [RouteStep(station: "attach", rate: .secondsPerUnit(10), yield: 0.5),
                                              RouteStep(station: "test", rate: .secondsPerUnit(30), yield: 1)],
                                 demand: ["P1": 1_000_000], price: 1)])
    }

    /// Three periods, one tool at 100 UPH, demand 150,000 per period, a tool costs 50,000 and takes a period.
    static var leadTime: LineModel {
        model(periods: ["P1", "P2", "P3"],
              stations: [Station(id: "test", installedTools: 1, availability: .fraction(1), toolPrice: 50_000, leadTimePeriods: 1)],
              products: [product("a", steps: [RouteStep(station: "test", rate: .unitsPerHour(100), yield: 1)],
                                 demand: ["P1": 150_000, "P2": 150_000, "P3": 150_000], price: 1)])
    }

    /// A fab of 100 wafers of 640 good dies (10 $/die) and a supplier at 20 $/die; demand 100,000 at 50 $.
    static var fabLimited: LineModel {
        let die = DieType(id: "soc", widthMillimetres: 10, heightMillimetres: 10)
        let fab = Fab(id: "fab", waferDiameterMillimetres: 300, defectDensityPerCm2: ["P1": 0], yieldModel: .poisson,
                      waferStartsPerPeriod: ["P1": 100], waferCost: 6_400, dieTypes: ["soc"])
        return model(stations: [Station(id: "pack", installedTools: 10, availability: .fraction(1))],
                     products: [product("a", steps: [RouteStep(station: "pack", rate: .secondsPerUnit(1), yield: 1)],
                                        demand: ["P1": 100_000], price: 50, dies: [DieUse(dieType: "soc", perUnit: 1)])],
                     fab: fab, dieTypes: [die], suppliers: [DieSupplier(id: "vendor", dieType: "soc", costPerDie: 20)])
    }

    /// No tools installed; a tool (100,000) makes 100,000 units worth 1.5 each; capital budget 250,000.
    static var budgetLimited: LineModel {
        model(stations: [Station(id: "test", installedTools: 0, availability: .fraction(1), toolPrice: 100_000)],
              products: [product("a", steps: [RouteStep(station: "test", rate: .unitsPerHour(100), yield: 1)],
                                 demand: ["P1": 1_000_000], price: 1.5)],
              budget: Budget(capitalTotal: 250_000))
    }
}
