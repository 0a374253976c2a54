/// `die_types`: unique ids and die edges within `FieldRanges.dieEdgeMillimetres`.
enum DieTypeRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.count(model.dieTypes.count, "die_types", what: "die types", max: report.limits.maxDieTypes)
        let paths = model.dieTypes.enumerated().map { report.entryPath("die_types", id: $0.element.id, index: $0.offset) }
        report.uniqueIds(model.dieTypes.map(\.id), noun: "die type") { paths[$0] }
        for (i, die) in model.dieTypes.enumerated() {
            report.number(die.widthMillimetres, paths[i] + ".width_mm", FieldRanges.dieEdgeMillimetres)
            report.number(die.heightMillimetres, paths[i] + ".height_mm", FieldRanges.dieEdgeMillimetres)
        }
    }

    /// Reports `id` when it names no die type; true when it is known.
    static func known(_ id: String, in model: LineModel, _ path: String, _ report: inout ValidationReport) -> Bool {
        let ids = model.dieTypes.map(\.id)
        guard ids.contains(id) else {
            report.report(.unknownReference, path,
                          "unknown die type '\(id)'" + Suggestions.hint(for: id, among: ids, noun: "die types"))
            return false
        }
        return true
    }
}
