import Foundation
import FabPlan
import Synchronization

/// The progress line of a long run on standard error: one line redrawn in place with `\r`, first drawn only
/// once the run has taken `delaySeconds` (short runs stay silent), then at most once per `intervalSeconds`,
/// and cleared by `finish()`. Nothing at all is written unless the stream is a terminal. The line carries the
/// run's elapsed seconds, and `tick()` (every `intervalSeconds` from a timer on standard error) redraws it
/// between reports, so a long first job (a MIP plan in `compare`) shows `0/3` with the clock running.
///
/// The clock and the terminal test are injected so the unit test needs no terminal and no waiting.
final class ProgressLine: Sendable {
    /// Seconds before the first draw.
    static let delaySeconds = 1.0
    /// Least seconds between two draws.
    static let intervalSeconds = 0.1

    private struct State {
        var latest: WorkProgress? = nil
        var lastDrawSeconds: Double? = nil
        var drawnWidth = 0
        var finished = false
    }

    private let isTerminal: Bool
    private let now: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let startSeconds: Double
    private let state = Mutex(State())
    /// The redraw timer, set and cancelled only on the command's own thread (`standardError`, `finish`).
    nonisolated(unsafe) private var timer: DispatchSourceTimer?

    /// - Parameters:
    ///   - isTerminal: whether the stream is a terminal (false: every call does nothing).
    ///   - now: a clock in seconds (any origin).
    ///   - write: writes text to the stream.
    init(isTerminal: Bool, now: @escaping @Sendable () -> Double, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.now = now
        self.write = write
        self.startSeconds = now()
    }

    /// The line on standard error (shown only when it is a terminal), or nil when `quiet`.
    static func standardError(quiet: Bool) -> ProgressLine? {
        if quiet { return nil }
        let line = ProgressLine(isTerminal: stderrIsTerminal,
                                now: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
                                write: { printError($0, newline: false) })
        if line.isTerminal { line.startTicking() }
        return line
    }

    /// Redraws the latest report every `intervalSeconds` until `finish()`.
    private func startTicking() {
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + Self.intervalSeconds, repeating: Self.intervalSeconds)
        timer.setEventHandler { [weak self] in self?.tick() }
        self.timer = timer
        timer.resume()
    }

    /// The handler to give a Planner run.
    var handler: WorkProgressHandler { { [self] in self.update($0) } }

    /// Redraws the line for `progress` if the run is old enough and the last draw is not too recent.
    func update(_ progress: WorkProgress) {
        guard isTerminal else { return }
        state.withLock { s in
            s.latest = progress
            draw(&s)
        }
    }

    /// Redraws the latest report (the elapsed time moves on), under the same delay and throttle.
    func tick() {
        guard isTerminal else { return }
        state.withLock { draw(&$0) }
    }

    /// Draws `s.latest` unless the run is under `delaySeconds` old, the last draw is too recent or the line is
    /// finished.
    private func draw(_ s: inout State) {
        let t = now()
        guard !s.finished, let progress = s.latest, t - startSeconds >= Self.delaySeconds else { return }
        if let last = s.lastDrawSeconds, t - last < Self.intervalSeconds { return }
        let text = Self.text(progress, elapsedSeconds: t - startSeconds)
        let pad = String(repeating: " ", count: max(0, s.drawnWidth - text.count))
        write("\r" + text + pad)
        s.lastDrawSeconds = t
        s.drawnWidth = text.count
    }

    /// Clears the line if it was drawn (the cursor goes back to the start of the empty line); later reports
    /// and ticks draw nothing.
    func finish() {
        timer?.cancel()
        timer = nil
        state.withLock { s in
            s.finished = true
            guard s.drawnWidth > 0 else { return }
            write("\r" + String(repeating: " ", count: s.drawnWidth) + "\r")
            s.drawnWidth = 0
        }
    }

    /// "sweep points 12/40 (30 %), 3 s": the percentage and the whole seconds elapsed rounded down.
    static func text(_ p: WorkProgress, elapsedSeconds: Double) -> String {
        let percent = p.total > 0 ? min(100, 100 * p.done / p.total) : 100
        return "\(label(p.phase)) \(p.done)/\(p.total) (\(percent) %), \(Int(elapsedSeconds)) s"
    }

    /// What the counted units are called on the line.
    static func label(_ phase: WorkPhase) -> String {
        switch phase {
        case .scenarioPlans: return "plans solved"
        case .sweepPoints: return "sweep points"
        case .stochasticSolves: return "stochastic solves"
        case .monteCarloTrials: return "Monte Carlo trials"
        }
    }
}
