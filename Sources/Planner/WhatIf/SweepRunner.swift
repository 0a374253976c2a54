import Dispatch
import Foundation
import LineModel
import LinearSolver
import Synchronization

/// Runs a sweep: solves the base model once, then every grid point (or one shard's points) in parallel,
/// each re-solve warm-started from the base plan's basis.
///
/// Threads: each worker parses its own copy of the model tree and, for warm runs, keeps one GLPK problem in a
/// `GLPKResolveSession` created, patched per point and dropped on the worker's own thread (cold runs use one-shot
/// `GLPKSolver.solve` calls). Every point starts from the same base basis, never from a neighbour's, so a point's
/// result does not depend on which thread ran it or in what order: parallel, serial and sharded runs give
/// identical results.
public enum SweepRunner {
    /// Options of a sweep run.
    public struct Options: Sendable {
        /// Planning options of every solve (objective, LP/MIP, limits). `warmStart` is ignored.
        public var plan: PlanOptions
        /// Worker threads; at least 1.
        public var threads: Int
        /// Run only this slice of the grid.
        public var shard: SweepShard?
        /// Start each point from the base plan's basis (default) or cold.
        public var warmStart: Bool
        /// Hears of each of this run's grid points solved (`WorkPhase.sweepPoints`); nil: no reports.
        public var progress: WorkProgressHandler?
        public init(plan: PlanOptions, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    shard: SweepShard? = nil, warmStart: Bool = true, progress: WorkProgressHandler? = nil) {
            self.plan = plan; self.threads = max(1, threads); self.shard = shard; self.warmStart = warmStart
            self.progress = progress
        }
    }

