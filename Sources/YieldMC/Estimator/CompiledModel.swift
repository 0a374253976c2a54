import Foundation

/// The input flattened into index arrays for the trial kernel (no optionals, no nested arrays in the hot path).
///
/// The kernel reads the tables through raw-pointer views (`waferLadder`, `stepLotView`), each stored next to the
/// array that owns its storage (`waferTable`, `stepLotTable`): every field is a `let`, so a copy of the model
/// always carries the owners with the views. A new view field must keep its owner beside it the same way.
struct CompiledModel: Sendable {
    let periodCount: Int
    let hoursPerTool: [Double]
    // Stations, [s * periodCount + t] for per-period values.
    let stationCount: Int
    let tools: [Double]
    let mtbf: [Double]
    let mttr: [Double]
    let hasFailureModel: [Bool]
    let availability: [Double]
    let utilizationCap: [Double]
    // Fab die types.
    let dieCount: Int
    let grossDies: [Double]
    let dieArea: [Double]
    let defectDensity: [Double]
    let wafers: [Double]
    let alpha: Double
    let sortYield: Double
    /// Dies per [d * periodCount + t] that capped suppliers deliver after the fab's (0: none).
    let cappedPurchase: [Double]
    /// Per die type: an uncapped supplier covers any remaining need.
    let unlimitedPurchase: [Bool]
    /// Good-dies tables per [d * periodCount + t] (nil: gamma and binomial per wafer, or no sampling needed).
    let waferTable: [WaferDieTable?]
    /// `waferTable` as raw-pointer views for the kernel (no reference counting per read; `waferTable` owns them).
    let waferLadder: [LadderView?]
    // Products and routes.
    let productCount: Int
    let demand: [Double]
    let demandCV: [Double]
    let routeCount: Int
    let routeProduct: [Int]
    let routeDie: [Int]          // -1 = no fab die
    let routeDiesPerUnit: [Double]
    let routeStarts: [Double]    // [r * periodCount + t]
    let routeStepRange: [Range<Int>]
    let routeStationRange: [Range<Int>]
    let routeStations: [Int]     // distinct stations of each route
    let productRouteRange: [Range<Int>]
    // Steps.
    let stepStation: [Int]
    let stepSeconds: [Double]
    let stepYield: [Double]
    let stepConcentration: [Double] // 0 = no lot-to-lot spread
    /// Beta-binomial loss table of each dispersed step (nil: two-stage draws, or units not sampled).
    let stepLotTable: [BetaBinomialTable?]
    /// `stepLotTable` as raw-pointer views for the kernel (no reference counting per read; `stepLotTable` owns them).
    let stepLotView: [LotTableView?]
    let unitsPerLot: Double
    /// Lots (wafers) per step (die type) and lane above which one normal draw replaces the per-lot draws.
    let aggregateAboveLots: Double
    let variability: Variability
    // Per-run constants of the kernel's sections 2–6, computed once here instead of per draw.
    /// Starts per route rounded to whole units, [r * periodCount + t].
    let routeStartsRounded: [Double]
    /// Tabulated failure-count distributions, and the table of each (station, period) ([s * periodCount + t];
    /// −1: no random failures, or a mean too large to tabulate).
    let failureCounts: PoissonTables
    let failureTable: [Int]
    /// Gamma shape 1/CV² of each product's demand (shape 1 where CV = 0; not used there).
    let demandShape: [GammaShape]

