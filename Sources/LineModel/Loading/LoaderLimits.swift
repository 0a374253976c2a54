/// Size limits the loader enforces *before* it allocates anything proportional to a count in the file.
///
/// The defaults are far above any real back-end model (the flagship has 5 periods, 4 sites, ~30 stations and
/// 5 products) and far below what would exhaust memory or time. A file beyond them is refused with a located
/// `Diagnostic.Kind.tooLarge` or `.hostileInput` error.
public struct LoaderLimits: Sendable, Hashable {
    /// Largest file accepted, bytes.
    public var maxFileBytes: Int = 8 << 20
    /// Deepest nesting of lists/maps, counted in the raw text before parsing (stops stack-exhaustion attacks).
    public var maxNestingDepth: Int = 64
    /// Most alias uses (`*name`) in one file.
    public var maxAliases: Int = 10_000
    /// Most YAML values the loader will look at, counting each alias expansion again (stops alias bombs).
    /// Files larger than this many bytes get their byte count as budget (a file without aliases never has more
    /// values than bytes), so big generated models are never refused by it.
    public var maxNodesVisited: Int = 1_000_000
    /// Most planning periods.
    public var maxPeriods: Int = 600
    /// Most sites.
    public var maxSites: Int = 200
    /// Most stations at one site.
    public var maxStationsPerSite: Int = 500
    /// Most products.
    public var maxProducts: Int = 2_000
    /// Most steps in one route (entries of `route`, delays included): a guard against hostile input, far above
    /// real fab routes (SMT2020: 242-583 steps).
    public var maxRouteSteps: Int = 10_000
    /// Most die types, die uses per product, fab die types or suppliers.
    public var maxDieTypes: Int = 2_000
    /// Most die suppliers.
    public var maxSuppliers: Int = 2_000
    /// Longest id or name, characters.
    public var maxIdLength: Int = 200

    /// The default limits.
    public init() {}
}
