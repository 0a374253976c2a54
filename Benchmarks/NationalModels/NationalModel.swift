import LineModel

/// Deterministic national-scale line models for scaling benchmarks and the formulation-equivalence tests:
/// `sites` sites of `stations` station kinds each, `products` products, `periods` quarters. The same size and
/// seed always give the same model (a 64-bit LCG draws every number), so runs are comparable across machines.
///
/// Structure (what couples the sites): every product may be built at about half the sites, and its dies come
/// from one fab making four die types (cycle time one period, wafer starts ramping up) or from capped outside
/// suppliers; capital budgets per period and in total bind tool purchases across sites. A third of the products
/// carry inventory. Demand grows 3 % a quarter from a random base, so purchases pay off in later periods.
public enum NationalModel {
    /// The dimensions of a generated model.
    public struct Size: Sendable, Hashable, CustomStringConvertible {
        public var sites: Int, stations: Int, products: Int, periods: Int
        public init(sites: Int, stations: Int, products: Int, periods: Int) {
            self.sites = sites; self.stations = stations; self.products = products; self.periods = periods
        }
        /// `sites x stations x products x periods`, as the benchmark tables write it.
        public var description: String { "\(sites)x\(stations)x\(products)x\(periods)" }
        /// Parses "6x40x120x20"; `nil` unless four positive integers.
        public init?(_ text: String) {
            let n = text.split(separator: "x").compactMap { Int($0) }
            guard n.count == 4, n.allSatisfy({ $0 > 0 }) else { return nil }
            self.init(sites: n[0], stations: n[1], products: n[2], periods: n[3])
        }
    }

    /// The model of `size`; `seed` picks another model of the same size.
    public static func make(_ size: Size, seed: UInt64 = 1) -> LineModel {
        var rng = Draws(seed: seed)
        let periods = (0..<size.periods).map { Period(id: "q\($0 + 1)", hoursPerTool: 2000) }
        let sites = (0..<size.sites).map { s in Site(id: "site\(s + 1)", stations: stations(size, &rng)) }
        let dieTypes = (0..<4).map { DieType(id: "die\($0 + 1)", widthMillimetres: 3 + Double($0), heightMillimetres: 4 + Double($0)) }
        let products = (0..<size.products).map { product($0, size, periods, dieTypes, &rng) }
        let firstDemand = products.reduce(0) { $0 + ($1.demand[periods[0].id] ?? 0) }
        return LineModel(name: "national \(size) seed \(seed)", periods: periods, sites: sites, dieTypes: dieTypes,
                         products: products, fab: fab(periods, dieTypes, firstDemand),
                         dieSuppliers: suppliers(periods, dieTypes, firstDemand), budget: budget(size, periods))
    }

    private static func stations(_ size: Size, _ rng: inout Draws) -> [Station] {
        (0..<size.stations).map { k in
            let installed = 2 + Int(rng.uniform() * 6)
            return Station(id: "k\(k + 1)", installedTools: installed, availability: .fraction(0.85 + 0.1 * rng.uniform()),
                           utilizationCap: 0.9, toolPrice: 2e5 + 1.8e6 * rng.uniform(), leadTimePeriods: Int(rng.uniform() * 3),
                           maxTools: installed + 10 + Int(rng.uniform() * 30), operatingCostPerToolHour: 20 + 40 * rng.uniform())
        }
    }

    private static func product(_ p: Int, _ size: Size, _ periods: [Period], _ dies: [DieType], _ rng: inout Draws) -> Product {
        let steps = min(size.stations, 8 + Int(rng.uniform() * 7))
        var station = Int(rng.uniform() * Double(size.stations))
        var route: [RouteStep] = []
        for _ in 0..<steps {
            route.append(RouteStep(station: "k\(station % size.stations + 1)", rate: .unitsPerHour(800 + 6000 * rng.uniform()),
                                   yield: 0.99 + 0.01 * rng.uniform()))
            station += 1 + Int(rng.uniform() * 3)
        }
        var allowed = (0..<size.sites).filter { _ in rng.uniform() < 0.5 }.map { "site\($0 + 1)" }
        if allowed.isEmpty { allowed = ["site\(p % size.sites + 1)"] }
        // Demand loads the installed tools about 1.25x on average in the first quarter: a station has ~5 tools of
        // ~1,700 effective hours at ~3,800 units an hour, and carries its share of P·steps visits over S·K stations.
        let visitsPerStation = Double(size.products * min(size.stations, 11)) / Double(size.sites * size.stations)
        let base = (0.6 + 0.8 * rng.uniform()) * 1.25 * 5 * 1700 * 3800 / visitsPerStation
        var demand: [String: Double] = [:]
        for (t, period) in periods.enumerated() { demand[period.id] = (base * (1 + 0.03 * Double(t))).rounded() }
        let die = dies[Int(rng.uniform() * Double(dies.count))]
        let price = 4 + 16 * rng.uniform()
        return Product(id: "p\(p + 1)", route: route, sites: allowed, dies: [DieUse(dieType: die.id, perUnit: 1)],
                       demand: demand, pricePerUnit: price, unmetPenaltyPerUnit: 0.5,
                       holdingCostPerUnitPeriod: p % 3 == 0 ? 0.02 * price : nil, materialCostPerUnit: 0.5 + rng.uniform())
    }

    /// A fab whose wafer starts cover about half the first quarter's dies (~2,500 good dies a wafer), ramping 3 %.
    private static func fab(_ periods: [Period], _ dies: [DieType], _ firstDemand: Double) -> Fab {
        var starts: [String: Double] = [:]
        var d0: [String: Double] = [:]
        for (t, period) in periods.enumerated() {
            starts[period.id] = (0.5 * firstDemand / 2500 * (1 + 0.03 * Double(t))).rounded()
            d0[period.id] = max(0.08, 0.4 - 0.03 * Double(t))
        }
        return Fab(id: "fab", waferDiameterMillimetres: 300, edgeExclusionMillimetres: 3, scribeMillimetres: 0.08,
                   defectDensityPerCm2: d0, waferStartsPerPeriod: starts, waferCost: 3000, cycleTimePeriods: 1,
                   sortYield: 0.98, dieTypes: dies.map(\.id))
    }

    /// One supplier per die type, capped at 30 % of the first quarter's dies of all types.
    private static func suppliers(_ periods: [Period], _ dies: [DieType], _ firstDemand: Double) -> [DieSupplier] {
        dies.map { die in
            let cap = Dictionary(uniqueKeysWithValues: periods.map { ($0.id, (0.3 * firstDemand).rounded()) })
            return DieSupplier(id: "vendor-\(die.id)", dieType: die.id, costPerDie: 1.5, capPerPeriod: cap)
        }
    }

    private static func budget(_ size: Size, _ periods: [Period]) -> Budget {
        // About half a tool (average price 1.1 M) per station a quarter; in total 60 % of that.
        let perPeriod = 5.5e5 * Double(size.sites * size.stations)
        return Budget(capitalPerPeriod: Dictionary(uniqueKeysWithValues: periods.map { ($0.id, perPeriod) }),
                      capitalTotal: perPeriod * Double(periods.count) * 0.6)
    }
}

/// A 64-bit linear congruential generator (Knuth's MMIX constants); uniforms from its top 53 bits.
struct Draws {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
    /// A uniform number in [0, 1).
    mutating func uniform() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) * 0x1p-53
    }
}
