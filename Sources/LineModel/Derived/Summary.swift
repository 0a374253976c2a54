/// A short description of a loaded model, for `fabplan validate` and for people skimming a file:
/// its size, the fab's good dies per wafer and each product's serial route yield.
public struct LineModelSummary: Sendable, Hashable {
    /// Good dies per wafer of one fab die type at the first and the last period with wafer starts.
    public struct FabDieOutput: Sendable, Hashable {
        /// Die type id.
        public var dieType: String
        /// Whole gross dies per wafer, floor(DPW).
        public var grossDiesPerWafer: Double
        /// Period id and good dies per wafer (floor(DPW) × die yield × sort yield) in the first ramp period.
        public var firstPeriod: String
        /// Good dies per wafer started in `firstPeriod`.
        public var goodDiesPerWaferFirst: Double
        /// Period id and good dies per wafer in the last period (the most mature D0).
        public var lastPeriod: String
        /// Good dies per wafer started in `lastPeriod`.
        public var goodDiesPerWaferLast: Double
    }

    /// The model's name.
    public var name: String
    /// Number of sites (plants).
    public var siteCount: Int
    /// Number of stations (tool groups), all sites.
    public var stationCount: Int
    /// Number of products.
    public var productCount: Int
    /// Period ids in time order.
    public var periodIds: [String]
    /// Tools installed at the start, all sites.
    public var installedTools: Int
    /// Output of the fab per die type it makes (empty without a fab).
    public var fabDies: [FabDieOutput]
    /// Product id and serial route yield (good units out per unit started), in file order.
    public var routeYields: [(product: String, yield: Double)]

    /// Equal when every figure is equal.
    public static func == (a: LineModelSummary, b: LineModelSummary) -> Bool {
        a.name == b.name && a.siteCount == b.siteCount && a.stationCount == b.stationCount
            && a.productCount == b.productCount && a.periodIds == b.periodIds && a.installedTools == b.installedTools
            && a.fabDies == b.fabDies && a.routeYields.map(\.product) == b.routeYields.map(\.product)
            && a.routeYields.map(\.yield) == b.routeYields.map(\.yield)
    }

    /// Hashes the name, station count and periods (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(stationCount)
        hasher.combine(periodIds)
    }

    /// Multi-line text for a terminal.
    public var text: String {
        var lines: [String] = []
        let periods = periodIds.count <= 6
            ? periodIds.joined(separator: ", ")
            : "\(periodIds.first ?? "") ... \(periodIds.last ?? "")"
        lines.append("\(name)")
        lines.append("  \(Self.count(siteCount, "site")), \(Self.count(stationCount, "station")) "
                     + "(\(Self.count(installedTools, "tool")) installed), \(Self.count(productCount, "product")), "
                     + "\(Self.count(periodIds.count, "period")) (\(periods))")
        for die in fabDies {
            lines.append("  fab die \(die.dieType): \(Self.format(die.grossDiesPerWafer, 0)) gross/wafer; good/wafer "
                         + "\(Self.format(die.goodDiesPerWaferFirst, 1)) (\(die.firstPeriod)) -> "
                         + "\(Self.format(die.goodDiesPerWaferLast, 1)) (\(die.lastPeriod))")
        }
        for r in routeYields {
            lines.append("  route yield \(r.product): \(Self.format(r.yield * 100, 2)) %")
        }
        return lines.joined(separator: "\n")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func format(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        if decimals == 0 { return String(Int64(rounded)) }
        var s = String(rounded)
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        }
        return s
    }
}

extension LineModel {
    /// The short summary printed by `fabplan validate`.
    public var summary: LineModelSummary {
        var fabDies: [LineModelSummary.FabDieOutput] = []
        if let fab {
            let withStarts = periods.indices.filter { (fab.waferStartsPerPeriod[periods[$0].id] ?? 0) > 0 }
            let first = withStarts.first ?? 0
            let last = withStarts.last ?? max(0, periods.count - 1)
            for id in fab.dieTypes {
                guard let die = dieType(id), !periods.isEmpty else { continue }
                fabDies.append(.init(
                    dieType: id, grossDiesPerWafer: fab.grossDiesPerWafer(for: die),
                    firstPeriod: periods[first].id,
                    goodDiesPerWaferFirst: fab.goodDiesPerWafer(for: die, periodIndex: first, periods: periods),
                    lastPeriod: periods[last].id,
                    goodDiesPerWaferLast: fab.goodDiesPerWafer(for: die, periodIndex: last, periods: periods)))
            }
        }
        return LineModelSummary(
            name: name, siteCount: sites.count, stationCount: sites.reduce(0) { $0 + $1.stations.count },
            productCount: products.count, periodIds: periods.map(\.id),
            installedTools: sites.reduce(0) { $0 + $1.stations.reduce(0) { $0 + $1.installedTools } },
            fabDies: fabDies, routeYields: products.map { ($0.id, $0.routeYield) })
    }
}
