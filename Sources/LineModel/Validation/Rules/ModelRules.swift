/// Top level: the model's name, description and currency.
enum ModelRules {
    static func check(_ model: LineModel, _ report: inout ValidationReport) {
        report.text(model.name, "name")
        report.text(model.description, "description")
        report.identifier(model.currency, "currency")
    }
}
