/// What the bottleneck table's value columns mean, printed under it (wrapped to the terminal).
enum ToolValueText {
    static let sentences = [
        "per tool-hour: the value of one more tool-hour (shadow price), valid for the extra hours in \"valid for\".",
        "per extra tool: one more tool in that period (its effective hours), the plan's tool purchases unchanged: "
            + "exact-resolve = re-solved with the tool (exact); within-range = shadow price x hours (exact, inside "
            + "the range); lower-bound = shadow price x the hours inside the range (at least this; at most shadow "
            + "price x all the hours, valuePerExtraToolUpperBound in JSON).",
    ]

    static var legend: String {
        sentences.map { TextTable.wrap($0, to: TerminalWidth.current - 2).joined(separator: "\n  ") }.joined(separator: "\n") + "\n"
    }
}
