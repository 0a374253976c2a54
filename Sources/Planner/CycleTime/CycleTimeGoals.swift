import LineModel
import Queueing

/// Why cycle-time targets cannot be planned for.
public enum CycleTimeTargetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No product has this id.
    case unknownProduct(String, known: [String])
    /// A target must be a positive, finite number of hours.
    case notPositive(product: String, hours: Double)
    /// Even with no queue at all, one lot's process time along the route exceeds the target.
    case belowProcessTime(product: String, site: String, targetHours: Double, processHours: Double)

    public var description: String {
        switch self {
        case .unknownProduct(let id, let known):
            return "cycle-time target for unknown product '\(id)' (products: \(known.joined(separator: ", ")))"
        case .notPositive(let id, let h):
            return "cycle-time target of '\(id)' must be a positive number of hours, got \(h)"
        case .belowProcessTime(let id, let site, let t, let p):
            return "cycle-time target of '\(id)' (\(t) h) is below the process time of one lot along its route at "
                + "site '\(site)' (\(p) h, no queueing at all); raise the target or shrink lot_size_units"
        }
    }
}

/// A station of a site (the unit that carries a utilization cap).
struct QueueStation: Hashable, Comparable {
    var site: String
    var station: String
    static func < (a: Self, b: Self) -> Bool { (a.site, a.station) < (b.site, b.station) }
}

/// Validated targets: per product and site, the queue time its route may accumulate (target − process).
struct CycleTimeGoals {
    /// One product's target at one site: its route's stations (one entry per visit) and the allowance.
    struct Route {
        var product: Int
        var productID: String
        var site: String
        var visits: [QueueStation]
        /// Target minus the route's process hours: the queue time all visits together may add.
        var allowanceHours: Double
    }

    var routes: [Route] = []
    var targets: [CycleTimeTarget]
    /// Stations' own `max_queue_hours`.
    var stationLimits: [QueueStation: Double] = [:]

    init(model: LineModel, targets: [CycleTimeTarget]) throws {
        self.targets = targets
        for t in targets {
            guard let pi = model.products.firstIndex(where: { $0.id == t.product }) else {
                throw CycleTimeTargetError.unknownProduct(t.product, known: model.products.map(\.id))
            }
            guard t.hours.isFinite, t.hours > 0 else { throw CycleTimeTargetError.notPositive(product: t.product, hours: t.hours) }
            for siteID in model.products[pi].sites { try addRoute(model, pi, siteID, t) }
        }
        for site in model.sites {
            for st in site.stations {
                if let h = st.queueing?.maxQueueHours { stationLimits[QueueStation(site: site.id, station: st.id)] = h }
            }
        }
    }

    private mutating func addRoute(_ model: LineModel, _ pi: Int, _ siteID: String, _ t: CycleTimeTarget) throws {
        guard let site = model.site(siteID) else { return }
        let product = model.products[pi]
        var process = 0.0
        var visits: [QueueStation] = []
        for step in product.route {
            guard let st = site.station(step.station) else { continue }
            process += StationFlows.lotProcessTime(st, step, lotSizeUnits: product.lotSize).meanHours
            visits.append(QueueStation(site: siteID, station: st.id))
        }
        guard process < t.hours else {
            throw CycleTimeTargetError.belowProcessTime(product: t.product, site: siteID, targetHours: t.hours,
                                                        processHours: process)
        }
        routes.append(Route(product: pi, productID: product.id, site: siteID, visits: visits, allowanceHours: t.hours - process))
    }

    /// True when there is anything to plan for (a target or a station limit).
    var constrainsAnything: Bool { !routes.isEmpty || !stationLimits.isEmpty }
}
