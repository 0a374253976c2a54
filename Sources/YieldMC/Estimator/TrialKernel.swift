import Foundation

/// Per-block working storage of the trial kernel (one vector of 4 trial lanes per entity).
struct KernelScratch {
    /// Dies of each supply-limited die type available to the starts: the fab's sorted good dies plus the capped
    /// suppliers' caps (+∞ when an uncapped supplier sells it).
    var diesAvailable: [SIMD4<Double>]
    /// Sorted good dies from the fab per die type.
    var fabDies: [SIMD4<Double>]
    var diesNeeded: [SIMD4<Double>]
    /// Units started and finished per route, then load (tool seconds) and throughput fraction per station, in one
    /// array: [started 0..<R | finished 0..<R | load 0..<S | fraction 0..<S] (see `FlowVectors`).
    var flow: [SIMD4<Double>]
    var dieYield: [SIMD4<Double>]
    /// Per-wafer yields p = e^(−A·D) of one die type and period (one vector per wafer).
    var waferYields: [SIMD4<Double>] = []

    init(model: CompiledModel) {
        diesAvailable = Array(repeating: .zero, count: model.dieCount)
        fabDies = Array(repeating: .zero, count: model.dieCount)
        diesNeeded = Array(repeating: .zero, count: model.dieCount)
        dieYield = Array(repeating: .zero, count: model.dieCount)
        flow = Array(repeating: .zero, count: 2 * model.routeCount + 2 * model.stationCount)
    }
}

/// Raw views into `KernelScratch.flow` for one period (valid inside `withUnsafeMutableBufferPointer` only).
struct FlowVectors {
    let started: UnsafeMutablePointer<SIMD4<Double>>
    let finished: UnsafeMutablePointer<SIMD4<Double>>
    let load: UnsafeMutablePointer<SIMD4<Double>>
    let fraction: UnsafeMutablePointer<SIMD4<Double>>

    init(_ base: UnsafeMutablePointer<SIMD4<Double>>, routes: Int, stations: Int) {
        started = base
        finished = base + routes
        load = finished + routes
        fraction = load + stations
    }
}

extension CompiledModel {
    /// Runs trials `0..<trials` of block `block` (4 per SIMD group), every period per trial, into `acc`.
    func runBlock(_ block: Int, trials: Int, seed: UInt64, into acc: inout BlockAccumulator, scratch: inout KernelScratch) {
        var rng = Xoshiro256x4(seed: seed, block: UInt64(block))
        acc.withRecorder { recorder in
            var first = 0
            while first < trials {
                let valid = Swift.min(4, trials - first)
                for t in 0..<periodCount {
                    simulatePeriod(t, rng: &rng, validLanes: valid, recorder: recorder, scratch: &scratch)
                }
                first += 4
            }
        }
        acc.foldLanes()
        acc.trials += trials
    }

