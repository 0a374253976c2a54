import LineModel

/// The size of a model's formulation (stock form), counted from the model before anything is built, and the
/// memory a planning run of it needs: the run refuses up front a model whose estimate passes
/// `PlanOptions.memoryLimitBytes`, instead of growing until the host runs out.
///
/// Bytes per row, column and nonzero are measured, not derived: peak resident memory of `planner-bench
/// --national` over sizes from 2k to 200k columns (Benchmarks/results/planner.md) grows linearly in rows,
/// columns and nonzeros; the coefficients below bound it from above (they include GLPK's copy of the problem,
/// its simplex work arrays and LU factors, the Swift problem, the solution and the report).
public struct FormulationSize: Sendable, Hashable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    public let nonzeros: Int

    /// Bytes of a planning run per row, per column and per nonzero, and a fixed base (the process itself).
    public static let bytesPerRow = 1_200, bytesPerColumn = 900, bytesPerNonzero = 200, baseBytes = 64 << 20

    /// Estimated peak memory of a planning run, bytes.
    public var estimatedBytes: Int {
        Self.baseBytes + rows * Self.bytesPerRow + columns * Self.bytesPerColumn + nonzeros * Self.bytesPerNonzero
    }

    /// Counts the formulation of `model` without building it (O(products × steps + stations × periods)).
    public init(model: LineModel, integerTools: Bool) {
        let T = model.periods.count
        var rows = 0, columns = 0, nonzeros = 0
        // Tools: buy (n = T − L periods), stock (n), C1 (T rows, n stock terms), C9 (n rows, 3n − 1 terms),
        // C5 (n terms), C6 (≤ 2n terms).
        for site in model.sites {
            for station in site.stations {
                let n = max(0, T - station.leadTimePeriods)
                rows += T + n + (station.maxTools != nil && n > 0 ? 1 : 0)
                columns += 2 * n
                nonzeros += n + max(0, 3 * n - 1) + n + 2 * n
            }
        }
        var dieTypes = Set<String>()
        for product in model.products {
            let sites = product.sites.compactMap { model.site($0) }
            columns += T * (sites.count + 1 + (product.holdingCostPerUnitPeriod == nil ? 0 : 1))
            rows += T
            for site in sites {
                let visited = Set(product.route.map(\.station)).filter { site.station($0) != nil }
                nonzeros += T * (visited.count + Set(product.dies.map(\.dieType)).count + 1)
            }
            nonzeros += T * (1 + (product.holdingCostPerUnitPeriod == nil ? 0 : 2))
            for use in product.dies { dieTypes.insert(use.dieType) }
        }
        let fabTypes = model.fab?.dieTypes.count ?? 0
        columns += T * (fabTypes + model.dieSuppliers.count)
        rows += T * (dieTypes.count + (fabTypes > 1 ? 1 : 0)) + T + 1
        nonzeros += T * (dieTypes.count + model.dieSuppliers.count + (fabTypes > 1 ? fabTypes : 0))
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
    }

    public var description: String {
        "\(rows) rows x \(columns) columns, \(nonzeros) nonzeros, about \(Self.megabytes(estimatedBytes)) MiB"
    }

    /// Bytes as whole MiB, for messages.
    public static func megabytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }
}
