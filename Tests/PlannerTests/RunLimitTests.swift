import Foundation
import LineModel
import LinearSolver
import NationalModels
import Planner
import Testing

/// The time limit bounds the whole run, and memory is estimated (linearly in the model's size) and bounded
/// before anything is built.
@Suite struct RunLimitTests {
    @Test func timeLimitBoundsTheWholeRun() throws {
        // A MIP that GLPK cannot close to a zero gap in two seconds (4 sites x 30 stations x 50 products x 12
        // quarters: ~2,000 integer tool counts). The run must end within the limit plus the stated margin, with
        // the best plan found so far (feasible, with its bound) or no plan; never optimal-by-luck at gap 0.
        // The stated margin is 1 s: GLPK gets 70 % of the time left (CapacityPlanner.solverShareOfTimeLeft)
        // because it overshoots its own limit by up to 40 % here; the rest is debug-build load/report time.
        let model = NationalModel.make(.init(sites: 4, stations: 30, products: 50, periods: 12))
        var options = PlanOptions(objective: .maxProfit, integerTools: true)
        options.timeLimitSeconds = 2
        options.mipGap = 0
        let started = ContinuousClock.now
        let report = try CapacityPlanner.optimize(model, options: options)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .milliseconds(3_000), "ran \(elapsed), solve \(report.solveSeconds)")
        #expect(report.termination == .timeLimit)
        #expect(report.status == .feasible || report.status == .noSolution)
        if report.status == .feasible { #expect(report.mipGap.map { $0 > 0 } ?? true) }
    }

    @Test func deadlinePassedBeforeTheSolveGivesNoPlan() throws {
        // A deadline already past when the run starts: formulation is built, nothing is solved, no plan.
        var options = PlanOptions(objective: .maxProfit, integerTools: false)
        options.deadline = PlanDeadline(secondsFromNow: -1)
        let report = try CapacityPlanner.optimize(NationalModel.make(.init(sites: 1, stations: 5, products: 4, periods: 4)),
                                                  options: options)
        #expect(report.status == .noSolution && report.termination == .timeLimit)
    }

    @Test func tooLargeIsRefusedBeforeBuilding() throws {
        // The estimate has a 64 MiB base, so a 32 MiB bound refuses any model, with the sizes in the message.
        var options = PlanOptions(objective: .maxProfit, integerTools: false)
        options.memoryLimitBytes = 32 << 20
        let model = NationalModel.make(.init(sites: 2, stations: 10, products: 12, periods: 8))
        #expect {
            try CapacityPlanner.optimize(model, options: options)
        } throws: { error in
            guard case PlanError.tooLarge(let size, let limit) = error else { return false }
            return limit == 32 << 20 && size.estimatedBytes > limit && "\(error)".contains("model too large to plan")
        }
    }

    @Test(arguments: [NationalModel.Size(sites: 1, stations: 5, products: 4, periods: 4),
                      NationalModel.Size(sites: 3, stations: 14, products: 24, periods: 12)])
    func sizeEstimateBoundsTheBuiltFormulation(size: NationalModel.Size) throws {
        // The estimate counts rows and columns exactly and nonzeros from above (budget terms of tools without a
        // price, wafer terms before the first fab cycle), by at most 10 %.
        for integer in [false, true] {
            let model = NationalModel.make(size)
            let estimate = FormulationSize(model: model, integerTools: integer)
            let p = Formulation(model: model, objective: .maxProfit, integerTools: integer).problem
            #expect(estimate.rows == p.rows.count && estimate.columns == p.columns.count)
            #expect(estimate.nonzeros >= p.entries.count && Double(estimate.nonzeros) <= 1.1 * Double(p.entries.count))
        }
    }

    @Test func memoryEstimateIsLinearInPeriods() throws {
        // Every family has a fixed number of columns, rows and nonzeros per period (the stock form: no O(T²)
        // term), so doubling the periods doubles the estimate above its base, up to the lead-time periods that
        // have no purchase (a few per station): within 2 ± 0.05.
        let a = FormulationSize(model: NationalModel.make(.init(sites: 2, stations: 20, products: 10, periods: 100)), integerTools: true)
        let b = FormulationSize(model: NationalModel.make(.init(sites: 2, stations: 20, products: 10, periods: 200)), integerTools: true)
        let ratio = Double(b.estimatedBytes - FormulationSize.baseBytes) / Double(a.estimatedBytes - FormulationSize.baseBytes)
        #expect(abs(ratio - 2) < 0.05, "ratio \(ratio)")
    }
}