    /// One period of four trials: fab dies, die allocation, units through the routes, station capacity,
    /// capacity-limited good output and demand. Statistics go to `recorder` for lanes `0..<validLanes`.
    func simulatePeriod(
        _ t: Int, rng: inout Xoshiro256x4, validLanes: Int, recorder: StatisticsRecorder, scratch: inout KernelScratch
    ) {
        let P = periodCount
        let sampling = variability.unitSampling

        // 1. Fab: good sorted dies per die type.
        for d in 0..<dieCount {
            let gross = grossDies[d]
            if sampling {
                let waferCount = wafers[d * P + t].rounded()
                let ad = dieArea[d] * defectDensity[d * P + t]
                var good = SIMD4<Double>.zero
                if gross > 0 && waferCount > 0 {
                    if ad == 0 {
                        good = SIMD4(repeating: waferCount * gross)
                    } else if let ladder = waferLadder[d * P + t] {
                        good = ladder.sum(count: Int(waferCount), rng: &rng)
                    } else if waferCount > aggregateAboveLots {
                        good = sampleAggregateWaferDies(waferCount: waferCount, grossDies: gross,
                                                        areaTimesMeanDefects: ad, alpha: alpha, rng: &rng)
                    } else {
                        good = sampleWaferDies(waferCount: Int(waferCount), grossDies: gross,
                                               areaTimesMeanDefects: ad, alpha: alpha, rng: &rng,
                                               buffer: &scratch.waferYields)
                    }
                }
                scratch.dieYield[d] = waferCount * gross > 0 ? good / (waferCount * gross) : .one
                scratch.fabDies[d] = sortYield < 1
                    ? rng.binomial(count: good, probability: SIMD4(repeating: sortYield)) : good
            } else {
                let y = negativeBinomialYield(die: d, period: t)
                scratch.dieYield[d] = SIMD4(repeating: y)
                scratch.fabDies[d] = SIMD4(repeating: wafers[d * P + t] * gross * y * sortYield)
            }
            // Fab dies first, then capped suppliers up to their caps, then an uncapped supplier (never short).
            scratch.diesAvailable[d] = unlimitedPurchase[d]
                ? SIMD4(repeating: .infinity) : scratch.fabDies[d] + cappedPurchase[d * P + t]
            scratch.diesNeeded[d] = .zero
        }

        // 2. Starts, cut back in proportion when a die type is short.
        let starts = sampling ? routeStartsRounded : routeStarts
        for r in 0..<routeCount {
            let d = routeDie[r]
            if d >= 0 {
                scratch.diesNeeded[d] += SIMD4(repeating: starts[r * P + t] * routeDiesPerUnit[r])
            }
        }
        let valid = SIMD4<Int64>(0, 1, 2, 3) .< SIMD4(repeating: Int64(validLanes))
        recordDieSupply(t, valid: valid, recorder: recorder, scratch: scratch)
        scratch.flow.withUnsafeMutableBufferPointer { buffer in
            let flow = FlowVectors(buffer.baseAddress!, routes: routeCount, stations: stationCount)
            for r in 0..<routeCount {
                var n = SIMD4<Double>(repeating: starts[r * P + t])
                let d = routeDie[r]
                if d >= 0 {
                    let need = scratch.diesNeeded[d]
                    let short = scratch.diesAvailable[d] .< need
                    if any(short) {
                        let scale = scratch.diesAvailable[d] / need.replacing(with: 1, where: need .== 0)
                        let cut = sampling ? VectorMath.floor(n * scale) : n * scale
                        n = n.replacing(with: cut, where: short)
                    }
                }
                flow.started[r] = n
            }
            routeFlow(t, rng: &rng, flow: flow)
            capacityAndOutput(t, rng: &rng, valid: valid, recorder: recorder, flow: flow)
        }

        // 6. Die yields.
        for d in 0..<dieCount {
            let dt = d * P + t
            recorder.record(scratch.dieYield[d], valid: valid, metric: dieYieldIndex + dt, histogram: 2 * productPeriods + dt)
        }
    }
}

extension CompiledModel {
    /// Section 2 of `simulatePeriod`, statistics only: where the dies the starts need come from (fab first, then
    /// capped suppliers, then uncapped), and whether the die type fell short.
    func recordDieSupply(_ t: Int, valid: SIMDMask<SIMD4<Int64>>, recorder: StatisticsRecorder, scratch: KernelScratch) {
        let P = periodCount
        for d in 0..<dieCount {
            let dt = d * P + t
            let need = scratch.diesNeeded[d]
            let fromFab = VectorMath.min(need, scratch.fabDies[d])
            let fromCapped = VectorMath.min(need - fromFab, SIMD4(repeating: cappedPurchase[dt]))
            let fromUncapped = unlimitedPurchase[d] ? need - fromFab - fromCapped : .zero
            recorder.record(need, valid: valid, metric: dieSupplyIndex + 4 * dt)
            recorder.record(fromFab, valid: valid, metric: dieSupplyIndex + 4 * dt + 1)
            recorder.record(fromCapped, valid: valid, metric: dieSupplyIndex + 4 * dt + 2)
            recorder.record(fromUncapped, valid: valid, metric: dieSupplyIndex + 4 * dt + 3)
            recorder.count((scratch.diesAvailable[d] .< need) .& valid, at: diesShortIndex + dt)
        }
    }
}

