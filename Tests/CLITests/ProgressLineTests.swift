@testable import FabPlanCLI
import FabPlan
import Synchronization
import Testing

/// The progress line against a fake clock and a fake terminal: what it writes, and when.
@Suite struct ProgressLineTests {
    /// A settable clock and a record of everything written.
    final class Fake: Sendable {
        let seconds = Mutex(100.0)
        let written = Mutex<[String]>([])
        func line(isTerminal: Bool) -> ProgressLine {
            ProgressLine(isTerminal: isTerminal, now: { self.seconds.withLock { $0 } },
                         write: { text in self.written.withLock { $0.append(text) } })
        }
        func at(_ t: Double) { seconds.withLock { $0 = t } }
        var output: [String] { written.withLock { $0 } }
    }

    static func trials(_ done: Int) -> WorkProgress { WorkProgress(phase: .monteCarloTrials, done: done, total: 8192) }

    @Test func silentForTheFirstSecondThenDrawsAndThrottles() {
        let fake = Fake()
        let line = fake.line(isTerminal: true) // started at t = 100 s
        fake.at(100.99); line.update(Self.trials(4096)) // 0.99 s < delaySeconds (1 s): nothing
        #expect(fake.output.isEmpty)
        // 1.0 s after the start: drawn. 100 * 4096 / 8192 = 50 %; 1 s elapsed.
        fake.at(101.0); line.update(Self.trials(4096))
        #expect(fake.output == ["\rMonte Carlo trials 4096/8192 (50 %), 1 s"])
        // 0.0625 s later (times exact in binary), under intervalSeconds (0.1 s): throttled.
        fake.at(101.0625); line.update(Self.trials(6144))
        #expect(fake.output.count == 1)
        // 0.125 s after the last draw: redrawn in place; 100 * 6144 / 8192 = 75 %.
        fake.at(101.125); line.update(Self.trials(6144))
        #expect(fake.output.last == "\rMonte Carlo trials 6144/8192 (75 %), 1 s")
        // finish() overwrites the 40 characters last drawn with blanks and returns to the line start; a report
        // or a tick after it draws nothing.
        line.finish()
        #expect(fake.output.last == "\r" + String(repeating: " ", count: 40) + "\r")
        fake.at(105); line.update(Self.trials(8192)); line.tick()
        #expect(fake.output.count == 3)
    }

    @Test func aShorterLinePadsOverTheLongerOne() {
        let fake = Fake()
        let line = fake.line(isTerminal: true)
        fake.at(102); line.update(WorkProgress(phase: .sweepPoints, done: 10, total: 10))
        // "sweep points 10/10 (100 %), 2 s" is 31 characters; "sweep points 1/3 (33 %), 3 s" is 28: 3 blanks
        // after it (100 * 1 / 3 = 33 in integer arithmetic).
        fake.at(103); line.update(WorkProgress(phase: .sweepPoints, done: 1, total: 3))
        #expect(fake.output == ["\rsweep points 10/10 (100 %), 2 s", "\rsweep points 1/3 (33 %), 3 s   "])
    }

    @Test func ticksRedrawTheLatestReportWithTheClockRunning() {
        let fake = Fake()
        let line = fake.line(isTerminal: true)
        line.tick() // nothing reported yet: nothing to draw
        fake.at(100.25); line.update(WorkProgress(phase: .scenarioPlans, done: 0, total: 3)) // under 1 s
        fake.at(101.5); line.tick()
        // 101.5 - 100 = 1.5 s, shown rounded down to "1 s"; the same report on a later tick at 103.75 s: "3 s".
        fake.at(103.75); line.tick()
        #expect(fake.output == ["\rplans solved 0/3 (0 %), 1 s", "\rplans solved 0/3 (0 %), 3 s"])
    }

    @Test func writesNothingWhenNotATerminal() {
        let fake = Fake()
        let line = fake.line(isTerminal: false)
        for (k, t) in [100.5, 101.5, 105.0, 200.0].enumerated() { fake.at(t); line.update(Self.trials(1000 * k)); line.tick() }
        line.finish()
        #expect(fake.output.isEmpty)
    }

    @Test func shortRunsClearNothing() {
        // A run that ends before 1 s never drew, so finish() has nothing to clear.
        let fake = Fake()
        let line = fake.line(isTerminal: true)
        fake.at(100.5); line.update(Self.trials(8192))
        line.finish()
        #expect(fake.output.isEmpty)
    }
}
