/// A simulated mean with its standard error by batch means (the run after warm-up is cut into equal
/// batches of consecutive jobs; the batch means are close to independent when batches are long).
public struct SimulationEstimate: Sendable, Hashable {
    /// Mean over the jobs after warm-up.
    public var mean: Double
    /// Standard error of `mean`: the standard deviation of the batch means over √(batches).
    public var standardError: Double

    /// Mean and standard error of `values` split into `batches` batches (the remainder is dropped).
    public init(batchMeansOf values: ArraySlice<Double>, batches: Int) {
        let size = values.count / batches
        var means: [Double] = []
        means.reserveCapacity(batches)
        var start = values.startIndex
        for _ in 0..<batches {
            means.append(values[start..<start + size].reduce(0, +) / Double(size))
            start += size
        }
        let mean = means.reduce(0, +) / Double(batches)
        let variance = means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batches - 1)
        self.mean = mean
        self.standardError = (variance / Double(batches)).squareRoot()
    }
}