extension CompiledModel {
    /// Section 3 of `simulatePeriod`: units through each route's steps (yield flow, before capacity) from
    /// `flow.started` to `flow.finished`, and the station loads in tool seconds into `flow.load`.
    func routeFlow(_ t: Int, rng: inout Xoshiro256x4, flow: FlowVectors) {
        let sampling = variability.unitSampling
        for s in 0..<stationCount { flow.load[s] = .zero }
        // The second normal of a Box–Muller pair, kept for the next aggregated step of this period.
        var spareNormal = SIMD4<Double>.zero
        var haveSpareNormal = false
        for r in 0..<routeCount {
            var n = flow.started[r]
            for k in routeStepRange[r] {
                flow.load[stepStation[k]] += n * stepSeconds[k]
                let y = stepYield[k]
                if !sampling {
                    n = n * y
                } else if stepConcentration[k] > 0 {
                    // Above the threshold (per lane) the step's losses are one normal draw; lanes at or below it
                    // sample every lot (a mixed group computes both and keeps each lane's own).
                    let big = n .> unitsPerLot * aggregateAboveLots
                    if any(big) {
                        let z: SIMD4<Double>
                        if haveSpareNormal {
                            z = spareNormal
                        } else {
                            (z, spareNormal) = rng.normalPair()
                        }
                        haveSpareNormal.toggle()
                        var out = sampleAggregateLots(units: n, meanYield: y, concentration: stepConcentration[k],
                                                      unitsPerLot: unitsPerLot, normal: z)
                        if !all(big) {
                            let perLot = sampleDispersedStep(k, units: n.replacing(with: 0, where: big), rng: &rng)
                            out = out.replacing(with: perLot, where: .!big)
                        }
                        n = out
                    } else {
                        n = sampleDispersedStep(k, units: n, rng: &rng)
                    }
                } else if y < 1 {
                    n = rng.binomial(count: n, probability: SIMD4(repeating: y))
                }
            }
            flow.finished[r] = n
        }
    }

    /// Sections 4–5 of `simulatePeriod`: station capacity and throughput fractions, capacity-limited good output
    /// per product, route yield and demand; statistics of the lanes in `valid` go to `recorder`.
    func capacityAndOutput(
        _ t: Int, rng: inout Xoshiro256x4, valid: SIMDMask<SIMD4<Int64>>, recorder: StatisticsRecorder, flow: FlowVectors
    ) {
        let P = periodCount
        // 4. Station capacity this period, and the fraction of the offered load it can process.
        let hours = hoursPerTool[t]
        for s in 0..<stationCount {
            let st = s * P + t
            let toolCount = tools[st]
            let calendar = toolCount * hours
            var up: SIMD4<Double>
            if variability.toolFailures && hasFailureModel[s] && calendar > 0 {
                // Failures over the period ~ Poisson(tool-hours / (MTBF + MTTR)); each repair ~ Exp(MTTR),
                // so total repair time | N ~ Gamma(N, MTTR), N whole: an Erlang draw.
                let table = failureTable[st]
                let failures = table >= 0
                    ? rng.poisson(table: table, of: failureCounts)
                    : rng.poisson(mean: SIMD4(repeating: calendar / (mtbf[s] + mttr[s])))
                let down = rng.erlang(count: failures) * mttr[s]
                up = VectorMath.max(SIMD4(repeating: calendar) - down, .zero)
            } else {
                up = SIMD4(repeating: calendar * availability[s])
            }
            let capacity = up * (utilizationCap[s] * 3600)
            let load = flow.load[s]
            let over = load .> capacity
            let fraction = SIMD4<Double>.one.replacing(with: capacity / load.replacing(with: 1, where: .!over), where: over)
            flow.fraction[s] = fraction
            let used = VectorMath.min(load, capacity)
            let utilization = (used / capacity.replacing(with: 1, where: capacity .== 0))
                .replacing(with: 0, where: capacity .== 0)
            let upPerTool = toolCount > 0 ? up / toolCount : .zero
            recorder.count(over .& valid, at: bindingIndex + st)
            recorder.record(utilization, valid: valid, metric: utilizationIndex + st)
            recorder.record(upPerTool, valid: valid, metric: upHoursIndex + st)
        }

        // 5. Good output per product, route yield, demand.
        for p in 0..<productCount {
            var good = SIMD4<Double>.zero
            var startedSum = SIMD4<Double>.zero
            var finishedSum = SIMD4<Double>.zero
            for r in productRouteRange[p] {
                var fraction = SIMD4<Double>.one
                for i in routeStationRange[r] { fraction = VectorMath.min(fraction, flow.fraction[routeStations[i]]) }
                good += flow.finished[r] * fraction
                startedSum += flow.started[r]
                finishedSum += flow.finished[r]
            }
            let pt = p * P + t
            let meanDemand = demand[pt]
            var demandDraw = SIMD4<Double>(repeating: meanDemand)
            if variability.demandNoise && demandCV[p] > 0 && meanDemand > 0 {
                let shape = demandShape[p]
                demandDraw = rng.gamma(shape) * (meanDemand / shape.shape[0])
            }
            let met = good .>= demandDraw
            let shortfall = VectorMath.max(demandDraw - good, .zero)
            recorder.record(good, valid: valid, metric: goodIndex + pt, histogram: pt)
            recorder.record(finishedSum / startedSum, valid: valid .& (startedSum .> 0), metric: routeYieldIndex + pt,
                            histogram: productPeriods + pt)
            recorder.record(shortfall, valid: valid, metric: shortfallIndex + pt)
            recorder.count(met .& valid, at: pt)
        }
    }
}