    /// Sweeps `grid` over the model or scenario file at `file`.
    /// - Throws: `LineModelError` when the file is invalid or an axis path names nothing in it (`checkAxes`),
    ///   `PlanError` when the base solve fails,
    ///   `SweepSpecError` for a bad grid or a base plan without a basis to start from. Invalid points (a value
    ///   the loader refuses) do not throw: they are reported in their `SweepPoint.error`.
    public static func run(file: String, grid: SweepGrid, options: Options) throws -> (SweepResult, SweepTimings) {
        try grid.validate()
        let start = DispatchTime.now()
        let baseTree = try ScenarioLoader.tree(path: file)
        let baseModel = try ScenarioLoader.validate(baseTree)
        try checkAxes(grid, in: baseTree)
        // The fingerprint covers every file of the chain: the model and each scenario on it.
        var data = Data()
        for path in [baseTree.modelFile] + baseTree.chain {
            data.append(try InputFile.read(path: path, maxBytes: LoaderLimits().maxFileBytes))
        }
        var planOptions = options.plan
        planOptions.warmStart = nil
        // Sweep results report no sensitivity ranges; ranging would cost more than a warm re-solve.
        planOptions.computeSensitivity = false
        // Points keep key figures only (PlanKeyFigures): no product-period rows, dies or fab in their reports.
        planOptions.reportDetail = .keyFigures
        let baseFormulation = Formulation(model: baseModel, objective: planOptions.objective,
                                          integerTools: planOptions.integerTools)
        let t0 = DispatchTime.now()
        // The base and every point come validated from ScenarioLoader.validate.
        let base = try CapacityPlanner.solveValidated(baseFormulation, options: planOptions, session: nil)
        let baseSeconds = seconds(since: t0)
        let shape = ProblemShape(baseFormulation.problem)

        let todo = (0..<grid.pointCount).filter { options.shard?.contains($0) ?? true }
        let threads = min(options.threads, max(1, todo.count))
        let basis = options.warmStart ? base.basis : nil
        let pointOptions = planOptions
        let trees = WorkerTrees(count: threads)
        let baseProblem = baseFormulation.problem
        let counter = PointCounter(counted: Set(todo), report: options.progress)

        /// Solves `indices` on the worker threads, point k starting from `start(k)`: per slot the point, its
        /// timing and its final basis (a point no worker could run: nil, zero time).
        func runStage(_ indices: [Int], start: @escaping @Sendable (Int) -> Basis?)
            -> ([SweepPoint?], [PointTiming], [Basis?])
        {
            let solved = ParallelJobs.run(count: indices.count, threads: threads) { w -> ((Int) -> StageResult)? in
                guard let tree = trees.tree(w, path: file) else { return nil }
                // Warm runs re-solve through one kept GLPK problem per worker (built from the base problem, then
                // patched per point); it lives and dies on this worker's thread. Cold runs stay one-shot
                // solves, exactly as `fabplan optimize` does.
                let session = basis == nil || baseProblem.isMIP ? nil : GLPKResolveSession()
                // Built from the base problem, so every worker's kept problem has the same scaling factors and a
                // point's result does not depend on which worker solved it or after which other points.
                try? session?.prepare(baseProblem, scaling: true)
                return { slot in
                    let k = indices[slot]
                    let (point, timing, final) = solvePoint(k, grid: grid, tree: tree, options: pointOptions,
                                                            basis: start(k), baseShape: shape, session: session)
                    counter.solved(k)
                    return StageResult(point: point, timing: timing, basis: final)
                }
            }
            return (solved.map { $0?.point }, solved.map { $0?.timing ?? PointTiming(build: 0, solve: 0) },
                    solved.map { $0?.basis })
        }

        var points: [SweepPoint?]
        var timings: [PointTiming]
        // MIP sweeps keep the plain warm start from the base basis (their root LP only).
        if let basis, !baseProblem.isMIP, let anchors = SweepAnchors(grid: grid) {
            // Stage 1: the anchor lines (every axis varied alone, the others at their middle value) from the
            // base basis. Then every other point from the final basis of the anchor sharing its value on the
            // axis that moved the basis most, or (3+ axes) of its anchor-plane partner. All of it depends on the
            // grid only, never on threads or shards.
            let (p1, t1, b1) = runStage(anchors.points) { _ in basis }
            var final: [Int: Basis] = [:]
            // Only optimal anchors that started warm (same rows and columns as the base) lend their basis.
            for (slot, k) in anchors.points.enumerated() where p1[slot]?.warmStart == .used && p1[slot]?.status == .optimal {
                if let b = b1[slot] { final[k] = b }
            }
            let starts = anchors.startBases(final: final, base: basis)
            let rest = todo.filter { starts.solvedInStage1[$0] == nil }
            var byPoint: [Int: (SweepPoint?, PointTiming)] = [:]
            for (slot, k) in anchors.points.enumerated() { byPoint[k] = (p1[slot], t1[slot]) }
            // Stage 2: the plane points this run needs (its own, and the partners of its other points), from the
            // anchors. Stage 3: every other point from its plane partner's final basis (or its anchor's, if the
            // partner did not end optimal from a warm start).
            let plane = Array(Set(rest.compactMap { starts.planePartner(ofPoint: $0) }))
                .filter { starts.solvedInStage1[$0] == nil }.sorted()
            let (p2, t2, b2) = runStage(plane) { starts.basis(forPoint: $0) }
            for (slot, k) in plane.enumerated() {
                byPoint[k] = (p2[slot], t2[slot])
                if p2[slot]?.warmStart == .used && p2[slot]?.status == .optimal, let b = b2[slot] { final[k] = b }
            }
            let last = rest.filter { byPoint[$0] == nil }
            let finalBases = final
            let (p3, t3, _) = runStage(last) { k in
                starts.planePartner(ofPoint: k).flatMap { finalBases[$0] } ?? starts.basis(forPoint: k)
            }
            for (slot, k) in last.enumerated() { byPoint[k] = (p3[slot], t3[slot]) }
            points = todo.map { byPoint[$0]?.0 ?? nil }
            // Anchors and plane points outside this shard were solved too: their time counts.
            let todoSet = Set(todo)
            timings = todo.map { byPoint[$0]?.1 ?? PointTiming(build: 0, solve: 0) }
                + (anchors.points + plane).filter { !todoSet.contains($0) }.compactMap { byPoint[$0]?.1 }
        } else {
            let (p, t, _) = runStage(todo) { _ in basis }
            points = p
            timings = t
        }
        var result = SweepResult(
            model: file, modelFingerprint: fingerprint(data), objective: planOptions.objective,
            mode: planOptions.integerTools ? "mip" : "lp", grid: grid, pointCount: grid.pointCount,
            base: PlanKeyFigures(report: base.report, model: baseModel), shard: options.shard, points: [])
        result.points = points.enumerated().map { slot, p in
            p ?? SweepPoint(index: todo[slot], values: grid.values(ofPoint: todo[slot]), error: "not run (worker failed to read the model)")
        }
        let summary = SweepTimings(
            wallSeconds: seconds(since: start), baseSolveSeconds: baseSeconds,
            pointSolveSeconds: timings.reduce(0) { $0 + $1.solve }, pointBuildSeconds: timings.reduce(0) { $0 + $1.build },
            pointGLPKSeconds: timings.reduce(0) { $0 + $1.glpk },
            points: todo.count, warmStartsUsed: points.filter { $0?.warmStart == .used }.count, threads: threads,
            extraSolves: timings.count - todo.count)
        return (result, summary)
    }

    /// Refuses axes whose key path names nothing in the model (a typo), before any point is solved: each axis
    /// alone at its first value must resolve, and must not add a field the model does not know. A value the
    /// loader refuses is not refused here; that point reports it in its `SweepPoint.error`.
    /// - Throws: `LineModelError` located at the path (with the loader's "did you mean" suggestion).
    public static func checkAxes(_ grid: SweepGrid, in tree: ScenarioTree) throws {
        for axis in grid.axes {
            guard let first = axis.values.first else { continue }
            var variant = tree
            try ScenarioLoader.apply([axis.override(first)], to: &variant)
            do {
                _ = try ScenarioLoader.validate(variant)
            } catch let error as LineModelError {
                let unknown = error.diagnostics.filter { $0.kind == .unknownKey }
                if !unknown.isEmpty { throw LineModelError(diagnostics: unknown) }
            }
        }
    }

