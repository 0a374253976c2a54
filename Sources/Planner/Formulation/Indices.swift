import LineModel

/// Scale factors that keep the LP well conditioned for GLPK: unit quantities are in thousands of units
/// (kilo-units, kilo-dies) and money in thousands of currency units. Tool-hours, tools and wafers are unscaled.
/// See docs/formulation.md.
public enum PlanScale {
    /// Units (and dies) per LP unit of a start, output, unmet-demand, inventory or die-purchase variable.
    public static let units: Double = 1000
    /// Currency units per LP unit of the objective.
    public static let money: Double = 1000
}

/// A station instance: station kind `station` at site `site`, with its position in the model.
public struct StationKey: Hashable, Sendable, Codable, Comparable {
    public var site: String
    public var station: String
    public init(site: String, station: String) { self.site = site; self.station = station }
    public static func < (a: StationKey, b: StationKey) -> Bool { (a.site, a.station) < (b.site, b.station) }
}

/// Position of a column (variable) in `Formulation.problem.columns`.
public struct ColumnIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0-based position in `LinearProblem.columns` (and in `Solution.columnValues`).
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: ColumnIndex, b: ColumnIndex) -> Bool { a.raw < b.raw }
    public var description: String { "column \(raw)" }
}

/// Position of a row (constraint) in `Formulation.problem.rows`.
public struct RowIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0-based position in `LinearProblem.rows` (and in `Solution.rowActivities`, `rowDuals`).
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: RowIndex, b: RowIndex) -> Bool { a.raw < b.raw }
    public var description: String { "row \(raw)" }
}

/// One index (column or row) per planning period, `nil` in periods where the family has none (for example no
/// purchase column in a period whose tools would arrive after the horizon).
public struct PeriodSeries<Index: Hashable & Sendable>: Sendable {
    /// Entry per period index 0..<T.
    public internal(set) var byPeriod: [Index?]

    /// A series of `periods` periods with no entries.
    public init(periods: Int) { byPeriod = Array(repeating: nil, count: periods) }

    /// The index in period `t`, or `nil` (also for `t` outside the horizon).
    public subscript(t: Int) -> Index? {
        get { byPeriod.indices.contains(t) ? byPeriod[t] : nil }
        set { byPeriod[t] = newValue }
    }
    /// The present entries in period order.
    public var entries: [(period: Int, index: Index)] {
        byPeriod.enumerated().compactMap { t, i in i.map { (t, $0) } }
    }
    /// Number of periods with an entry.
    public var count: Int { byPeriod.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    /// `true` when no period has an entry.
    public var isEmpty: Bool { byPeriod.allSatisfy { $0 == nil } }
}

/// The start columns of one product at one site, one per period.
public struct SiteStarts: Sendable {
    /// Site id (`sites[].id`).
    public let site: String
    /// `start[p,s,t]` in every period.
    public internal(set) var columns: PeriodSeries<ColumnIndex>
}

/// Columns or rows of one die type, one per period.
public struct DieTypeSeries<Index: Hashable & Sendable>: Sendable {
    /// Die type id (`die_types[].id`).
    public let dieType: String
    /// The index in every period (`nil` where the family has none).
    public internal(set) var series: PeriodSeries<Index>
}

extension Array where Element == Double {
    /// The value of column `c` in a `Solution.columnValues` array.
    subscript(_ c: ColumnIndex) -> Double { self[c.raw] }
    /// The value of row `r` in a `Solution.rowActivities` or `rowDuals` array.
    subscript(_ r: RowIndex) -> Double { self[r.raw] }
}
