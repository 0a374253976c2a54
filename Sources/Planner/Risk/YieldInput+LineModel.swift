import LineModel
import YieldMC

/// Starts (and optionally tools and wafers) from a plan, as read from `--plan PLAN.json`:
///
/// ```json
/// { "starts": [ { "product": "fcbga-cpu", "site": "hcm", "period": "2027", "units": 1200000 } ],
///   "tools":  [ { "site": "hcm", "station": "final-test", "period": "2027", "count": 42 } ],
///   "wafers": [ { "dieType": "cpu-die", "period": "2027", "wafers": 9000 } ] }
/// ```
/// `tools` and `wafers` are optional: without them stations keep their installed tools and the fab's wafer
/// capacity is split over its die types in proportion to the dies the starts need. Entries for the same key add up.
public struct PlanStarts: Codable, Sendable, Hashable {
    /// Units started of a product at a site in a period.
    public struct Start: Codable, Sendable, Hashable {
        public var product: String
        public var site: String
        public var period: String
        public var units: Double
        public init(product: String, site: String, period: String, units: Double) {
            self.product = product; self.site = site; self.period = period; self.units = units
        }
    }
    /// Tools in service of a station at a site in a period (replaces the installed count).
    public struct Tools: Codable, Sendable, Hashable {
        public var site: String
        public var station: String
        public var period: String
        public var count: Double
        public init(site: String, station: String, period: String, count: Double) {
            self.site = site; self.station = station; self.period = period; self.count = count
        }
    }
    /// Wafers of a fab die type whose dies arrive in a period.
    public struct Wafers: Codable, Sendable, Hashable {
        public var dieType: String
        public var period: String
        public var wafers: Double
        public init(dieType: String, period: String, wafers: Double) {
            self.dieType = dieType; self.period = period; self.wafers = wafers
        }
    }
    public var starts: [Start]
    public var tools: [Tools]?
    public var wafers: [Wafers]?

    public init(starts: [Start], tools: [Tools]? = nil, wafers: [Wafers]? = nil) {
        self.starts = starts
        self.tools = tools
        self.wafers = wafers
    }
}

/// A line model or plan that cannot be turned into an estimator input: where and what.
public struct YieldInputBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Key path, e.g. `plan.starts[3].site` or `products[1].route[2].station`.
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}