    /// Applies point `k`'s overrides to a copy of `tree`, validates, builds and solves.
    static func solvePoint(_ k: Int, grid: SweepGrid, tree: ScenarioTree, options: PlanOptions, basis: Basis?,
                           baseShape: ProblemShape, session: GLPKResolveSession? = nil) -> (SweepPoint, PointTiming, Basis?) {
        let values = grid.values(ofPoint: k)
        var point = SweepPoint(index: k, values: values)
        let t0 = DispatchTime.now()
        var variant = tree
        let model: LineModel
        do {
            try ScenarioLoader.apply(zip(grid.axes, values).map { $0.override($1) }, to: &variant)
            model = try ScenarioLoader.validate(variant)
        } catch {
            point.error = String(describing: error)
            return (point, PointTiming(build: seconds(since: t0), solve: 0), nil)
        }
        let formulation = Formulation(model: model, objective: options.objective, integerTools: options.integerTools)
        var solveOptions = options
        if let basis {
            if ProblemShape(formulation.problem) == baseShape {
                solveOptions.warmStart = basis
            } else {
                point.warmStart = .shapeDiffers
            }
        } else {
            point.warmStart = .off
        }
        let build = seconds(since: t0)
        let t1 = DispatchTime.now()
        let solved: (report: PlanReport, basis: Basis?, warmStartUsed: Bool)
        do {
            // The kept problem only for warm-started points: every point starts from the base basis either way.
            let pointSession = solveOptions.warmStart == nil ? nil : session
            solved = try CapacityPlanner.solveValidated(formulation, options: solveOptions, session: pointSession)
        } catch {
            point.error = String(describing: error)
            return (point, PointTiming(build: build, solve: seconds(since: t1)), nil)
        }
        if solveOptions.warmStart != nil { point.warmStart = solved.warmStartUsed ? .used : .rejected }
        let f = PlanKeyFigures(report: solved.report, model: model, bottleneckCount: 1)
        point.status = f.status
        point.objective = f.objective
        point.profit = f.profit
        point.goodUnits = f.goodUnits
        point.unmetUnits = f.unmetUnits
        point.capitalSpend = f.capitalSpend
        point.toolsBought = f.toolsBought
        point.topBottleneck = f.topBottlenecks.first
        point.quality = f.quality
        return (point, PointTiming(build: build, solve: seconds(since: t1), glpk: solved.report.solveSeconds), solved.basis)
    }

    /// FNV-1a 64-bit hash of `data`, as 16 hex digits (a guard against merging shards of different inputs,
    /// not a cryptographic hash).
    public static func fingerprint(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func seconds(since t: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9
    }
}

/// Rows and columns of a problem, by name: a basis fits another problem only when these are equal.
struct ProblemShape: Equatable {
    var rows: [String]
    var columns: [String]
    init(_ p: LinearProblem) {
        rows = p.rows.map(\.name)
        columns = p.columns.map(\.name)
    }
}

struct PointTiming: Sendable {
    var build: Double
    var solve: Double
    /// Seconds inside GLPK (`PlanReport.solveSeconds`), part of `solve`.
    var glpk: Double = 0
}

/// One solved point of a sweep stage.
struct StageResult: Sendable {
    var point: SweepPoint
    var timing: PointTiming
    var basis: Basis?
}

/// One model tree per worker slot, parsed on first use and reused by later stages of the same run. A slot is
/// used by one thread at a time (stages run one after the other), so no tree is ever read concurrently.
final class WorkerTrees: @unchecked Sendable {
    private let lock = NSLock()
    private var trees: [ScenarioTree?]
    init(count: Int) { trees = Array(repeating: nil, count: count) }

    func tree(_ worker: Int, path: String) -> ScenarioTree? {
        lock.lock()
        if let t = trees[worker] { lock.unlock(); return t }
        lock.unlock()
        guard let t = try? ScenarioLoader.tree(path: path) else { return nil }
        lock.lock(); trees[worker] = t; lock.unlock()
        return t
    }
}

/// Counts a sweep run's own points as they are solved (anchors and plane points outside the shard are not
/// counted) and reports each count, one report at a time.
private final class PointCounter: Sendable {
    private let counted: Set<Int>
    private let report: WorkProgressHandler?
    private let done = Mutex<Int>(0)

    init(counted: Set<Int>, report: WorkProgressHandler?) {
        self.counted = counted; self.report = report
        report?(WorkProgress(phase: .sweepPoints, done: 0, total: counted.count))
    }

    func solved(_ point: Int) {
        guard let report, counted.contains(point) else { return }
        done.withLock { n in
            n += 1
            report(WorkProgress(phase: .sweepPoints, done: n, total: counted.count))
        }
    }
}