extension CompiledModel {
    /// Good units out of dispersed step `k` entered by `units` (per lane), every lot sampled: the lot table when the
    /// step has one, otherwise a beta and a binomial draw per lot.
    @inline(__always)
    func sampleDispersedStep(_ k: Int, units: SIMD4<Double>, rng: inout Xoshiro256x4) -> SIMD4<Double> {
        // Through the raw-pointer view: reading a `BetaBinomialTable` from its array retained its storage three
        // times per call (and released it), on reference counts shared by the threads.
        if let table = stepLotView[k] { return table.goodUnits(entering: units, rng: &rng) }
        return sampleLots(units: units, meanYield: stepYield[k], concentration: stepConcentration[k],
                          unitsPerLot: unitsPerLot, rng: &rng)
    }
}

/// Good dies on `waferCount` wafers, 4 trial lanes: per wafer, D ~ Gamma(α, mean D0) and
/// good | D ~ Binomial(gross dies, e^(−A·D)). `areaTimesMeanDefects` = A·D0. First all the wafers' yields
/// (gamma draws and exp, vectorised) into `buffer`, then the binomials streaming (`binomialSum`).
@inline(__always)
func sampleWaferDies(
    waferCount: Int, grossDies: Double, areaTimesMeanDefects ad: Double, alpha: Double, rng: inout Xoshiro256x4,
    buffer: inout [SIMD4<Double>]
) -> SIMD4<Double> {
    let shape = GammaShape(alpha)
    let exponentScale = -ad / alpha   // −A · (D0/α): D = Gamma(α) · D0/α
    if buffer.count < waferCount { buffer = Array(repeating: .zero, count: waferCount) }
    return buffer.withUnsafeMutableBufferPointer { yields in
        for w in 0..<waferCount {
            yields[w] = VectorMath.exp(rng.gamma(shape) * exponentScale)
        }
        return rng.binomialSum(count: grossDies, probabilities: UnsafeBufferPointer(rebasing: yields[0..<waferCount]))
    }
}

/// `sampleWaferDies` with its own buffer (tests).
func sampleWaferDies(
    waferCount: Int, grossDies: Double, areaTimesMeanDefects ad: Double, alpha: Double, rng: inout Xoshiro256x4
) -> SIMD4<Double> {
    var buffer: [SIMD4<Double>] = []
    return sampleWaferDies(waferCount: waferCount, grossDies: grossDies, areaTimesMeanDefects: ad, alpha: alpha,
                           rng: &rng, buffer: &buffer)
}

/// Good units out of a step entered by `units` (per lane), in lots of `unitsPerLot` (the last one partial):
/// per lot, yield ~ Beta(mean·c, (1 − mean)·c) and good | yield ~ Binomial(lot units, yield).
/// Lanes run lot-synchronously up to the lane with the most lots; lanes with fewer lots draw 0-unit lots.
@inline(__always)
func sampleLots(
    units: SIMD4<Double>, meanYield: Double, concentration: Double, unitsPerLot: Double, rng: inout Xoshiro256x4
) -> SIMD4<Double> {
    let shape = BetaShape(mean: meanYield, concentration: concentration)
    let lotSize = SIMD4<Double>(repeating: unitsPerLot)
    let lots = (units.max() / unitsPerLot).rounded(.up)
    var good = SIMD4<Double>.zero
    var j = 0.0
    while j < lots {
        let left = units - j * unitsPerLot
        let inLot = VectorMath.max(VectorMath.min(left, lotSize), .zero)
        let y = rng.beta(shape)
        good += rng.binomial(count: inLot, probability: y)
        j += 1
    }
    return good
}