extension YieldInput {
    /// The estimator input for a line model, simulating `plan` if given, else the model "at demand".
    ///
    /// Mapping (documented in docs/yield-model.md):
    /// - Stations of every site, flattened, named "site/station"; tools = installed (or the plan's `tools`);
    ///   `.reliability(mtbf, mttr)` gives random up hours, `.fraction(a)` deterministic ones.
    /// - Fab: per die type it makes, gross dies = floor(DPW); the dies arriving in period t come from wafers
    ///   started in t − cycleTimePeriods, with that period's D0. Yield models other than negative binomial map to
    ///   the gamma-mixed model with α = 1e6 (Poisson), α = 1 (Seeds), or the fab's α (Murphy, exp-sqrt: approximated).
    /// - Die supply (`dieSupply`): per trial, a die type's need is met from the fab's sorted good dies first, then
    ///   capped suppliers up to the sum of their caps, then an uncapped supplier if there is one. Die types sold
    ///   only without a cap never limit starts and are left out.
    /// - Without a plan, starts = demand / nominal route yield, split evenly over the product's sites.
    public init(
        model: LineModel, plan: PlanStarts? = nil, unitsPerLot: Double = 1000, variability: Variability = .full
    ) throws(YieldInputBuildError) {
        // The loader's rules first (models built in code): the first problem, with how many more there are.
        let problems = LineModelValidator.problems(in: model)
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problems)" : ""
            throw YieldInputBuildError(path: first.keyPath, message: first.message + more)
        }
        let periodIDs = model.periods.map(\.id)
        let P = periodIDs.count
        func periodIndex(_ id: String, _ path: String) throws(YieldInputBuildError) -> Int {
            guard let t = periodIDs.firstIndex(of: id) else {
                throw YieldInputBuildError(path: path, message: "unknown period '\(id)'")
            }
            return t
        }

        // Stations.
        var stationIndex: [String: Int] = [:]
        var stations: [YieldStation] = []
        for site in model.sites {
            for st in site.stations {
                var mtbf: Double? = nil, mttr: Double? = nil
                if case .reliability(let b, let r) = st.availability { mtbf = b; mttr = r }
                stationIndex["\(site.id)\u{0}\(st.id)"] = stations.count
                stations.append(YieldStation(
                    name: "\(site.id)/\(st.id)", toolsPerPeriod: Array(repeating: Double(st.installedTools), count: P),
                    mtbfHours: mtbf, mttrHours: mttr, availability: st.availability.fraction,
                    utilizationCap: st.utilizationCap))
            }
        }
        for (i, entry) in (plan?.tools ?? []).enumerated() {
            let path = "plan.tools[\(i)]"
            guard let s = stationIndex["\(entry.site)\u{0}\(entry.station)"] else {
                throw YieldInputBuildError(path: path, message: "no station '\(entry.station)' at site '\(entry.site)'")
            }
            let t = try periodIndex(entry.period, "\(path).period")
            stations[s].toolsPerPeriod[t] = entry.count
        }

        // Starts per (product, site, period).
        var startsByKey: [String: [Double]] = [:]
        func key(_ product: String, _ site: String) -> String { "\(product)\u{0}\(site)" }
        if let plan {
            for (i, entry) in plan.starts.enumerated() {
                let path = "plan.starts[\(i)]"
                guard let product = model.products.first(where: { $0.id == entry.product }) else {
                    throw YieldInputBuildError(path: "\(path).product", message: "unknown product '\(entry.product)'")
                }
                guard product.sites.contains(entry.site) else {
                    throw YieldInputBuildError(path: "\(path).site", message: "product '\(entry.product)' is not built at site '\(entry.site)'")
                }
                let t = try periodIndex(entry.period, "\(path).period")
                guard entry.units.isFinite && entry.units >= 0 else {
                    throw YieldInputBuildError(path: "\(path).units", message: "must be finite and ≥ 0, got \(entry.units)")
                }
                startsByKey[key(entry.product, entry.site), default: Array(repeating: 0, count: P)][t] += entry.units
            }
        } else {
            for product in model.products where !product.sites.isEmpty {
                let routeYield = product.routeYield
                for site in product.sites {
                    startsByKey[key(product.id, site)] = periodIDs.map { id in
                        (product.demand[id] ?? 0) / routeYield / Double(product.sites.count)
                    }
                }
            }
        }

        // Supply-limited die types: what the fab makes (with its wafers) and what capped suppliers sell.
        let supply = try Self.dieSupply(model: model, plan: plan, periodIndex: periodIndex) { product, site, t in
            startsByKey[key(product, site)]?[t] ?? 0
        }
        let fab = supply.fab
        let fabDieIndex = supply.index

        // Products and routes.
        var products: [YieldProduct] = []
        for (p, product) in model.products.enumerated() {
            let fabUse = product.dies.first { fabDieIndex[$0.dieType] != nil }
            var routes: [YieldRoute] = []
            for site in product.sites {
                var steps: [YieldStep] = []
                for (k, step) in product.route.enumerated() {
                    guard let s = stationIndex["\(site)\u{0}\(step.station)"] else {
                        throw YieldInputBuildError(path: "products[\(p)].route[\(k)].station",
                                                   message: "no station '\(step.station)' at site '\(site)'")
                    }
                    steps.append(YieldStep(name: step.name, stationIndex: s, secondsPerUnit: step.toolSecondsPerEnteringUnit,
                                           nominalYield: step.yield, yieldConcentration: step.yieldConcentration))
                }
                routes.append(YieldRoute(
                    site: site, startsPerPeriod: startsByKey[key(product.id, site)] ?? Array(repeating: 0, count: P),
                    fabDieType: fabUse.flatMap { fabDieIndex[$0.dieType] }, fabDiesPerUnit: fabUse?.perUnit ?? 0,
                    steps: steps))
            }
            products.append(YieldProduct(
                name: product.id, demandPerPeriod: periodIDs.map { product.demand[$0] ?? 0 },
                demandCV: product.demandCV, routes: routes))
        }

        self.init(
            periods: model.periods.map { YieldPeriod(name: $0.id, hoursPerTool: $0.hoursPerTool) },
            stations: stations, fab: fab, products: products, unitsPerLot: unitsPerLot, variability: variability)
    }
}

extension YieldInput {
    /// The supply-limited die types of `model` in estimator form, and their index by die type id: every die
    /// type the fab makes (wafers from the plan, else the fab's wafer starts split by need; see `fabWafers`) and
    /// every die type sold only by capped suppliers (no wafers). Each carries the sum of its capped suppliers'
    /// caps per period and whether an uncapped supplier sells it. Die types sold only without a cap are left
    /// out (never short). `starts(product, site, t)` gives the starts the fab's wafer split follows.
    static func dieSupply(
        model: LineModel, plan: PlanStarts?, periodIndex: (String, String) throws(YieldInputBuildError) -> Int,
        starts: (String, String, Int) -> Double
    ) throws(YieldInputBuildError) -> (fab: YieldFab?, index: [String: Int]) {
        let made = model.fab?.dieTypes.filter { model.dieType($0) != nil } ?? []
        let cappedOnly = model.dieSuppliers.map(\.dieType).filter { id in
            !made.contains(id) && model.dieType(id) != nil
                && model.dieSuppliers.allSatisfy { $0.dieType != id || $0.capPerPeriod != nil }
        }
        var dies: [YieldDieType] = []
        var index: [String: Int] = [:]
        for id in made + cappedOnly where index[id] == nil {
            index[id] = dies.count
            dies.append(dieType(id, model: model, madeByFab: made.contains(id)))
        }
        guard !dies.isEmpty else { return (nil, [:]) }
        guard let f = model.fab else { return (YieldFab(clusteringAlpha: 1, sortYield: 1, dieTypes: dies), index) }
        try fabWafers(into: &dies, index: index, fab: f, model: model, plan: plan, periodIndex: periodIndex, starts: starts)
        let alpha: Double
        switch f.yieldModel {
        case .poisson: alpha = 1e6
        case .seedsExponential: alpha = 1
        case .negativeBinomial, .murphy, .expSqrt: alpha = f.clusteringAlpha
        }
        return (YieldFab(clusteringAlpha: alpha, sortYield: f.sortYield, dieTypes: dies), index)
    }

