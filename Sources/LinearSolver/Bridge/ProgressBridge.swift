import CGLPKGuard

/// Holds the caller's progress closure while GLPK runs; the C callback reaches it through a context pointer.
final class ProgressBox {
    let report: (MIPProgress) -> Bool
    init(_ report: @escaping (MIPProgress) -> Bool) { self.report = report }

    /// The C-callable entry: plain numbers in, 1 out to cancel. Makes no GLPK call.
    static let entry: cglpk_progress_fn = { context, progress in
        guard let context, let progress else { return 0 }
        let box = Unmanaged<ProgressBox>.fromOpaque(context).takeUnretainedValue()
        let p = progress.pointee
        let snapshot = MIPProgress(
            incumbent: p.has_incumbent != 0 ? p.incumbent : nil,
            bestBound: p.has_bound != 0 ? p.bound : nil,
            gap: p.has_gap != 0 ? p.gap : nil,
            activeNodes: Int(p.active_nodes),
            totalNodes: Int(p.total_nodes),
            elapsedSeconds: p.elapsed_seconds)
        return box.report(snapshot) ? 0 : 1
    }
}
