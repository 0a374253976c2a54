import FabPlan

/// How the proof behind a plan (`PlanQuality`) is shown: one line under a plan's objective, rows of the compare
/// table, and the footnote that flags deltas between plans of unequal proof.
enum PlanQualityText {
    /// "plan quality: proven optimal; best bound 56,560,756,953 USD, gap 0 USD (target 150,000)".
    static func line(_ q: PlanQuality, unit: String) -> String {
        var out = "plan quality: "
        switch q.proof {
        case .withinTarget:
            out += "within the optimality target" + (q.absoluteGapTarget.map { " (\(Fmt.n($0)) \(unit))" } ?? "")
        case .stoppedByLimit: out += "NOT proven: stopped by a limit, a better plan may exist"
        default: out += q.summary(unit: unit)
        }
        if let b = q.bestBound, q.proof != .lpOptimal { out += "; best bound \(Fmt.n(b)) \(unit)" }
        if let g = q.absoluteGap, q.proof != .lpOptimal { out += ", gap \(Fmt.n(g)) \(unit)" }
        return TextTable.wrap(out, to: TerminalWidth.current - 2).joined(separator: "\n  ") + "\n"
    }

    /// Compare rows: the proof, the best bound and the absolute gap of each plan.
    static func rows(_ qualities: [PlanQuality?]) -> [(String, [String])] {
        [
            ("proof", qualities.map { $0?.proof.rawValue ?? "-" }),
            ("best bound", qualities.map { q in q?.bestBound.map { Fmt.n($0) } ?? "-" }),
            ("gap to bound", qualities.map { q in q?.absoluteGap.map { Fmt.n($0) } ?? "-" }),
        ]
    }

    /// True when a delta between plans of these qualities reflects the inputs, not the search: both proven.
    static func comparable(_ a: PlanQuality?, _ b: PlanQuality?) -> Bool {
        (a?.isProven ?? false) && (b?.isProven ?? false)
    }

    /// The footnote for the compare table when some plan is not proven, else "".
    static func footnote(names: [String], qualities: [PlanQuality?]) -> String {
        let unproven = zip(names, qualities).filter { !($0.1?.isProven ?? false) }
        guard !unproven.isEmpty else { return "" }
        let list = unproven.map { name, q in
            "\(name) (\(q?.proof.rawValue ?? "no plan")\(q?.absoluteGap.map { ", gap \(Fmt.n($0))" } ?? ""))"
        }
        return "* plans of unequal proof: \(list.joined(separator: ", ")) stopped before proving optimality; a delta "
            + "marked * may come from the search, not from the scenario. Raise --time-limit to prove them.\n"
    }
}