    init(_ input: YieldInput) {
        let P = input.periods.count
        periodCount = P
        hoursPerTool = input.periods.map(\.hoursPerTool)
        stationCount = input.stations.count
        tools = input.stations.flatMap(\.toolsPerPeriod)
        mtbf = input.stations.map { $0.mtbfHours ?? 0 }
        mttr = input.stations.map { $0.mttrHours ?? 0 }
        hasFailureModel = input.stations.map { $0.mtbfHours != nil && ($0.mttrHours ?? 0) > 0 }
        availability = input.stations.map(\.meanAvailability)
        utilizationCap = input.stations.map(\.utilizationCap)
        let dies = input.fab?.dieTypes ?? []
        dieCount = dies.count
        grossDies = dies.map(\.grossDiesPerWafer)
        dieArea = dies.map(\.dieAreaSquareCentimetres)
        defectDensity = dies.flatMap(\.defectDensityPerCm2)
        wafers = dies.flatMap(\.wafersPerPeriod)
        alpha = input.fab?.clusteringAlpha ?? 1
        sortYield = input.fab?.sortYield ?? 1
        cappedPurchase = dies.flatMap { $0.cappedPurchasePerPeriod ?? Array(repeating: 0, count: P) }
        unlimitedPurchase = dies.map(\.unlimitedPurchase)
        waferTable = input.waferSampling == .gammaBinomialTable && input.variability.unitSampling
            ? Self.waferTables(dies: dies, periods: P, alpha: alpha, aggregateAbove: input.aggregateAboveLots) : Array(repeating: nil, count: dies.count * P)
        waferLadder = waferTable.map { $0?.ladder.view }
        productCount = input.products.count
        demand = input.products.flatMap(\.demandPerPeriod)
        demandCV = input.products.map(\.demandCV)
        var routeProduct: [Int] = [], routeDie: [Int] = [], routeDPU: [Double] = [], routeStarts: [Double] = []
        var stepRanges: [Range<Int>] = [], stationRanges: [Range<Int>] = [], routeStations: [Int] = []
        var productRanges: [Range<Int>] = []
        var stepStation: [Int] = [], stepSeconds: [Double] = [], stepYield: [Double] = [], stepConc: [Double] = []
        for (p, product) in input.products.enumerated() {
            let firstRoute = routeProduct.count
            for route in product.routes {
                routeProduct.append(p)
                routeDie.append(route.fabDieType ?? -1)
                routeDPU.append(route.fabDieType == nil ? 0 : route.fabDiesPerUnit)
                routeStarts.append(contentsOf: route.startsPerPeriod)
                let firstStep = stepStation.count
                for step in route.steps {
                    stepStation.append(step.stationIndex)
                    stepSeconds.append(step.secondsPerUnit)
                    stepYield.append(step.nominalYield)
                    stepConc.append(step.yieldConcentration ?? 0)
                }
                stepRanges.append(firstStep..<stepStation.count)
                let firstStation = routeStations.count
                for s in Set(route.steps.map(\.stationIndex)).sorted() { routeStations.append(s) }
                stationRanges.append(firstStation..<routeStations.count)
            }
            productRanges.append(firstRoute..<routeProduct.count)
        }
        routeCount = routeProduct.count
        self.routeProduct = routeProduct
        self.routeDie = routeDie
        self.routeDiesPerUnit = routeDPU
        self.routeStarts = routeStarts
        self.routeStepRange = stepRanges
        self.routeStationRange = stationRanges
        self.routeStations = routeStations
        self.productRouteRange = productRanges
        self.stepStation = stepStation
        self.stepSeconds = stepSeconds
        self.stepYield = stepYield
        self.stepConcentration = stepConc
        // The tables serve the sampling of units only (variability `.none` carries means through every step).
        if input.lotSampling == .betaBinomialTable && input.variability.unitSampling {
            stepLotTable = zip(stepYield, stepConc).map { y, c in
                c > 0 ? BetaBinomialTable(lotSize: input.unitsPerLot, meanYield: y, concentration: c) : nil
            }
        } else {
            stepLotTable = Array(repeating: nil, count: stepConc.count)
        }
        stepLotView = stepLotTable.map { $0?.view }
        unitsPerLot = input.unitsPerLot
        aggregateAboveLots = input.aggregateAboveLots
        variability = input.variability
        routeStartsRounded = routeStarts.map { $0.rounded() }
        var failureCounts = PoissonTables()
        var failureTable = [Int](repeating: -1, count: stationCount * P)
        for s in 0..<stationCount where hasFailureModel[s] {
            for t in 0..<P {
                let calendar = tools[s * P + t] * hoursPerTool[t]
                if calendar > 0, let i = failureCounts.add(mean: calendar / (mtbf[s] + mttr[s])) {
                    failureTable[s * P + t] = i
                }
            }
        }
        self.failureCounts = failureCounts
        self.failureTable = failureTable
        demandShape = demandCV.map { cv in GammaShape(cv > 0 ? 1 / (cv * cv) : 1) }
    }

