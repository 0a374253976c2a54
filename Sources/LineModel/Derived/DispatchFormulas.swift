// Derived quantities of the fab route features (RouteFeatures.swift), each a closed form stated in
// docs/file-format.md, section "Fab route features".

extension Cascade {
    /// Tool seconds of one dispatch of `items` items: `items × interval + (first − interval) / dispatchesPerRun`
    /// (= first + (items − 1) × interval when every dispatch fills and empties the cascade).
    public func seconds(items: Double) -> Double {
        items * intervalSeconds + (firstSeconds - intervalSeconds) / dispatchesPerRun
    }
}

extension DispatchRate {
    /// Units (wafers) in one dispatch: the planned batch fill for batch steps, one lot otherwise.
    public var unitsPerDispatch: Double {
        if case .perBatch(_, let batch) = processing { return batch.plannedUnits }
        return unitsPerLot
    }

    /// Tool seconds of processing one dispatch, before load and unload:
    /// per unit n·s; per lot s; per batch s; cascade `Cascade.seconds(items:)` with n units or 1 lot as items.
    public var processingSecondsPerDispatch: Double {
        switch processing {
        case .perUnit(let s): return unitsPerLot * s
        case .perLot(let s): return s
        case .perBatch(let s, _): return s
        case .cascade(let c): return c.seconds(items: c.item == .unit ? unitsPerLot : 1)
        }
    }

    /// Tool seconds of one dispatch: processing + load + unload.
    public var secondsPerDispatch: Double { processingSecondsPerDispatch + loadSeconds + unloadSeconds }

    /// Tool seconds per unit: `secondsPerDispatch / unitsPerDispatch`.
    public var secondsPerUnit: Double { secondsPerDispatch / unitsPerDispatch }
}

extension Rate {
    /// Units one dispatch of the tool carries: a dispatch rate's lot or batch, a batch rate's batch, else 1.
    public var unitsPerDispatch: Double {
        switch self {
        case .dispatch(let d): return d.unitsPerDispatch
        case .batch(let units, _, _): return units
        default: return 1
        }
    }
}

extension RouteStep {
    /// Setup seconds per unit entering the step's dispatches: setup × changes per dispatch / units per dispatch.
    public var setupSecondsPerUnit: Double {
        guard let setup else { return 0 }
        return setup.secondsPerChange * setup.changesPerDispatch / rate.unitsPerDispatch
    }

    /// Tool seconds one unit entering the step puts on its station: visits × (seconds per unit + setup per unit).
    public var toolSecondsPerEnteringUnit: Double {
        visitFraction * (rate.secondsPerUnit + setupSecondsPerUnit)
    }

    /// Hours a lot spends being processed at the step per visit (its dispatch's time), no queueing.
    public var lotProcessHours: Double {
        switch rate {
        case .dispatch(let d): return d.secondsPerDispatch / 3600
        default: return rate.secondsPerUnit * rate.unitsPerDispatch / 3600
        }
    }
}

extension Product {
    /// Hours of every delay step (no station) of the route.
    public var delayHours: Double { delays.reduce(0) { $0 + $1.hours } }

    /// Raw process time of one lot through the route, hours, no queueing: Σ visits × dispatch time over the
    /// station steps + Σ delay hours (steps with no station add here and nowhere in the load).
    public var rawProcessHours: Double {
        route.reduce(delayHours) { $0 + $1.visitFraction * $1.lotProcessHours }
    }
}

extension StationCalendar {
    /// Fraction of time up, with every down cause an independent interruption of up time:
    /// `A = 1 / (1 + Σ MTTR/MTBF + Σ_time d/T) × 1 / (1 + Σ_units d / (N × busyHoursPerUnit))`.
    /// Breakdowns and time-based maintenance take `d` hours per `T` up hours; count-based maintenance takes
    /// `d` hours per `N × busyHoursPerUnit` busy hours, so it scales the time left for work.
    public var availability: Double {
        var perUpHour = 0.0
        var perBusyHour = 0.0
        for b in breakdowns { perUpHour += b.mttrHours / b.mtbfHours }
        for m in maintenance {
            switch m.every {
            case .hours(let t): perUpHour += m.hours / t
            case .units(let n, let busy): perBusyHour += m.hours / (n * busy)
            }
        }
        return 1 / (1 + perUpHour) / (1 + perBusyHour)
    }
}
