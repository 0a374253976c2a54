import LinearSolver

/// Start bases for a warm sweep, chosen from the grid alone so that results never depend on threads or shards.
///
/// The anchor lines: for every axis, the points that vary that axis alone while every other axis sits at its
/// middle value (index (count − 1) / 2). They are solved first, from the base plan's basis. The axis whose line
/// moved the basis most (most row/column statuses different from the base basis, summed over the line; ties to
/// the first axis) becomes the anchor axis: every other point then starts from the final basis of the anchor
/// point with the same value on that axis. On the flagship's 75-point sweep the fcbga-cpu demand axis drives most
/// pivots: starting from its anchors took 951 simplex iterations (anchors included) instead of 2,008 from the base
/// basis (Benchmarks/results/whatif.md). With 3 or more axes a third stage goes one step further: the anchor
/// plane (the anchor axis and the next most basis-moving axis varied, the rest at their middle values) is solved
/// from the anchors, and every other point starts from its plane partner (`Starts.planePartner`).
struct SweepAnchors {
    let grid: SweepGrid
    /// The anchor points (union of the anchor lines), ascending.
    let points: [Int]
    /// Point index of the anchor line of `axis` at value index `i`.
    private let line: [[Int]]

    /// `nil` when anchors cannot help: fewer than 2 axes, or every axis has a single value.
    init?(grid: SweepGrid) {
        let counts = grid.axes.map(\.values.count)
        guard counts.count >= 2, counts.contains(where: { $0 > 1 }) else { return nil }
        self.grid = grid
        let middle = counts.map { ($0 - 1) / 2 }
        var strides = [Int](repeating: 1, count: counts.count)
        for a in stride(from: counts.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * counts[a + 1] }
        let center = zip(middle, strides).reduce(0) { $0 + $1.0 * $1.1 }
        line = counts.indices.map { a in (0..<counts[a]).map { i in center + (i - middle[a]) * strides[a] } }
        points = Array(Set(line.joined())).sorted()
    }

    /// The start basis of every point, given the final bases of the anchor points (`final`, by point index;
    /// missing = the anchor failed or its warm start was refused) and the base plan's basis.
    func startBases(final: [Int: Basis], base: Basis) -> Starts {
        func changed(_ b: Basis) -> Int {
            zip(b.rows, base.rows).filter { $0 != $1 }.count + zip(b.columns, base.columns).filter { $0 != $1 }.count
        }
        let scores = line.map { $0.reduce(0) { $0 + (final[$1].map(changed) ?? 0) } }
        var axis: Int? = nil
        for a in scores.indices where scores[a] > 0 && (axis == nil || scores[a] > scores[axis!]) { axis = a }
        // The plane axis: the next most basis-moving axis (ties to the first), when there are 3 or more axes
        // (with 2 the plane is the whole grid and stage 2 already starts every point from an anchor).
        var planeAxis: Int? = nil
        if let axis, grid.axes.count >= 3 {
            for a in scores.indices where a != axis && scores[a] > 0 && (planeAxis == nil || scores[a] > scores[planeAxis!]) {
                planeAxis = a
            }
        }
        var solved: [Int: Bool] = [:]
        for k in points { solved[k] = true }
        return Starts(grid: grid, axis: axis, planeAxis: planeAxis, anchors: axis.map { line[$0].map { final[$0] } } ?? [],
                      base: base, solvedInStage1: solved)
    }

    /// Start bases of stage 2.
    struct Starts: Sendable {
        let grid: SweepGrid
        /// The anchor axis, `nil` when no anchor moved the basis (every point then starts from the base basis).
        let axis: Int?
        /// The plane axis (see `planePartner`), `nil` with fewer than 3 axes or when only one axis moved the basis.
        let planeAxis: Int?
        /// Final basis of the anchor at each value index of `axis`.
        let anchors: [Basis?]
        let base: Basis
        /// Points already solved in stage 1.
        let solvedInStage1: [Int: Bool]

        /// The anchor plane: points that vary the anchor axis and the plane axis, every other axis at its middle
        /// value. A point off the plane starts from the final basis of its plane partner (same values on the two
        /// axes), solved before it from its anchor; a plane point's partner is itself. `nil` without a plane.
        func planePartner(ofPoint k: Int) -> Int? {
            guard let axis, let planeAxis else { return nil }
            let counts = grid.axes.map(\.values.count)
            var strides = [Int](repeating: 1, count: counts.count)
            for a in stride(from: counts.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * counts[a + 1] }
            var partner = 0
            for a in counts.indices {
                let i = (a == axis || a == planeAxis) ? (k / strides[a]) % counts[a] : (counts[a] - 1) / 2
                partner += i * strides[a]
            }
            return partner
        }

        func basis(forPoint k: Int) -> Basis {
            guard let axis else { return base }
            let counts = grid.axes.map(\.values.count)
            var rest = k
            for a in stride(from: counts.count - 1, to: axis, by: -1) { rest /= counts[a] }
            let i = rest % counts[axis]
            return anchors[i] ?? base
        }
    }
}
