/// A reason the estimator refuses an input: where (a key path such as `products[2].routes[0].steps[3].nominalYield`)
/// and what is wrong, in words a planner understands.
public struct YieldInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Key path of the offending value inside `YieldInput`.
    public var path: String
    /// What is wrong with it.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension YieldInput {
    /// Checks every number the estimator relies on; throws the first problem found.
    public func validate() throws(YieldInputError) {
        let periodCount = periods.count
        func fail(_ path: String, _ message: String) -> YieldInputError { YieldInputError(path: path, message: message) }
        func finite(_ x: Double) -> Bool { x.isFinite }
        func checkPerPeriod(_ values: [Double], _ path: String, allowZero: Bool = true) throws(YieldInputError) {
            guard values.count == periodCount else {
                throw fail(path, "has \(values.count) entries, expected one per period (\(periodCount))")
            }
            for (i, v) in values.enumerated() where !finite(v) || v < 0 || (!allowZero && v == 0) {
                throw fail("\(path)[\(i)]", "must be a finite number \(allowZero ? "≥ 0" : "> 0"), got \(v)")
            }
        }
        guard periodCount > 0 else { throw fail("periods", "at least one period is needed") }
        for (i, p) in periods.enumerated() where !finite(p.hoursPerTool) || p.hoursPerTool < 0 {
            throw fail("periods[\(i)].hoursPerTool", "must be finite and ≥ 0, got \(p.hoursPerTool)")
        }
        guard finite(unitsPerLot) && unitsPerLot >= 1 && unitsPerLot == unitsPerLot.rounded() else {
            throw fail("unitsPerLot", "must be a whole number ≥ 1, got \(unitsPerLot)")
        }
        guard aggregateAboveLots >= 1 && !aggregateAboveLots.isNaN else {
            throw fail("aggregateAboveLots", "must be ≥ 1, got \(aggregateAboveLots)")
        }
        for (s, st) in stations.enumerated() {
            let path = "stations[\(s)]"
            try checkPerPeriod(st.toolsPerPeriod, "\(path).toolsPerPeriod")
            guard finite(st.availability) && st.availability > 0 && st.availability <= 1 else {
                throw fail("\(path).availability", "must be in (0, 1], got \(st.availability)")
            }
            guard finite(st.utilizationCap) && st.utilizationCap > 0 && st.utilizationCap <= 1 else {
                throw fail("\(path).utilizationCap", "must be in (0, 1], got \(st.utilizationCap)")
            }
            if (st.mtbfHours == nil) != (st.mttrHours == nil) {
                throw fail(path, "give both mtbfHours and mttrHours, or neither")
            }
            if let mtbf = st.mtbfHours, let mttr = st.mttrHours {
                guard finite(mtbf) && mtbf > 0 else { throw fail("\(path).mtbfHours", "must be > 0, got \(mtbf)") }
                guard finite(mttr) && mttr >= 0 else { throw fail("\(path).mttrHours", "must be ≥ 0, got \(mttr)") }
            }
        }
        if let fab {
            guard finite(fab.clusteringAlpha) && fab.clusteringAlpha > 0 else {
                throw fail("fab.clusteringAlpha", "must be > 0, got \(fab.clusteringAlpha)")
            }
            guard finite(fab.sortYield) && fab.sortYield > 0 && fab.sortYield <= 1 else {
                throw fail("fab.sortYield", "must be in (0, 1], got \(fab.sortYield)")
            }
            for (d, die) in fab.dieTypes.enumerated() {
                let path = "fab.dieTypes[\(d)]"
                guard finite(die.grossDiesPerWafer) && die.grossDiesPerWafer >= 0 && die.grossDiesPerWafer < 1e9
                        && die.grossDiesPerWafer == die.grossDiesPerWafer.rounded() else {
                    throw fail("\(path).grossDiesPerWafer", "must be a whole number in [0, 1e9), got \(die.grossDiesPerWafer)")
                }
                guard finite(die.dieAreaSquareCentimetres) && die.dieAreaSquareCentimetres >= 0 else {
                    throw fail("\(path).dieAreaSquareCentimetres", "must be ≥ 0, got \(die.dieAreaSquareCentimetres)")
                }
                try checkPerPeriod(die.defectDensityPerCm2, "\(path).defectDensityPerCm2")
                try checkPerPeriod(die.wafersPerPeriod, "\(path).wafersPerPeriod")
                if let capped = die.cappedPurchasePerPeriod {
                    try checkPerPeriod(capped, "\(path).cappedPurchasePerPeriod")
                }
                for (i, w) in die.wafersPerPeriod.enumerated() where w > 1e7 {
                    throw fail("\(path).wafersPerPeriod[\(i)]", "more than 1e7 wafers in a period is not supported, got \(w)")
                }
            }
        }
        for (p, product) in products.enumerated() {
            let path = "products[\(p)]"
            try checkPerPeriod(product.demandPerPeriod, "\(path).demandPerPeriod")
            guard finite(product.demandCV) && product.demandCV >= 0 else {
                throw fail("\(path).demandCV", "must be ≥ 0, got \(product.demandCV)")
            }
            for (r, route) in product.routes.enumerated() {
                let rpath = "\(path).routes[\(r)]"
                try checkPerPeriod(route.startsPerPeriod, "\(rpath).startsPerPeriod")
                for (i, s) in route.startsPerPeriod.enumerated() where s > 1e12 {
                    throw fail("\(rpath).startsPerPeriod[\(i)]", "more than 1e12 starts is not supported, got \(s)")
                }
                if let die = route.fabDieType {
                    guard let fab, fab.dieTypes.indices.contains(die) else {
                        throw fail("\(rpath).fabDieType", "no fab die type with index \(die)")
                    }
                    guard finite(route.fabDiesPerUnit) && route.fabDiesPerUnit > 0 else {
                        throw fail("\(rpath).fabDiesPerUnit", "must be > 0 for a route that uses fab dies, got \(route.fabDiesPerUnit)")
                    }
                }
                for (k, step) in route.steps.enumerated() {
                    let spath = "\(rpath).steps[\(k)]"
                    guard stations.indices.contains(step.stationIndex) else {
                        throw fail("\(spath).stationIndex", "no station with index \(step.stationIndex)")
                    }
                    guard finite(step.secondsPerUnit) && step.secondsPerUnit >= 0 else {
                        throw fail("\(spath).secondsPerUnit", "must be ≥ 0, got \(step.secondsPerUnit)")
                    }
                    guard finite(step.nominalYield) && step.nominalYield > 0 && step.nominalYield <= 1 else {
                        throw fail("\(spath).nominalYield", "must be in (0, 1], got \(step.nominalYield)")
                    }
                    if let c = step.yieldConcentration {
                        guard finite(c) && c > 0 else { throw fail("\(spath).yieldConcentration", "must be > 0, got \(c)") }
                    }
                }
            }
        }
    }
}
