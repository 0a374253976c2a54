/// What the bottleneck table's value columns mean, printed under it.
enum ToolValueText {
    static let legend = """
        per tool-hour: the value of one more tool-hour (shadow price), valid for the extra hours in "valid for";
        per extra tool: one more tool in that period (its effective hours), the plan's tool purchases unchanged:
          exact-resolve = re-solved with the tool (exact), within-range = shadow price x hours (exact, inside the
          range), lower-bound = shadow price x the hours inside the range (at least this; at most shadow price x
          all the hours, in the JSON's valuePerExtraToolUpperBound).

        """
}