    /// The good-dies table of every die type and period whose wafers are sampled one by one (1 to `aggregateAbove` wafers, whole
    /// gross dies, defects > 0); one table per distinct (gross dies, A·D0, α, ladder height), shared. Building stops
    /// once `setupWork` multiply-adds are spent (under a second; a model with very many distinct defect
    /// densities): the remaining die types and periods draw gamma and binomial per wafer (same distribution).
    static func waferTables(
        dies: [YieldDieType], periods P: Int, alpha: Double, aggregateAbove: Double, setupWork: Double = 1e9
    ) -> [WaferDieTable?] {
        struct Key: Hashable { var gross: Int; var ad: UInt64; var levels: Int }
        var cache: [Key: WaferDieTable?] = [:]
        var tables: [WaferDieTable?] = []
        var spent = 0.0
        for die in dies {
            for t in 0..<P {
                let wafers = die.wafersPerPeriod[t].rounded()
                let ad = die.dieAreaSquareCentimetres * die.defectDensityPerCm2[t]
                let gross = die.grossDiesPerWafer
                guard wafers >= 1, wafers <= aggregateAbove, ad > 0, gross >= 1, gross == gross.rounded(),
                      gross <= 1_000_000 else {
                    tables.append(nil)
                    continue
                }
                var levels = 0
                while (2 << levels) <= Int(wafers) { levels += 1 }
                let key = Key(gross: Int(gross), ad: ad.bitPattern, levels: levels)
                if let known = cache[key] { tables.append(known); continue }
                guard spent < setupWork else { tables.append(nil); continue }
                let table = WaferDieTable(grossDies: Int(gross), areaTimesMeanDefects: ad, alpha: alpha,
                                          maxWafers: Int(wafers))
                spent += table?.buildWork ?? 5e7
                cache[key] = table
                tables.append(table)
            }
        }
        return tables
    }

    /// Negative binomial die yield (1 + A·D0/α)^(−α): the mean of exp(−A·D) for D ~ Gamma(α, mean D0).
    func negativeBinomialYield(die d: Int, period t: Int) -> Double {
        let ad = dieArea[d] * defectDensity[d * periodCount + t]
        return VectorMath.gammaLaplaceTransform(1, shape: alpha, scale: ad / alpha)
    }

    /// Upper end of the good-units histogram of product `p` in period `t`: its whole starts (good ≤ started).
    func maxGoodUnits(product p: Int, period t: Int) -> Double {
        var total = 0.0
        for r in productRouteRange[p] { total += routeStarts[r * periodCount + t].rounded(.up) }
        return Swift.max(total, 1)
    }

    // Metric layout (moments): good units, route yield, shortfall per (product, period); die yield per (die, period);
    // utilization and up hours per tool per (station, period); per (die, period) dies needed, from the fab, from
    // capped and from uncapped suppliers (4 consecutive metrics).
    var productPeriods: Int { productCount * periodCount }
    var goodIndex: Int { 0 }
    var routeYieldIndex: Int { productPeriods }
    var shortfallIndex: Int { 2 * productPeriods }
    var dieYieldIndex: Int { 3 * productPeriods }
    var utilizationIndex: Int { 3 * productPeriods + dieCount * periodCount }
    var upHoursIndex: Int { utilizationIndex + stationCount * periodCount }
    var dieSupplyIndex: Int { upHoursIndex + stationCount * periodCount }
    var momentCount: Int { dieSupplyIndex + 4 * dieCount * periodCount }
    // Histograms: good units and route yield per (product, period), die yield per (die, period).
    var histogramMetricCount: Int { 2 * productPeriods + dieCount * periodCount }
    // Counts: demand met per (product, period), station binding per (station, period), die type short of the
    // starts' need per (die, period).
    var bindingIndex: Int { productPeriods }
    var diesShortIndex: Int { productPeriods + stationCount * periodCount }
    var countCount: Int { diesShortIndex + dieCount * periodCount }
}