    /// One supply-limited die type with no wafers yet: the fab's gross dies and D0 per arrival period when the
    /// fab makes it (dies arriving in t come from wafers started in t − cycleTimePeriods), its capped
    /// suppliers' caps summed per period, and whether an uncapped supplier sells it.
    static func dieType(_ id: String, model: LineModel, madeByFab: Bool) -> YieldDieType {
        let P = model.periods.count
        let suppliers = model.dieSuppliers.filter { $0.dieType == id }
        let caps = suppliers.compactMap(\.capPerPeriod)
        let capped = caps.isEmpty ? nil : model.periods.map { p in caps.reduce(0.0) { $0 + ($1[p.id] ?? 0) } }
        let unlimited = suppliers.contains { $0.capPerPeriod == nil }
        guard madeByFab, let f = model.fab, let die = model.dieType(id) else {
            return YieldDieType(name: id, grossDiesPerWafer: 0, dieAreaSquareCentimetres: 0,
                                defectDensityPerCm2: Array(repeating: 0, count: P), wafersPerPeriod: Array(repeating: 0, count: P),
                                cappedPurchasePerPeriod: capped, unlimitedPurchase: unlimited)
        }
        let d0 = (0..<P).map { t in f.defectDensity(periodIndex: Swift.max(0, t - f.cycleTimePeriods), periods: model.periods) }
        return YieldDieType(
            name: id, grossDiesPerWafer: f.grossDiesPerWafer(for: die), dieAreaSquareCentimetres: die.areaSquareCentimetres,
            defectDensityPerCm2: d0, wafersPerPeriod: Array(repeating: 0, count: P),
            cappedPurchasePerPeriod: capped, unlimitedPurchase: unlimited)
    }

    /// Fills the fab's wafers per die type and arrival period: the plan's `wafers` if given, else the fab's
    /// wafer starts of period t − cycleTimePeriods split over its die types in proportion to the wafers the
    /// starts need (the fab runs at its capacity; dies beyond the need are not used).
    static func fabWafers(
        into dies: inout [YieldDieType], index: [String: Int], fab f: Fab, model: LineModel, plan: PlanStarts?,
        periodIndex: (String, String) throws(YieldInputBuildError) -> Int, starts: (String, String, Int) -> Double
    ) throws(YieldInputBuildError) {
        if let planned = plan?.wafers {
            for (i, entry) in planned.enumerated() {
                let path = "plan.wafers[\(i)]"
                guard let d = index[entry.dieType], f.dieTypes.contains(entry.dieType) else {
                    throw YieldInputBuildError(path: "\(path).dieType", message: "'\(entry.dieType)' is not a die type the fab makes")
                }
                let t = try periodIndex(entry.period, "\(path).period")
                dies[d].wafersPerPeriod[t] += entry.wafers
            }
            return
        }
        let periodIDs = model.periods.map(\.id)
        for t in periodIDs.indices {
            let startPeriod = t - f.cycleTimePeriods
            let capacity = startPeriod >= 0 ? (f.waferStartsPerPeriod[periodIDs[startPeriod]] ?? 0) : 0
            var need = Array(repeating: 0.0, count: dies.count)
            for product in model.products {
                for use in product.dies {
                    guard let d = index[use.dieType] else { continue }
                    for site in product.sites { need[d] += starts(product.id, site, t) * use.perUnit }
                }
            }
            let totalWaferNeed = need.indices.reduce(0.0) { acc, d in
                acc + (dies[d].grossDiesPerWafer > 0 ? need[d] / dies[d].grossDiesPerWafer : 0)
            }
            for d in dies.indices where totalWaferNeed > 0 && dies[d].grossDiesPerWafer > 0 {
                dies[d].wafersPerPeriod[t] = capacity * (need[d] / dies[d].grossDiesPerWafer) / totalWaferNeed
            }
        }
    }
}
