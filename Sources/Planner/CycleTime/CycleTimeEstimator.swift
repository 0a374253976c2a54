import LineModel
import Queueing

/// Estimates the queue time of every station-period of a plan and the cycle time and WIP of every product
/// (docs/cycle-time.md). Runs after the report is built; needs only the plan's starts and tools.
public enum CycleTimeEstimator {
    /// Utilizations at or above this count as saturated (no steady state): an LP plan run at a cap of 1 sits
    /// at u = 1 up to round-off.
    static let saturated = 1 - 1e-9

    /// The cycle-time section of `plan` (made from `model`); `nil` when the plan has no product rows.
    public static func estimate(model: LineModel, plan: PlanReport,
                                queueModel: QueueTimeModel = .sakasegawa) -> CycleTimeReport? {
        guard !plan.products.isEmpty else { return nil }
        let flows = StationFlows(model: model, plan: plan)
        let stations = stationQueues(model, plan, flows, queueModel)
        var queueByKey: [StationFlows.Key: Double?] = [:]
        for s in stations { queueByKey[StationFlows.Key(site: s.site, station: s.station, period: s.period)] = s.queueHours }
        return CycleTimeReport(queueModel: queueModel, stations: stations,
                               products: productCycleTimes(model, plan, flows, queueByKey), targets: nil)
    }

    static func stationQueues(_ model: LineModel, _ plan: PlanReport, _ flows: StationFlows,
                              _ queueModel: QueueTimeModel) -> [StationQueue] {
        var result: [StationQueue] = []
        for site in model.sites {
            for station in site.stations {
                for period in model.periods {
                    let key = StationFlows.Key(site: site.id, station: station.id, period: period.id)
                    guard let load = flows.load(key, station: station) else { continue }
                    result.append(queue(key, load, queueModel))
                }
            }
        }
        return result
    }

    static func queue(_ key: StationFlows.Key, _ load: StationLoad, _ queueModel: QueueTimeModel) -> StationQueue {
        let stable = load.utilization < saturated
        let wq = stable ? QueueTime.hours(queueModel, load) : nil
        let lots = load.servers > 0 ? load.jobsPerHour : 0
        return StationQueue(
            site: key.site, station: key.station, period: key.period, servers: load.servers,
            utilization: load.utilization, lotsPerHour: lots, arrivalSCV: load.arrivalSCV,
            processHours: load.processTime.meanHours, processSCV: load.processTime.scv, queueHours: wq,
            wipLots: wq.map { LittlesLaw.wip(throughputPerHour: lots, timeHours: $0 + load.processTime.meanHours) })
    }

    static func productCycleTimes(_ model: LineModel, _ plan: PlanReport, _ flows: StationFlows,
                                  _ queues: [StationFlows.Key: Double?]) -> [ProductCycleTime] {
        var byProductPeriod: [String: [(key: StationFlows.Key, flow: StationFlows.Flow)]] = [:]
        for (key, list) in flows.flows {
            for f in list { byProductPeriod[model.products[f.product].id + "\u{1}" + key.period, default: []].append((key, f)) }
        }
        return plan.products.compactMap { row in
            guard let steps = byProductPeriod[row.product + "\u{1}" + row.period], row.starts > 0,
                let t = model.periodIndex(row.period), let product = model.products.first(where: { $0.id == row.product })
            else { return nil }
            return cycleTime(row, product.lotSize, startsPerHour: row.starts / model.periods[t].hoursPerTool,
                             steps, queues)
        }
    }

    /// Per site: queue and process hours summed along the route; averaged over sites by starts. WIP by
    /// Little's law per step: units per hour reaching the step × (its queue + process time).
    static func cycleTime(_ row: ProductPeriod, _ lot: Double, startsPerHour: Double,
                          _ steps: [(key: StationFlows.Key, flow: StationFlows.Flow)],
                          _ queues: [StationFlows.Key: Double?]) -> ProductCycleTime {
        var queue: Double? = 0, process = 0.0, wip: Double? = 0
        // Sites then route order, so the sums (and the report's last digits) do not depend on hash order.
        for (key, f) in steps.sorted(by: { ($0.flow.site, $0.flow.step) < ($1.flow.site, $1.flow.step) }) {
            let weight = (row.startsBySite[f.site] ?? 0) / row.starts
            let wq = queues[key] ?? nil
            queue = queue.flatMap { q in wq.map { q + weight * $0 } }
            process += weight * f.process.meanHours
            wip = wip.flatMap { w in wq.map { w + f.unitsPerHour * ($0 + f.process.meanHours) } }
        }
        return ProductCycleTime(product: row.product, period: row.period, lotSizeUnits: lot,
                                startsPerHour: startsPerHour, queueHours: queue, processHours: process,
                                cycleTimeHours: queue.map { $0 + process }, wipUnits: wip, targetHours: nil)
    }
}
