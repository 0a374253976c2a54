import Foundation

// Every derived quantity of the line model is computed here, in one place, and tested against the oracles of
// shared/reference/domain-data.md section 7.

extension Rate {
    /// Tool seconds consumed per unit at this step, one tool.
    ///
    /// - `unitsPerHour(u)`: 3600 / u
    /// - `wireBond(N, r, t)`: N / r + t (UPH = 3600 / (N/r + t))
    /// - `multiSiteTest(t, s, i)`: (t + i) / s (UPH = 3600 s / (t + i))
    /// - `batch(n, h, l)`: 3600 (h + l) / n (UPH = n / (h + l))
    /// - `dispatch(d)`: (dispatch seconds + load + unload) / units per dispatch (`DispatchRate.secondsPerUnit`)
    public var secondsPerUnit: Double {
        switch self {
        case .unitsPerHour(let uph): return 3600 / uph
        case .secondsPerUnit(let s): return s
        case .wireBond(let wires, let wiresPerSecond, let index): return wires / wiresPerSecond + index
        case .multiSiteTest(let test, let sites, let index): return (test + index) / sites
        case .batch(let units, let hours, let load): return 3600 * (hours + load) / units
        case .dispatch(let d): return d.secondsPerUnit
        }
    }

    /// Units per hour of one tool at 100 % availability: 3600 / `secondsPerUnit`.
    public var unitsPerHour: Double { 3600 / secondsPerUnit }
}

extension Availability {
    /// Fraction of time up: the fraction itself, MTBF / (MTBF + MTTR), or the calendar's formula.
    public var fraction: Double {
        switch self {
        case .fraction(let a): return a
        case .reliability(let mtbf, let mttr): return mtbf / (mtbf + mttr)
        case .calendar(let c): return c.availability
        }
    }
}

extension Station {
    /// Productive hours one tool gives in a period of `hoursPerTool` calendar-productive hours:
    /// hours × availability × utilization cap.
    public func effectiveHours(hoursPerTool: Double) -> Double {
        hoursPerTool * availability.fraction * utilizationCap
    }
}

extension YieldModel {
    /// Die yield for the product `areaTimesDefectDensity` = A [cm²] · D0 [/cm²], with clustering `alpha`
    /// (used only by the negative binomial model).
    public func dieYield(areaTimesDefectDensity ad: Double, alpha: Double) -> Double {
        switch self {
        case .poisson:
            return exp(-ad)
        case .murphy:
            // The limit at AD -> 0 is 1; for tiny AD use the series 1 - AD + 7/12 AD^2 to avoid 0/0.
            if ad < 1e-8 { return 1 - ad }
            let f = -expm1(-ad) / ad
            return f * f
        case .seedsExponential:
            return 1 / (1 + ad)
        case .expSqrt:
            return exp(-ad.squareRoot())
        case .negativeBinomial:
            // (1 + AD/α)^(−α) written as exp(−α·log1p(AD/α)): accurate for large α, where it tends to Poisson.
            return exp(-alpha * log1p(ad / alpha))
        }
    }
}

extension DieType {
    /// Die area without scribe, cm² (the area that collects killer defects).
    public var areaSquareCentimetres: Double { widthMillimetres * heightMillimetres / 100 }
}

extension Fab {
    /// Gross dies per wafer by the textbook formula
    /// `DPW = π (d_eff/2)² / S − π d_eff / √(2 S)`, with d_eff = d − 2E and S = (w + s)(h + s), mm.
    /// Real-valued; planners usually take the floor (`grossDiesPerWafer(for:).rounded(.down)`).
    public func grossDiesPerWaferExact(for die: DieType) -> Double {
        let d = waferDiameterMillimetres - 2 * edgeExclusionMillimetres
        let s = (die.widthMillimetres + scribeMillimetres) * (die.heightMillimetres + scribeMillimetres)
        return Double.pi * (d / 2) * (d / 2) / s - Double.pi * d / (2 * s).squareRoot()
    }

    /// Whole gross dies per wafer: floor of `grossDiesPerWaferExact`, never negative.
    public func grossDiesPerWafer(for die: DieType) -> Double {
        max(0, grossDiesPerWaferExact(for: die).rounded(.down))
    }

    /// Defect density in effect in period `periodIndex` of `periods`: the value listed for that period, else
    /// the last listed earlier value, else the first listed value.
    public func defectDensity(periodIndex: Int, periods: [Period]) -> Double {
        var value: Double? = nil
        for i in stride(from: periodIndex, through: 0, by: -1) {
            if let v = defectDensityPerCm2[periods[i].id] { value = v; break }
        }
        if let value { return value }
        for p in periods { if let v = defectDensityPerCm2[p.id] { return v } }
        return 0
    }

    /// Die yield of `die` for wafers started in period `periodIndex`.
    public func dieYield(for die: DieType, periodIndex: Int, periods: [Period]) -> Double {
        let d0 = defectDensity(periodIndex: periodIndex, periods: periods)
        return yieldModel.dieYield(areaTimesDefectDensity: die.areaSquareCentimetres * d0, alpha: clusteringAlpha)
    }

    /// Good (sorted) dies per wafer started in period `periodIndex`: floor(DPW) × die yield × sort yield.
    public func goodDiesPerWafer(for die: DieType, periodIndex: Int, periods: [Period]) -> Double {
        grossDiesPerWafer(for: die) * dieYield(for: die, periodIndex: periodIndex, periods: periods) * sortYield
    }
}

extension Product {
    /// Serial route yield: the product of the step yields (good units out per unit started).
    public var routeYield: Double {
        route.reduce(1.0) { $0 * $1.yield }
    }

    /// Fraction of started units that reach step `k` (before its own loss): Π_{j<k} yield_j.
    public func fractionReaching(step k: Int) -> Double {
        var f = 1.0
        for j in 0..<k { f *= route[j].yield }
        return f
    }

    /// Tool seconds that one *started* unit puts on each route step's station, once upstream losses are taken
    /// out: `fractionReaching(step: k) × route[k].toolSecondsPerEnteringUnit` (visits, setups included), in
    /// route order.
    public var loadSecondsPerStartedUnit: [Double] {
        var f = 1.0
        var loads: [Double] = []
        loads.reserveCapacity(route.count)
        for step in route {
            loads.append(f * step.toolSecondsPerEnteringUnit)
            f *= step.yield
        }
        return loads
    }
}

extension LineModel {
    /// Index of the period with id `id`.
    public func periodIndex(_ id: String) -> Int? { periods.firstIndex { $0.id == id } }
    /// The site with id `id`.
    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }
    /// The die type with id `id`.
    public func dieType(_ id: String) -> DieType? { dieTypes.first { $0.id == id } }
}

extension Site {
    /// The station of kind `id` at this site.
    public func station(_ id: String) -> Station? { stations.first { $0.id == id } }
}
