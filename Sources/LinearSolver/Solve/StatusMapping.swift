import CGLPK

/// GLPK's raw outcome of one solve, as reported by the C guard.
struct RawOutcome {
    var isMIP: Bool
    var usedInterior: Bool
    /// Return code of `glp_simplex` / `glp_interior` / `glp_intopt` (or of the MIP's root LP).
    var rc: Int32
    var rootLPFailed: Bool
    /// `glp_get_status` / `glp_ipt_status` / `glp_mip_status`.
    var status: Int32
    var primalStatus: Int32
    var dualStatus: Int32
    /// MIP: outcome of the LP with integers fixed (`rc` -1 when not run).
    var fixedLPRC: Int32
    var fixedLPStatus: Int32
}

/// Why the solver stopped and what solutions exist, from GLPK's codes.
///
/// Kept apart from the solve so the rules can be read in one place:
/// * `rc == 0` only means the solver ran; the status says what it found (`GLP_OPT`, `GLP_NOFEAS`, `GLP_UNBND`).
/// * Presolve proofs: `GLP_ENOPFS` = infeasible, `GLP_ENODFS` = infeasible or unbounded (no dual feasible point).
/// * Limits (`GLP_ETMLIM`, `GLP_EITLIM`, `GLP_ESTOP`) keep whatever point exists: a MIP stopped by the time limit
///   with an incumbent is `timeLimit` + `feasible`.
struct StatusMapping {
    var termination: TerminationReason
    var primal: SolutionStatus
    var dual: SolutionStatus

    init(_ raw: RawOutcome) {
        if raw.isMIP && !raw.rootLPFailed {
            self = Self.mip(raw)
        } else if raw.usedInterior {
            self = Self.interior(raw)
        } else {
            self = Self.simplex(raw)
            if raw.isMIP {
                // The root LP relaxation failed: an LP point is not an integer solution.
                if termination == .unbounded { termination = .infeasibleOrUnbounded }
                primal = .none
                dual = .none
            }
        }
    }

    private init(_ t: TerminationReason, _ p: SolutionStatus, _ d: SolutionStatus) {
        termination = t; primal = p; dual = d
    }

    /// GLPK's primal/dual status of a basic solution (`glp_get_prim_stat` / `glp_get_dual_stat`).
    static func pointStatus(_ code: Int32, optimal: Bool) -> SolutionStatus {
        switch code {
        case GLP_FEAS: return optimal ? .optimal : .feasible
        case GLP_INFEAS, GLP_NOFEAS: return .infeasible
        default: return .none
        }
    }

    private static func simplex(_ raw: RawOutcome) -> StatusMapping {
        let primal = pointStatus(raw.primalStatus, optimal: false)
        let dual = pointStatus(raw.dualStatus, optimal: false)
        switch raw.rc {
        case 0:
            switch raw.status {
            case GLP_OPT: return .init(.optimal, .optimal, .optimal)
            case GLP_NOFEAS: return .init(.infeasible, primal, dual)
            case GLP_UNBND: return .init(.unbounded, primal, dual)
            default: return .init(.numericalFailure, primal, dual)
            }
        case GLP_ETMLIM: return .init(.timeLimit, primal, dual)
        case GLP_EITLIM: return .init(.iterationLimit, primal, dual)
        case GLP_ENOPFS: return .init(.infeasible, .none, .none)
        case GLP_ENODFS: return .init(.infeasibleOrUnbounded, .none, .none)
        default: return .init(.numericalFailure, primal, dual)
        }
    }

    private static func interior(_ raw: RawOutcome) -> StatusMapping {
        switch raw.rc {
        case 0:
            switch raw.status {
            case GLP_OPT: return .init(.optimal, .optimal, .optimal)
            // The interior-point method cannot tell an infeasible LP from an unbounded one.
            case GLP_NOFEAS, GLP_INFEAS: return .init(.infeasibleOrUnbounded, .none, .none)
            default: return .init(.numericalFailure, .none, .none)
            }
        case GLP_EITLIM: return .init(.iterationLimit, .none, .none)
        default: return .init(.numericalFailure, .none, .none)
        }
    }

    private static func mip(_ raw: RawOutcome) -> StatusMapping {
        let primal: SolutionStatus = raw.status == GLP_OPT ? .optimal : raw.status == GLP_FEAS ? .feasible : .none
        let dual: SolutionStatus = (raw.fixedLPRC == 0 && raw.fixedLPStatus == GLP_OPT) ? .optimal : .none
        switch raw.rc {
        case 0:
            switch raw.status {
            case GLP_OPT: return .init(.optimal, .optimal, dual)
            case GLP_NOFEAS: return .init(.infeasible, .none, .none)
            default: return .init(.numericalFailure, primal, dual)
            }
        case GLP_EMIPGAP: return .init(.gapLimit, primal == .none ? .none : .feasible, dual)
        case GLP_ETMLIM: return .init(.timeLimit, primal == .none ? .none : .feasible, dual)
        case GLP_ESTOP: return .init(.cancelled, primal == .none ? .none : .feasible, dual)
        case GLP_ENOPFS: return .init(.infeasible, .none, .none)
        case GLP_ENODFS: return .init(.infeasibleOrUnbounded, .none, .none)
        default: return .init(.numericalFailure, primal == .none ? .none : .feasible, dual)
        }
    }
}
