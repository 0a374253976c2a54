import LineModel
import Queueing

/// The lots of a plan that cross each station in each period: who arrives how often, and for how long each
/// lot holds a tool.
struct StationFlows {
    /// One station in one period.
    struct Key: Hashable {
        var site: String
        var station: String
        var period: String
    }

    /// The lots of one route step of one product at one site.
    struct Flow {
        var product: Int
        var step: Int
        var site: String
        /// Units reaching the step per hour (upstream losses taken out).
        var unitsPerHour: Double
        var lotsPerHour: Double
        /// Effective process time of one lot at this step.
        var process: ProcessTime
    }

    private(set) var flows: [Key: [Flow]] = [:]
    /// Tools in place per station-period (from the plan).
    private(set) var tools: [Key: Double] = [:]

    init(model: LineModel, plan: PlanReport) {
        for s in plan.stations { tools[Key(site: s.site, station: s.station, period: s.period)] = s.tools }
        let productIndex = Dictionary(model.products.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for row in plan.products {
            guard let pi = productIndex[row.product], let t = model.periodIndex(row.period) else { continue }
            for (siteID, starts) in row.startsBySite where starts > 0 {
                guard let site = model.site(siteID) else { continue }
                add(model.products[pi], pi, site, period: row.period,
                    startsPerHour: starts / model.periods[t].hoursPerTool)
            }
        }
    }

    private mutating func add(_ product: Product, _ pi: Int, _ site: Site, period: String, startsPerHour: Double) {
        for (k, step) in product.route.enumerated() {
            guard let station = site.station(step.station) else { continue }
            let units = startsPerHour * product.fractionReaching(step: k)
            let flow = Flow(product: pi, step: k, site: site.id, unitsPerHour: units,
                            lotsPerHour: units / product.lotSize,
                            process: Self.lotProcessTime(station, step, lotSizeUnits: product.lotSize))
            flows[Key(site: site.id, station: station.id, period: period), default: []].append(flow)
        }
    }

    /// Effective process time of one lot of `lotSizeUnits` at `step` on `station`: natural time
    /// t_0 = lot × seconds per unit, with SCV `station.processSCV`; outages from MTBF/MTTR when the station
    /// gives them (preemptive, Factory Physics §8.4.2), else t_0 / A with no added variability.
    static func lotProcessTime(_ station: Station, _ step: RouteStep, lotSizeUnits: Double) -> ProcessTime {
        let natural = ProcessTime(meanHours: lotSizeUnits * step.rate.secondsPerUnit / 3600, scv: station.processSCV)
        switch station.availability {
        case .reliability(let mtbf, let mttr) where mttr > 0:
            return EffectiveProcessTime.preemptiveOutages(natural: natural, mtbfHours: mtbf, mttrHours: mttr,
                                                          repairSCV: station.repairSCV)
        default:
            return ProcessTime(meanHours: natural.meanHours / station.availability.fraction, scv: natural.scv)
        }
    }

    /// Tools in place at `key` in the plan (0 when the station is not in the plan).
    func toolCount(_ key: Key) -> Double { tools[key] ?? 0 }

    /// The G/G/m state of one station-period: servers, arrival SCV, the mixed lot process time, utilization.
    /// `nil` when no lots arrive.
    func load(_ key: Key, station: Station) -> StationLoad? {
        let classes = (flows[key] ?? []).map { JobClass(jobsPerHour: $0.lotsPerHour, processTime: $0.process) }
        guard let mix = ProcessTimeMix.mixed(classes) else { return nil }
        let m = tools[key] ?? 0
        let work = classes.reduce(0) { $0 + $1.jobsPerHour * $1.processTime.meanHours }
        return StationLoad(servers: m, arrivalSCV: station.arrivalSCV, processTime: mix,
                           utilization: m > 0 ? work / m : .infinity)
    }
}
