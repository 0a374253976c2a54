import LineModel

/// Every station's load at given starts, computed straight from the model (no LP): how far over capacity a
/// release plan is, station by station, including overloads above 100 %.
public struct StationLoading: Sendable, Codable, Hashable {
    /// One station in one period.
    public struct Row: Sendable, Codable, Hashable {
        public var site: String
        public var station: String
        public var period: String
        /// Installed tools.
        public var tools: Int
        /// Tool-hours the starts put on the station: Σ starts × load per started unit / 3600.
        public var loadHours: Double
        /// Up tool-hours: tools × hours per tool × availability.
        public var upHours: Double
        /// loadHours / upHours: share of up-time needed; above 1 the station cannot carry the starts.
        public var utilization: Double
        /// loadHours / (upHours × utilization cap): above 1 the plan breaks the station's planning cap.
        public var utilizationOfCap: Double
    }

    /// Starts per product and period used, units.
    public var starts: [String: [String: Double]]
    /// Stations in model order, periods in time order.
    public var rows: [Row]

    /// The most loaded station (highest utilization), if any.
    public var bottleneck: Row? { rows.max { $0.utilization < $1.utilization } }

    /// Most starts of the same mix the stations could carry: starts × 1 / highest utilization (per period).
    public func maxScale(period: String) -> Double? {
        let u = rows.filter { $0.period == period }.map(\.utilization).max() ?? 0
        return u > 0 ? 1 / u : nil
    }
}

extension StationLoading {
    /// Starts that meet demand exactly: demand / route yield per product and period (the nominal release),
    /// split evenly over the product's sites.
    public static func nominalStarts(_ model: LineModel) -> [String: [String: Double]] {
        var starts: [String: [String: Double]] = [:]
        for p in model.products {
            let y = p.routeYield
            for (period, d) in p.demand { starts[p.id, default: [:]][period] = y > 0 ? d / y : 0 }
        }
        return starts
    }

    /// The loading of `model` at `starts` (product id → period id → units started, every site of the product
    /// taking an equal share), or at the nominal release when `starts` is nil; `scale` multiplies the starts.
    public init(model: LineModel, starts: [String: [String: Double]]? = nil, scale: Double = 1) {
        let used = (starts ?? Self.nominalStarts(model)).mapValues { $0.mapValues { $0 * scale } }
        var load: [String: Double] = [:]   // "site\0station\0period" → hours
        for p in model.products {
            let loads = p.loadSecondsPerStartedUnit
            let share = 1 / Double(max(1, p.sites.count))
            for (period, x) in used[p.id] ?? [:] {
                for site in p.sites {
                    for (k, step) in p.route.enumerated() {
                        load["\(site)\u{0}\(step.station)\u{0}\(period)", default: 0] += x * share * loads[k] / 3600
                    }
                }
            }
        }
        var rows: [Row] = []
        for site in model.sites {
            for st in site.stations {
                for period in model.periods {
                    let hours = load["\(site.id)\u{0}\(st.id)\u{0}\(period.id)"] ?? 0
                    let up = Double(st.installedTools) * period.hoursPerTool * st.availability.fraction
                    rows.append(Row(site: site.id, station: st.id, period: period.id, tools: st.installedTools,
                                    loadHours: hours, upHours: up, utilization: Self.ratio(hours, up),
                                    utilizationOfCap: Self.ratio(hours, up * st.utilizationCap)))
                }
            }
        }
        self.starts = used
        self.rows = rows
    }

    /// load / capacity; 0 for no load, infinity for load on no capacity.
    static func ratio(_ load: Double, _ capacity: Double) -> Double {
        load == 0 ? 0 : (capacity > 0 ? load / capacity : .infinity)
    }
}
