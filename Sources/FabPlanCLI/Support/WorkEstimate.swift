import FabPlan
import Foundation

/// The work a run would do, estimated from the model before it starts, and refused past a limit unless the
/// user raises it with `--max-work` (README "Work limits"). One work unit is one nonzero of one scenario's or
/// one point's LP (solver runs), or one sampled step-period of one trial (Monte Carlo runs).
struct WorkEstimate {
    /// What kind of run, with its default limit.
    enum Kind {
        /// `optimize --stochastic K`: K × nonzeros of the model's LP (the merged problem's size and memory).
        case stochastic
        /// `yield`, `evaluate`, `optimize --risk-trials`: trials × periods × (route steps + stations + die types).
        case monteCarlo
        /// `sweep`: points (of this shard) × nonzeros of the model's LP.
        case sweep

        /// The default limit, work units: about a minute of a release build on two cores for each kind.
        var defaultLimit: Double {
            switch self {
            case .stochastic: return 500_000
            case .monteCarlo: return 1e9
            case .sweep: return 1e7
            }
        }
    }

    var kind: Kind
    /// The option and its value, e.g. `--stochastic 100000`.
    var option: String
    /// The count the option asks for (scenarios, trials, points).
    var count: Double
    /// Work units per counted item, and what they are (`nonzeros of the model's LP`).
    var unitsPerItem: Double
    var unitName: String
    /// The counted items, e.g. `scenarios`.
    var itemName: String

    /// Estimated work, units.
    var units: Double { count * unitsPerItem }

    /// Refuses the run when its work is past `maxWork` (or the default limit), with the range of the option
    /// that fits and how to raise the limit.
    /// - Throws: `CLIError.usage` (exit 64).
    func check(maxWork: Double?) throws {
        let limit = maxWork ?? kind.defaultLimit
        guard units > limit else { return }
        let most = max(0, (limit / max(1, unitsPerItem)).rounded(.down))
        throw CLIError.usage(
            "\(option): the estimated work is \(Self.shown(units)) units (\(Self.shown(count)) \(itemName) × "
            + "\(Self.shown(unitsPerItem)) \(unitName)), past the limit of \(Self.shown(limit)); with this model "
            + "that allows at most \(Self.shown(most)) \(itemName). Ask for fewer, or raise the limit with "
            + "--max-work \(Self.shown(units.rounded(.up)))")
    }

    static func shown(_ x: Double) -> String {
        x < 1e15 && x == x.rounded() ? String(Int64(x)) : String(format: "%.3g", x)
    }

    /// `--stochastic K` on `model`.
    static func stochastic(_ model: LineModel, scenarios: Int, objective: PlanObjective, integerTools: Bool) -> WorkEstimate {
        let nonzeros = Formulation(model: model, objective: objective, integerTools: integerTools).problem.entries.count
        return WorkEstimate(kind: .stochastic, option: "--stochastic \(scenarios)", count: Double(scenarios),
                            unitsPerItem: Double(max(1, nonzeros)), unitName: "nonzeros of the model's LP",
                            itemName: "scenarios")
    }

    /// `trials` Monte Carlo trials of `model` (`option` names the flag).
    static func monteCarlo(_ model: LineModel, trials: Int, option: String) -> WorkEstimate {
        let steps = model.products.reduce(0) { $0 + $1.route.count }
        let stations = model.sites.reduce(0) { $0 + $1.stations.count }
        let perTrial = model.periods.count * (steps + stations + model.dieTypes.count)
        return WorkEstimate(kind: .monteCarlo, option: "\(option) \(trials)", count: Double(trials),
                            unitsPerItem: Double(max(1, perTrial)), unitName: "sampled step-periods per trial",
                            itemName: "trials")
    }

    /// A sweep of `points` points of `model`.
    static func sweep(_ model: LineModel, points: Int, objective: PlanObjective, integerTools: Bool) -> WorkEstimate {
        let nonzeros = Formulation(model: model, objective: objective, integerTools: integerTools).problem.entries.count
        return WorkEstimate(kind: .sweep, option: "--vary (\(points) points)", count: Double(points),
                            unitsPerItem: Double(max(1, nonzeros)), unitName: "nonzeros of the model's LP",
                            itemName: "points")
    }
}
